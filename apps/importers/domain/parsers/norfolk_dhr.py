"""Parser for a Norfolk Domestic Homicide Review (DHR) action plan.

The table has one row per recommendation: the recommendation (numbered), its scope (local,
county or national), the action to be taken, lead agency, key milestones, target date and
"Date of completion and Outcome". Rows run over pages (the rest of a cell follows the next
page's headings), a recommendation can carry several actions on further rows, and one
recommendation lost its number and opening words in the conversion. Each recommendation
becomes an objective numbered as printed; its rows become actions.

Pure Python: no Django and no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from apps.importers.domain.parsed import (
    ImportFormatError,
    ImportWarning,
    ParsedObjective,
    ParsedPlan,
    ParsedTheme,
)
from apps.importers.domain.parsers.norfolk_dhr_rows import DhrRow, row_action
from apps.importers.domain.parsers.norfolk_text import (
    cells_of,
    join_text,
    lines_of,
    starts_lower,
    tidy,
)

NOT_NORFOLK_DHR = (
    "This file is not a Domestic Homicide Review action plan in the layout SaferPlan can read: "
    "it needs a table headed RECOMMENDATION, Scope of recommendation, Action to be taken, "
    "Lead Agency, Key milestones, Target date and Date of completion and Outcome."
)
NO_RECOMMENDATIONS = (
    "This file has the Domestic Homicide Review action plan headings but no numbered "
    "recommendations could be read from it."
)
_HEADER = re.compile(r"^RECOMMENDATION\tScope of", re.I)
_NUMBERED = re.compile(r"^(\d{1,2})\.\s*(.*)$", re.S)
_AREA = re.compile(r"^([A-Z][\w ]{2,40}) DHR$")
_STATED_COUNT = re.compile(r"contains (\d{1,2}) separate recommendations", re.I)
_WIDTH = 7
_HEADER_WORDS = frozenset(
    [
        "recommendation",
        "i.e.",
        "local",
        "or",
        "regional",
        "scope",
        "of",
        "action",
        "to",
        "be",
        "taken",
        "lead",
        "agency",
        "key",
        "milestones/",
        "progress",
        "rag",
        "rating",
        "target",
        "date",
        "completion",
        "and",
        "outcome",
    ]
)


def looks_like_norfolk_dhr_plan(text: str) -> bool:
    """True if the text has the DHR action plan's header row and names a homicide review."""
    has_header = any(_HEADER.match(line) for line in lines_of(text))
    return has_header and "domestic homicide review" in text.lower()


def parse_norfolk_dhr_plan(text: str) -> ParsedPlan:
    """Read a DHR action plan into plain data, or raise ImportFormatError."""
    if not looks_like_norfolk_dhr_plan(text):
        raise ImportFormatError(NOT_NORFOLK_DHR)
    plan = _Reader(lines_of(text)).read()
    if not any(theme.objectives for theme in plan.themes):
        raise ImportFormatError(NO_RECOMMENDATIONS)
    return plan


@dataclass
class _Recommendation:
    number: int
    text: str
    line: int
    scope: str = ""
    rows: list[DhrRow] = field(default_factory=list)


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.plan = ParsedPlan(title=self.title())
        self.warnings = self.plan.warnings
        self.recommendations: list[_Recommendation] = []

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(line, message))

    def title(self) -> str:
        for raw in self.lines:
            if match := _AREA.match(tidy(raw)):
                return f"{match[1]} Domestic Homicide Review: action plan"
        return "Domestic Homicide Review: action plan"

    def read(self) -> ParsedPlan:
        start = next(i for i, raw in enumerate(self.lines) if _HEADER.match(raw))
        for index in range(start, len(self.lines)):
            raw, line = self.lines[index], index + 1
            if _HEADER.match(raw) or not raw.strip():
                continue
            if "\t" not in raw:
                self.warn(line, f"Left out text outside the action plan table: “{tidy(raw)[:60]}”.")
            elif not self.is_heading_row(raw):
                self.read_row(cells_of(raw, _WIDTH), line)
        theme = ParsedTheme(title="Recommendations of the review")
        theme.objectives = [self.objective(r) for r in self.recommendations]
        self.plan.themes.append(theme)
        self.check_count()
        self.plan.warnings.sort(key=lambda warning: warning.line)
        return self.plan

    @staticmethod
    def is_heading_row(raw: str) -> bool:
        """The explanatory row under the headings, or headings broken over several lines."""
        text = tidy(raw.replace("\t", " "))
        if text.lower().startswith("what is the over-arching recommendation"):
            return True
        return all(word.lower() in _HEADER_WORDS for word in text.split())

    def read_row(self, cells: list[str], line: int) -> None:
        first, scope = cells[0], cells[1]
        row = DhrRow(line, *cells[2:7])
        if match := _NUMBERED.match(first):
            self.start(int(match[1]), match[2], scope, row)
        elif first and scope:
            number = self.recommendations[-1].number + 1 if self.recommendations else 1
            self.warn(
                line,
                f"This recommendation has no number, and its first words may be missing from "
                f"the document; numbered {number} by its place. Check its wording.",
            )
            self.start(number, first, scope, row)
        elif not self.recommendations:
            self.warn(line, "A row before the first recommendation was left out.")
        else:
            self.continue_row(first, row)

    def start(self, number: int, text: str, scope: str, row: DhrRow) -> None:
        numbers = [r.number for r in self.recommendations]
        if number in numbers:
            renumbered = max(numbers) + 1
            self.warn(row.line, f"Recommendation {number} appears twice; renumbered {renumbered}.")
            number = renumbered
        recommendation = _Recommendation(number, text, row.line, scope)
        if not row.is_empty():
            recommendation.rows.append(row)
        self.recommendations.append(recommendation)

    def continue_row(self, text: str, row: DhrRow) -> None:
        """A row without a number: the rest of a row split by a page, or a further action."""
        recommendation = self.recommendations[-1]
        recommendation.text = join_text(recommendation.text, text)
        if row.is_empty():
            return
        last = recommendation.rows[-1] if recommendation.rows else None
        if last is None:
            recommendation.rows.append(row)
        elif not row.action or starts_lower(row.action):
            last.join(row)
            self.warn(
                row.line,
                f"Joined this row, split by a page break, to recommendation "
                f"{recommendation.number}.",
            )
        else:
            if last.take_continued(row):
                self.warn(
                    row.line,
                    "Cells of this row that continue a sentence were joined to the action above.",
                )
            recommendation.rows.append(row)

    def objective(self, recommendation: _Recommendation) -> ParsedObjective:
        title = re.sub(r"\s+([.,;:])", r"\1", tidy(recommendation.text))
        objective = ParsedObjective(recommendation.number, title, line=recommendation.line)
        for position, row in enumerate(recommendation.rows, start=1):
            objective.actions.append(row_action(row, position, recommendation.scope, self.warnings))
        if not recommendation.scope:
            self.warn(
                recommendation.line,
                f"Recommendation {recommendation.number} does not say its scope.",
            )
        if not objective.actions:
            self.warn(
                recommendation.line,
                f"Recommendation {recommendation.number} has no action; it was kept without one.",
            )
        return objective

    def check_count(self) -> None:
        numbers = [r.number for r in self.recommendations]
        for expected in range(1, max(numbers, default=0) + 1):
            if expected not in numbers:
                self.warn(0, f"No row was found for recommendation {expected}.")
        for index, raw in enumerate(self.lines):
            match = _STATED_COUNT.search(raw)
            if match and int(match[1]) != len(numbers):
                self.warn(
                    index + 1,
                    f"The report says it has {match[1]} recommendations but the action plan "
                    f"table holds {len(numbers)}; the rest may be missing from this document.",
                )
