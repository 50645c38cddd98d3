"""From a file's bytes to the plans it holds: a seed preset where one recognises the text,
else the general table reader with the manager's (or the partnership's remembered) column
choices.

The same function serves the upload preview, the import that follows it and ``import_plan``,
so what a manager is shown is what is saved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from apps.importers.domain.documents import LAYOUTS, presets_parse
from apps.importers.domain.glossary import glossary_agencies
from apps.importers.domain.parsed import ImportFormatError, ParsedPlan
from apps.importers.domain.readers import read_document
from apps.importers.domain.source import SourceDocument
from apps.importers.domain.tables.headings import Use
from apps.importers.domain.tables.plan_reader import PlanTable, plan_read, uses_remembered

NO_TABLES = (
    "SaferPlan found no table in “{name}”. A plan needs a table with a row per action "
    "(for example columns for the action, its lead and its by-when)."
)


@dataclass(frozen=True)
class TableChoices:
    """The manager's choices: each chosen table's column uses, and the tables to leave out."""

    uses: Mapping[int, Sequence[Use]] = field(default_factory=dict)
    skip: frozenset[int] = frozenset()

    def to_json(self) -> dict[str, Any]:
        return {
            "uses": {str(index): [str(use) for use in uses] for index, uses in self.uses.items()},
            "skip": sorted(self.skip),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> TableChoices:
        """Choices kept on an upload; anything no longer a known use is left to the guess."""
        data = data or {}
        uses: dict[int, list[Use]] = {}
        for index, values in (data.get("uses") or {}).items():
            try:
                uses[int(index)] = [Use(value) for value in values]
            except (TypeError, ValueError):
                continue
        skip = frozenset(int(i) for i in data.get("skip") or [] if str(i).isdigit())
        return cls(uses=uses, skip=skip)


@dataclass
class DocumentReading:
    document: SourceDocument
    plans: list[ParsedPlan]
    preset: str = ""  # the seed layout's description when a preset read the document
    tables: list[PlanTable] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def needs_choice(self) -> bool:
        """Nothing looked like a plan: the manager says how the columns are used."""
        return not self.preset and not any(plan.action_count for plan in self.plans)


def document_read(
    name: str,
    data: bytes,
    *,
    choices: TableChoices | None = None,
    remembered: Mapping[str, Sequence[Use]] | None = None,
    title: str = "",
) -> DocumentReading:
    """Read the file and the plans in it. ``remembered`` maps a header's signature to the
    partnership's earlier choice for it; an explicit choice for a table wins over it.

    Raises ImportFormatError when the file cannot be read or holds no table at all.
    """
    document = read_document(name, data)
    return document_plans(document, choices=choices, remembered=remembered, title=title)


def document_plans(
    document: SourceDocument,
    *,
    choices: TableChoices | None = None,
    remembered: Mapping[str, Sequence[Use]] | None = None,
    title: str = "",
) -> DocumentReading:
    presets = presets_parse(document.text)
    if presets:
        descriptions = {layout.name: layout.description for layout in LAYOUTS}
        preset = "; ".join(descriptions[plan.layout] for plan in presets)
        return DocumentReading(document, presets, preset=preset, skipped=list(document.skipped))
    if not document.tables:
        raise ImportFormatError(NO_TABLES.format(name=document.name))
    choices = choices or TableChoices()
    uses = dict(choices.uses)
    reading = plan_read(document, uses=uses, skip=choices.skip, title=title)
    if remembered:
        recalled = {
            index: columns
            for index, columns in uses_remembered(reading.tables, remembered).items()
            if index not in uses and index not in choices.skip
        }
        if recalled:
            uses.update(recalled)
            reading = plan_read(document, uses=uses, skip=choices.skip, title=title)
    parsed = reading.parsed
    # the document's own glossary says what its abbreviations stand for (BDC, NSDC …)
    parsed.agencies = {**glossary_agencies(document.text.splitlines()), **parsed.agencies}
    plans = [parsed] if parsed.action_count else []
    return DocumentReading(document, plans, tables=reading.tables, skipped=list(reading.skipped))
