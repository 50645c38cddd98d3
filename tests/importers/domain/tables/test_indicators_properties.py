"""Indicator tables mutated as councils' copies differ: columns in any order, headings from the
synonym lists, blank cells, title rows above the header. Each is read with every figure where
the table put it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from apps.importers.domain.tables.indicators import IndicatorUse, indicators_read
from tests.importers.domain.tables.indicator_tables import document, sheet_table

NAMES = ["Burglary", "Arson", "Hate crime reports", "Shoplifting", "Repeat victims of ASB"]
INDICATOR_HEADINGS = ["Indicator", "KPI", "Performance measure", "Measure", "Metric", "PI"]
BASELINE_HEADINGS = ["Baseline", "Baseline figure", "Previous year", "Last year"]
TARGET_HEADINGS = ["Target", "Annual target", "Goal", "Year end target"]
RANGES = ["Apr–Jun 2025", "Jul-Sep 2025", "Oct – Dec 2025", "Jan-Mar 2026"]
PERIOD_STYLES = [
    lambda n: f"Q{n} 2025/26",
    lambda n: f"Q{n}",
    lambda n: f"Quarter {n}",
    lambda n: f"Q{n} Actual",
    lambda n: RANGES[n - 1],
]
TITLES = ["Community Safety Partnership", "Performance report 2025/26", "Figures for 2025-26", ""]

values = st.one_of(
    st.integers(0, 99_999).map(lambda v: f"{v:,}"), st.sampled_from(["", "n/a", "-"])
)


@st.composite
def reports(draw: st.DrawFn) -> tuple[list[list[str]], list[list[str]], list[str]]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=5, unique=True))
    figures = [[draw(values) for _ in range(4)] for _ in names]
    style = draw(st.sampled_from(PERIOD_STYLES))
    columns = [
        (draw(st.sampled_from(INDICATOR_HEADINGS)), "name"),
        (draw(st.sampled_from(BASELINE_HEADINGS)), "baseline"),
        (draw(st.sampled_from(TARGET_HEADINGS)), "target"),
        *((style(n), f"q{n}") for n in range(1, 5)),
    ]
    order = draw(st.permutations(range(len(columns))))
    header = [columns[i][0] for i in order]
    body = []
    for name, row in zip(names, figures, strict=True):
        cells = {"name": name, "baseline": "100", "target": "90"}
        cells |= {f"q{n}": row[n - 1] for n in range(1, 5)}
        body.append([cells[columns[i][1]] for i in order])
    titles = draw(st.lists(st.sampled_from(TITLES), max_size=2))
    title_rows = [[title] + [""] * (len(header) - 1) for title in titles]
    # the year must be said somewhere: a heading of its own, or a title row
    title_rows.append(["Quarterly performance 2025/26"] + [""] * (len(header) - 1))
    return [*title_rows, header, *body], figures, names


@settings(max_examples=80)
@given(reports())
def test_every_figure_is_read_where_the_table_put_it(
    report: tuple[list[list[str]], list[list[str]], list[str]],
) -> None:
    rows, figures, names = report
    reading = indicators_read(document(sheet_table(rows)))
    assert reading.problems == []
    [table] = reading.tables
    assert table.read
    assert sorted(table.uses).count(IndicatorUse.PERIOD) == 4
    assert [row.name for row in table.indicators] == names
    for row, printed in zip(table.indicators, figures, strict=True):
        assert [f.period_label for f in row.figures] == [f"Q{n} 2025/26" for n in range(1, 5)]
        expected = [
            Decimal(text.replace(",", "")) if text not in ("", "n/a", "-") else None
            for text in printed
        ]
        assert [f.value for f in row.figures] == expected
        assert (row.baseline, row.target, row.polarity) == (Decimal(100), Decimal(90), "down")
