"""Adding, editing and importing figures. Errors name the field or line."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.performance.models import Measure
from apps.performance.services import (
    ImportError_,
    observation_add,
    observation_edit,
    observations_import_csv,
)
from tests import builders

pytestmark = pytest.mark.django_db


def _errors(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return error.value.message_dict


def test_add_reads_the_period_and_records_who(measure: Measure, manager: User) -> None:
    saved = observation_add(
        measure=measure, user=manager, period_label=" Q2  2013/14 ", value=Decimal(143)
    )
    assert (saved.period_label, str(saved.period_start)) == ("Q2 2013/14", "2013-07-01")
    assert saved.entered_by == manager


@pytest.mark.parametrize(
    ("label", "fields", "field", "message"),
    [
        ("Summer", {"value": Decimal(1)}, "period_label", "“Summer” is not a period"),
        ("", {"value": Decimal(1)}, "period_label", "Enter the period"),
        ("Jan 2020", {"value": Decimal(-1)}, "value", "A count cannot be below zero"),
        (
            "Jan 2020",
            {"value": Decimal(1), "numerator": Decimal(1)},
            "denominator",
            "Enter the denominator as well as the numerator, or neither",
        ),
        (
            "Jan 2020",
            {"value": Decimal(1), "numerator": Decimal(1), "denominator": Decimal(0)},
            "denominator",
            "The denominator cannot be zero",
        ),
    ],
)
def test_add_refuses_bad_figures(
    measure: Measure, label: str, fields: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        observation_add(measure=measure, user=None, period_label=label, **fields)
    assert message in _errors(error)[field][0]
    assert measure.observations.count() == 0


def test_a_period_is_held_once(measure: Measure) -> None:
    observation_add(measure=measure, user=None, period_label="Jan 2020", value=Decimal(1))
    with pytest.raises(ValidationError) as error:
        observation_add(measure=measure, user=None, period_label="2020-01", value=Decimal(2))
    assert _errors(error)["period_label"] == [
        "There is already a figure for Jan 2020 (January 2020): change that one instead"
    ]


def test_edit_moves_a_figure_but_not_onto_another(measure: Measure) -> None:
    _first, second = builders.figures(measure=measure, values=[1, 2])
    with pytest.raises(ValidationError):
        observation_edit(observation=second, user=None, period_label="Jan 2020", value=Decimal(2))
    observation_edit(observation=second, user=None, period_label="Mar 2020", value=Decimal(5))
    second.refresh_from_db()
    assert (second.period_label, second.value) == ("Mar 2020", 5)
    assert [h.history_type for h in second.history.all()] == ["~"]


def test_import_adds_and_replaces(measure: Measure) -> None:
    builders.figures(measure=measure, values=[1])
    data = b"period,value,comparator,numerator,denominator,note\n"
    data += b'Jan 2020,7,,,,corrected\nFeb 2020,"1,240",24,3,4,\n'
    result = observations_import_csv(measure=measure, user=None, data=data)
    assert (result.added, result.updated) == (1, 1)
    jan, feb = measure.observations.order_by("period_start")
    assert (jan.value, jan.note) == (7, "corrected")
    assert (feb.value, feb.comparator_value, feb.numerator, feb.denominator) == (1240, 24, 3, 4)


def test_import_is_whole_or_nothing_and_names_every_bad_line(measure: Measure) -> None:
    data = b"Jan 2020,5\nFeb 2020,lots\nSpring,3\nJan 2020,6\nApr 2020\nMay 2020,-2\nJun 2020,\n"
    with pytest.raises(ImportError_) as error:
        observations_import_csv(measure=measure, user=None, data=data)
    assert error.value.messages == [
        "Line 2: the value “lots” is not a number",
        "Line 3: “Spring” is not a period SaferPlan can read: write it as a month (Jan 2019 or "
        "2019-01), a quarter (Q1 2013/14) or a financial year (2013/14)",
        "Line 4: the period Jan 2020 is already on line 1",
        "Line 5: expected period, value and up to four more columns, found 1",
        "Line 7: expected period, value and up to four more columns, found 1",
    ]
    assert measure.observations.count() == 0


def test_import_checks_figures_and_saves_nothing_if_one_fails(measure: Measure) -> None:
    with pytest.raises(ImportError_) as error:
        observations_import_csv(measure=measure, user=None, data=b"Jan 2020,5\nFeb 2020,-2\n")
    assert error.value.messages == ["Line 2: A count cannot be below zero"]
    assert measure.observations.count() == 0


def test_import_refuses_a_file_that_is_not_utf8(measure: Measure) -> None:
    with pytest.raises(ImportError_) as error:
        observations_import_csv(measure=measure, user=None, data="Jan 2020,£5".encode("cp1252"))
    assert "UTF-8" in error.value.messages[0]
