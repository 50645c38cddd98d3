"""Setting up measures and their settings: each target kind's needs, in officers' words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.demo.performance.loader import performance_demo_load
from apps.performance.domain.rag import Rating, rag_assess
from apps.performance.forms.measures import DUE_NOT_A_DATE, MeasureForm
from apps.performance.models import Measure, Priority
from apps.performance.selectors import measure_target, target_text
from apps.performance.services import measure_save, measure_settings_save
from apps.performance.services.measures import (
    BASELINE_FOR_CHANGE,
    BASELINE_ZERO_FOR_CHANGE,
    COMPARATOR_MISSING,
    POLARITY_FOR_TARGET,
    TARGET_PERCENT_MISSING,
    TARGET_PERCENT_NOT_POSITIVE,
    TARGET_VALUE_MISSING,
    TOLERANCE_NEGATIVE,
)
from tests import builders

pytestmark = pytest.mark.django_db


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


def test_settings_refuse_a_short_baseline_and_negative_tolerances(measure: Measure) -> None:
    with pytest.raises(ValidationError) as error:
        measure_settings_save(
            measure=measure,
            spc_baseline_points=11,
            amber_band_percent=Decimal(-1),
            spc_rebase_periods="",
        )
    assert error.value.message_dict == {
        "spc_baseline_points": ["Fix the limits after at least 12 points, or leave it blank"],
        "amber_band_percent": ["Tolerances cannot be negative"],
    }
    saved = measure_settings_save(measure=measure, spc_baseline_points=12, comment="Watch it")
    assert (saved.spc_baseline_points, saved.comment) == (12, "Watch it")
