"""Reads for plan pages: joined and prefetched here so page query counts do not grow with data."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from apps.partnerships.models import Membership, Organisation, Partnership, Person
from apps.partnerships.roles import role_in, roles_for
from apps.plans.models import Action, Objective, Plan, Rating, Status, Tag, Theme, Update


@dataclass(frozen=True)
class SummaryLine:
    """One line of a status summary, printed as the documents print it: "Green 14/14 (100%)"."""

    label: str
    count: int
    total: int
    colour: str = ""
    code: str = ""

    @property
    def percentage(self) -> int:
        return round(100 * self.count / self.total) if self.total else 0

    def __str__(self) -> str:
        return f"{self.label} {self.count}/{self.total} ({self.percentage}%)"


@dataclass
class StatusSummary:
    total: int
    by_rating: list[SummaryLine] = field(default_factory=list)
    by_status: list[SummaryLine] = field(default_factory=list)
    overdue: int = 0


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


def plan_status_summaries(*, plans: list[Plan]) -> dict[int, StatusSummary]:
    """Status summary for several plans in two queries, whatever their size."""
    plan_ids = [p.pk for p in plans]
    ratings_by_plan: dict[int, list[Rating]] = {pk: [] for pk in plan_ids}
    for rating in Rating.objects.filter(plan_id__in=plan_ids).order_by("plan_id", "position"):
        ratings_by_plan[rating.plan_id].append(rating)
    rows = Action.objects.filter(
        objective__theme__plan_id__in=plan_ids, retired_at__isnull=True
    ).values_list("objective__theme__plan_id", "rating_id", "status", "due_date")
    totals: Counter[int] = Counter()
    by_rating: Counter[tuple[int, int | None]] = Counter()
    by_status: Counter[tuple[int, str]] = Counter()
    overdue: Counter[int] = Counter()
    now = today()
    for plan_id, rating_id, status, due_date in rows:
        totals[plan_id] += 1
        by_rating[(plan_id, rating_id)] += 1
        by_status[(plan_id, status)] += 1
        if due_date is not None and due_date < now and status != Status.COMPLETED:
            overdue[plan_id] += 1
    summaries = {}
    for plan_id in plan_ids:
        total = totals[plan_id]
        rating_lines = [
            SummaryLine(r.label, by_rating[(plan_id, r.pk)], total, r.colour, r.code)
            for r in ratings_by_plan[plan_id]
        ]
        unrated = by_rating[(plan_id, None)]
        if unrated:
            rating_lines.append(SummaryLine("Not rated", unrated, total, "", ""))
        status_lines = [
            SummaryLine(str(label), by_status[(plan_id, value)], total, "", value)
            for value, label in Status.choices
            if by_status[(plan_id, value)]
        ]
        summaries[plan_id] = StatusSummary(
            total=total, by_rating=rating_lines, by_status=status_lines, overdue=overdue[plan_id]
        )
    return summaries


def plan_status_summary(*, plan: Plan) -> StatusSummary:
    return plan_status_summaries(plans=[plan])[plan.pk]


@dataclass
class PartnershipWithPlans:
    partnership: Partnership
    role: str
    plans: list[tuple[Plan, StatusSummary]]

    @property
    def role_label(self) -> str:
        return str(Membership.Role(self.role).label)


def partnership_list_with_plans(*, user: Any) -> list[PartnershipWithPlans]:
    """The partnerships a user belongs to, each with its plans and their status summaries."""
    roles = roles_for(user)
    partnerships = list(
        Partnership.objects.filter(pk__in=roles).prefetch_related(
            Prefetch("plans", queryset=Plan.objects.order_by("status", "-starts_on", "-pk"))
        )
    )
    all_plans = [plan for p in partnerships for plan in p.plans.all()]
    summaries = plan_status_summaries(plans=all_plans)
    status_order: dict[str, int] = {"live": 0, "draft": 1, "archived": 2}
    return [
        PartnershipWithPlans(
            partnership=p,
            role=roles[p.pk],
            plans=[
                (plan, summaries[plan.pk])
                for plan in sorted(p.plans.all(), key=lambda x: (status_order[x.status], -x.pk))
            ],
        )
        for p in partnerships
    ]


def action_queryset() -> QuerySet[Action]:
    """Actions with everything a row on a page shows, in a constant number of queries."""
    return Action.objects.select_related("objective__theme__plan", "rating").prefetch_related(
        "lead_people",
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


def plans_for_user(*, user: Any) -> QuerySet[Plan]:
    return Plan.objects.filter(partnership_id__in=roles_for(user)).select_related("partnership")


def action_list_for_user(*, user: Any) -> list[Action]:
    """Actions the user's person leads in live plans, overdue first, then by due date."""
    person = getattr(user, "person", None)
    if person is None:
        return []
    actions = list(
        action_queryset()
        .filter(
            lead_people=person,
            retired_at__isnull=True,
            objective__theme__plan__partnership_id__in=roles_for(user),
        )
        .filter(objective__theme__plan__status=Plan.Status.LIVE)
    )
    now = today()
    actions.sort(
        key=lambda a: (
            not action_is_overdue(a, on=now),
            a.due_date or date.max,
            a.objective.theme.plan_id,
            a.objective.number,
            a.position,
        )
    )
    return actions


def action_ids_user_may_update(*, user: Any, plan: Plan, actions: list[Action]) -> set[int]:
    """Which of these actions of one plan the user may update, from data already loaded.

    The same answer as `user.has_perm("plans.add_update", action)` for each action, without a
    query per row: the role is looked up once and the leads come from the prefetch.
    """
    role = role_in(user, plan.partnership_id)
    if role == Membership.Role.MANAGER:
        return {a.pk for a in actions}
    person = getattr(user, "person", None) if role == Membership.Role.LEAD else None
    if person is None:
        return set()
    return {a.pk for a in actions if any(p.pk == person.pk for p in a.lead_people.all())}


def action_detail() -> QuerySet[Action]:
    """One action for its own page: the plan joined (for permissions) and its leads."""
    return Action.objects.select_related("objective__theme__plan", "rating").prefetch_related(
        Prefetch("lead_people", queryset=Person.objects.select_related("organisation")),
        "lead_organisations",
        "tags",
    )


def plan_live_action_count(*, plan: Plan) -> int:
    return plan_action_count(plan=plan)


def plan_action_count(*, plan: Plan, include_retired: bool = False) -> int:
    actions = Action.objects.filter(objective__theme__plan=plan)
    if not include_retired:
        actions = actions.filter(retired_at__isnull=True)
    return actions.count()


@dataclass
class ObjectiveRows:
    objective: Objective
    actions: list[Action]


@dataclass
class ThemeRows:
    theme: Theme
    objectives: list[ObjectiveRows]


def plan_structure(
    *, plan: Plan, actions: list[Action], keep_empty: bool = True
) -> list[ThemeRows]:
    """Themes → objectives → the given actions, in plan order, in two queries."""
    by_objective: dict[int, list[Action]] = {}
    for action in actions:
        by_objective.setdefault(action.objective_id, []).append(action)
    result = []
    for theme in Theme.objects.filter(plan=plan).prefetch_related("objectives"):
        rows = [
            ObjectiveRows(objective, by_objective.get(objective.pk, []))
            for objective in theme.objectives.all()
        ]
        if not keep_empty:
            rows = [row for row in rows if row.actions]
        if rows or keep_empty:
            result.append(ThemeRows(theme, rows))
    return result


@dataclass
class FilterOptions:
    themes: list[Theme]
    objectives: list[Objective]
    leads: list[tuple[str, str]]
    statuses: list[tuple[str, str]]
    ratings: list[Rating]
    tags: list[Tag]


def plan_filter_options(*, plan: Plan) -> FilterOptions:
    """The choices for the plan page's filter form, in a fixed number of queries."""
    people = Person.objects.filter(led_actions__objective__theme__plan=plan).distinct()
    organisations = Organisation.objects.filter(led_actions__objective__theme__plan=plan).distinct()
    leads = [(f"o{o.pk}", o.short_name) for o in organisations] + [
        (f"p{p.pk}", str(p)) for p in people
    ]
    return FilterOptions(
        themes=list(Theme.objects.filter(plan=plan)),
        objectives=list(Objective.objects.filter(theme__plan=plan).select_related("theme")),
        leads=leads,
        statuses=list(Status.choices),
        ratings=list(Rating.objects.filter(plan=plan)),
        tags=list(Tag.objects.filter(actions__objective__theme__plan=plan).distinct()),
    )


@dataclass(frozen=True)
class HistoryChange:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    """One event in an action's audit history: who, when, what kind, and what changed."""

    when: Any
    who: str
    kind: str
    changes: list[HistoryChange] = field(default_factory=list)
    note: str = ""


# Labels as the plan's users say them, where a model field's own label would not do.
_FIELD_LABELS = {
    "rating": "RAG rating",
    "due_text": "By when",
    "due_date": "By when (as a date)",
    "position": "Position in the objective",
    "retired_at": "Retired on",
    "retired_reason": "Reason for retiring",
    "sub_items": "Sub-items",
}


def _who(user: Any) -> str:
    if user is None:
        return "the system"
    person = getattr(user, "person", None)
    return f"{person} – {user.get_username()}" if person else user.get_username()


def _display(model_field: Any, value: Any) -> str:
    if value in (None, "", []):
        return "(blank)"
    if model_field.many_to_many:
        model = model_field.related_model
        key = model._meta.model_name
        ids = [row.get(key) for row in value if isinstance(row, dict)]
        return ", ".join(str(o) for o in model.objects.filter(pk__in=ids)) or "(blank)"
    if model_field.is_relation:
        obj = model_field.related_model.objects.filter(pk=value).first()
        return str(obj) if obj is not None else str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%-d %B %Y}"
    if isinstance(value, date):
        return f"{value:%-d %B %Y}"
    return str(value)


def _label(model_field: Any) -> str:
    name = model_field.name
    return _FIELD_LABELS.get(name) or str(model_field.verbose_name).capitalize()


def action_history(*, action: Action) -> list[HistoryEntry]:
    """The action's audit history, newest first: each change to the action, field by field
    ("Status changed from Not started to On-going"), and each update added to it."""
    records = list(
        action.history.select_related("history_user__person").order_by("history_date", "history_id")
    )
    entries = []
    previous = None
    for record in records:
        changes: list[HistoryChange] = []
        if previous is not None:
            for change in record.diff_against(previous).changes:
                model_field = Action._meta.get_field(change.field)
                changes.append(
                    HistoryChange(
                        field=_label(model_field),
                        old=_display(model_field, change.old),
                        new=_display(model_field, change.new),
                    )
                )
        previous = record
        kind = {"+": "Created", "~": "Changed", "-": "Deleted"}[record.history_type]
        if kind == "Changed" and not changes:
            continue  # a save that changed nothing tells the reader nothing
        entries.append(HistoryEntry(record.history_date, _who(record.history_user), kind, changes))
    created = Update.history.filter(action_id=action.pk, history_type="+").select_related(
        "history_user__person", "rating"
    )
    for record in created:
        parts = [f"status {Status(record.status).label}" if record.status else ""]
        parts.append(f"RAG {record.rating}" if record.rating_id else "")
        note = ", ".join(p for p in parts if p)
        entries.append(
            HistoryEntry(
                record.history_date,
                _who(record.history_user),
                "Update added",
                note=f"Set {note}" if note else "",
            )
        )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries
