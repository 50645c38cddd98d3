"""The column choice: for each table found, how each of its columns is used, and whether the
table is left out. One select per column, labelled by its heading and hinted by examples."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.importers.domain.reading import TableChoices
from apps.importers.domain.tables.headings import USE_LABELS, Use

NO_ACTION_COLUMN = (
    "Choose which column of table {index} holds the actions, or tick ‘Leave this table out’"
)
ONE_ACTION_COLUMN = "Only one column of table {index} can hold the actions"


@dataclass(frozen=True)
class ColumnField:
    name: str
    heading: str
    samples: Sequence[str]


@dataclass(frozen=True)
class TableSection:
    table: Any
    columns: list[tuple[forms.BoundField, ColumnField]]
    skip: forms.BoundField


class ColumnChoiceForm(GovukFormMixin, forms.Form):
    """Built from the tables the reader found (``PlanTable``-shaped: index, headings, uses,
    samples)."""

    def __init__(self, *args: Any, tables: Sequence[Any], skipped: Sequence[int], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.tables = list(tables)
        self.columns: dict[int, list[ColumnField]] = {}
        options = [(str(use), label) for use, label in USE_LABELS.items()]
        for table in self.tables:
            fields = []
            for column, heading in enumerate(table.headings):
                name = f"t{table.index}_c{column}"
                self.fields[name] = forms.ChoiceField(
                    label=heading or f"Column {column + 1}",
                    choices=options,
                    initial=str(table.uses[column]) if column < len(table.uses) else Use.DETAIL,
                )
                samples = table.samples[column] if column < len(table.samples) else []
                fields.append(ColumnField(name, heading, samples))
            self.columns[table.index] = fields
            self.fields[f"t{table.index}_skip"] = forms.BooleanField(
                label="Leave this table out",
                required=False,
                initial=table.index in skipped,
            )

    def sections(self) -> list[TableSection]:
        """Per table, its columns' bound selects and its leave-out checkbox, for the template."""
        return [
            TableSection(
                table=table,
                columns=[(self[c.name], c) for c in self.columns[table.index]],
                skip=self[f"t{table.index}_skip"],
            )
            for table in self.tables
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for table in self.tables:
            if cleaned.get(f"t{table.index}_skip"):
                continue
            actions = [
                column
                for column in self.columns[table.index]
                if cleaned.get(column.name) == Use.ACTION
            ]
            if not actions and self.columns[table.index]:
                first = self.columns[table.index][0].name
                self.add_error(first, NO_ACTION_COLUMN.format(index=table.index))
            elif len(actions) > 1:
                self.add_error(actions[1].name, ONE_ACTION_COLUMN.format(index=table.index))
        return cleaned

    def choices(self) -> TableChoices:
        uses = {}
        skip = set()
        for table in self.tables:
            if self.cleaned_data.get(f"t{table.index}_skip"):
                skip.add(table.index)
                continue
            uses[table.index] = [
                Use(self.cleaned_data[column.name]) for column in self.columns[table.index]
            ]
        return TableChoices(uses=uses, skip=frozenset(skip))
