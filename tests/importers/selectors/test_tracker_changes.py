"""Reading a partner's quarterly tracker against the plan: which row is which action, what each
would change, and what is left for the manager to decide (conflicts, duplicates, rows that match
nothing); nothing is written, and the queries do not grow with the rows."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.importers.domain.parsed import ParsedPlan
from apps.importers.models import DocumentUpload
from apps.importers.selectors import tracker_changes
from apps.importers.selectors.tracker_changes import (
    ACTION_RETIRED,
    NOTHING_TO_ADD,
    TrackerChanges,
)
from apps.partnerships.models import Membership, Partnership
from apps.plans.models import Action, Status, Update
from apps.plans.services import action_add_update, action_retire
from tests import builders
from tests.builders.trackers import Group, TrackerPlan, tracker, tracker_plan, tracker_row

pytestmark = pytest.mark.django_db

SAFER = ("Safer Neighbourhoods", 1, "Reduce anti-social behaviour in town centres")
RETAIL = ("Safer Neighbourhoods", 2, "Tackle retail crime")
ABUSE = ("Protecting Vulnerable People", 3, "Reduce the harm caused by domestic abuse")


@pytest.fixture
def plan(partnership: Partnership) -> TrackerPlan:
    return tracker_plan(partnership=partnership)


@pytest.fixture
def saved_later() -> datetime:
    """A tracker saved after the plan was imported, as next quarter's is."""
    return timezone.now()


def _changes(plan: TrackerPlan, *groups: Group, **kwargs: Any) -> TrackerChanges:
    return tracker_changes(plan=plan.plan, parsed=tracker(*groups), **kwargs)


def _kinds(changes: TrackerChanges) -> list[tuple[int, str]]:
    return [(c.row, c.kind) for c in changes.changes]


def test_numbers_with_other_punctuation_name_the_same_actions(plan: TrackerPlan) -> None:
    changes = _changes(
        plan,
        (*SAFER, [tracker_row("1.1."), tracker_row("(1.2)")]),
        (*RETAIL, [tracker_row(" 2 - 1 ")]),
        (*ABUSE, [tracker_row("3.01"), tracker_row("3.2)", updates=["–"])]),
    )
    assert [row.action for row in changes.rows] == [
        plan.actions[n] for n in ("1.1", "1.2", "2.1", "3.1", "3.2")
    ]
    assert {row.matched_by for row in changes.rows} == {"reference"}
    assert changes.changes == []  # nothing given (a dash is an empty cell), nothing to change


def test_a_reworded_row_without_its_number_is_matched_by_wording(plan: TrackerPlan) -> None:
    changes = _changes(
        plan,
        (
            *ABUSE,
            [
                tracker_row(
                    "",
                    "Train front-line housing officers to recognise signs of domestic abuse",
                    updates=["Third session booked for January."],
                )
            ],
        ),
    )
    (row,) = changes.rows
    assert row.action == plan.actions["3.1"] and row.matched_by == "wording"
    assert "wording" in row.reason
    assert [c.description for c in changes.changes] == [
        "Row 2 (action 3.1, matched by its wording): new update ‘Third session booked for January.’"
    ]


def test_a_flat_tracker_is_matched_by_wording_across_the_plan(plan: TrackerPlan) -> None:
    """No objectives, no references: a partner's own list of what they do."""
    rows = [
        tracker_row("", "Commission refuge based counselling for children", rag="A"),
        tracker_row("", "Shop watch radio scheme set up with town centre retailers", rag="R"),
        tracker_row("", "Install more CCTV cameras in the market square and bus station"),
    ]
    changes = _changes(plan, ("", 1, "", rows))
    assert [row.action for row in changes.rows] == [
        plan.actions["3.2"],
        plan.actions["2.1"],
        plan.actions["1.2"],
    ]
    assert {row.matched_by for row in changes.rows} == {"wording"}
    assert changes.counts["new_actions"] == changes.counts["unmatched"] == 0


def test_a_second_row_for_the_same_action_is_left_alone(plan: TrackerPlan) -> None:
    """A tracker with a row per lead: the action is not added again from the second row."""
    changes = _changes(
        plan,
        (
            *SAFER,
            [
                tracker_row("1.1", updates=["Police: patrols added."]),
                tracker_row("1.1", "Run diversionary youth activities", updates=["Council: done"]),
            ],
        ),
    )
    first, second = changes.rows
    assert first.action == plan.actions["1.1"] and len(first.changes) == 1
    assert second.action is None and second.changes == [] and not second.unmatched
    assert second.notes == [
        "it names the same action as row 2, so it is left alone; put each action’s update in "
        "one row"
    ]


def test_a_number_on_quite_different_wording_is_not_trusted(plan: TrackerPlan) -> None:
    """A partner who renumbered their copy: the wording decides which action the row is."""
    changes = _changes(
        plan,
        (
            *RETAIL,
            [tracker_row("1.1", "Set up a shop watch radio scheme with town centre retailers")],
        ),
    )
    assert changes.rows[0].action == plan.actions["2.1"]


def test_a_number_on_a_short_name_for_the_action_is_trusted(plan: TrackerPlan) -> None:
    """Partners shorten the wording; the reference still says which action it is."""
    changes = _changes(plan, (*SAFER, [tracker_row("1.2", "CCTV", rag="G")]))
    assert changes.rows[0].action == plan.actions["1.2"]
    assert changes.rows[0].matched_by == "reference"


def test_new_updates_status_rag_and_by_when_changes_are_plain(
    plan: TrackerPlan, saved_later: datetime
) -> None:
    changes = _changes(
        plan,
        (
            *SAFER,
            [
                tracker_row(
                    "1.1",
                    updates=["Forty young people attended the first week."],
                    status=Status.COMPLETED,
                    rag="Green",
                    due_text="30 September 2026",
                ),
                # the same date written another way, and the same RAG and status: no change
                tracker_row("1.2", due_text="31 March 2027", rag="r", status="not_started"),
            ],
        ),
        modified_at=saved_later,
    )
    assert changes.counts == {
        "updates": 1,
        "status": 1,
        "rag": 1,
        "by_when": 1,
        "new_actions": 0,
        "conflicts": 0,
        "duplicates": 0,
        "unmatched": 0,
    }
    assert [c.description for c in changes.changes] == [
        "Row 2 (action 1.1): new update ‘Forty young people attended the first week.’",
        "Row 2 (action 1.1): status On-going → Completed",
        "Row 2 (action 1.1): RAG Amber → Green",
        "Row 2 (action 1.1): by when ‘31/08/2026’ → ‘30 September 2026’",
    ]
    assert changes.to_decide == []


def test_an_update_already_recorded_is_a_duplicate(plan: TrackerPlan) -> None:
    changes = _changes(
        plan,
        (
            *SAFER,
            [
                tracker_row(
                    "1.1",
                    updates=["leisure providers have agreed a programme of summer activities"],
                ),
                # last quarter's update kept in the cell, this quarter's added under it
                tracker_row(
                    "1.2",
                    updates=[
                        "Funding bid submitted to the Safer Streets fund.\n"
                        "Sept: bid approved, cameras ordered."
                    ],
                ),
            ],
        ),
    )
    duplicate, new = changes.changes
    assert duplicate.duplicate and duplicate.needs_tick and duplicate.kind == "update"
    assert "already recorded — tick to add it again" in duplicate.description
    assert not new.needs_tick
    assert new.value == ("Sept: bid approved, cameras ordered.", None)
    assert "the rest of the cell repeats updates already recorded" in new.description
    assert changes.counts["duplicates"] == 1 and changes.counts["updates"] == 1


def test_new_rows_go_under_the_objective_their_title_names(plan: TrackerPlan) -> None:
    changes = _changes(
        plan,
        (
            "Safer neighbourhoods",
            9,
            "Tackle retail crime.",
            [
                tracker_row(
                    "2.2",
                    "Offer retailers training on handling shoplifters safely",
                    leads=["Probation"],
                    updates=["Course designed."],
                    rag="amber",
                    due_text="31/12/2026",
                )
            ],
        ),
    )
    (row,) = changes.rows
    (change,) = row.changes
    assert row.action is None and not row.unmatched
    assert change.kind == "new_action" and not change.needs_tick
    assert row.objective == plan.actions["2.1"].objective
    assert change.description.startswith(
        "Row 2 (‘2.2’): new action under objective 2 (RAG Amber, by when ‘31/12/2026’), with 1 "
        "update: ‘Offer retailers"
    )
    assert "adds Probation (agency) to the partnership" in change.description
    assert changes.counts["new_actions"] == 1


def test_a_row_matching_nothing_is_added_only_if_ticked(plan: TrackerPlan) -> None:
    changes = _changes(
        plan,
        (
            "Other work",
            1,
            "Partner priorities",
            [
                tracker_row("1.1", updates=["On track."]),
                tracker_row("X7", "Paint over graffiti on the canal towpath"),
                tracker_row("", "", updates=["A note with no action"]),
            ],
        ),
    )
    matched, unmatched, empty = changes.rows
    assert matched.action == plan.actions["1.1"]
    (change,) = unmatched.changes
    assert unmatched.unmatched and change.unmatched and change.needs_tick
    # added, if ticked, beside the row above it
    assert unmatched.objective == plan.actions["1.1"].objective
    assert "matches no action in the plan — tick to add it as a new action" in (change.description)
    assert empty.unmatched and empty.changes == [] and empty.notes == [NOTHING_TO_ADD]
    assert changes.counts["unmatched"] == 2


def test_a_rag_saferplan_changed_after_the_tracker_was_saved_is_a_conflict(
    plan: TrackerPlan, partnership: Partnership
) -> None:
    lead = builders.member(partnership=partnership, role=Membership.Role.LEAD)
    saved = timezone.now()
    action = plan.actions["3.1"]
    red = plan.plan.ratings.get(code="R")
    action_add_update(
        action=action, user=lead, text="Sessions paused.", status=action.status, rating=red
    )
    changes = _changes(
        plan,
        (*ABUSE, [tracker_row("3.1", rag="G", status=Status.ONGOING, updates=["All trained."])]),
        modified_at=saved,
    )
    update, rag = changes.changes
    today = f"{timezone.localdate():%-d %B %Y}"
    assert rag.conflict and rag.needs_tick
    assert rag.description == (
        f"Row 2 (action 3.1): RAG Red → Green; SaferPlan changed it from Amber to Red on {today}, "
        "after this tracker was saved — tick to apply"
    )
    # an update recorded in SaferPlan after the tracker was saved: its own is not added silently
    assert update.conflict and update.needs_tick
    assert f"SaferPlan recorded an update on {today}, after this tracker was saved" in (
        update.description
    )
    assert changes.counts["conflicts"] == 2 and changes.plain == []


def test_a_change_made_before_the_tracker_was_saved_is_not_a_conflict(
    plan: TrackerPlan, partnership: Partnership
) -> None:
    lead = builders.member(partnership=partnership, role=Membership.Role.LEAD)
    action = plan.actions["3.1"]
    red = plan.plan.ratings.get(code="R")
    action_add_update(action=action, user=lead, text="Paused.", status=action.status, rating=red)
    changes = _changes(
        plan, (*ABUSE, [tracker_row("3.1", rag="Green")]), modified_at=timezone.now()
    )
    (rag,) = changes.changes
    assert not rag.conflict and rag.description == "Row 2 (action 3.1): RAG Red → Green"


def test_a_tracker_giving_back_the_replaced_value_is_a_conflict(
    plan: TrackerPlan, partnership: Partnership
) -> None:
    """Saved after the change, but still showing what SaferPlan had before it: the partner
    never saw the change, and applying the row would undo it."""
    lead = builders.member(partnership=partnership, role=Membership.Role.LEAD)
    action = plan.actions["3.1"]
    red = plan.plan.ratings.get(code="R")
    action_add_update(action=action, user=lead, text="Paused.", status=action.status, rating=red)
    changes = _changes(
        plan, (*ABUSE, [tracker_row("3.1", rag="Amber")]), modified_at=timezone.now()
    )
    (rag,) = changes.changes
    today = f"{timezone.localdate():%-d %B %Y}"
    assert rag.needs_tick and rag.description == (
        f"Row 2 (action 3.1): RAG Red → Amber; SaferPlan changed it from Amber to Red on {today}, "
        "and this tracker still shows Amber — tick to apply"
    )


def test_without_a_save_date_changes_since_the_last_document_are_conflicts(
    plan: TrackerPlan, partnership: Partnership, manager: User
) -> None:
    """A CSV says nothing of when it was saved: a value SaferPlan changed since the plan last
    took a document may be newer than the tracker's, so it waits for a tick."""
    action = plan.actions["1.2"]
    green = plan.plan.ratings.get(code="G")
    action_add_update(
        action=action, user=manager, text="Bid won.", status=action.status, rating=green
    )
    rows = (*SAFER, [tracker_row("1.2", rag="Amber")])
    (rag,) = _changes(plan, rows).changes
    assert rag.conflict.startswith("SaferPlan changed it from Red to Green on ")
    assert rag.conflict.endswith("and this tracker does not say when it was saved")

    # once a later document has been brought into the plan, that change is behind it
    earlier = builders.document_upload(partnership=partnership, user=manager)
    DocumentUpload.objects.filter(pk=earlier.pk).update(imported_at=timezone.now())
    earlier.plans.add(plan.plan)
    (rag,) = _changes(plan, rows).changes
    assert not rag.conflict and not rag.needs_tick


def test_creation_is_not_a_change(plan: TrackerPlan) -> None:
    """The values the plan was imported with are what trackers are copies of."""
    changes = _changes(plan, (*SAFER, [tracker_row("1.2", rag="A", status=Status.ONGOING)]))
    assert [c.conflict for c in changes.changes] == ["", ""]


def test_retired_actions_and_unknown_ratings_are_left_alone(
    plan: TrackerPlan, manager: User
) -> None:
    action_retire(action=plan.actions["3.2"], user=manager, reason="Funding withdrawn")
    changes = _changes(
        plan,
        (*SAFER, [tracker_row("1.1", rag="Purple")]),
        (*ABUSE, [tracker_row("3.2", "Commission a refuge-based counselling service", rag="G")]),
    )
    purple, retired = changes.rows
    assert purple.changes == [] and purple.notes == [
        "RAG ‘Purple’ is not one of this plan’s ratings (Red, Amber, Green), so it is left as it is"
    ]
    # the retired action is recognised, so the row does not come back as a new action
    assert retired.action == plan.actions["3.2"] and retired.changes == []
    assert retired.notes == [ACTION_RETIRED.format(number="3.2")]


def test_change_ids_are_stable_and_name_the_value(plan: TrackerPlan) -> None:
    rows = (*SAFER, [tracker_row("1.1", rag="G", updates=["Going well."])])
    first = [c.id for c in _changes(plan, rows).changes]
    assert first == [c.id for c in _changes(plan, rows).changes]
    other = (*SAFER, [tracker_row("1.1", rag="R", updates=["Going well."])])
    second = [c.id for c in _changes(plan, other).changes]
    assert first[0] == second[0] and first[1] != second[1]


def test_nothing_is_written(plan: TrackerPlan) -> None:
    before = (Action.objects.count(), Update.objects.count())
    _changes(
        plan,
        (*RETAIL, [tracker_row("2.1", rag="R", updates=["New."]), tracker_row("2.9", "New work")]),
    )
    assert (Action.objects.count(), Update.objects.count()) == before


def _large_tracker(plan_actions: list[Action], rows: int) -> ParsedPlan:
    chosen = plan_actions[:rows]
    by_objective: dict[int, list[Action]] = {}
    for action in chosen:
        by_objective.setdefault(action.objective.number, []).append(action)
    return tracker(
        *[
            (
                "Prevention",
                number,
                f"Objective {number} title",
                [
                    tracker_row(
                        "",
                        a.text,
                        rag="Green",
                        status=Status.COMPLETED,
                        updates=[f"Quarter 3 update on {a.pk}"],
                    )
                    for a in actions
                ],
            )
            for number, actions in by_objective.items()
        ]
    )


@pytest.mark.parametrize("rows", [5, 50])
@pytest.mark.parametrize("dated", [True, False])
def test_queries_do_not_grow_with_the_rows(
    partnership: Partnership, django_assert_num_queries: Any, rows: int, dated: bool
) -> None:
    plan = builders.large_plan(partnership=partnership, actions=60)
    actions = list(
        Action.objects.filter(objective__theme__plan=plan)
        .select_related("objective")
        .order_by("pk")
    )
    parsed = _large_tracker(actions, rows)
    saved = timezone.now() - timedelta(days=1) if dated else None
    # the actions with their updates, leads and tags; the ratings, objectives, history; the
    # partnership's people and agencies; without a save date, the plan's last document
    with django_assert_num_queries(10 if dated else 11):
        changes = tracker_changes(plan=plan, parsed=parsed, modified_at=saved)
    assert sum(1 for row in changes.rows if row.action is not None) == rows
    assert changes.counts["updates"] == rows


NUMBER_STYLES = [
    lambda n: n,
    lambda n: f"{n}.",
    lambda n: f"({n})",
    lambda n: f" {n} ",
    lambda n: n.replace(".", "-"),
    lambda n: n.replace(".", ".0"),
]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_plan_read_back_in_any_order_and_typing_changes_nothing(
    plan: TrackerPlan, data: st.DataObject
) -> None:
    """A partner's copy of the plan, rows shuffled or dropped, references retyped, wording kept
    or left out, last quarter's update repeated: every row is its own action and nothing but
    duplicates is proposed."""
    numbers = data.draw(st.permutations(sorted(plan.actions)))
    numbers = numbers[: data.draw(st.integers(1, len(numbers)))]
    rows = []
    for number in numbers:
        action = plan.actions[number]
        style = data.draw(st.sampled_from(NUMBER_STYLES))
        text = action.text if data.draw(st.booleans()) else ""
        updates = [u.text for u in action.updates.all()] if data.draw(st.booleans()) else []
        rows.append(tracker_row(style(number), text, updates=updates))
    changes = _changes(plan, ("Everything", 1, "", rows))
    assert [row.action for row in changes.rows] == [plan.actions[n] for n in numbers]
    assert all(change.duplicate for change in changes.changes)
