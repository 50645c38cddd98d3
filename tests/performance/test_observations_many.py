"""A series of figures added at once, as transcribed from a document: all of them or none."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.performance.models import Measure
from apps.performance.services import Figure, observations_add_many
from apps.performance.services.observations import (
    NUMERATOR_WITHOUT_DENOMINATOR,
    PERIOD_START_DIFFERS,
    PERIOD_TAKEN,
)

pytestmark = pytest.mark.django_db


def test_a_rolling_year_is_added_with_the_day_it_starts(measure: Measure, manager: User) -> None:
    added = observations_add_many(
        measure=measure,
        figures=[
            Figure("Oct 10 to Sep 11", Decimal("34.4"), period_start=date(2010, 10, 1)),
            Figure("Q1  2013/14", Decimal(98), target_value=Decimal(125)),
        ],
        user=manager,
    )
    assert [(o.period_label, o.period_start) for o in added] == [
        ("Oct 10 to Sep 11", date(2010, 10, 1)),
        ("Q1 2013/14", date(2013, 4, 1)),
    ]
    assert added[1].target_value == 125 and added[1].entered_by == manager
    assert [o.history.get().history_user for o in added] == [manager, manager]


def test_a_period_named_and_given_must_agree(measure: Measure) -> None:
    with pytest.raises(ValidationError) as error:
        observations_add_many(
            measure=measure,
            figures=[Figure("Q1 2013/14", Decimal(1), period_start=date(2013, 1, 1))],
            user=None,
        )
    assert error.value.message_dict == {
        "period_start": [
            PERIOD_START_DIFFERS.format(
                label="Q1 2013/14", named="1 April 2013", given="1 January 2013"
            )
        ]
    }


@pytest.mark.parametrize(
    ("figure", "errors"),
    [
        (
            Figure("Q1 2013/14", Decimal(2)),
            {"period_label": [PERIOD_TAKEN.format(label="Q1 2013/14", start=date(2013, 4, 1))]},
        ),
        (
            Figure("Q2 2013/14", Decimal(2), numerator=Decimal(2)),
            {"denominator": [NUMERATOR_WITHOUT_DENOMINATOR]},
        ),
    ],
)
def test_one_refused_figure_and_none_is_added(
    measure: Measure, figure: Figure, errors: dict[str, list[str]]
) -> None:
    with pytest.raises(ValidationError) as error:
        observations_add_many(
            measure=measure, figures=[Figure("Q1 2013/14", Decimal(1)), figure], user=None
        )
    assert error.value.message_dict == errors
    assert not measure.observations.exists()
