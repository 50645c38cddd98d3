"""Performance indicator tables in any document: indicator, baseline, target, a figure per
period (Q1–Q4, months, years), which way is better, RAG and direction of travel.

The header is found as a plan table's is (``header_find`` with a vocabulary), except that
period columns are recognised by reading their heading as a period rather than by phrase. The
manager may change any column's use; the reading is pure, so the preview and the import read
the same document the same way.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from apps.core.rag import AMBER, BLUE, GREEN, RED, rag_parse
from apps.core.text import text_plain, text_squash
from apps.importers.domain.source import Block, Cell, Origin, SourceDocument, Table
from apps.importers.domain.tables.headings import header_find, heading_key, heading_match
from apps.importers.domain.tables.period_headings import (
    PeriodHeading,
    YearContext,
    latest_financial_year,
    period_heading,
    year_context,
)
from apps.importers.domain.tables.plan_layout import headings_signature
from apps.performance.domain.csv_series import parse_number
from apps.performance.domain.rag import TargetKind
from apps.performance.domain.trend import Polarity
from apps.performance.domain.units import Unit


class IndicatorUse(StrEnum):
    """What a column of an indicator table holds. The values are stable: choices are posted."""

    INDICATOR = "indicator"
    CODE = "code"
    PRIORITY = "priority"
    BASELINE = "baseline"
    TARGET = "target"
    PERIOD = "period"
    PERIOD_TARGET = "period_target"
    POLARITY = "polarity"
    RAG = "rag"
    DIRECTION = "direction"
    UNIT = "unit"
    NOTE = "note"
    IGNORE = "ignore"


_USE_VALUES = {use.value for use in IndicatorUse}

INDICATOR_USE_LABELS: dict[IndicatorUse, str] = {
    IndicatorUse.INDICATOR: "Indicator",
    IndicatorUse.CODE: "Indicator number",
    IndicatorUse.PRIORITY: "Priority",
    IndicatorUse.BASELINE: "Baseline",
    IndicatorUse.TARGET: "Target",
    IndicatorUse.PERIOD: "Figure for the period in its heading",
    IndicatorUse.PERIOD_TARGET: "Target for the period in its heading",
    IndicatorUse.POLARITY: "Which way is better",
    IndicatorUse.RAG: "RAG rating",
    IndicatorUse.DIRECTION: "Direction of travel",
    IndicatorUse.UNIT: "Unit",
    IndicatorUse.NOTE: "Keep as a note",
    IndicatorUse.IGNORE: "Ignore",
}

# Phrases as ``heading_key`` leaves them. Period columns have no phrases: their headings are
# read as periods (period_headings.py).
INDICATOR_VOCABULARY: dict[str, tuple[str, ...]] = {
    IndicatorUse.INDICATOR: (
        "indicator",
        "indicators",
        "performance indicator",
        "performance indicators",
        "key performance indicator",
        "kpi",
        "kpis",
        "kpi description",
        "pi",
        "measure",
        "measures",
        "performance measure",
        "success measure",
        "outcome measure",
        "indicator description",
        "measure description",
        "indicator name",
        "measure name",
        "metric",
        "metrics",
        "what we measure",
        "how we will measure success",
        "description",
    ),
    IndicatorUse.CODE: (
        "ref",
        "ref no",
        "reference",
        "no",
        "number",
        "kpi ref",
        "kpi no",
        "pi ref",
        "indicator ref",
        "indicator no",
        "measure ref",
        "code",
        "id",
        "#",
    ),
    IndicatorUse.PRIORITY: (
        "priority",
        "priority area",
        "strategic priority",
        "theme",
        "strand",
        "outcome",
        "objective",
        "workstream",
        "csp priority",
    ),
    IndicatorUse.BASELINE: (
        "baseline",
        "baseline figure",
        "baseline value",
        "baseline year",
        "previous year",
        "last year",
        "prior year",
        "starting point",
        "start point",
    ),
    IndicatorUse.TARGET: (
        "target",
        "targets",
        "annual target",
        "year end target",
        "end of year target",
        "target value",
        "goal",
        "ambition",
    ),
    IndicatorUse.POLARITY: (
        "polarity",
        "which way is better",
        "good is",
        "good performance is",
        "higher or lower is better",
        "is higher better",
        "direction of improvement",
        "desired direction",
        "preferred direction",
        "aim",
        "better if",
    ),
    IndicatorUse.RAG: (
        "rag",
        "rag status",
        "rag rating",
        "rating",
        "status",
        "brag",
        "performance status",
        "current rag",
        "overall rag",
        "traffic light",
        "red amber green",
        "rag rated",
    ),
    IndicatorUse.DIRECTION: (
        "direction of travel",
        "dot",
        "d o t",
        "trend",
        "direction",
        "travel",
        "trend direction",
        "movement",
    ),
    IndicatorUse.UNIT: ("unit", "units", "unit of measure", "measured as", "measure type"),
    IndicatorUse.NOTE: (
        "note",
        "notes",
        "comment",
        "comments",
        "commentary",
        "narrative",
        "update",
        "explanation",
        "analysis",
        "latest position",
        "context",
        "source",
        "data source",
        "lead",
        "owner",
        "responsible officer",
        "frequency",
    ),
}

_PERIOD_TOKEN = "#period"
_HEADER_VOCABULARY: dict[str, tuple[str, ...]] = {
    **INDICATOR_VOCABULARY,
    IndicatorUse.PERIOD: (_PERIOD_TOKEN,),
}

NOT_A_NUMBER = "{where}, column {column}: “{text}” is not a number"
POLARITY_UNKNOWN = (
    "{where}, column {column}: “{text}” does not say which way is better; write Higher is "
    "better or Lower is better, or choose Ignore for the column"
)
PERIOD_NOT_READ = (
    "Column {column}: “{text}” is not a period SaferPlan can read; write it as Q1 2025/26, "
    "Apr 2025 or 2025/26, or choose another use for the column"
)
PERIOD_YEAR_MISSING = (
    "Column {column}: the heading “{text}” gives no year; add it to the heading (for example "
    "Q1 2025/26) or enter the year the figures are for"
)
PERIOD_TWICE = "Column {column}: {label} is already read from column {first}"
INDICATOR_COLUMN_MISSING = "Choose the column that holds the indicators"
TABLE_NOT_READ = "{where}: a table of {count} rows was not read ({reason})"
NOT_INDICATORS = "it does not look like a table of indicators"
LEFT_OUT = "you chose to leave it out"
SIGNATURE_PREFIX = "indicators:"
YEAR_NOT_READ = "“{text}” is not a year SaferPlan can read; write it as 2025/26"

_MISSING = {
    "",
    "-",
    "--",
    "n a",
    "na",
    "n k",
    "nk",
    "tbc",
    "tba",
    "tbd",
    "not available",
    "not yet available",
    "no data",
    "awaiting data",
    "data not available",
    "pending",
    "x",
    "nil return",
    "not applicable",
    "not reported",
}
_LEADING_AMOUNT = re.compile(r"^([£]?[+-]?[\d,]*\.?\d+\s*%?k?)\s*(?:\((.*)\))?\s*$", re.I)
# Small numbers withheld so that no one can be identified ("<5", "< 10"): no figure to record.
_SUPPRESSED = re.compile(r"^[<≤]\s*\d+$")
_ARROWS = "↑↓↔→←⬆⬇⇧⇩▲▼►◄"
_TARGET_CHANGE = re.compile(
    r"(reduc\w*|decreas\w*|lower|fewer|cut|down|increas\w*|rais\w*|higher|more|up|improv\w*)"
    r"\D*?([\d.]+)\s*%|([\d.]+)\s*%\s*(reduction|decrease|increase|improvement|fewer|more|lower|"
    r"higher|down|up)",
    re.I,
)
_DOWN_WORDS = re.compile(
    r"\b(lower is better|low is good|lower|smaller is better|less is better|reduce|reduction|"
    r"reducing|decrease|decreasing|down|downward|minimise|fewer|less|low)\b|[↓⬇⇩▼]",
    re.I,
)
_UP_WORDS = re.compile(
    r"\b(higher is better|high is good|higher|bigger is better|more is better|increase|"
    r"increasing|up|upward|maximise|more|high|rise)\b|[↑⬆⇧▲]",
    re.I,
)
_NEITHER_WORDS = re.compile(r"\b(neither|monitor|monitoring only|context|no polarity|none)\b", re.I)
_TITLE_DOWN = re.compile(r"\b(lower|smaller|less) (is|are) better\b", re.I)
_TITLE_UP = re.compile(r"\b(higher|bigger|more) (is|are) better\b", re.I)
_SECTION_CODE = re.compile(r"^(?:priority|theme|outcome)?\s*([A-Z]|\d{1,2})[.:)]\s+(.+)$", re.I)


@dataclass(frozen=True)
class FigureRead:
    """One period's figure of an indicator, as the table prints it and as it will be saved."""

    period_label: str
    start_date: date | None
    end_date: date | None
    value_text: str
    value: Decimal | None  # None when the cell is blank, "n/a", "-" or not a number
    column: int = 0
    heading: str = ""
    target: Decimal | None = None  # the period's own target ("Q1 target" column)
    note: str = ""  # what the cell adds in brackets: "32.7% (1,234)"


@dataclass
class IndicatorRow:
    """One row of the table as it will be read: an indicator, a section heading or a row that
    is left out, with a line saying so for the preview."""

    origin: Origin
    kind: str  # "indicator", "section" or "skipped"
    summary: str
    where: str = ""  # the origin in words, with the row number when the origin has none
    name: str = ""
    code: str = ""
    priority: str = ""
    baseline: Decimal | None = None
    baseline_text: str = ""
    baseline_label: str = ""
    target: Decimal | None = None
    target_text: str = ""
    target_kind: str = ""
    target_percent: Decimal | None = None
    polarity: str | None = None  # Polarity value, None when the table does not say
    rag: str = ""  # "Red", "Amber", "Green", "Blue" as reported, or ""
    direction: str = ""  # as printed: "↑", "Improving"
    unit: str = Unit.COUNT.value
    frequency: str = "quarterly"
    figures: list[FigureRead] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (heading, text)
    problems: list[str] = field(default_factory=list)

    @property
    def present_figures(self) -> list[FigureRead]:
        return [f for f in self.figures if f.value is not None]


@dataclass
class IndicatorTable:
    """One table of the document, with the header found (or the first row when none was), the
    use of each column, and its rows as they will be read."""

    index: int  # 1-based among document.tables, as the plan reader numbers them
    origin: Origin
    header_row: int  # index into table.rows (the first row with text when none was recognised)
    headings: list[str]
    uses: list[str]  # one IndicatorUse value per column: the guess, or the manager's choice
    chosen: bool  # uses came from a choice (made now or remembered) rather than a guess
    recognised: bool  # the guess found an indicator column and a period column
    samples: list[list[str]]  # per column, up to three values below the header
    rows: list[IndicatorRow]
    signature: str  # the header as compared, so next quarter's copy finds this choice
    year: YearContext | None
    periods: list[PeriodHeading | None]  # per column, the period its heading names
    read: bool = False  # its rows will be imported
    reason: str = ""  # why it will not be, in words; "" when it will
    problems: list[str] = field(default_factory=list)  # about columns, not rows

    @property
    def indicators(self) -> list[IndicatorRow]:
        return [row for row in self.rows if row.kind == "indicator"]

    @property
    def all_problems(self) -> list[str]:
        return self.problems + [p for row in self.rows for p in row.problems]


@dataclass
class IndicatorReading:
    name: str
    tables: list[IndicatorTable]
    skipped: list[str] = field(default_factory=list)

    @property
    def tables_read(self) -> list[IndicatorTable]:
        return [table for table in self.tables if table.read]

    @property
    def problems(self) -> list[str]:
        return [p for table in self.tables_read for p in table.all_problems]


@dataclass(frozen=True)
class IndicatorChoices:
    """The manager's choices for a report: each table's column uses, the tables left out and
    the year the figures are for where the headings do not say. Kept on the upload as JSON."""

    uses: Mapping[int, Sequence[str]] = field(default_factory=dict)
    skip: frozenset[int] = frozenset()
    years: Mapping[int, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "uses": {str(i): [str(use) for use in uses] for i, uses in self.uses.items()},
            "skip": sorted(self.skip),
            "years": {str(i): year for i, year in self.years.items() if year},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> IndicatorChoices:
        """Choices kept on an upload; a use no longer known is read as Ignore."""
        data = data or {}
        uses = {
            int(i): [u if u in _USE_VALUES else IndicatorUse.IGNORE.value for u in values]
            for i, values in (data.get("uses") or {}).items()
            if str(i).isdigit() and isinstance(values, list)
        }
        skip = frozenset(int(i) for i in data.get("skip") or [] if str(i).isdigit())
        years = {
            int(i): str(year) for i, year in (data.get("years") or {}).items() if str(i).isdigit()
        }
        return cls(uses=uses, skip=skip, years=years)


# Reading cells --------------------------------------------------------------------------------


def _missing(text: str) -> bool:
    return heading_key(text.strip(_ARROWS + " ")) in _MISSING


@dataclass(frozen=True)
class Amount:
    value: Decimal | None
    percent: bool = False
    pounds_thousands: bool = False
    note: str = ""  # text in brackets after the number
    readable: bool = True  # False for a cell that holds something other than a number


def amount_read(text: str) -> Amount:
    """A figure as reports print it: "1,234", "12.5%", "£1.2k", "32.7% (1,234)"; none for
    "n/a", "-", a blank or a number withheld ("<5")."""
    cleaned = text_plain(text).strip(_ARROWS + " ")
    if _missing(cleaned) or _SUPPRESSED.match(cleaned):
        return Amount(None)
    match = _LEADING_AMOUNT.match(cleaned)
    if match is None:
        return Amount(None, readable=False)
    number_text = match[1].replace(" ", "")
    percent = "%" in number_text
    pounds_thousands = number_text.startswith("£") and number_text.lower().endswith("k")
    number_text = number_text.lstrip("£").rstrip("kK")
    value = parse_number(number_text)
    if value is None:
        return Amount(None, readable=False)
    return Amount(value, percent, pounds_thousands, text_squash(match[2] or ""))


def polarity_read(text: str) -> str | None:
    """Which way is better, as a column or a target says it: "Higher is better", "↓", "Aim:
    reduce", "Lower"; None when the text does not say."""
    plain = text_plain(text)
    if not plain.strip():
        return None
    if _TITLE_DOWN.search(plain):
        return Polarity.DOWN.value
    if _TITLE_UP.search(plain):
        return Polarity.UP.value
    down, up = bool(_DOWN_WORDS.search(plain)), bool(_UP_WORDS.search(plain))
    if down != up:
        return Polarity.DOWN.value if down else Polarity.UP.value
    if _NEITHER_WORDS.search(plain):
        return Polarity.NEITHER.value
    return None


_UNITS = (
    (re.compile(r"%|percent|percentage|proportion", re.I), Unit.PERCENTAGE),
    (re.compile(r"per\s*1,?000|rate", re.I), Unit.RATE_PER_1000),
    (re.compile(r"£|pounds|cost", re.I), Unit.POUNDS_THOUSANDS),
    (re.compile(r"\bmin(ute)?s?\b", re.I), Unit.MINUTES),
    (re.compile(r"\b(count|number|no|volume|total)\b", re.I), Unit.COUNT),
)


def unit_read(text: str) -> str | None:
    for pattern, unit in _UNITS:
        if pattern.search(text):
            return unit.value
    return None


def _fill_rag(fill: str) -> str:
    """The rating a cell's colour alone gives: the nearest of red, amber, green and blue."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", fill or ""):
        return ""
    red, green, blue = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    if max(red, green, blue) - min(red, green, blue) < 60:
        return ""  # grey, white or black: no rating
    if blue > red and blue > green:
        return BLUE.word
    if red > 180 and green < 110:
        return RED.word
    if red > 180 and green >= 110 and blue < 130 and green < 220:
        return AMBER.word
    if green > red:
        return GREEN.word
    return ""


def rag_read(cell: Cell) -> str:
    word = rag_parse(text_plain(cell.text))
    if word is not None and word in (RED, AMBER, GREEN, BLUE):
        return word.word
    return _fill_rag(cell.fill)


def target_read(text: str, baseline: Decimal | None) -> tuple[str, Decimal | None, str | None]:
    """The kind of target a cell gives, its amount, and which way is better if it says: "120"
    is a value to reach, "Reduce by 10%" a change on the baseline, "Reduce" a direction."""
    plain = text_plain(text)
    amount = amount_read(plain)
    if amount.value is not None:
        return TargetKind.VALUE.value, amount.value, None
    change = _TARGET_CHANGE.search(plain)
    if change is not None:
        word = change[1] or change[4]
        number = parse_number(change[2] or change[3])
        polarity = polarity_read(word)
        if word.lower().startswith("improv"):
            polarity = None
        if number is not None and baseline is not None and polarity is not None:
            return TargetKind.CHANGE_FROM_BASELINE.value, number, polarity
        return "", None, polarity
    polarity = polarity_read(plain)
    if polarity in (Polarity.UP, Polarity.DOWN) and len(plain.split()) <= 4:
        return TargetKind.DIRECTION.value, None, polarity
    return "", None, polarity if polarity != Polarity.NEITHER else None


# Headers --------------------------------------------------------------------------------------


def _cell_use(text: str, year: YearContext | None) -> tuple[str | None, PeriodHeading | None]:
    """A heading's use: an exact phrase first, then a period, then a phrase it only holds
    ("Q1 target" is the first quarter's target, not the measure's)."""
    match = heading_match(text, INDICATOR_VOCABULARY) if len(text) <= 80 else None
    if match is not None and match.exact:
        return match.use, None
    period = period_heading(text, year=year)
    if period is not None:
        return (IndicatorUse.PERIOD_TARGET if period.target else IndicatorUse.PERIOD), period
    return (match.use if match is not None else None), None


def _texts(table: Table) -> list[list[str]]:
    width = table.width
    return [
        [text_squash(cell.text) for cell in row] + [""] * (width - len(row)) for row in table.rows
    ]


def _header_row(rows: list[list[str]], year: YearContext | None) -> tuple[int, bool] | None:
    """The header row and whether it names its indicator column. The vocabulary's finder sees
    every period heading as one token; a header of years over an unnamed first column (common
    in year-on-year tables) is accepted when it holds two periods or more."""
    tokens = [
        [_PERIOD_TOKEN if _cell_use(text, year)[1] is not None else text for text in row]
        for row in rows
    ]
    header = header_find(
        tokens, _HEADER_VOCABULARY, required=(IndicatorUse.INDICATOR, IndicatorUse.PERIOD)
    )
    if header is not None:
        return header.row, True
    for index, row in enumerate(tokens[:15]):
        if sum(text == _PERIOD_TOKEN for text in row) >= 2:
            return index, False
    return None


def _context_texts(document: SourceDocument, table: Table, above: list[list[str]]) -> list[str]:
    """What says which year the table is about: rows above its header, the headings and
    paragraphs just before it, its sheet's name and the file's name."""
    texts = [text for row in above for text in row if text]
    position = next(i for i, item in enumerate(document.items) if item is table)
    before: list[str] = []
    for item in reversed(document.items[:position]):
        if not isinstance(item, Block) or len(before) == 3:
            break
        before.append(item.text)
    return [*texts, *before, table.origin.sheet or "", document.name]


def _default_uses(
    headings: list[str], periods: list[PeriodHeading | None], found: list[str | None], named: bool
) -> list[str]:
    uses: list[str] = []
    seen: set[str] = set()
    for use in found:
        if use is None or (use in seen and use not in _REPEATABLE):
            uses.append(IndicatorUse.NOTE.value)
        else:
            uses.append(use)
            seen.add(use)
    for column, heading in enumerate(headings):
        if not heading and uses[column] == IndicatorUse.NOTE:
            uses[column] = IndicatorUse.IGNORE.value
    if not named:
        first_period = next(c for c, p in enumerate(periods) if p is not None)
        indicator = next(
            (c for c in range(first_period) if uses[c] in (IndicatorUse.NOTE, IndicatorUse.IGNORE)),
            None,
        )
        if indicator is not None:
            uses[indicator] = IndicatorUse.INDICATOR.value
    _periods_settle(uses, periods)
    return uses


_REPEATABLE = {IndicatorUse.PERIOD.value, IndicatorUse.PERIOD_TARGET.value}
_FINE = {"month", "quarter", "range"}


def _periods_settle(uses: list[str], periods: list[PeriodHeading | None]) -> None:
    """Year columns beside finer ones are last year's outturn, not a figure in the series: the
    latest becomes the baseline when there is none, the rest notes. Year-to-date columns are
    notes (their period overlaps the quarters')."""
    kinds = {p.kind for c, p in enumerate(periods) if p and uses[c] == IndicatorUse.PERIOD}
    has_baseline = IndicatorUse.BASELINE in uses
    years = [
        c
        for c, p in enumerate(periods)
        if p is not None and p.kind == "year" and uses[c] == IndicatorUse.PERIOD
    ]
    for column, period in enumerate(periods):
        if period is not None and period.kind == "ytd" and uses[column] == IndicatorUse.PERIOD:
            uses[column] = IndicatorUse.NOTE.value
    if kinds & _FINE:
        for column in years:
            uses[column] = IndicatorUse.NOTE.value
        if years and not has_baseline:
            uses[years[-1]] = IndicatorUse.BASELINE.value


def signature_of(headings: Sequence[str]) -> str:
    """The same headings in the same order, however they are typed, give the same signature;
    marked as an indicator table's, so a plan table with the same headings keeps its own."""
    return SIGNATURE_PREFIX + headings_signature(headings)


# Rows -----------------------------------------------------------------------------------------


def _where(table: Table, index: int) -> str:
    origin = table.row_origin(index)
    described = origin.describe()
    if origin.row is None and origin.line is None:
        described = (
            f"{described}, row {index + 1}" if described != "The document" else (f"Row {index + 1}")
        )
    return described


def _column_name(headings: list[str], column: int) -> str:
    return headings[column] or f"{column + 1}"


def _frequency(periods: list[PeriodHeading]) -> str:
    kinds = {p.kind for p in periods}
    if "month" in kinds:
        return "monthly"
    if "quarter" in kinds or "range" in kinds:
        return "quarterly"
    return "annual"


def _section(cells: list[Cell], texts: list[str], indicator: int) -> str:
    """The heading of a row between indicators ("B. Reduce violence"), or "". Its text is the
    only one in the row (a full-width merge repeats it) and the row is merged, bold or numbered
    as a priority, or it stands in the first column where the indicator column is blank (a
    merged row saved as CSV). A name alone in plain type is an indicator with no figures yet."""
    filled = {text for text in texts if text}
    if len(filled) != 1:
        return ""
    text = filled.pop()
    column = texts.index(text)
    merged = any(cell.covered for cell in cells)
    bold = column < len(cells) and cells[column].bold
    if merged or bold or _SECTION_CODE.match(text) is not None:
        return text
    return text if column == 0 and not texts[indicator] else ""


@dataclass
class _Columns:
    headings: list[str]
    uses: list[str]
    periods: list[PeriodHeading | None]

    @property
    def frequency(self) -> str:
        return _frequency([p for p in (self.periods[c] for c in self.of(IndicatorUse.PERIOD)) if p])

    def of(self, use: IndicatorUse) -> list[int]:
        return [c for c, u in enumerate(self.uses) if u == use]

    def first(self, use: IndicatorUse) -> int | None:
        found = self.of(use)
        return found[0] if found else None


def _unit_of(row: IndicatorRow, amounts: list[Amount], unit_text: str) -> str:
    if unit_text and (unit := unit_read(unit_text)) is not None:
        return unit
    present = [a for a in amounts if a.value is not None]
    if present and any(a.percent for a in present):
        return Unit.PERCENTAGE.value
    if present and all(a.pounds_thousands for a in present):
        return Unit.POUNDS_THOUSANDS.value
    name = row.name.lower()
    if name.startswith("%") or "percentage" in name or "% of" in name or "proportion" in name:
        return Unit.PERCENTAGE.value
    if "per 1,000" in name or "per 1000" in name:
        return Unit.RATE_PER_1000.value
    return Unit.COUNT.value


def _row_read(
    table: Table,
    index: int,
    texts: list[str],
    columns: _Columns,
    *,
    indicator: int,
    section: str,
    default_polarity: str | None,
) -> IndicatorRow:
    cells = table.rows[index] + [Cell()] * (len(texts) - len(table.rows[index]))
    where = _where(table, index)
    row = IndicatorRow(origin=table.row_origin(index), kind="indicator", summary="", where=where)
    row.name = texts[indicator]
    row.priority = section
    amounts: list[Amount] = []
    unit_text = ""
    targets: dict[date, Decimal] = {}
    for column, use in enumerate(columns.uses):
        text = texts[column]
        heading = _column_name(columns.headings, column)
        if use == IndicatorUse.CODE:
            row.code = text
        elif use == IndicatorUse.PRIORITY and text:
            row.priority = text
        elif use == IndicatorUse.BASELINE and text:
            amount = amount_read(text)
            row.baseline_text = text
            if amount.value is not None:
                amounts.append(amount)
                row.baseline = amount.value
                period = columns.periods[column]
                row.baseline_label = amount.note or (period.label if period else "")
                if not row.baseline_label:
                    context = year_context([columns.headings[column]])
                    row.baseline_label = context.label if context else ""
            else:
                row.baseline_label = text
        elif use == IndicatorUse.TARGET and text:
            row.target_text = text
            amount = amount_read(text)
            if amount.value is not None:
                amounts.append(amount)
        elif use == IndicatorUse.POLARITY and text:
            polarity = polarity_read(text)
            if polarity is None:
                row.problems.append(POLARITY_UNKNOWN.format(where=where, column=heading, text=text))
            row.polarity = polarity or row.polarity
        elif use == IndicatorUse.RAG:
            row.rag = rag_read(cells[column])
        elif use == IndicatorUse.DIRECTION:
            row.direction = text
        elif use == IndicatorUse.UNIT:
            unit_text = text
        elif use == IndicatorUse.NOTE and text:
            row.notes.append((columns.headings[column] or "Note", text))
        elif use in (IndicatorUse.PERIOD, IndicatorUse.PERIOD_TARGET):
            period = columns.periods[column]
            if period is None or period.start is None:
                continue  # reported once for the table
            amount = amount_read(text)
            if not amount.readable:
                row.problems.append(NOT_A_NUMBER.format(where=where, column=heading, text=text))
            if use == IndicatorUse.PERIOD_TARGET:
                if amount.value is not None:
                    targets[period.start] = amount.value
                continue
            amounts.append(amount)
            row.figures.append(
                FigureRead(
                    period_label=period.label,
                    start_date=period.start,
                    end_date=period.end,
                    value_text=text,
                    value=amount.value,
                    column=column,
                    heading=columns.headings[column],
                    note=amount.note,
                )
            )
    # In period order whatever the column order, so the last is the latest.
    row.figures = sorted(
        (
            replace(f, target=targets[f.start_date]) if f.start_date in targets else f
            for f in row.figures
        ),
        key=lambda f: f.start_date or date.min,
    )
    if row.target_text:
        # Read once the baseline is known: a change on the baseline needs it.
        kind, value, polarity = target_read(row.target_text, row.baseline)
        row.target_kind = kind
        row.target = value if kind == TargetKind.VALUE else None
        row.target_percent = value if kind == TargetKind.CHANGE_FROM_BASELINE else None
        row.polarity = row.polarity or polarity
    row.polarity = row.polarity or default_polarity
    known = row.target is not None and row.baseline is not None
    if row.polarity is None and known and row.target != row.baseline:
        assert row.target is not None and row.baseline is not None
        row.polarity = (Polarity.DOWN if row.target < row.baseline else Polarity.UP).value
    row.unit = _unit_of(row, amounts, unit_text)
    row.frequency = columns.frequency
    row.summary = _summary(row)
    return row


_POLARITY_WORDS = {
    Polarity.UP.value: "higher is better",
    Polarity.DOWN.value: "lower is better",
    Polarity.NEITHER.value: "neither way is better",
}


def _summary(row: IndicatorRow) -> str:
    present = row.present_figures
    parts = [row.name]
    if present:
        span = present[0].period_label
        if len(present) > 1:
            span += f" to {present[-1].period_label}"
        parts.append(f"{len(present)} figure{'s' if len(present) != 1 else ''} ({span})")
    else:
        parts.append("no figures")
    if row.baseline_text:
        parts.append(f"baseline {row.baseline_text}")
    if row.target_text:
        parts.append(f"target {row.target_text}")
    parts.append(_POLARITY_WORDS.get(row.polarity or "", "which way is better not given"))
    return ", ".join(parts)


def _table_read(
    document: SourceDocument,
    table: Table,
    index: int,
    *,
    uses: Sequence[str] | None,
    skip: bool,
    year_text: str,
    remembered: Mapping[str, Sequence[str]],
) -> IndicatorTable:
    rows = _texts(table)
    width = table.width
    first_filled = next((i for i, row in enumerate(rows) if any(row)), 0)
    problems: list[str] = []
    override: YearContext | None = None
    if year_text.strip():
        override = year_context([year_text])
        if override is None:
            problems.append(YEAR_NOT_READ.format(text=year_text.strip()))
    found = _header_row(rows, override)
    if found is None:
        header_row, named = first_filled, True
    else:
        header_row, named = found
    headings = rows[header_row] if rows else []
    context = _context_texts(document, table, rows[:header_row])
    year = override or year_context(context) or latest_financial_year(headings)
    cell_uses = [_cell_use(text, year) for text in headings]
    periods = [period for _, period in cell_uses]
    recognised = found is not None
    signature = signature_of(headings)
    if uses is None and len(remembered.get(signature, ())) == width:
        uses = remembered[signature]
    if uses is not None:
        chosen_uses = [
            u if u in _USE_VALUES else IndicatorUse.IGNORE.value for u in list(uses)[:width]
        ]
        chosen_uses += [IndicatorUse.IGNORE.value] * (width - len(chosen_uses))
    elif recognised:
        chosen_uses = _default_uses(headings, periods, [u for u, _ in cell_uses], named)
    else:
        chosen_uses = [
            IndicatorUse.NOTE.value if h else IndicatorUse.IGNORE.value for h in headings
        ]
    columns = _Columns(headings, chosen_uses, periods)
    chosen = uses is not None
    read = not skip and (recognised or chosen)
    first_seen: dict[date, int] = {}
    for column in columns.of(IndicatorUse.PERIOD) + columns.of(IndicatorUse.PERIOD_TARGET):
        name, text = _column_name(headings, column), headings[column]
        period = periods[column]
        if period is None:
            problems.append(PERIOD_NOT_READ.format(column=name, text=text))
        elif period.start is None:
            problems.append(PERIOD_YEAR_MISSING.format(column=name, text=text))
        elif chosen_uses[column] == IndicatorUse.PERIOD:
            if period.start in first_seen:
                first = _column_name(headings, first_seen[period.start])
                problems.append(PERIOD_TWICE.format(column=name, label=period.label, first=first))
            else:
                first_seen[period.start] = column
    indicator = columns.first(IndicatorUse.INDICATOR)
    if indicator is None:
        if read:
            problems.append(INDICATOR_COLUMN_MISSING)
        read_rows: list[IndicatorRow] = []
    else:
        polarity = _title_polarity(context)
        read_rows = _rows_read(table, rows, header_row, columns, indicator, polarity)
    samples = [
        [row[c] for row in rows[header_row + 1 :] if c < len(row) and row[c]][:3]
        for c in range(width)
    ]
    if not read:
        problems = []
    return IndicatorTable(
        index=index,
        origin=table.origin,
        header_row=header_row,
        headings=headings,
        uses=chosen_uses,
        chosen=chosen,
        recognised=recognised,
        samples=samples,
        rows=read_rows,
        signature=signature,
        year=year,
        periods=periods,
        read=read,
        reason="" if read else (LEFT_OUT if skip else NOT_INDICATORS),
        problems=problems,
    )


def _rows_read(
    table: Table,
    rows: list[list[str]],
    header_row: int,
    columns: _Columns,
    indicator: int,
    default_polarity: str | None,
) -> list[IndicatorRow]:
    """The rows below the header; ``default_polarity`` is what the title says ("lower is
    better for every indicator"), for rows that do not say."""
    read: list[IndicatorRow] = []
    section = ""
    carried_priority = ""
    priority_column = columns.first(IndicatorUse.PRIORITY)
    for index in range(header_row + 1, len(rows)):
        texts = rows[index]
        if not any(texts) or texts == columns.headings:
            continue  # blank, or the header repeated on a new page
        origin = table.row_origin(index)
        heading = _section(table.rows[index], texts, indicator)
        if heading:
            section = heading
            read.append(IndicatorRow(origin=origin, kind="section", summary=section, name=section))
            continue
        if not texts[indicator]:
            summary = "No indicator named in this row: it is not read"
            read.append(IndicatorRow(origin=origin, kind="skipped", summary=summary))
            continue
        if priority_column is not None:
            carried_priority = texts[priority_column] or carried_priority
        row = _row_read(
            table,
            index,
            texts,
            columns,
            indicator=indicator,
            section=carried_priority or section,
            default_polarity=default_polarity,
        )
        read.append(row)
    return read


def _title_polarity(titles: list[str]) -> str | None:
    for text in titles:
        if _TITLE_DOWN.search(text_plain(text)):
            return Polarity.DOWN.value
        if _TITLE_UP.search(text_plain(text)):
            return Polarity.UP.value
    return None


def indicators_read(
    document: SourceDocument,
    *,
    uses: Mapping[int, Sequence[str]] | None = None,
    skip: Collection[int] = (),
    years: Mapping[int, str] | None = None,
    remembered: Mapping[str, Sequence[str]] | None = None,
) -> IndicatorReading:
    """Every table of the document read as an indicator table.

    ``uses`` gives the manager's choice of each column's use for a table (by its 1-based
    index); ``skip`` the tables not to import; ``years`` the year the figures are for, for a
    table whose headings and title do not say ("2025/26"); ``remembered`` the partnership's
    earlier choices by header signature, used where no choice is given. A table whose header
    is not recognised and has no choice is listed but not read, so the preview can ask.
    """
    uses, years = uses or {}, years or {}
    tables = [
        _table_read(
            document,
            table,
            index,
            uses=uses.get(index),
            skip=index in skip,
            year_text=years.get(index, ""),
            remembered=remembered or {},
        )
        for index, table in enumerate(document.tables, start=1)
    ]
    skipped = list(document.skipped)
    for table, source in zip(tables, document.tables, strict=True):
        if not table.read:
            skipped.append(
                TABLE_NOT_READ.format(
                    where=source.origin.describe(), count=len(source.rows), reason=table.reason
                )
            )
    return IndicatorReading(name=document.name, tables=tables, skipped=skipped)


def section_code(text: str) -> tuple[str, str]:
    """A priority's code and title from a section heading: "A. Reduce crime" gives ("A",
    "Reduce crime"), "Priority 2: Violence" gives ("2", "Violence"); ("", text) otherwise."""
    match = _SECTION_CODE.match(text_squash(text))
    if match is None:
        return "", text_squash(text)
    return match[1].upper(), match[2].strip()
