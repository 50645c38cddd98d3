"""Matching the 2026-27 NSDC edition's actions to the 2025 edition's, and a manager's corrections.

The expected pairs were read off the two documents: objectives 1-4, 6, 10, 11 and 14 keep
their actions and numbers; 5 loses its action 5) so 6) becomes 5); 8 loses 2) so 3) becomes
2); 9 keeps only 2), now 1); 12's 4)-6) are printed 3)-5); 13 loses 3) so 4) becomes 3); and
objective 7's eight 2025 projects are replaced by two new actions.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.partnerships.models import Membership, Partnership
from apps.plans.domain.matching import ActionRef, ObjectiveRef, match_actions, match_objectives
from apps.plans.models import Action, PredecessorMatch
from apps.plans.services.editions import (
    MANAGER_CHOSE,
    MANAGER_SAYS_NEW,
    NO_EARLIER_EDITION,
    PREDECESSOR_NOT_IN_EARLIER_EDITION,
    action_choose_predecessor,
    plan_match_predecessor_actions,
)
from tests import builders
from tests.builders import Editions, seed_action
from tests.module_db import ModuleDb

pytestmark = pytest.mark.django_db

MATCHED_PER_OBJECTIVE = {
    1: 19, 2: 11, 3: 4, 4: 3, 5: 5, 6: 5, 7: 0, 8: 2, 9: 1, 10: 1, 11: 1, 12: 3, 13: 3, 14: 4,
}  # fmt: skip
RENUMBERED = [  # (objective, 2026-27 number, 2025 number)
    (5, "5)", "6)"),
    (8, "2)", "3)"),
    (9, "1)", "2)"),
    (12, "3)", "4)"),
    (12, "4)", "5)"),
    (12, "5)", "6)"),
    (13, "3)", "4)"),
]


@pytest.fixture(scope="module")
def seed_editions(module_db: ModuleDb) -> Editions:
    """The two seed editions, imported once for the module, not yet matched."""
    with module_db():
        return builders.import_editions(builders.partnership())


@pytest.fixture(scope="module")
def seed_matched(module_db: ModuleDb) -> Editions:
    """The two seed editions again, in a partnership of their own, matched once."""
    with module_db():
        editions = builders.import_editions(builders.partnership())
        plan_match_predecessor_actions(plan=editions.new)
    return editions


@pytest.fixture
def partnership(request: pytest.FixtureRequest) -> Partnership:
    """The partnership of the editions the test uses, so its manager is theirs; else a new one."""
    for name in ("matched", "editions"):
        if name in request.fixturenames:
            shared: Editions = request.getfixturevalue(f"seed_{name}")
            return Partnership.objects.get(pk=shared.new.partnership_id)
    return builders.partnership()


@pytest.fixture
def editions(seed_editions: Editions) -> Editions:
    return builders.editions_get(seed_editions)


@pytest.fixture
def matched(seed_matched: Editions) -> Editions:
    return builders.editions_get(seed_matched)


def test_seed_editions_match_per_objective(editions: Editions) -> None:
    result = plan_match_predecessor_actions(plan=editions.new)

    assert (result.matched, result.unmatched, result.kept, result.changed) == (62, 2, 0, 62)
    linked = Action.objects.filter(
        objective__theme__plan=editions.new, predecessor__isnull=False
    ).select_related("objective", "predecessor__objective")
    assert Counter(a.objective.number for a in linked) == {
        k: v for k, v in MATCHED_PER_OBJECTIVE.items() if v
    }
    # Every link stays under the same objective, and no earlier action is used twice.
    assert all(a.predecessor.objective.number == a.objective.number for a in linked)  # type: ignore[union-attr]
    assert len({a.predecessor_id for a in linked}) == 62
    assert all(a.predecessor_match == PredecessorMatch.AUTOMATIC for a in linked)
    unmatched = Action.objects.filter(
        objective__theme__plan=editions.new, predecessor__isnull=True
    ).values_list("objective__number", "number", "predecessor_match")
    assert sorted(unmatched) == [(7, "1)", ""), (7, "2)", "")]


@pytest.mark.parametrize(("objective", "new_number", "old_number"), RENUMBERED)
def test_renumbered_actions_are_matched_to_the_same_wording(
    matched: Editions, objective: int, new_number: str, old_number: str
) -> None:
    new = seed_action(matched.new, objective, new_number)
    assert new.predecessor is not None
    assert new.predecessor.number == old_number
    assert new.predecessor.objective.number == objective
    assert new.predecessor_score == 90
    assert new.predecessor_reason == (
        f"Same objective, number {old_number} became {new_number}, same wording"
    )


def test_score_and_reason_say_how_alike_the_wording_is(matched: Editions) -> None:
    same = seed_action(matched.new, 1, "9)")
    assert (same.predecessor_score, same.predecessor_reason) == (
        100,
        "Same objective, same number, same wording",
    )
    # "short and long term" became "short- and long-term".
    reworded = seed_action(matched.new, 1, "3)")
    assert reworded.predecessor == seed_action(matched.old, 1, "3)")
    assert reworded.predecessor_score == 99
    assert reworded.predecessor_reason == "Same objective, same number, wording 98% alike"
    # Curly and straight apostrophes are the same wording: "Women’s Aid" / "Women's Aid".
    assert seed_action(matched.new, 12, "3)").predecessor_reason.endswith("same wording")


def test_matching_again_changes_nothing(matched: Editions) -> None:
    history = Action.history.count()
    result = plan_match_predecessor_actions(plan=matched.new)
    assert result.changed == 0
    assert Action.history.count() == history


def test_a_plan_without_an_earlier_edition_cannot_be_matched(editions: Editions) -> None:
    with pytest.raises(ValidationError) as error:
        plan_match_predecessor_actions(plan=editions.old)
    assert error.value.messages == [NO_EARLIER_EDITION]


@pytest.fixture
def manager(partnership: Partnership) -> User:
    return builders.member(partnership=partnership, role=Membership.Role.MANAGER)


def test_manager_says_not_the_same_and_matching_keeps_it(matched: Editions, manager: User) -> None:
    new = seed_action(matched.new, 1, "1)")
    old = new.predecessor
    action_choose_predecessor(action=new, predecessor=None, user=manager)

    new.refresh_from_db()
    assert (new.predecessor, new.predecessor_match) == (None, PredecessorMatch.MANAGER)
    assert new.predecessor_reason == MANAGER_SAYS_NEW
    latest = new.history.first()
    assert latest.history_user == manager
    assert latest.prev_record.predecessor_id == old.pk  # type: ignore[union-attr]

    result = plan_match_predecessor_actions(plan=matched.new)
    new.refresh_from_db()
    assert new.predecessor is None
    assert result.kept == 1
    # The old action the manager unlinked is free again, but no other action is like it.
    assert not Action.objects.filter(predecessor=old).exists()


def test_choosing_an_action_already_linked_moves_the_link(matched: Editions, manager: User) -> None:
    first, second = (
        seed_action(matched.new, 1, "1)"),
        seed_action(matched.new, 1, "2)"),
    )
    old_first = first.predecessor
    displaced = action_choose_predecessor(action=second, predecessor=old_first, user=manager)

    assert displaced == first
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.predecessor == old_first
    assert (second.predecessor_match, second.predecessor_reason) == (
        PredecessorMatch.MANAGER,
        MANAGER_CHOSE,
    )
    assert second.predecessor_score is None
    assert first.predecessor is None
    assert first.predecessor_match == PredecessorMatch.MANAGER
    assert first.predecessor_reason == "Its earlier action was given to action 2) by a manager"
    assert first.history.first().history_user == manager
    # Both are the manager's now: matching again leaves them as they are.
    plan_match_predecessor_actions(plan=matched.new)
    first.refresh_from_db()
    assert first.predecessor is None


def test_only_an_action_of_the_earlier_edition_can_be_chosen(
    matched: Editions, manager: User
) -> None:
    new = seed_action(matched.new, 1, "1)")
    for wrong in (
        seed_action(matched.new, 1, "2)"),
        builders.small_plan(partnership=matched.new.partnership).actions[0],
    ):
        with pytest.raises(ValidationError) as error:
            action_choose_predecessor(action=new, predecessor=wrong, user=manager)
        assert error.value.message_dict == {"predecessor": [PREDECESSOR_NOT_IN_EARLIER_EDITION]}


def _ref(key: int, objective: int, number: str, text: str) -> ActionRef:
    return ActionRef(
        key=key, objective_key=objective, objective_number=objective, number=number, text=text
    )


def test_an_action_moved_to_another_objective_needs_nearly_the_same_wording() -> None:
    old = [
        _ref(1, 1, "1)", "Review the Community Trigger process across the CSP"),
        _ref(2, 1, "2)", "Run a training day on hate crime for elected members"),
    ]
    new = [
        _ref(11, 2, "4)", "Review the Community Trigger process across the CSP"),
        _ref(12, 2, "5)", "Run a training session on knife crime for schools"),
    ]
    matches = match_actions(old, new, {2: 2})  # objective 2 continues no earlier objective

    assert [(m.old_key, m.new_key) for m in matches] == [(1, 11)]
    assert matches[0].reason == "Moved from objective 1, number 1) became 4), same wording"
    assert matches[0].score == 75


def test_matching_is_one_to_one_and_prefers_the_same_number() -> None:
    old = [_ref(1, 1, "1)", "Target hardening"), _ref(2, 1, "2)", "Target hardening")]
    new = [_ref(11, 1, "2)", "Target hardening")]
    matches = match_actions(old, new, {1: 1})
    assert [(m.old_key, m.new_key, m.score) for m in matches] == [(2, 11, 100)]

    twice = match_actions([old[0]], [new[0], _ref(12, 1, "1)", "Target hardening")], {1: 1})
    assert [(m.old_key, m.new_key) for m in twice] == [(1, 12)]


def test_objectives_match_by_number_and_title() -> None:
    old = [
        ObjectiveRef(1, 1, "Provide information and advice"),
        ObjectiveRef(2, 2, "Deter offending behaviour"),
        ObjectiveRef(3, 3, "Improve visibility of services"),
    ]
    new = [
        ObjectiveRef(11, 1, "Deter offending behaviour"),  # renumbered
        ObjectiveRef(12, 3, ""),  # heading unreadable: the number decides
        ObjectiveRef(13, 4, "Something else entirely, about funding"),
    ]
    assert match_objectives(old, new) == {11: 2, 12: 3}
