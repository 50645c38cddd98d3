"""The column choice: for each table found, how each of its columns is used, and whether the
table is left out. One select per column, labelled by its heading and hinted by examples.

Plan tables and indicator tables share it (``TableColumnsForm``); each says which uses a column
may have and which one a table must have exactly once (the actions, the indicators).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
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
    extra: list[forms.BoundField] = field(default_factory=list)


class TableColumnsForm(GovukFormMixin, forms.Form):
    """Built from the tables a reader found (each with index, headings, uses and samples)."""

    options: Sequence[tuple[str, str]] = ()
    fallback = ""  # the use of a column the reader gave none
    required_use = ""  # the use each table read must give exactly one column
    none_message = ""
    twice_message = ""

    def __init__(
        self, *args: Any, tables: Sequence[Any], skipped: Sequence[int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.tables = list(tables)
        self.columns: dict[int, list[ColumnField]] = {}
        for table in self.tables:
            fields = []
            for column, heading in enumerate(table.headings):
                name = f"t{table.index}_c{column}"
                self.fields[name] = forms.ChoiceField(
                    label=heading or f"Column {column + 1}",
                    choices=self.options,
                    initial=str(table.uses[column]) if column < len(table.uses) else self.fallback,
                )
                samples = table.samples[column] if column < len(table.samples) else []
                fields.append(ColumnField(name, heading, samples))
            self.columns[table.index] = fields
            self.fields[f"t{table.index}_skip"] = forms.BooleanField(
                label="Leave this table out", required=False, initial=table.index in skipped
            )
            self.add_table_fields(table)

    def add_table_fields(self, table: Any) -> None:
        """Fields a kind of table asks for besides its columns (named ``t{index}_…``)."""

    def table_extra(self, table: Any) -> list[forms.BoundField]:
        return []

    def sections(self) -> list[TableSection]:
        """Per table, its columns' bound selects and its leave-out checkbox, for the template."""
        return [
            TableSection(
                table=table,
                columns=[(self[c.name], c) for c in self.columns[table.index]],
                skip=self[f"t{table.index}_skip"],
                extra=self.table_extra(table),
            )
            for table in self.tables
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for table in self.tables:
            if cleaned.get(f"t{table.index}_skip"):
                continue
            columns = self.columns[table.index]
            chosen = [c for c in columns if cleaned.get(c.name) == self.required_use]
            if not chosen and columns:
                self.add_error(columns[0].name, self.none_message.format(index=table.index))
            elif len(chosen) > 1:
                self.add_error(chosen[1].name, self.twice_message.format(index=table.index))
        return cleaned

    def chosen_uses(self) -> tuple[dict[int, list[str]], frozenset[int]]:
        """Each table's chosen column uses, and the tables left out."""
        uses: dict[int, list[str]] = {}
        skip: set[int] = set()
        for table in self.tables:
            if self.cleaned_data.get(f"t{table.index}_skip"):
                skip.add(table.index)
                continue
            uses[table.index] = [self.cleaned_data[c.name] for c in self.columns[table.index]]
        return uses, frozenset(skip)


class ColumnChoiceForm(TableColumnsForm):
    """The columns of plan tables (``PlanTable``)."""

    options = [(str(use), label) for use, label in USE_LABELS.items()]
    fallback = Use.DETAIL
    required_use = Use.ACTION
    none_message = NO_ACTION_COLUMN
    twice_message = ONE_ACTION_COLUMN

    def choices(self) -> TableChoices:
        uses, skip = self.chosen_uses()
        return TableChoices(
            uses={index: [Use(use) for use in columns] for index, columns in uses.items()},
            skip=skip,
        )
