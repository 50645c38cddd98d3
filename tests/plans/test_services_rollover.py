"""Rolling the live 2026-27 NSDC plan forward: what is copied, what stays behind, and that the
old plan changes in nothing but its status."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.utils import timezone

from apps.demo.seeds import NSDC_2026
from apps.partnerships.models import Membership, Partnership
from apps.plans.models import (
    Action,
    Objective,
    Plan,
    PredecessorMatch,
    Rating,
    Status,
    Theme,
    Update,
)
from apps.plans.selectors import plan_changes, plan_completed_actions
from apps.plans.services import rollover
from apps.plans.services.rollover import (
    NOT_A_COMPLETED_ACTION,
    PERIOD_MISSING,
    PERIOD_UNCHANGED,
    PLAN_NOT_LIVE,
    ROLLED_FORWARD,
    TITLE_MISSING,
    plan_roll_forward,
)
from tests import builders
from tests.module_db import ModuleDb

pytestmark = pytest.mark.django_db

COPIED_FIELDS = [
    "number",
    "position",
    "method",
    "text",
    "sub_items",
    "details",
    "due_text",
    "due_date",
    "status",
]


@pytest.fixture(scope="module")
def seed_live(module_db: ModuleDb) -> Plan:
    """The live 2026-27 seed plan, imported once for the module."""
    with module_db():
        return builders.import_plan(NSDC_2026, builders.partnership(), status=Plan.Status.LIVE)


@pytest.fixture
def partnership(seed_live: Plan) -> Partnership:
    return Partnership.objects.get(pk=seed_live.partnership_id)


@pytest.fixture
def live(seed_live: Plan) -> Plan:
    return Plan.objects.get(pk=seed_live.pk)


@pytest.fixture
def manager(partnership: Partnership) -> User:
    return builders.member(partnership=partnership, role=Membership.Role.MANAGER)


def _roll(plan: Plan, user: User, **kwargs: Any) -> Plan:
    arguments = {"title": "Delivery Plan 2027-28", "period_label": "2027-28", **kwargs}
    return plan_roll_forward(plan=plan, user=user, **arguments)


def _snapshot(plan: Plan) -> dict[str, Any]:
    """Every row of the plan, field by field, with its many-to-many links and history count."""
    actions = Action.objects.filter(objective__theme__plan=plan).order_by("pk")
    return {
        "plan": {k: v for k, v in model_to_dict(plan).items() if k != "status"},
        "plan history": plan.history.count(),
        "ratings": list(Rating.objects.filter(plan=plan).order_by("pk").values()),
        "themes": list(Theme.objects.filter(plan=plan).order_by("pk").values()),
        "objectives": list(Objective.objects.filter(theme__plan=plan).order_by("pk").values()),
        "actions": list(actions.values()),
        "leads and tags": [
            (
                sorted(a.lead_people.values_list("pk", flat=True)),
                sorted(a.lead_organisations.values_list("pk", flat=True)),
                sorted(a.tags.values_list("pk", flat=True)),
            )
            for a in actions
        ],
        "updates": list(Update.objects.filter(action__in=actions).order_by("pk").values()),
        "action history": [a.history.count() for a in actions],
        "update history": Update.history.filter(action_id__in=actions).count(),
    }


def test_old_plan_changes_in_nothing_but_its_status(live: Plan, manager: User) -> None:
    before = _snapshot(live)
    _roll(live, manager, carry_completed=plan_completed_actions(plan=live)[:2])
    live.refresh_from_db()
    after = _snapshot(live)

    assert live.status == Plan.Status.ARCHIVED
    assert after.pop("plan history") == before.pop("plan history") + 1
    assert after == before
    latest = live.history.first()
    assert (latest.status, latest.history_user) == (Plan.Status.ARCHIVED, manager)


def test_new_plan_is_a_draft_with_the_same_structure(live: Plan, manager: User) -> None:
    new = _roll(live, manager)

    assert (new.status, new.predecessor, new.title, new.period_label) == (
        Plan.Status.DRAFT,
        live,
        "Delivery Plan 2027-28",
        "2027-28",
    )
    assert new.partnership == live.partnership
    assert new.introduction == live.introduction
    assert new.history.first().history_user == manager

    def structure(plan: Plan) -> list[Any]:
        return [
            (t.title, t.statement, t.position, [(o.number, o.title) for o in t.objectives.all()])
            for t in plan.themes.prefetch_related("objectives")
        ]

    assert structure(new) == structure(live)
    assert len(structure(new)) == 4
    assert [(r.code, r.label, r.colour, r.definition) for r in new.ratings.all()] == [
        (r.code, r.label, r.colour, r.definition) for r in live.ratings.all()
    ]


def test_actions_carried_forward_and_left_behind(live: Plan, manager: User) -> None:
    completed = plan_completed_actions(plan=live)
    assert len(completed) == 13  # "Completed" by-when in the 2026-27 document
    retired = Action.objects.filter(objective__theme__plan=live, status=Status.ONGOING).first()
    assert retired is not None
    retired.retired_at, retired.retired_reason = timezone.now(), "Merged"
    retired.save()
    chosen = [a for a in completed if a.objective.number == 1][:2]

    new = _roll(live, manager, carry_completed=chosen)

    carried = Action.objects.filter(objective__theme__plan=new).select_related(
        "predecessor", "objective", "rating"
    )
    assert carried.count() == 64 - 13 - 1 + 2
    assert {a.predecessor_id for a in carried} == (
        set(
            Action.objects.filter(objective__theme__plan=live, retired_at__isnull=True)
            .exclude(status=Status.COMPLETED)
            .values_list("pk", flat=True)
        )
        | {a.pk for a in chosen}
    )
    assert retired.pk not in {a.predecessor_id for a in carried}
    for action in carried:
        old = action.predecessor
        assert old is not None
        assert {f: getattr(action, f) for f in COPIED_FIELDS} == {
            f: getattr(old, f) for f in COPIED_FIELDS
        }
        assert action.objective.number == old.objective.number
        assert action.objective.theme.plan_id == new.pk
        assert (action.rating.code if action.rating else None) == (
            old.rating.code if old.rating else None
        )
        assert action.rating is None or action.rating.plan_id == new.pk
        assert set(action.lead_people.all()) == set(old.lead_people.all())
        assert set(action.lead_organisations.all()) == set(old.lead_organisations.all())
        assert set(action.tags.all()) == set(old.tags.all())
        assert (action.predecessor_match, action.predecessor_score, action.predecessor_reason) == (
            PredecessorMatch.ROLLOVER,
            100,
            ROLLED_FORWARD,
        )
        assert action.history.first().history_user == manager
        assert not action.updates.exists()
    assert sum(a.status == Status.COMPLETED for a in carried) == 2


def test_what_changed_after_a_rollover(live: Plan, manager: User) -> None:
    new = _roll(live, manager)
    changes = plan_changes(plan=new)
    assert changes is not None
    counts = changes.counts
    assert (counts["carried"], counts["unchanged"], counts["dropped"], counts["new"]) == (
        51,
        51,
        13,
        0,
    )


def test_plan_that_is_not_live_is_refused(live: Plan, manager: User) -> None:
    live.status = Plan.Status.DRAFT
    live.save()
    plans = Plan.objects.count()
    with pytest.raises(ValidationError) as error:
        _roll(live, manager)
    assert error.value.messages == [PLAN_NOT_LIVE.format(status="draft")]
    assert Plan.objects.count() == plans


@pytest.mark.parametrize(
    ("arguments", "errors"),
    [
        (
            {"title": " ", "period_label": ""},
            {"title": [TITLE_MISSING], "period_label": [PERIOD_MISSING]},
        ),
        (
            {"period_label": "2026-27"},
            {"period_label": [PERIOD_UNCHANGED.format(period="2026-27")]},
        ),
    ],
)
def test_title_and_a_new_period_are_required(
    live: Plan, manager: User, arguments: dict[str, str], errors: dict[str, list[str]]
) -> None:
    with pytest.raises(ValidationError) as error:
        _roll(live, manager, **arguments)
    assert error.value.message_dict == errors
    live.refresh_from_db()
    assert live.status == Plan.Status.LIVE


def test_only_completed_actions_of_the_plan_can_be_chosen(live: Plan, manager: User) -> None:
    ongoing = Action.objects.filter(objective__theme__plan=live, status=Status.ONGOING).first()
    assert ongoing is not None
    with pytest.raises(ValidationError) as error:
        _roll(live, manager, carry_completed=[ongoing])
    assert error.value.message_dict == {"completed": [NOT_A_COMPLETED_ACTION]}


def test_a_failure_part_way_leaves_nothing(
    live: Plan, manager: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[int] = []
    real_copy = rollover._copy_action

    def failing_copy(*args: Any) -> Action:
        if len(copied) == 5:
            raise RuntimeError("database went away")
        copied.append(1)
        return real_copy(*args)

    monkeypatch.setattr(rollover, "_copy_action", failing_copy)
    plans, actions = Plan.objects.count(), Action.objects.count()
    with pytest.raises(RuntimeError):
        _roll(live, manager)
    assert (Plan.objects.count(), Action.objects.count()) == (plans, actions)
    live.refresh_from_db()
    assert live.status == Plan.Status.LIVE
