"""How a table is laid out before its rows are read: which row is the header, what each
column is used for (guessed from the headings, or as the manager chose), and sample values
for the column-choice page."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from apps.core.text import text_squash
from apps.importers.domain.source import Table
from apps.importers.domain.tables.headings import (
    PLAN_VOCABULARY,
    Header,
    Use,
    header_find,
    heading_key,
    heading_match,
)
from apps.importers.domain.tables.plan_cells import number_parts

# Uses that make a table a plan beside its action column.
PLAN_USES = frozenset(
    {
        Use.THEME,
        Use.OBJECTIVE,
        Use.NUMBER,
        Use.LEAD,
        Use.BY_WHEN,
        Use.STATUS,
        Use.RAG,
        Use.UPDATE,
        Use.METHOD,
    }
)
_MAX_SAMPLE = 80
# Use is a str, but a Mapping's key type is invariant.
VOCABULARY = cast(Mapping[str, Sequence[str]], PLAN_VOCABULARY)


def column_name(index: int) -> str:
    """ "Column A" … "Column Z", "Column AA", as a spreadsheet names its columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"Column {letters}"


@dataclass
class Layout:
    header_row: int | None  # the header's last row: data starts below it
    headings: list[str]
    guessed: list[Use]
    looks_like_plan: bool
    samples: list[list[str]]
    header_first: int | None = None  # the header's first row, above ``header_row`` when two


def grid_texts(table: Table) -> list[list[str]]:
    """Every row's cell texts, padded to the table's width."""
    width = table.width
    return [[cell.text or "" for cell in row] + [""] * (width - len(row)) for row in table.rows]


def _fallback_header(texts: Sequence[Sequence[str]]) -> int | None:
    """A header the vocabulary does not know ("Initiative | Champion | Deliver by"): the first
    row of short, wordy, distinct labels with rows below it. Without one, every row is data."""
    for index, row in enumerate(texts[:15]):
        labels = [text_squash(t) for t in row if text_squash(t)]
        if len(labels) < 2 or len(set(labels)) < len(labels) or index + 1 >= len(texts):
            continue
        if all(len(label) <= 40 and not re.search(r"\d", label) for label in labels):
            return index
        return None
    return None


def _guess_uses(
    texts: Sequence[Sequence[str]], header_row: int, found: Sequence[str | None]
) -> list[Use]:
    header = texts[header_row]
    data = [row for row in texts[header_row + 1 :] if any(t.strip() for t in row)]
    uses: list[Use] = []
    for column, use in enumerate(found):
        if use is not None:
            uses.append(Use(use))
            continue
        # A second update column ("Q1 update", "Q2 update") is an update too; other second
        # uses stay details so nothing is read twice.
        match = heading_match(header[column], VOCABULARY) if len(header[column]) <= 80 else None
        if match is not None and match.use in (Use.UPDATE, Use.UPDATE_DATE):
            uses.append(Use(match.use))
            continue
        values = [text_squash(row[column]) for row in data if text_squash(row[column])]
        if not values and not text_squash(header[column]):
            uses.append(Use.IGNORE)
        elif (
            Use.NUMBER not in found
            and Use.NUMBER not in uses
            and values
            and sum(bool(number_parts(v)) for v in values) >= 0.8 * len(values)
            and not text_squash(header[column])
        ):
            uses.append(Use.NUMBER)
        else:
            uses.append(Use.DETAIL)
    return uses


_SUB_HEADING = re.compile(
    r"(q[1-4]|quarter\s*[1-4]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"(?:19|20)\d\d(?:\s*[-/]\s*\d\d)?)\b.*",
    re.I,
)


def _two_row_header(
    texts: Sequence[Sequence[str]], header_row: int, found: Sequence[str | None]
) -> list[str] | None:
    """The header as one row when it takes two: a heading such as "Progress" merged over
    "Update" and "RAG", or "Updates" over "Q1" … "Q4". A sub-heading the vocabulary knows
    stands alone; a period ("Q1") is joined to the heading above it ("Updates Q1")."""
    below = header_row + 1
    if below >= len(texts):
        return None
    top, row = texts[header_row], texts[below]
    action = found.index(Use.ACTION) if Use.ACTION in found else None
    if action is not None and text_squash(row[action]) not in ("", text_squash(top[action])):
        return None
    new = [
        c
        for c, text in enumerate(row)
        if text_squash(text) and text_squash(text) != text_squash(top[c])
    ]
    if len({text_squash(row[c]) for c in new}) < 2 or any(len(text_squash(t)) > 40 for t in row):
        return None  # one new text is a theme or title row, not a second line of headings
    combined: list[str] = []
    for column, text in enumerate(row):
        above, sub = text_squash(top[column]), text_squash(text)
        if column not in new:
            combined.append(above)
        elif (match := heading_match(sub, VOCABULARY)) is not None and match.exact:
            combined.append(sub)
        elif _SUB_HEADING.fullmatch(sub):
            combined.append(f"{above} {sub}".strip())
        else:
            return None
    return combined


_PHRASES = frozenset(phrase for phrases in PLAN_VOCABULARY.values() for phrase in phrases)


def header_again(texts: Sequence[Sequence[str]], index: int) -> list[Use] | None:
    """The uses a row further down gives when it is another header (a second table stacked
    under the first on a sheet): every heading exactly a phrase of the vocabulary, an action
    among them, and at least three in all. None when the row is not a header."""
    filled = [text for text in texts[index] if text.strip()]
    # cheap tests first: this runs on every row of a long table
    if len(filled) < 3 or any(len(text) > 40 for text in filled):
        return None
    if any(heading_key(text) not in _PHRASES for text in filled):
        return None
    header = header_find([texts[index]], VOCABULARY, required=(Use.ACTION,))
    return _guess_uses(texts, index, header.uses) if header is not None else None


_INDICATOR = re.compile(r"\b(baseline|indicator|kpi|measure|actual|direction of travel)\b", re.I)


def _indicator_table(header: Sequence[str], uses: Sequence[str | None]) -> bool:
    """A performance table ("Indicator description | Baseline | Target | RAG") holds measures,
    not actions: its action column is only a heading containing a word such as "description"
    and another heading names a baseline, indicator or measure."""
    column = uses.index(Use.ACTION)
    match = heading_match(header[column], VOCABULARY)
    if match is not None and match.exact:
        return False
    return any(_INDICATOR.search(text) for text in header)


def layout_guess(table: Table) -> Layout:
    """The header row and column uses the headings suggest."""
    texts = grid_texts(table)
    width = table.width
    header = header_find(texts, VOCABULARY, required=(Use.ACTION,))
    looks_like_plan = header is not None and not _indicator_table(texts[header.row], header.uses)
    if header is None:
        header = header_find(texts, VOCABULARY)
    header_first: int | None = None
    if header is not None:
        header_row: int | None = header.row
        header_first = header.row
        combined = _two_row_header(texts, header.row, header.uses)
        joined = header_find([combined], VOCABULARY) if combined is not None else None
        if (
            combined is not None
            and joined is not None
            and (Use.ACTION in joined.uses or not looks_like_plan)
        ):
            texts = [*texts[: header.row + 1], combined, *texts[header.row + 2 :]]
            header = Header(header.row + 1, joined.uses, joined.score)
            header_row = header.row
        guessed = _guess_uses(texts, header.row, header.uses)
    else:
        header_row = header_first = _fallback_header(texts)
        guessed = [Use.DETAIL] * width
    if header_row is not None:
        headings = [
            text_squash(t) if heading_key(t) else column_name(i)
            for i, t in enumerate(texts[header_row])
        ]
    else:
        headings = [column_name(i) for i in range(width)]
    return Layout(
        header_row=header_row,
        headings=headings,
        guessed=guessed,
        looks_like_plan=looks_like_plan,
        samples=_samples(texts, header_row, width),
        header_first=header_first,
    )


def _samples(texts: Sequence[Sequence[str]], header_row: int | None, width: int) -> list[list[str]]:
    start = 0 if header_row is None else header_row + 1
    header_keys = [heading_key(t) for t in texts[header_row]] if header_row is not None else []
    samples: list[list[str]] = [[] for _ in range(width)]
    for row in texts[start : start + 500]:  # enough to find three of each, bounded
        if header_keys and [heading_key(t) for t in row] == header_keys:
            continue
        if len({text_squash(t) for t in row if text_squash(t)}) < 2:
            continue  # a theme row, a title or a note: not a sample of any column
        for column, text in enumerate(row):
            value = text_squash(text)
            if len(value) > _MAX_SAMPLE:
                value = value[: _MAX_SAMPLE - 1].rstrip() + "…"
            if value and len(samples[column]) < 3 and value not in samples[column]:
                samples[column].append(value)
        if all(len(s) >= 3 for s in samples):
            break
    return samples


def uses_fit(chosen: Sequence[Use | str], width: int) -> list[Use]:
    """A manager's choice made to fit the table: unknown values kept as details, missing
    columns kept as details, extra choices dropped."""
    fitted: list[Use] = []
    for value in list(chosen)[:width]:
        try:
            fitted.append(Use(value))
        except ValueError:
            fitted.append(Use.DETAIL)
    return fitted + [Use.DETAIL] * (width - len(fitted))


def headings_signature(headings: Sequence[str]) -> str:
    """A stable key of a header, so next quarter's copy of the same tracker finds the choice
    made for this one: each heading as compared, joined."""
    return "|".join(heading_key(h) for h in headings)
