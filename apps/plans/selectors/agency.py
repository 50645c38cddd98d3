"""An agency coordinator's list: every action in a live plan that their organisation leads,
by name or through one of its people, and who else in the organisation leads each."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import Q

from apps.partnerships.domain.display import person_with_organisation
from apps.partnerships.models import Membership, Organisation
from apps.partnerships.selectors import person_for, roles_for
from apps.plans.models import Action, Plan
from apps.plans.selectors.actions import (
    action_ids_user_may_update,
    action_queryset,
    actions_overdue_first,
)


@dataclass
class AgencyActions:
    """One organisation's actions, for the coordinator who answers for it in one partnership."""

    organisation: Organisation
    actions: list[Action]
    # Action id → the organisation's other people leading it ("Jane Smith (JS), Police").
    also_led_by: dict[int, list[str]] = field(default_factory=dict)
    # The actions the coordinator may update: all of them, as `plans.add_update` answers.
    updatable_ids: set[int] = field(default_factory=set)


def agency_actions_for_user(*, user: User) -> list[AgencyActions]:
    """For each partnership where the user is an agency coordinator with an organisation, the
    live actions that organisation leads (the same actions `plans.add_update` lets them
    update), overdue first, then by due date. One query set per such partnership."""
    found = []
    for partnership_id, role in sorted(roles_for(user).items()):
        if role != Membership.Role.COORDINATOR:
            continue
        person = person_for(user, partnership_id)
        if person is None or person.organisation is None:
            continue
        organisation = person.organisation
        led = Action.objects.filter(
            Q(lead_organisations=organisation) | Q(lead_people__organisation=organisation)
        ).values("pk")
        actions = actions_overdue_first(
            action_queryset().filter(
                pk__in=led,
                retired_at__isnull=True,
                objective__theme__plan__partnership_id=partnership_id,
                objective__theme__plan__status=Plan.Status.LIVE,
            )
        )
        also_led_by = {
            a.pk: others
            for a in actions
            if (
                others := [
                    person_with_organisation(p)
                    for p in a.lead_people.all()
                    if p.organisation_id == organisation.pk and p.pk != person.pk
                ]
            )
        }
        by_plan: dict[int, list[Action]] = {}
        for action in actions:
            by_plan.setdefault(action.objective.theme.plan_id, []).append(action)
        updatable = set().union(
            *(
                action_ids_user_may_update(
                    user=user, plan=rows[0].objective.theme.plan, actions=rows
                )
                for rows in by_plan.values()
            )
        )
        found.append(AgencyActions(organisation, actions, also_led_by, updatable))
    return found
