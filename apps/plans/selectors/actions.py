"""Reads of actions: the rows a page lists, one action's page, what is overdue, who may update."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from apps.partnerships.models import Membership, Person
from apps.partnerships.selectors import person_for, role_in, roles_for
from apps.plans.models import Action, Plan, Status, Update


def today() -> date:
    return timezone.localdate()


def overdue_q(*, on: date | None = None) -> Q:
    """Overdue: a due date that has passed on an action that is not completed or retired."""
    return Q(due_date__lt=on or today(), retired_at__isnull=True) & ~Q(status=Status.COMPLETED)


def action_is_overdue(action: Action, *, on: date | None = None) -> bool:
    return (
        action.due_date is not None
        and action.due_date < (on or today())
        and action.status != Status.COMPLETED
        and action.retired_at is None
    )


def action_queryset() -> QuerySet[Action]:
    """Actions with everything a row on a page shows, in a constant number of queries."""
    return Action.objects.select_related("objective__theme__plan", "rating").prefetch_related(
        # Leads are named with their agency ("Jane Smith (JS), Police"), joined, not per row.
        Prefetch("lead_people", queryset=Person.objects.select_related("organisation")),
        "lead_organisations",
        "tags",
        Prefetch(
            "updates",
            queryset=Update.objects.select_related("rating", "author").order_by(
                # Undated updates last on every database (PostgreSQL sorts NULL first otherwise).
                F("reported_on").desc(nulls_last=True),
                "-created_at",
                "-id",
            ),
        ),
    )


def action_list_for_user(*, user: User) -> list[Action]:
    """Actions the user leads (as a person in any of their partnerships) in live plans, overdue
    first, then by due date."""
    actions = list(
        action_queryset()
        .filter(
            lead_people__user=user,
            retired_at__isnull=True,
            objective__theme__plan__partnership_id__in=roles_for(user),
        )
        .filter(objective__theme__plan__status=Plan.Status.LIVE)
    )
    return actions_overdue_first(actions)


def actions_overdue_first(actions: Iterable[Action]) -> list[Action]:
    """Overdue first, then by due date, then in plan order (for a person's own lists)."""
    now = today()
    return sorted(
        actions,
        key=lambda a: (
            not action_is_overdue(a, on=now),
            a.due_date or date.max,
            a.objective.theme.plan_id,
            a.objective.number,
            a.position,
        ),
    )


def leads_personally(person: Person, action: Action) -> bool:
    """Whether the person is one of the action's lead people (from the prefetch)."""
    return any(p.pk == person.pk for p in action.lead_people.all())


def led_by_organisation(organisation_id: int, action: Action) -> bool:
    """Whether the organisation leads the action, by name or through one of its people (from
    the prefetches; a person's organisation id needs no join)."""
    return any(o.pk == organisation_id for o in action.lead_organisations.all()) or any(
        p.organisation_id == organisation_id for p in action.lead_people.all()
    )


def may_update_as(role: str | None, person: Person | None, action: Action) -> bool:
    """Whether a lead or coordinator, who is `person` in the action's partnership, may update
    it (the plan's state aside). The rule `plans.add_update` and `action_ids_user_may_update`
    both ask this, so they give the same answer."""
    if person is None:
        return False
    if role == Membership.Role.LEAD:
        return leads_personally(person, action)
    if role == Membership.Role.COORDINATOR:
        return leads_personally(person, action) or (
            person.organisation_id is not None
            and led_by_organisation(person.organisation_id, action)
        )
    return False


def action_ids_user_may_update(
    *, user: User | AnonymousUser, plan: Plan, actions: list[Action]
) -> set[int]:
    """Which of these actions of one plan the user may update, from data already loaded.

    The same answer as `user.has_perm("plans.add_update", action)` for each action, without a
    query per row: the role is looked up once and the leads (and their organisation ids) come
    from the prefetch. The user may be anonymous, as the rule's may.
    """
    if plan.status == Plan.Status.ARCHIVED:
        return set()
    role = role_in(user, plan.partnership_id)
    if role == Membership.Role.MANAGER:
        return {a.pk for a in actions}
    if plan.status == Plan.Status.DRAFT:
        return set()
    if role not in (Membership.Role.LEAD, Membership.Role.COORDINATOR):
        return set()
    person = person_for(user, plan.partnership_id)
    return {a.pk for a in actions if may_update_as(role, person, a)}


def action_detail() -> QuerySet[Action]:
    """One action for its own page: the plan joined (for permissions) and its leads."""
    return Action.objects.select_related("objective__theme__plan", "rating").prefetch_related(
        Prefetch("lead_people", queryset=Person.objects.select_related("organisation")),
        "lead_organisations",
        "tags",
    )


def action_updates(*, action: Action) -> QuerySet[Update]:
    """The action's updates, newest first, with who wrote them and the rating they set."""
    return action.updates.select_related("author", "rating")


def plan_action_count(*, plan: Plan, include_retired: bool = False) -> int:
    actions = Action.objects.filter(objective__theme__plan=plan)
    if not include_retired:
        actions = actions.filter(retired_at__isnull=True)
    return actions.count()
