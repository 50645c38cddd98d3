"""Reading performance indicator tables laid out as councils lay them out: quarters with
baseline, target, RAG and direction of travel; months April to March; years as columns; a
title row giving the year and which way is better."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from apps.importers.domain.source import Block, Cell, Origin
from apps.importers.domain.tables.indicators import (
    INDICATOR_COLUMN_MISSING,
    NOT_A_NUMBER,
    PERIOD_YEAR_MISSING,
    POLARITY_UNKNOWN,
    IndicatorUse,
    amount_read,
    indicators_read,
    polarity_read,
    section_code,
)
from apps.performance.domain.rag import TargetKind
from tests.importers.domain.tables.indicator_tables import (
    QUARTERLY,
    document,
    sheet_table,
    word_table,
)

U = IndicatorUse


def _figures(row: object) -> list[tuple[str, date | None, Decimal | None]]:
    return [(f.period_label, f.start_date, f.value) for f in row.figures]  # type: ignore[attr-defined]


def test_quarterly_report_with_baseline_target_rag_and_direction() -> None:
    reading = indicators_read(document(sheet_table(QUARTERLY, sheet="KPIs")))
    [table] = reading.tables
    assert table.read and table.recognised and not table.chosen and table.index == 1
    assert table.header_row == 2
    assert table.uses == [
        U.CODE, U.INDICATOR, U.BASELINE, U.TARGET, U.PERIOD, U.PERIOD, U.PERIOD, U.PERIOD,
        U.RAG, U.DIRECTION, U.NOTE,
    ]  # fmt: skip
    assert table.year is not None and table.year.label == "2025/26"
    crime, repeat, hate = table.indicators
    assert (crime.code, crime.name) == ("PI 1", "All recorded crime")
    assert crime.origin == Origin(sheet="KPIs", row=4)
    assert _figures(crime) == [
        ("Q1 2025/26", date(2025, 4, 1), Decimal(2301)),
        ("Q2 2025/26", date(2025, 7, 1), Decimal(2288)),
        ("Q3 2025/26", date(2025, 10, 1), Decimal(2150)),
        ("Q4 2025/26", date(2026, 1, 1), None),
    ]
    assert crime.figures[2].end_date == date(2025, 12, 31)
    assert (crime.baseline, crime.baseline_label) == (Decimal(9512), "2024/25")
    assert (crime.target_kind, crime.target_percent) == (TargetKind.CHANGE_FROM_BASELINE, 5)
    assert crime.polarity == "down"
    assert (crime.rag, crime.direction, crime.unit) == ("Green", "↓ improving", "count")
    assert crime.notes == [("Commentary", "Down on last year")]
    assert crime.frequency == "quarterly"
    assert repeat.unit == "percentage"
    assert (repeat.target_kind, repeat.target) == (TargetKind.VALUE, Decimal(30))
    assert repeat.polarity == "down"  # a target below the baseline
    assert [f.value for f in repeat.figures] == [Decimal("32.1"), Decimal("31.0"), None, None]
    assert (hate.target_kind, hate.polarity) == (TargetKind.DIRECTION, "up")
    assert reading.problems == []


MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]


def test_monthly_april_to_march_takes_the_year_from_the_sheet_name() -> None:
    rows = [
        ["Measure", "Aim", *MONTHS],
        ["ASB incidents", "Aim: reduce", *[f"{1000 + 10 * i:,}" for i in range(12)]],
        ["Victims offered support within 48 hours", "Higher is better", *["91%"] * 11, "-"],
    ]
    reading = indicators_read(document(sheet_table(rows, sheet="ASB 2024-25")))
    asb, victims = reading.tables[0].indicators
    assert asb.polarity == "down" and victims.polarity == "up"
    assert asb.figures[0].period_label == "Apr 2024"
    assert asb.figures[9].start_date == date(2025, 1, 1)
    assert asb.figures[11].period_label == "Mar 2025"
    assert asb.figures[11].value == Decimal(1110)
    assert asb.frequency == "monthly"
    assert victims.unit == "percentage" and victims.figures[11].value is None


def test_years_as_columns_under_an_unnamed_first_column_in_a_word_table() -> None:
    rows = [
        ["", "2021/22", "2022/23", "2023/24", "2024/25", "Good performance is"],
        ["Domestic abuse incidents", "3,100", "3,250", "3,198", "3,020", "Lower"],
        ["Knife crime offences", "210", "195", "twelve", "188", "Lower"],
        ["Cases heard at MARAC", "410", "455", "470", "501", "Sideways"],
    ]
    doc = document(
        Block("heading", "Year on year", Origin(page=1)), word_table(rows, table=2), fmt="docx"
    )
    reading = indicators_read(doc)
    [table] = reading.tables
    assert table.uses[0] == U.INDICATOR and table.uses[5] == U.POLARITY
    assert table.uses[1:5] == [U.PERIOD] * 4
    da, knives, marac = table.indicators
    assert _figures(da)[0] == ("2021/22", date(2021, 4, 1), Decimal(3100))
    assert da.frequency == "annual" and da.polarity == "down"
    assert knives.figures[2].value is None
    assert reading.problems == [
        NOT_A_NUMBER.format(where="Table 2, row 3", column="2023/24", text="twelve"),
        POLARITY_UNKNOWN.format(
            where="Table 2, row 4", column="Good performance is", text="Sideways"
        ),
    ]
    assert marac.polarity is None


def test_title_row_gives_the_year_and_which_way_is_better() -> None:
    rows = [
        ["Quarterly indicators 2025/26: lower is better for every indicator", "", "", "", "", ""],
        ["KPI", "Q1", "Q2", "Q3 Actual", "Q4", "YTD"],
        ["Burglary", "120", "131", "99", "", "350"],
        ["Theft of vehicles", "45", "51", "38", "", "134"],
    ]
    reading = indicators_read(document(sheet_table(rows, sheet="Sheet1")))
    [table] = reading.tables
    assert table.uses == [U.INDICATOR, U.PERIOD, U.PERIOD, U.PERIOD, U.PERIOD, U.NOTE]
    burglary, vehicles = table.indicators
    assert burglary.polarity == vehicles.polarity == "down"
    assert burglary.figures[2].period_label == "Q3 2025/26"
    assert burglary.notes == [("YTD", "350")]


def test_per_period_targets_and_a_year_column_beside_quarters() -> None:
    rows = [
        ["Indicator", "2024/25", "Q1 2025/26", "Q1 target", "Q2 2025/26", "Q2 target"],
        ["Youth first-time entrants", "61", "14", "15", "17", "15"],
    ]
    [row] = indicators_read(document(sheet_table(rows))).tables[0].indicators
    assert indicators_read(document(sheet_table(rows))).tables[0].uses[1] == U.BASELINE
    assert (row.baseline, row.baseline_label) == (Decimal(61), "2024/25")
    assert [(f.period_label, f.value, f.target) for f in row.figures] == [
        ("Q1 2025/26", Decimal(14), Decimal(15)),
        ("Q2 2025/26", Decimal(17), Decimal(15)),
    ]


def test_sections_name_priorities_and_repeated_headers_are_skipped() -> None:
    header: list[object] = ["Indicator", "Q1 2025/26", "Q2 2025/26"]
    rows: list[list[object]] = [
        header,
        [Cell("A. Reduce violence", bold=True), Cell(""), Cell("")],
        ["Violence with injury", "300", "290"],
        header,  # repeated at the top of the next page
        [
            Cell("B. Protect vulnerable people", col_span=3),
            Cell("B. Protect vulnerable people", covered=True),
            Cell("B. Protect vulnerable people", covered=True),
        ],
        ["Referrals to MARAC", "80", "92"],
        ["", "", ""],
        ["", "12", ""],
    ]
    [table] = indicators_read(document(word_table(rows), fmt="pdf")).tables
    kinds = [(r.kind, r.priority if r.kind == "indicator" else r.summary) for r in table.rows]
    assert kinds == [
        ("section", "A. Reduce violence"),
        ("indicator", "A. Reduce violence"),
        ("section", "B. Protect vulnerable people"),
        ("indicator", "B. Protect vulnerable people"),
        ("skipped", "No indicator named in this row: it is not read"),
    ]
    assert section_code("B. Protect vulnerable people") == ("B", "Protect vulnerable people")
    assert section_code("Priority 2: Violence") == ("2", "Violence")


def test_headings_without_a_year_ask_for_one_and_the_year_given_is_used() -> None:
    rows = [["Indicator", "Q1", "Q2"], ["Arson", "4", "6"]]
    doc = document(sheet_table(rows, sheet="Data"), name="kpis.csv", fmt="csv")
    reading = indicators_read(doc)
    assert reading.problems == [
        PERIOD_YEAR_MISSING.format(column="Q1", text="Q1"),
        PERIOD_YEAR_MISSING.format(column="Q2", text="Q2"),
    ]
    assert reading.tables[0].indicators[0].figures == []
    given = indicators_read(doc, years={1: "2026/27"})
    assert given.problems == []
    assert given.tables[0].indicators[0].figures[1].period_label == "Q2 2026/27"


def test_a_table_not_recognised_waits_for_the_managers_choice() -> None:
    rows = [["Crime type", "This quarter", "Last quarter"], ["Shoplifting", "80", "70"]]
    doc = document(sheet_table(rows))
    reading = indicators_read(doc)
    [table] = reading.tables
    assert not table.read and table.rows == []
    assert reading.skipped == [
        "Sheet ‘KPIs’: a table of 2 rows was not read (it does not look like a table of indicators)"
    ]
    chosen = indicators_read(doc, uses={1: [U.INDICATOR, U.NOTE, U.IGNORE]})
    assert chosen.tables[0].chosen and chosen.tables[0].read
    assert chosen.tables[0].indicators[0].notes == [("This quarter", "80")]
    no_indicator = indicators_read(doc, uses={1: [U.NOTE, U.NOTE, U.NOTE]})
    assert no_indicator.problems == [INDICATOR_COLUMN_MISSING]
    skipped = indicators_read(document(sheet_table(QUARTERLY)), skip=[1])
    assert skipped.tables_read == [] and skipped.problems == []
    assert skipped.tables[0].reason == "you chose to leave it out"


def test_changing_a_column_use_changes_what_is_read() -> None:
    doc = document(sheet_table(QUARTERLY))
    uses = list(indicators_read(doc).tables[0].uses)
    uses[7] = U.IGNORE  # Q4
    uses[10] = U.IGNORE  # Commentary
    [crime, *_] = indicators_read(doc, uses={1: uses}).tables[0].indicators
    assert [f.period_label for f in crime.figures] == ["Q1 2025/26", "Q2 2025/26", "Q3 2025/26"]
    assert crime.notes == []


def test_same_headings_typed_differently_have_one_signature() -> None:
    first = indicators_read(document(sheet_table([["Indicator", "Q1 2025/26"], ["A", "1"]])))
    second = indicators_read(document(sheet_table([["INDICATOR ", "q1  2025/26"], ["B", "2"]])))
    other = indicators_read(document(sheet_table([["Indicator", "Q2 2025/26"], ["A", "1"]])))
    assert first.tables[0].signature == second.tables[0].signature
    assert first.tables[0].signature != other.tables[0].signature


def test_rag_from_colour_alone() -> None:
    rows: list[list[object]] = [
        ["Indicator", "Q1 2025/26", "RAG"],
        [Cell("Arson"), Cell("4"), Cell("", fill="#D4351C")],
        [Cell("Burglary"), Cell("9"), Cell("", fill="#00B050")],
        [Cell("Theft"), Cell("9"), Cell("", fill="#FFC000")],
    ]
    table = indicators_read(document(word_table(rows))).tables[0]
    assert [row.rag for row in table.indicators] == ["Red", "Green", "Amber"]


def test_amounts_and_polarity_as_reports_print_them() -> None:
    assert amount_read("1,234").value == Decimal(1234)
    assert amount_read("12.5%").value == Decimal("12.5") and amount_read("12.5%").percent
    assert amount_read("32.7% (1,234)").note == "1,234"
    assert amount_read("£1.2k").pounds_thousands
    for missing in ("", "-", "–", "n/a", "N/A", "TBC", " no data ", "<5", "< 10"):
        assert amount_read(missing).value is None and amount_read(missing).readable
    assert not amount_read("twelve").readable
    assert polarity_read("Higher is better") == "up"
    assert polarity_read("↓") == "down"
    assert polarity_read("Aim: reduce") == "down"
    assert polarity_read("Monitor only") == "neither"
    assert polarity_read("Blue") is None


def test_a_remembered_choice_reads_next_quarters_copy() -> None:
    rows = [["Crime type", "This quarter", "Last quarter"], ["Shoplifting", "80", "70"]]
    doc = document(sheet_table(rows))
    signature = indicators_read(doc).tables[0].signature
    assert signature.startswith("indicators:")
    remembered = {signature: [U.INDICATOR, U.NOTE, U.IGNORE]}
    [table] = indicators_read(doc, remembered=remembered).tables
    assert table.read and table.chosen
    assert table.indicators[0].name == "Shoplifting"
    wrong_width = {signature: [U.INDICATOR]}
    assert not indicators_read(doc, remembered=wrong_width).tables[0].read


def test_a_paragraph_before_a_word_table_gives_the_year_and_which_way_is_better() -> None:
    intro = Block(
        "paragraph", "Figures for 2024/25. For every indicator, lower is better.", Origin()
    )
    rows = [["Indicator", "Apr", "May"], ["Criminal damage", "61", "58"]]
    reading = indicators_read(document(intro, word_table(rows), fmt="docx"))
    [damage] = reading.tables[0].indicators
    assert damage.polarity == "down"
    assert [f.period_label for f in damage.figures] == ["Apr 2024", "May 2024"]
