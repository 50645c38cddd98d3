"""Reads for plan pages: status summaries, filtering, who may update, history, My actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.http import QueryDict
from django.utils import timezone

from apps.partnerships.models import Membership, Partnership
from apps.partnerships.selectors import forget_roles
from apps.plans.models import Action, Plan, Status
from apps.plans.selectors import (
    PlanFilters,
    SummaryLine,
    action_history,
    action_ids_user_may_update,
    action_is_overdue,
    action_list_for_user,
    partnership_list_with_plans,
    plan_actions_filtered,
    plan_status_summary,
)
from apps.plans.services import action_add_update
from tests import builders
from tests.builders.partnerships import person_of

pytestmark = pytest.mark.django_db


def test_summary_line_prints_as_the_documents_do() -> None:
    assert str(SummaryLine("Green", 14, 14)) == "Green 14/14 (100%)"
    assert str(SummaryLine("On-going", 40, 60)) == "On-going 40/60 (67%)"
    assert str(SummaryLine("Red", 0, 0)) == "Red 0/0 (0%)"


def test_plan_status_summary_counts_live_actions(small_plan: builders.SmallPlan) -> None:
    Action.objects.filter(pk=small_plan.actions[3].pk).update(retired_at=timezone.now())
    summary = plan_status_summary(plan=small_plan.plan)
    assert summary.total == 3
    assert [str(line) for line in summary.by_rating] == [
        "Red 0/3 (0%)",
        "Amber 0/3 (0%)",
        "Green 1/3 (33%)",
        "Not rated 2/3 (67%)",
    ]
    assert [str(line) for line in summary.by_status] == [
        "Not started 2/3 (67%)",
        "On-going 1/3 (33%)",
    ]
    assert summary.overdue == 2


def test_partnership_list_puts_live_plans_first(
    manager: User, small_plan: builders.SmallPlan
) -> None:
    partnership = small_plan.plan.partnership
    builders.plan(partnership=partnership, title="Archived", status=Plan.Status.ARCHIVED)
    builders.plan(partnership=partnership, title="Draft", status=Plan.Status.DRAFT)
    (entry,) = partnership_list_with_plans(user=manager)
    assert entry.role == Membership.Role.MANAGER
    assert [plan.status for plan, _ in entry.plans] == ["live", "draft", "archived"]


def _filtered(plan: Plan, **query: str) -> list[str]:
    params = QueryDict(mutable=True)
    params.update(query)
    filters = PlanFilters.from_query(params)
    return sorted(a.text.split()[1] for a in plan_actions_filtered(plan=plan, filters=filters))


def test_each_filter(small_plan: builders.SmallPlan, lead: User) -> None:
    plan = small_plan.plan
    green = plan.ratings.get(code="G")
    csp = small_plan.actions[0].lead_organisations.get()
    assert _filtered(plan) == ["1.1", "1.2", "2.1", "2.2"]
    assert _filtered(plan, theme=str(small_plan.themes[0].pk)) == ["1.1", "1.2"]
    assert _filtered(plan, objective=str(small_plan.objectives[1].pk)) == ["2.1", "2.2"]
    assert _filtered(plan, lead=f"p{person_of(lead).pk}") == ["1.1"]
    assert _filtered(plan, lead=f"o{csp.pk}") == ["1.1", "1.2", "2.1", "2.2"]
    assert _filtered(plan, status=Status.ONGOING) == ["1.2", "2.2"]
    assert _filtered(plan, rating=str(green.pk)) == ["1.2", "2.2"]
    assert _filtered(plan, rating="none") == ["1.1", "2.1"]
    assert _filtered(plan, overdue="1") == ["1.1", "2.1"]
    assert _filtered(plan, tag="asb") == ["1.1", "1.2", "2.1", "2.2"]
    assert _filtered(plan, tag="nothing") == []
    assert _filtered(plan, q="update on 2.2") == ["2.2"]


def test_filters_keep_to_their_plan(small_plan: builders.SmallPlan) -> None:
    other = builders.small_plan(partnership=small_plan.plan.partnership)
    assert len(_filtered(small_plan.plan, q="behaviour")) == 4
    assert len(_filtered(other.plan, theme=str(small_plan.themes[0].pk))) == 0


def test_filters_are_active_only_when_they_narrow() -> None:
    assert not PlanFilters().active
    assert not PlanFilters(retired=True).active
    assert PlanFilters(q="x").active
    assert PlanFilters(overdue=True).active


def test_overdue_ignores_completed_retired_and_undated(small_plan: builders.SmallPlan) -> None:
    action = small_plan.actions[0]
    assert action_is_overdue(action, on=date(2025, 4, 1))
    assert not action_is_overdue(action, on=date(2025, 3, 31))
    action.status = Status.COMPLETED
    assert not action_is_overdue(action, on=date(2025, 4, 1))
    action.status = Status.ONGOING
    action.retired_at = timezone.now()
    assert not action_is_overdue(action, on=date(2025, 4, 1))
    assert not action_is_overdue(small_plan.actions[1], on=date(2099, 1, 1))


@pytest.mark.parametrize("role", ["manager", "lead", "other lead", "viewer", "outsider", "anon"])
def test_updatable_ids_agree_with_the_rules(
    role: str,
    small_plan: builders.SmallPlan,
    manager: User,
    lead: User,
    viewer: User,
    make_member: Callable[..., User],
) -> None:
    """The plan page's once-per-page answer must be the rule's answer for every action."""
    other_lead = make_member(Membership.Role.LEAD)
    small_plan.actions[2].lead_people.add(person_of(other_lead))
    outsider = builders.member(partnership=builders.partnership(), role=Membership.Role.MANAGER)
    users: dict[str, User | AnonymousUser] = {
        "manager": manager,
        "lead": lead,
        "other lead": other_lead,
        "viewer": viewer,
        "outsider": outsider,
        "anon": AnonymousUser(),
    }
    user = users[role]
    actions = list(plan_actions_filtered(plan=small_plan.plan, filters=PlanFilters()))
    expected = {a.pk for a in actions if user.has_perm("plans.add_update", a)}
    assert action_ids_user_may_update(user=user, plan=small_plan.plan, actions=actions) == expected
    assert len(expected) == {"manager": 4, "lead": 1, "other lead": 1}.get(role, 0)


def test_a_lead_who_becomes_a_viewer_may_no_longer_update(
    small_plan: builders.SmallPlan, lead: User
) -> None:
    Membership.objects.filter(user=lead).update(role=Membership.Role.VIEWER)
    forget_roles(lead)
    actions = list(plan_actions_filtered(plan=small_plan.plan, filters=PlanFilters()))
    assert action_ids_user_may_update(user=lead, plan=small_plan.plan, actions=actions) == set()


def test_action_list_for_user_is_overdue_first_and_live_only(
    partnership: Partnership, make_member: Callable[..., User]
) -> None:
    user = make_member(Membership.Role.LEAD)
    live = builders.small_plan(partnership=partnership)
    draft = builders.small_plan(partnership=partnership)
    Plan.objects.filter(pk=draft.plan.pk).update(status=Plan.Status.DRAFT)
    for action in (live.actions[1], live.actions[2], live.actions[3], draft.actions[0]):
        action.lead_people.add(person_of(user))
    Action.objects.filter(pk=live.actions[3].pk).update(retired_at=timezone.now())
    listed = action_list_for_user(user=user)
    assert [a.pk for a in listed] == [live.actions[2].pk, live.actions[1].pk]


def test_action_list_for_someone_without_a_person_is_empty() -> None:
    user = User.objects.create_user(username="nobody", password="pw-for-tests-1")
    assert action_list_for_user(user=user) == []


def test_action_history_names_fields_and_values(small_plan: builders.SmallPlan, lead: User) -> None:
    action = small_plan.actions[0]
    amber = small_plan.plan.ratings.get(code="A")
    action_add_update(action=action, user=lead, text="Hi", status=Status.ONGOING, rating=amber)
    history = action_history(action=action)
    newest_change = next(e for e in history if e.kind == "Changed")
    assert {(c.field, c.old, c.new) for c in newest_change.changes} == {
        ("Status", "Not started", "On-going"),
        ("RAG rating", "(blank)", "Amber"),
    }
    assert newest_change.who.endswith("– lead")
    added = [e for e in history if e.kind == "Update added"]
    assert [e.note for e in added] == ["Set status On-going, RAG Amber", ""]
    assert history[-1].kind == "Created"
    assert [e.when for e in history] == sorted((e.when for e in history), reverse=True)
