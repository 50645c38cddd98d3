"""Forms for bringing a performance report's indicators in: the upload (read in `clean`, so a
file SaferPlan cannot read is refused on the file field in the officer's words), the choice of
each column's use, and the confirmation (where new measures go, which conflicts to replace)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat

from apps.core.forms import GovukFormMixin
from apps.importers.domain.parsed import ImportFormatError
from apps.importers.domain.readers import read_document
from apps.importers.domain.source import SourceDocument
from apps.importers.domain.tables.indicators import (
    INDICATOR_USE_LABELS,
    LEFT_OUT,
    IndicatorChoices,
    IndicatorTable,
    IndicatorUse,
)
from apps.importers.forms.documents import MAX_DOCUMENT_BYTES
from apps.importers.selectors.indicators import IndicatorPreview
from apps.performance.models import Priority

REPORT_REQUIRED = "Select the performance report to import"
NO_TABLE = (
    "SaferPlan found no table in “{name}”. A performance report needs a table with a row per "
    "indicator and a column per period (for example Q1, Q2, Q3 and Q4)"
)
NO_INDICATOR_COLUMN = (
    "Choose which column of table {index} holds the indicators, or tick ‘Leave this table out’"
)
ONE_INDICATOR_COLUMN = "Only one column of table {index} can hold the indicators"
NEW_PRIORITY = "new"


class IndicatorUploadForm(forms.Form):
    document = forms.FileField(
        label="Performance report",
        help_text=(
            "A Word document (.docx), Excel workbook (.xlsx or .xlsm), PDF, CSV, OpenDocument "
            "(.odt or .ods) or text file, 5 MB at most."
        ),
        error_messages={"required": REPORT_REQUIRED, "empty": "The selected file is empty"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.content = b""
        self.source: SourceDocument | None = None

    def clean_document(self) -> Any:
        upload = self.cleaned_data["document"]
        if upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                f"The selected file must be smaller than {filesizeformat(MAX_DOCUMENT_BYTES)}"
            )
        self.content = upload.read()
        try:
            self.source = read_document(upload.name, self.content)
        except ImportFormatError as error:
            raise forms.ValidationError(str(error)) from error
        if not self.source.tables:
            raise forms.ValidationError(NO_TABLE.format(name=upload.name))
        return upload


@dataclass(frozen=True)
class ColumnField:
    name: str
    heading: str
    samples: Sequence[str]


@dataclass(frozen=True)
class TableSection:
    table: IndicatorTable
    columns: list[tuple[forms.BoundField, ColumnField]]
    skip: forms.BoundField
    year: forms.BoundField


class IndicatorColumnForm(GovukFormMixin, forms.Form):
    """One select per column of each table found, its leave-out box, and the year its figures
    are for when the headings do not say."""

    def __init__(self, *args: Any, tables: Sequence[IndicatorTable], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tables = list(tables)
        self.columns: dict[int, list[ColumnField]] = {}
        options = [(use.value, label) for use, label in INDICATOR_USE_LABELS.items()]
        # A table not read starts ticked to be left out while another table gave indicators.
        any_read = any(table.read for table in self.tables)
        for table in self.tables:
            fields = []
            for column, heading in enumerate(table.headings):
                name = f"t{table.index}_c{column}"
                self.fields[name] = forms.ChoiceField(
                    label=heading or f"Column {column + 1}",
                    choices=options,
                    initial=table.uses[column] if column < len(table.uses) else "ignore",
                )
                samples = table.samples[column] if column < len(table.samples) else []
                fields.append(ColumnField(name, heading, samples))
            self.columns[table.index] = fields
            self.fields[f"t{table.index}_skip"] = forms.BooleanField(
                label="Leave this table out",
                required=False,
                initial=table.reason == LEFT_OUT or (any_read and not table.read),
            )
            self.fields[f"t{table.index}_year"] = forms.CharField(
                label="Year the figures are for (optional)",
                help_text="Only if the headings do not say, for example 2025/26",
                required=False,
                max_length=20,
                initial=table.year.label if table.year is not None else "",
            )

    def sections(self) -> list[TableSection]:
        return [
            TableSection(
                table=table,
                columns=[(self[c.name], c) for c in self.columns[table.index]],
                skip=self[f"t{table.index}_skip"],
                year=self[f"t{table.index}_year"],
            )
            for table in self.tables
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for table in self.tables:
            if cleaned.get(f"t{table.index}_skip"):
                continue
            columns = self.columns[table.index]
            indicators = [c for c in columns if cleaned.get(c.name) == IndicatorUse.INDICATOR]
            if not indicators and columns:
                self.add_error(columns[0].name, NO_INDICATOR_COLUMN.format(index=table.index))
            elif len(indicators) > 1:
                self.add_error(indicators[1].name, ONE_INDICATOR_COLUMN.format(index=table.index))
        return cleaned

    def choices(self) -> IndicatorChoices:
        uses: dict[int, list[str]] = {}
        skip: set[int] = set()
        years: dict[int, str] = {}
        for table in self.tables:
            if self.cleaned_data.get(f"t{table.index}_skip"):
                skip.add(table.index)
                continue
            uses[table.index] = [self.cleaned_data[c.name] for c in self.columns[table.index]]
            year = self.cleaned_data.get(f"t{table.index}_year", "").strip()
            if year:
                years[table.index] = year
        return IndicatorChoices(uses=uses, skip=frozenset(skip), years=years)


class IndicatorConfirmForm(GovukFormMixin, forms.Form):
    priority = forms.ChoiceField(
        label="Put new measures under",
        help_text="Measures whose row or section names a priority go under that priority.",
        widget=forms.RadioSelect,
    )
    replace = forms.MultipleChoiceField(
        label="Replace these figures with the report's",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        priorities: Sequence[Priority],
        preview: IndicatorPreview,
        document_name: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.priorities = {str(p.pk): p for p in priorities}
        field = self.fields["priority"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (NEW_PRIORITY, f"A new priority, “Measures from {document_name}”"),
            *((key, str(p)) for key, p in self.priorities.items()),
        ]
        field.initial = NEW_PRIORITY
        replace = self.fields["replace"]
        assert isinstance(replace, forms.MultipleChoiceField)
        replace.choices = [
            (
                figure.key,
                f"{plan.row.name}, {figure.figure.period_label}: {figure.held_text} held, "
                f"{figure.figure.value_text} in the report",
            )
            for plan, figure in preview.conflicts
        ]

    def chosen_priority(self) -> Priority | None:
        return self.priorities.get(self.cleaned_data["priority"])
