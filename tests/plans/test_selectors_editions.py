"""What changed between the 2025 and 2026-27 NSDC editions, and the word diff behind rewording.

The expected numbers were read off the documents. Objective 1 keeps its 19 actions; 2), 9),
12), 15) and 19) are Completed in 2026-27 and were not in 2025 (5) was Completed in both);
only 3) is reworded ("short and long term" → "short- and long-term"). Objective 2 completes
1), 2), 3), 5) and 11) and rewords 5) ("body warn" → "worn"), 7) ("diversionary" →
"diversionsary") and 9) ("pro- actively" → "pro-actively"). Objective 6 completes 1) and
objective 13 completes its old 4) ("ASAP" → "Completed"). Objective 7 replaces its eight 2025
projects with two new actions; 5, 8, 9 and 13 each drop one action.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apps.partnerships.models import Partnership
from apps.plans.domain.wording import DiffOp, same_wording, word_diff
from apps.plans.models import Plan, Status, Update
from apps.plans.selectors import ActionChange, PlanChanges, plan_changes
from apps.plans.services.editions import plan_match_predecessor_actions
from tests import builders
from tests.builders import Editions
from tests.module_db import ModuleDb

pytestmark = pytest.mark.django_db

PER_OBJECTIVE = {  # objective: (carried, new, dropped, reworded, completed, unchanged)
    1: (19, 0, 0, 1, 5, 1),
    2: (11, 0, 0, 3, 5, 1),
    5: (5, 0, 1, 0, 0, 1),
    6: (5, 0, 0, 0, 1, 1),
    7: (0, 2, 8, 0, 0, 0),
    8: (2, 0, 1, 0, 0, 1),
    9: (1, 0, 1, 0, 0, 0),
    12: (3, 0, 0, 0, 0, 3),
    13: (3, 0, 1, 0, 1, 0),
}


@pytest.fixture(scope="module")
def matched_editions(module_db: ModuleDb) -> Editions:
    """The two seed editions, imported and matched once for the module."""
    with module_db():
        editions = builders.import_editions(builders.partnership())
        plan_match_predecessor_actions(plan=editions.new)
    return editions


@pytest.fixture
def changes(matched_editions: Editions) -> PlanChanges:
    result = plan_changes(plan=builders.editions_get(matched_editions).new)
    assert result is not None
    return result


def _change(changes: PlanChanges, objective: int, number: str) -> ActionChange:
    row = next(r for r in changes.objectives if r.number == objective)
    return next(c for c in row.changes if c.kind != "dropped" and c.action.number == number)


def test_totals(changes: PlanChanges) -> None:
    counts = changes.counts
    assert (counts["new"], counts["carried"], counts["dropped"]) == (2, 62, 12)
    assert (counts["reworded"], counts["completed"]) == (4, 12)
    assert [r.number for r in changes.objectives] == list(range(1, 15))


@pytest.mark.parametrize("objective", PER_OBJECTIVE)
def test_counts_per_objective(changes: PlanChanges, objective: int) -> None:
    row = next(r for r in changes.objectives if r.number == objective)
    c = row.counts
    assert (
        c["carried"],
        c["new"],
        c["dropped"],
        c["reworded"],
        c["completed"],
        c["unchanged"],
    ) == PER_OBJECTIVE[objective]


def test_objective_1_action_9_was_completed(changes: PlanChanges) -> None:
    change = _change(changes, 1, "9)")
    assert change.kind == "carried"
    assert change.by_when == ("April 2025", "Completed")
    assert change.status == ("Not recorded", "Completed")
    assert change.completed and not change.reworded
    assert [u.text[:44] for u in change.new_updates] == [
        "Further training has taken place in Feb 2026"
    ]


def test_completed_ones_in_objective_1(changes: PlanChanges) -> None:
    row = next(r for r in changes.objectives if r.number == 1)
    assert [c.action.number for c in row.changes if c.completed] == [
        "2)",
        "9)",
        "12)",
        "15)",
        "19)",
    ]
    # Completed in both editions: carried forward, not "completed since".
    assert not _change(changes, 1, "5)").completed


def test_rewordings_are_word_diffs(changes: PlanChanges) -> None:
    def edits(change: ActionChange) -> list[tuple[str, str]]:
        return [(op.kind, op.text) for op in change.diff if op.kind != "equal"]

    assert edits(_change(changes, 1, "3)")) == [
        ("delete", "short"),
        ("insert", "short-"),
        ("delete", "long term"),
        ("insert", "long-term"),
    ]
    assert edits(_change(changes, 2, "5)")) == [("delete", "warn"), ("insert", "worn")]
    body_worn = _change(changes, 2, "5)")
    assert body_worn.completed and body_worn.status == ("Not recorded", "Completed")
    assert edits(_change(changes, 2, "7)")) == [
        ("delete", "diversionary"),
        ("insert", "diversionsary"),
    ]


def test_dropped_and_renumbered(changes: PlanChanges) -> None:
    row = next(r for r in changes.objectives if r.number == 5)
    dropped = [c.action for c in row.changes if c.kind == "dropped"]
    assert [(a.number, a.text[:28]) for a in dropped] == [("5)", "Promote membership of the em")]
    renumbered = _change(changes, 5, "5)")
    assert renumbered.old is not None and renumbered.old.number == "6)"
    assert renumbered.moved_from is None and not renumbered.reworded
    gdpr = _change(changes, 13, "3)")
    assert gdpr.old is not None and gdpr.old.number == "4)"
    assert gdpr.by_when == ("ASAP", "Completed")
    objective_7 = next(r for r in changes.objectives if r.number == 7)
    assert [c.kind for c in objective_7.changes] == ["new"] * 2 + ["dropped"] * 8


def test_spelling_of_a_state_is_not_a_change_of_by_when(partnership: Partnership) -> None:
    old = builders.small_plan(partnership=partnership)
    new = builders.small_plan(partnership=partnership)
    new.plan.predecessor = old.plan
    new.plan.save()
    for before, after, old_text, new_text in zip(
        old.actions,
        new.actions,
        ["On-going", "On-going", "1/4/2025", ""],
        ["Ongoing"] * 4,
        strict=True,
    ):
        before.due_text, after.due_text = old_text, new_text
        before.save()
        after.predecessor = before
        after.save()
    changes = plan_changes(plan=new.plan)
    assert changes is not None
    by_when = [c.by_when for r in changes.objectives for c in r.changes]
    assert by_when == [None, None, ("1/4/2025", "Ongoing"), ("Not given", "Ongoing")]


def test_new_updates_are_those_the_earlier_action_did_not_have(
    partnership: Partnership,
) -> None:
    old = builders.small_plan(partnership=partnership, actions_per_objective=1)
    new = builders.small_plan(partnership=partnership, actions_per_objective=1)
    new.plan.predecessor = old.plan
    new.plan.save()
    before, after = old.actions[0], new.actions[0]
    after.predecessor = before
    after.save()
    Update.objects.filter(action=after).update(text="First update on 1.1 ")  # same text
    fresh = Update.objects.create(action=after, text="Walkabout held", reported_on=date(2026, 5, 1))
    after.status = Status.COMPLETED
    after.save()
    changes = plan_changes(plan=new.plan)
    assert changes is not None
    change = changes.objectives[0].changes[0]
    assert change.new_updates == [fresh]
    assert change.completed
    # The second objective's action continues nothing (no predecessor): new; its twin dropped.
    assert [c.kind for c in changes.objectives[1].changes] == ["new", "dropped"]


def test_a_plan_without_an_earlier_edition_has_no_changes(partnership: Partnership) -> None:
    plan = builders.plan(partnership=partnership, status=Plan.Status.LIVE)
    assert plan_changes(plan=plan) is None


def test_typography_is_not_rewording() -> None:
    assert same_wording("Women's Aid  and\nEquation", "Women’s Aid and Equation")
    assert not same_wording("body warn cameras", "body worn cameras")


words = st.lists(
    st.sampled_from(["safe", "spaces", "for", "women", "and", "girls", "ASB", "–", "(VAWG)"]),
    max_size=12,
)
spacing = st.sampled_from([" ", "  ", "\n", " \t"])


@st.composite
def texts(draw: st.DrawFn) -> str:
    chosen = draw(words)
    return "".join(word + draw(spacing) for word in chosen).strip(draw(st.sampled_from(["", " "])))


@given(old=texts(), new=texts())
def test_word_diff_rebuilds_both_texts(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert "".join(op.text for op in ops if op.kind != "insert") == old
    assert "".join(op.text for op in ops if op.kind != "delete") == new
    assert all(op.text for op in ops)
    assert all(a.kind != b.kind for a, b in itertools.pairwise(ops))
    if old == new:
        assert all(op.kind == "equal" for op in ops)


def test_word_diff_marks_whole_words() -> None:
    assert word_diff("body warn cameras", "body worn cameras") == [
        DiffOp("equal", "body "),
        DiffOp("delete", "warn"),
        DiffOp("insert", "worn"),
        DiffOp("equal", " cameras"),
    ]
