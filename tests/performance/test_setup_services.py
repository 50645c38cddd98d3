"""Setting up priorities, alignments and measures: each target kind's needs, in officers' words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.demo.performance.loader import performance_demo_load
from apps.partnerships.models import Organisation, Partnership
from apps.performance.assessment import measure_target
from apps.performance.models import Measure, Priority, PriorityAlignment
from apps.performance.rag import Rating, rag_assess
from apps.performance.selectors import target_text
from apps.performance.setup_forms import DUE_NOT_A_DATE, MeasureForm
from apps.performance.setup_services import (
    ACTION_NOT_IN_PARTNERSHIP,
    BASELINE_FOR_CHANGE,
    BASELINE_ZERO_FOR_CHANGE,
    CODE_TAKEN,
    COMPARATOR_MISSING,
    OBJECTIVE_NOT_IN_PARTNERSHIP,
    OTHER_PLAN_MISSING,
    OTHER_PRIORITY_MISSING,
    POLARITY_FOR_TARGET,
    SPONSOR_NOT_IN_PARTNERSHIP,
    TARGET_PERCENT_MISSING,
    TARGET_PERCENT_NOT_POSITIVE,
    TARGET_VALUE_MISSING,
    TOLERANCE_NEGATIVE,
    alignment_remove,
    alignment_save,
    measure_save,
    priority_save,
)
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def priority(partnership: Partnership) -> Priority:
    return builders.priority(partnership=partnership)


def _measure(priority: Priority, user: User | None = None, **fields: Any) -> Measure:
    data: dict[str, Any] = {
        "title": "Priority crime",
        "unit": Measure.Unit.COUNT,
        "polarity": "down",
        "frequency": Measure.Frequency.QUARTERLY,
    }
    data.update(fields)
    return measure_save(priority=priority, user=user, **data)


def _errors(**fields: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        _measure(**fields)
    return error.value.message_dict


def test_value_target_keeps_its_level_and_date_and_rates(priority: Priority, manager: User) -> None:
    saved = _measure(
        priority,
        manager,
        target_kind="value",
        target_value=Decimal(125),
        target_due=date(2014, 3, 31),
        target_percent=Decimal(10),  # not this kind's field: ignored
        target_comparator_name="national rate",  # likewise
    )
    assert (saved.target_value, saved.target_due, saved.target_comparator_name) == (
        Decimal(125),
        date(2014, 3, 31),
        "",
    )
    assert target_text(saved) == "125 by 31 March 2014"
    target = measure_target(saved)
    assert target is not None
    assert (
        rag_assess(target=target, value=143).reason == "14.4% above target of 125 by 31 March 2014"
    )
    assert saved.history.get().history_user == manager


def test_value_target_needs_its_value(priority: Priority) -> None:
    assert _errors(priority=priority, target_kind="value") == {
        "target_value": [TARGET_VALUE_MISSING]
    }


def test_value_target_may_rely_on_each_periods_own_target(priority: Priority) -> None:
    measure = builders.measure(priority=priority, target_kind="", target_value=None)
    builders.figures(measure=measure, values=[2162, 2246])
    with pytest.raises(ValidationError) as error:  # no period targets yet
        _measure(priority, measure=measure, target_kind="value")
    assert error.value.message_dict == {"target_value": [TARGET_VALUE_MISSING]}
    measure.observations.filter(period_label="Jan 2020").update(target_value=2274)
    saved = _measure(priority, measure=measure, target_kind="value")
    assert (saved.target_kind, saved.target_value) == ("value", None)
    target = measure_target(saved, saved.observations.get(period_label="Jan 2020"))
    assert target is not None and target.value == 2274


def test_every_demo_measure_can_be_saved_unchanged_through_the_form() -> None:
    performance_demo_load(partnership=builders.partnership("Notts demo"), password="pw-demo-1")
    measures = list(Measure.objects.select_related("priority"))
    assert len(measures) == 32
    for measure in measures:
        before = MeasureForm.initial_for(measure)
        form = MeasureForm(before)
        assert form.is_valid(), (measure.priority.code, measure.code, form.errors)
        saved = measure_save(
            priority=measure.priority, user=None, measure=measure, **form.cleaned_data
        )
        assert MeasureForm.initial_for(saved) == before, (measure.priority.code, measure.code)


def test_change_target_needs_a_baseline_and_a_positive_percentage(priority: Priority) -> None:
    assert _errors(priority=priority, target_kind="change_from_baseline") == {
        "target_percent": [TARGET_PERCENT_MISSING],
        "baseline_value": [BASELINE_FOR_CHANGE],
    }
    errors = _errors(
        priority=priority,
        target_kind="change_from_baseline",
        target_percent=Decimal(0),
        baseline_value=Decimal(0),
    )
    assert errors == {
        "target_percent": [TARGET_PERCENT_NOT_POSITIVE],
        "baseline_value": [BASELINE_ZERO_FOR_CHANGE],
    }


def test_change_target_is_a_reduction_when_lower_is_better(priority: Priority) -> None:
    saved = _measure(
        priority,
        target_kind="change_from_baseline",
        target_percent=Decimal(10),
        target_value=Decimal(999),  # the level field is not this kind's: ignored
        baseline_value=Decimal(200),
        baseline_label="2012/13",
    )
    assert saved.target_value == Decimal(10)
    assert target_text(saved) == "A 10% reduction on the baseline"
    target = measure_target(saved)
    assert target is not None
    assert rag_assess(target=target, value=180).rating == Rating.GREEN
    assert rag_assess(target=target, value=200).rating == Rating.RED


def test_comparator_target_needs_the_comparators_name(priority: Priority) -> None:
    assert _errors(priority=priority, target_kind="comparator") == {
        "target_comparator_name": [COMPARATOR_MISSING]
    }
    saved = _measure(
        priority,
        polarity="up",
        unit=Measure.Unit.PERCENTAGE,
        target_kind="comparator",
        target_comparator_name=" the national rate ",
        target_value=Decimal(5),
        target_due=date(2014, 3, 31),
    )
    assert (saved.target_comparator_name, saved.target_value, saved.target_due) == (
        "the national rate",
        None,
        None,
    )
    assert target_text(saved) == "Above the national rate"
    target = measure_target(saved)
    assert target is not None
    assert rag_assess(target=target, value=26, comparator=24, is_percentage=True).rating == (
        Rating.GREEN
    )


def test_direction_target_and_no_target_clear_the_other_fields(priority: Priority) -> None:
    saved = _measure(priority, target_kind="direction", target_value=Decimal(3))
    assert (saved.target_value, target_text(saved)) == (None, "A downward trend")
    saved = measure_save(
        priority=priority,
        user=None,
        measure=saved,
        title="Priority crime",
        unit="count",
        polarity="neither",
        frequency="monthly",
        target_kind="",
        target_value=Decimal(3),
    )
    assert (saved.target_kind, saved.target_value, target_text(saved)) == (
        "",
        None,
        "No target set",
    )
    assert priority.measures.count() == 1


@pytest.mark.parametrize("kind", ["value", "change_from_baseline", "comparator", "direction"])
def test_every_target_needs_a_better_direction(priority: Priority, kind: str) -> None:
    errors = _errors(
        priority=priority,
        polarity="neither",
        target_kind=kind,
        target_value=Decimal(5),
        target_percent=Decimal(5),
        baseline_value=Decimal(100),
        target_comparator_name="national rate",
    )
    assert errors == {"polarity": [POLARITY_FOR_TARGET]}


def test_tolerances_and_choices_are_checked(priority: Priority) -> None:
    errors = _errors(priority=priority, unit="furlongs", amber_band_percent=Decimal(-1), title=" ")
    assert errors == {
        "title": ["Enter the title"],
        "unit": ["Choose one of the options"],
        "amber_band_percent": [TOLERANCE_NEGATIVE],
    }


def test_new_measures_go_to_the_end_of_the_priority(priority: Priority) -> None:
    first = _measure(priority, title="First")
    second = _measure(priority, title="Second")
    assert list(priority.measures.all()) == [first, second]
    assert second.position == first.position + 1


def test_measure_form_reads_due_dates_as_officers_write_them() -> None:
    data = {"title": "T", "unit": "count", "polarity": "down", "frequency": "annual"}
    for written, due in [("31/3/2014", date(2014, 3, 31)), ("March 2015", date(2015, 3, 31))]:
        form = MeasureForm(
            {
                **data,
                "target_due": written,
                "amber_band_percent": "5",
                "slight_worsening_percent": "5",
            }
        )
        assert form.is_valid(), form.errors
        assert form.cleaned_data["target_due"] == due
    form = MeasureForm({**data, "target_due": "soonish", "target_value": "lots"})
    assert not form.is_valid()
    assert form.errors["target_due"] == [DUE_NOT_A_DATE]
    assert form.errors["target_value"] == ["Enter a number, like 143 or 12.5"]
    assert form.errors["amber_band_percent"] == ["Enter the Amber tolerance, for example 5"]


def test_priority_codes_are_unique_in_the_partnership(
    partnership: Partnership, priority: Priority, manager: User
) -> None:
    with pytest.raises(ValidationError) as error:
        priority_save(partnership=partnership, user=manager, code=" a ", title="Another")
    assert error.value.message_dict == {"code": [CODE_TAKEN.format(code="a")]}
    changed = priority_save(
        partnership=partnership, user=manager, priority=priority, code="A", title="Renamed"
    )
    assert (changed.pk, changed.title) == (priority.pk, "Renamed")
    elsewhere = priority_save(
        partnership=builders.partnership(), user=manager, code="A", title="Elsewhere"
    )
    assert elsewhere.code == "A"


def test_priority_links_only_to_its_own_partnerships_plans(
    partnership: Partnership, small_plan: builders.SmallPlan, manager: User
) -> None:
    other = builders.small_plan(partnership=builders.partnership())
    foreign_sponsor = Organisation.objects.create(
        partnership=other.plan.partnership, name="Elsewhere Police", short_name="EP"
    )
    with pytest.raises(ValidationError) as error:
        priority_save(
            partnership=partnership,
            user=manager,
            code="B",
            title="Protect vulnerable people",
            sponsor_organisation=foreign_sponsor,
            plan_objectives=[small_plan.objectives[0], other.objectives[0]],
            plan_actions=[other.actions[0]],
        )
    assert error.value.message_dict == {
        "sponsor_organisation": [SPONSOR_NOT_IN_PARTNERSHIP],
        "plan_objectives": [OBJECTIVE_NOT_IN_PARTNERSHIP],
        "plan_actions": [ACTION_NOT_IN_PARTNERSHIP],
    }
    saved = priority_save(
        partnership=partnership,
        user=manager,
        code="B",
        title="Protect vulnerable people",
        sponsor_name="Norfolk Constabulary",
        plan_objectives=[small_plan.objectives[0]],
        plan_actions=small_plan.actions[:2],
    )
    assert saved.sponsor == "Norfolk Constabulary"
    assert list(saved.plan_objectives.all()) == [small_plan.objectives[0]]
    assert set(saved.plan_actions.all()) == set(small_plan.actions[:2])


def test_alignments_are_added_at_the_end_changed_and_removed(
    priority: Priority, manager: User
) -> None:
    with pytest.raises(ValidationError) as error:
        alignment_save(priority=priority, user=manager, other_plan=" ", other_priority="")
    assert error.value.message_dict == {
        "other_plan": [OTHER_PLAN_MISSING],
        "other_priority": [OTHER_PRIORITY_MISSING],
    }
    first = builders.alignment(priority=priority)
    added = alignment_save(
        priority=priority,
        user=manager,
        other_plan="Police and Crime Plan",
        other_priority="Cut reoffending",
    )
    assert list(priority.alignments.all()) == [first, added]
    changed = alignment_save(
        priority=priority,
        user=manager,
        alignment=added,
        other_plan="Health and Wellbeing Strategy",
        other_priority="Cut reoffending",
        comment="Shared aim",
    )
    assert (changed.pk, changed.other_plan, changed.comment) == (
        added.pk,
        "Health and Wellbeing Strategy",
        "Shared aim",
    )
    first_id = first.pk
    alignment_remove(alignment=first, user=manager)
    assert list(priority.alignments.all()) == [added]
    # the history keeps every change and the removal, each with who made it
    removed = PriorityAlignment.history.filter(id=first_id).first()
    assert removed is not None and removed.history_type == "-"
    assert removed.history_user == manager
    assert [h.history_user for h in added.history.all()] == [manager, manager]


def test_priority_changes_are_kept_in_history_with_their_author(
    partnership: Partnership, manager: User, small_plan: builders.SmallPlan
) -> None:
    saved = priority_save(partnership=partnership, user=manager, code="Z", title="First")
    priority_save(
        partnership=partnership,
        user=manager,
        priority=saved,
        code="Z",
        title="Second",
        plan_objectives=[small_plan.objectives[0]],
    )
    records = list(saved.history.order_by("history_date", "history_id"))
    assert [r.title for r in records][:2] == ["First", "Second"]
    assert {r.history_user for r in records} == {manager}
    latest = records[-1]
    linked = [o.objective_id for o in latest.plan_objectives.all()]
    assert linked == [small_plan.objectives[0].pk]
