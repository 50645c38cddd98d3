"""Applying a partner's tracker: the plain changes and the ticked ones, through the plan services
a lead's update and a manager's edit use, in one transaction; nothing when any row fails, and
nothing twice."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.importers.domain.parsed import ParsedPlan, ParsedUpdate
from apps.importers.selectors import tracker_changes
from apps.importers.selectors.tracker_changes import BY_WHEN_TOO_LONG
from apps.importers.services import tracker_apply
from apps.importers.services.trackers import TRACKER_ALREADY_APPLIED
from apps.partnerships.models import Membership, Organisation, Partnership
from apps.plans.models import Action, Status, Update
from apps.plans.services import action_add_update
from tests import builders
from tests.builders.trackers import TrackerPlan, tracker, tracker_plan, tracker_row

pytestmark = pytest.mark.django_db

SAFER = ("Safer Neighbourhoods", 1, "Reduce anti-social behaviour in town centres")
RETAIL = ("Safer Neighbourhoods", 2, "Tackle retail crime")
ABUSE = ("Protecting Vulnerable People", 3, "Reduce the harm caused by domestic abuse")


@pytest.fixture
def plan(partnership: Partnership) -> TrackerPlan:
    return tracker_plan(partnership=partnership)


def _quarter_three() -> ParsedPlan:
    """Next quarter's tracker: a new update with a status and RAG, a reworded row, a by-when
    moved, last quarter's update repeated, a new action and a row that matches nothing."""
    return tracker(
        (
            *SAFER,
            [
                tracker_row(
                    "1.1.",
                    updates=["Forty young people attended the first week."],
                    status=Status.COMPLETED,
                    rag="Green",
                ),
                tracker_row(
                    "1.2", updates=["Funding bid submitted to the Safer Streets fund."], rag="R"
                ),
            ],
        ),
        (
            *RETAIL,
            [
                tracker_row("2.1", due_text="31/12/2026"),
                tracker_row(
                    "",
                    "Give retailers training on handling shoplifters safely",
                    leads=["Probation", "JB"],
                    rag="A",
                    updates=["Course designed with the police."],
                ),
            ],
        ),
        (
            "Partner extras",
            7,
            "Environmental work",
            [tracker_row("E1", "Paint over graffiti on the canal towpath")],
        ),
    )


def _update_texts(action: Action) -> list[str]:
    return list(action.updates.order_by("pk").values_list("text", flat=True))


def test_plain_changes_are_applied_and_the_rest_left_alone(
    plan: TrackerPlan, manager: User
) -> None:
    saved = timezone.now()
    changes = tracker_apply(
        plan=plan.plan, parsed=_quarter_three(), ticked=[], user=manager, modified_at=saved
    )
    first = Action.objects.get(pk=plan.actions["1.1"].pk)
    update = first.updates.order_by("pk").last()
    assert update is not None and update.text == "Forty young people attended the first week."
    # as a lead's update: it carries status and RAG to the action, with the plan's period
    assert (update.status, update.rating.code if update.rating else None) == ("completed", "G")
    assert update.period_label == "2026-27" and update.created_by == manager
    assert update.reported_on == timezone.localtime(saved).date()
    assert (first.status, first.rating.code if first.rating else None) == ("completed", "G")
    assert first.history.first().history_user == manager

    # the repeated update is a duplicate: not added
    second = plan.actions["1.2"]
    assert _update_texts(second) == ["Funding bid submitted to the Safer Streets fund."]

    retail = Action.objects.get(pk=plan.actions["2.1"].pk)
    assert (retail.due_text, retail.due_date) == ("31/12/2026", date(2026, 12, 31))
    assert retail.status == Status.ONGOING and retail.rating and retail.rating.code == "G"

    new = Action.objects.get(text="Give retailers training on handling shoplifters safely")
    assert new.objective == retail.objective and new.number == "2"
    assert new.rating and new.rating.code == "A"
    # leads resolved as the partnership's: a new agency SaferPlan knows by name, a new person
    assert [o.name for o in new.lead_organisations.all()] == ["Probation Service"]
    assert [p.initials for p in new.lead_people.all()] == ["JB"]
    assert _update_texts(new) == ["Course designed with the police."]

    # the row that matched nothing was not ticked
    assert not Action.objects.filter(text__contains="graffiti").exists()
    assert changes.counts["unmatched"] == 1 and changes.counts["duplicates"] == 1


def test_ticked_duplicates_and_unmatched_rows_are_applied(plan: TrackerPlan, manager: User) -> None:
    parsed = _quarter_three()
    preview = tracker_changes(plan=plan.plan, parsed=parsed, modified_at=timezone.now())
    ticked = [c.id for c in preview.to_decide]
    assert len(ticked) == 2
    tracker_apply(
        plan=plan.plan, parsed=parsed, ticked=ticked, user=manager, modified_at=timezone.now()
    )
    assert (
        _update_texts(plan.actions["1.2"])
        == ["Funding bid submitted to the Safer Streets fund."] * 2
    )
    graffiti = Action.objects.get(text="Paint over graffiti on the canal towpath")
    # beside the row above it in the tracker
    assert graffiti.objective == plan.actions["2.1"].objective and graffiti.number == "E1"


def test_a_conflict_is_applied_only_when_ticked(
    plan: TrackerPlan, partnership: Partnership, manager: User
) -> None:
    lead = builders.member(partnership=partnership, role=Membership.Role.LEAD)
    saved = timezone.now()
    action = plan.actions["3.1"]
    red = plan.plan.ratings.get(code="R")
    action_add_update(action=action, user=lead, text="Paused.", status=action.status, rating=red)
    parsed = tracker((*ABUSE, [tracker_row("3.1", rag="Green", updates=["All trained."])]))

    tracker_apply(plan=plan.plan, parsed=parsed, ticked=[], user=manager, modified_at=saved)
    action.refresh_from_db()
    assert action.rating == red and _update_texts(action)[-1] == "Paused."

    preview = tracker_changes(plan=plan.plan, parsed=parsed, modified_at=saved)
    rag = next(c for c in preview.changes if c.kind == "rag")
    tracker_apply(plan=plan.plan, parsed=parsed, ticked=[rag.id], user=manager, modified_at=saved)
    action.refresh_from_db()
    # the RAG came in through the edit, the update (a conflict left unticked) did not
    assert action.rating and action.rating.code == "G"
    assert _update_texts(action)[-1] == "Paused."


def test_a_tick_for_another_value_applies_nothing(
    plan: TrackerPlan, partnership: Partnership, manager: User
) -> None:
    """The plan or the tracker changed between the preview and the confirmation."""
    lead = builders.member(partnership=partnership, role=Membership.Role.LEAD)
    saved = timezone.now()
    action = plan.actions["3.1"]
    red = plan.plan.ratings.get(code="R")
    action_add_update(action=action, user=lead, text="Paused.", status=action.status, rating=red)
    seen = tracker((*ABUSE, [tracker_row("3.1", rag="Green")]))
    tick = tracker_changes(plan=plan.plan, parsed=seen, modified_at=saved).to_decide[0].id
    sent = tracker((*ABUSE, [tracker_row("3.1", rag="Amber")]))
    tracker_apply(plan=plan.plan, parsed=sent, ticked=[tick], user=manager, modified_at=saved)
    action.refresh_from_db()
    assert action.rating == red


def test_applying_twice_adds_nothing_twice(plan: TrackerPlan, manager: User) -> None:
    parsed = _quarter_three()
    # the cell keeps last quarter's update and adds this quarter's
    parsed.themes[0].objectives[0].actions[1].updates = [
        ParsedUpdate(
            "Funding bid submitted to the Safer Streets fund. Bid approved in September.",
            date=date(2026, 9, 30),
        )
    ]
    tracker_apply(
        plan=plan.plan, parsed=parsed, ticked=[], user=manager, modified_at=timezone.now()
    )
    counts = (Action.objects.count(), Update.objects.count(), Organisation.objects.count())
    assert _update_texts(plan.actions["1.2"])[-1] == "Bid approved in September."
    assert plan.actions["1.2"].updates.get(text="Bid approved in September.").reported_on == date(
        2026, 9, 30
    )

    again = tracker_apply(
        plan=plan.plan, parsed=parsed, ticked=[], user=manager, modified_at=timezone.now()
    )
    assert (Action.objects.count(), Update.objects.count(), Organisation.objects.count()) == counts
    assert again.plain == []
    assert again.counts["duplicates"] == 3  # the three rows' updates, the new action's too


def test_a_failing_row_leaves_the_whole_plan_unchanged(plan: TrackerPlan, manager: User) -> None:
    parsed = _quarter_three()
    # a reference too long for SaferPlan, on the last row
    parsed.themes[0].objectives[1].actions[1].number = "RETAIL-TRAINING-2026-27-A"
    before = (Action.objects.count(), Update.objects.count(), Organisation.objects.count())
    with pytest.raises(ValidationError) as refused:
        tracker_apply(
            plan=plan.plan,
            parsed=parsed,
            ticked=[],
            user=manager,
            modified_at=timezone.now(),
            source_name="Q3 tracker.xlsx",
        )
    (message,) = refused.value.messages
    assert message.startswith("SaferPlan could not apply Row 5 (‘RETAIL-TRAINING-2026-27-A’) of ")
    assert "‘Q3 tracker.xlsx’" in message and message.endswith("Nothing has been changed.")
    assert (Action.objects.count(), Update.objects.count(), Organisation.objects.count()) == before
    first = Action.objects.get(pk=plan.actions["1.1"].pk)
    assert first.status == Status.ONGOING and first.rating and first.rating.code == "A"


def test_an_upload_is_applied_once(
    plan: TrackerPlan, partnership: Partnership, manager: User
) -> None:
    upload = builders.document_upload(partnership=partnership, user=manager)
    kwargs = {"plan": plan.plan, "parsed": _quarter_three(), "ticked": [], "user": manager}
    tracker_apply(**kwargs, upload=upload)  # type: ignore[arg-type]
    upload.refresh_from_db()
    assert upload.imported_at is not None and list(upload.plans.all()) == [plan.plan]
    count = Update.objects.count()
    with pytest.raises(ValidationError) as refused:
        tracker_apply(**kwargs, upload=upload)  # type: ignore[arg-type]
    assert refused.value.messages == [TRACKER_ALREADY_APPLIED]
    assert Update.objects.count() == count


def test_without_a_save_date_a_later_tracker_is_compared_with_the_last_one(
    plan: TrackerPlan, partnership: Partnership, manager: User
) -> None:
    """The first CSV tracker's changes are SaferPlan's own by the time the next one comes."""
    first = builders.document_upload(partnership=partnership, user=manager)
    q2 = tracker((*SAFER, [tracker_row("1.2", rag="Amber")]))
    tracker_apply(plan=plan.plan, parsed=q2, ticked=[], user=manager, upload=first)
    q3 = tracker((*SAFER, [tracker_row("1.2", rag="Green")]))
    second = builders.document_upload(partnership=partnership, user=manager)
    (rag,) = tracker_changes(plan=plan.plan, parsed=q3, upload=second).changes
    assert not rag.conflict

    later: datetime = timezone.now() + timedelta(days=1)
    assert tracker_changes(plan=plan.plan, parsed=q3, modified_at=later).changes[0].id == rag.id


def test_a_by_when_too_long_to_keep_is_not_taken(plan: TrackerPlan, manager: User) -> None:
    """A partner's by-when cell holding a paragraph: the rest of the row still comes in."""
    paragraph = "By the end of the financial year, subject to funding being agreed " * 3
    parsed = tracker(
        (
            *RETAIL,
            [
                tracker_row("2.1", due_text=paragraph, rag="R"),
                tracker_row("2.2", "Train retail staff in conflict resolution", due_text=paragraph),
            ],
        )
    )
    changes = tracker_apply(plan=plan.plan, parsed=parsed, ticked=[], user=manager)
    note = BY_WHEN_TOO_LONG.format(limit=100)
    assert [row.notes for row in changes.rows] == [[note], [note]]
    kept = Action.objects.get(pk=plan.actions["2.1"].pk)
    assert kept.due_text == "On-going" and kept.rating and kept.rating.code == "R"
    new = Action.objects.get(text="Train retail staff in conflict resolution")
    assert (new.due_text, new.due_date) == ("", None)
