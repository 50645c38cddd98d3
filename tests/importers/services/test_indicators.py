"""Importing a performance report's indicators: measures created with their polarity, target
and figures; a measure the partnership has already updated; conflicts left alone unless
ticked; all of it or none of it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.importers.domain.source import Cell
from apps.importers.domain.tables.indicators import (
    NOT_A_NUMBER,
    IndicatorReading,
    indicators_read,
)
from apps.importers.selectors.indicators import (
    INDICATOR_TWICE,
    NEW_PRIORITY_TITLE,
    TARGET_NEEDS_POLARITY,
    conflict_key,
    indicators_preview,
)
from apps.importers.services.indicators import (
    CELL_PROBLEM,
    PRIORITY_NOT_IN_PARTNERSHIP,
    indicators_import,
)
from apps.partnerships.models import Partnership
from apps.performance.models import Measure, Observation, Priority
from apps.performance.services import Figure, observations_add_many
from apps.performance.services.observations import NEGATIVE_COUNT
from tests import builders
from tests.importers.domain.tables.indicator_tables import (
    QUARTERLY,
    document,
    sheet_table,
    word_table,
)

pytestmark = pytest.mark.django_db


def _reading(rows: list[list[str]]) -> IndicatorReading:
    return indicators_read(document(sheet_table(rows, sheet="KPIs")))


def _values(measure: Measure) -> list[tuple[str, date, Decimal]]:
    return [
        (o.period_label, o.period_start, o.value)
        for o in measure.observations.order_by("period_start")
    ]


def test_a_report_creates_measures_with_polarity_target_and_figures(
    partnership: Partnership,
) -> None:
    result = indicators_import(partnership=partnership, reading=_reading(QUARTERLY), user=None)
    [priority] = result.priorities_created
    assert (priority.code, priority.title) == ("1", NEW_PRIORITY_TITLE.format(name="report.xlsx"))
    crime, repeat, hate = result.created
    crime.refresh_from_db()
    assert (crime.code, crime.title, crime.priority) == ("PI 1", "All recorded crime", priority)
    assert (crime.polarity, crime.unit, crime.frequency) == ("down", "count", "quarterly")
    assert (crime.baseline_value, crime.baseline_label) == (Decimal(9512), "2024/25")
    assert (crime.target_kind, crime.target_value) == ("change_from_baseline", Decimal(5))
    assert crime.target_text == "5% reduction"
    assert crime.comment == "Down on last year"
    assert _values(crime) == [
        ("Q1 2025/26", date(2025, 4, 1), Decimal(2301)),
        ("Q2 2025/26", date(2025, 7, 1), Decimal(2288)),
        ("Q3 2025/26", date(2025, 10, 1), Decimal(2150)),
    ]
    latest = crime.observations.get(period_start=date(2025, 10, 1))
    assert latest.note == (
        "RAG in the report: Green. Direction of travel in the report: ↓ improving"
    )
    assert (repeat.unit, repeat.polarity, repeat.target_kind) == ("percentage", "down", "value")
    assert repeat.target_value == Decimal(30)
    assert [v for _, _, v in _values(repeat)] == [Decimal("32.1"), Decimal("31.0")]
    assert (hate.target_kind, hate.polarity) == ("direction", "up")
    assert result.figures_added == 8 and result.updated == []


def _existing(partnership: Partnership) -> Measure:
    priority = builders.priority(partnership=partnership, code="A")
    measure = builders.measure(
        priority=priority, title="ALL  recorded crime", polarity="down", target_value=9000
    )
    observations_add_many(
        measure=measure,
        figures=[
            Figure(period_label="Q1 2025/26", value=Decimal(2301)),
            Figure(period_label="Q2 2025/26", value=Decimal(2200), note="Police figures"),
        ],
        user=None,
    )
    return measure


def test_an_existing_measure_is_updated_and_a_differing_figure_is_a_conflict(
    partnership: Partnership,
) -> None:
    measure = _existing(partnership)
    reading = _reading(QUARTERLY)
    preview = indicators_preview(partnership=partnership, reading=reading)
    [plan] = preview.updated
    assert plan.measure == measure
    assert "Baseline: none → 9,512" in plan.changes
    assert [f.figure.period_label for f in plan.same] == ["Q1 2025/26"]
    assert [f.figure.period_label for f in plan.added] == ["Q3 2025/26"]
    [(_, conflict)] = preview.conflicts
    assert conflict.key == conflict_key(measure, conflict.figure)
    assert (conflict.figure.value, conflict.held_text) == (Decimal(2288), "2,200")

    result = indicators_import(partnership=partnership, reading=reading, user=None)
    assert result.updated == [measure] and len(result.created) == 2
    assert (result.figures_unchanged, result.conflicts_left) == (1, 1)
    measure.refresh_from_db()
    assert measure.baseline_value == Decimal(9512) and measure.title == "ALL  recorded crime"
    assert (measure.target_kind, measure.target_value) == ("change_from_baseline", Decimal(5))
    assert measure.priority.code == "A"
    assert [v for _, _, v in _values(measure)] == [Decimal(2301), Decimal(2200), Decimal(2150)]

    ticked = indicators_import(
        partnership=partnership, reading=reading, user=None, ticked=[conflict.key]
    )
    assert ticked.figures_replaced == 1 and ticked.figures_added == 0
    q2 = measure.observations.get(period_start=date(2025, 7, 1))
    assert q2.value == Decimal(2288) and q2.note == "Police figures"
    assert Measure.objects.filter(priority__partnership=partnership).count() == 3


def test_a_word_in_a_figure_and_a_negative_count_save_nothing(partnership: Partnership) -> None:
    rows = [row[:] for row in QUARTERLY]
    rows[4][5] = "twelve"
    with pytest.raises(ValidationError) as raised:
        indicators_import(partnership=partnership, reading=_reading(rows), user=None)
    assert raised.value.messages == [
        NOT_A_NUMBER.format(where="Sheet ‘KPIs’, row 5", column="Q2", text="twelve")
    ]
    rows = [row[:] for row in QUARTERLY]
    rows[5][6] = "-4"  # the third indicator's Q3: a count below zero
    with pytest.raises(ValidationError) as raised:
        indicators_import(partnership=partnership, reading=_reading(rows), user=None)
    assert raised.value.messages == [
        CELL_PROBLEM.format(where="Sheet ‘KPIs’, row 6", column="Q3", message=NEGATIVE_COUNT)
    ]
    assert not Measure.objects.exists() and not Priority.objects.exists()
    assert not Observation.objects.exists()


def test_sections_go_to_the_partnerships_priorities_by_code_or_new_ones(
    partnership: Partnership,
) -> None:
    violence = builders.priority(partnership=partnership, code="A")
    rows: list[list[object]] = [
        ["Indicator", "Q1 2025/26", "Q2 2025/26"],
        [Cell("A. Reduce violence", bold=True), Cell(""), Cell("")],
        ["Violence with injury", "300", "290"],
        [Cell("Protect vulnerable people", bold=True), Cell(""), Cell("")],
        ["Referrals to MARAC", "80", "92"],
    ]
    reading = indicators_read(document(word_table(rows), fmt="docx"))
    preview = indicators_preview(partnership=partnership, reading=reading)
    assert [p.label for p in preview.new_priorities] == ["1. Protect vulnerable people"]
    assert preview.fallback is None  # every row names its priority: nothing to choose
    result = indicators_import(partnership=partnership, reading=reading, user=None)
    injury, marac = result.created
    assert injury.priority == violence
    [protect] = result.priorities_created
    assert (protect.code, protect.title) == ("1", "Protect vulnerable people")
    assert marac.priority == protect


def test_new_measures_go_to_the_priority_chosen(partnership: Partnership) -> None:
    chosen = builders.priority(partnership=partnership, code="C")
    unchosen = indicators_preview(partnership=partnership, reading=_reading(QUARTERLY))
    assert unchosen.new_priorities == [] and unchosen.fallback is not None
    assert unchosen.fallback.code == "1"
    assert (
        indicators_preview(
            partnership=partnership, reading=_reading(QUARTERLY), priority=chosen
        ).fallback
        is None
    )
    result = indicators_import(
        partnership=partnership, reading=_reading(QUARTERLY), user=None, priority=chosen
    )
    assert {m.priority for m in result.created} == {chosen}
    assert result.priorities_created == []


def test_a_target_without_a_better_direction_is_kept_as_printed(partnership: Partnership) -> None:
    rows = [
        ["Indicator", "Target", "2023/24", "2024/25"],
        ["Calls to the helpline", "500", "410", "455"],
    ]
    reading = _reading(rows)
    [plan] = indicators_preview(partnership=partnership, reading=reading).measures
    assert plan.cautions == [TARGET_NEEDS_POLARITY]
    [measure] = indicators_import(partnership=partnership, reading=reading, user=None).created
    assert (measure.target_kind, measure.target_text, measure.polarity) == ("", "500", "neither")
    assert measure.frequency == "annual"


def test_each_periods_own_target_is_rated(partnership: Partnership) -> None:
    rows = [
        ["Indicator", "Polarity", "Q1 2025/26", "Q1 target", "Q2 2025/26", "Q2 target"],
        ["Youth first-time entrants", "Lower is better", "14", "15", "17", "15"],
    ]
    [measure] = indicators_import(
        partnership=partnership, reading=_reading(rows), user=None
    ).created
    measure.refresh_from_db()
    assert (measure.target_kind, measure.target_value) == ("value", None)
    targets = list(
        measure.observations.order_by("period_start").values_list("target_value", flat=True)
    )
    assert targets == [Decimal(15), Decimal(15)]


def test_an_indicator_twice_in_one_report_is_refused(partnership: Partnership) -> None:
    rows = [["Indicator", "Q1 2025/26"], ["Arson", "4"], ["ARSON", "5"]]
    with pytest.raises(ValidationError) as raised:
        indicators_import(partnership=partnership, reading=_reading(rows), user=None)
    assert raised.value.messages == [
        INDICATOR_TWICE.format(
            where="Sheet ‘KPIs’, row 3", name="ARSON", first="Sheet ‘KPIs’, row 2"
        )
    ]


def _report(count: int) -> list[list[str]]:
    return [["Indicator", "Baseline", "Q1 2025/26", "Q2 2025/26"]] + [
        [f"Indicator {n}", "10", str(n), str(n + 1)] for n in range(count)
    ]


def _preview_queries(partnership: Partnership, count: int) -> int:
    priority = builders.priority(partnership=partnership, code=f"P{count}")
    for n in range(count):
        measure = builders.measure(priority=priority, title=f"Indicator {n}", code="")
        builders.figures(measure=measure, values=[n])
    reading = _reading(_report(count))
    with CaptureQueriesContext(connection) as queries:
        preview = indicators_preview(partnership=partnership, reading=reading)
    assert len(preview.updated) == count
    return len(queries)


def test_the_preview_costs_the_same_queries_for_5_and_50_indicators() -> None:
    few = _preview_queries(builders.partnership("Few CSP"), 5)
    many = _preview_queries(builders.partnership("Many CSP"), 50)
    assert few == many


def test_a_priority_of_another_partnership_is_refused(partnership: Partnership) -> None:
    elsewhere = builders.priority(partnership=builders.partnership("Elsewhere CSP"))
    with pytest.raises(ValidationError) as raised:
        indicators_import(
            partnership=partnership, reading=_reading(QUARTERLY), user=None, priority=elsewhere
        )
    assert raised.value.message_dict == {"priority": [PRIORITY_NOT_IN_PARTNERSHIP]}
    assert not Measure.objects.exists()
