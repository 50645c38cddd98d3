"""Forms for bringing a performance report's indicators in: the upload (read in `clean`, so a
file SaferPlan cannot read is refused on the file field in the officer's words), the choice of
each column's use, and the confirmation (where new measures go, which conflicts to replace)."""

from __future__ import annotations

from collections.abc import Sequence
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
from apps.importers.forms.columns import TableColumnsForm
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


class IndicatorColumnForm(TableColumnsForm):
    """The columns of indicator tables, and the year each table's figures are for when its
    headings do not say. A table not read starts ticked to be left out while another table
    gave indicators."""

    options = [(use.value, label) for use, label in INDICATOR_USE_LABELS.items()]
    fallback = "ignore"
    required_use = IndicatorUse.INDICATOR
    none_message = NO_INDICATOR_COLUMN
    twice_message = ONE_INDICATOR_COLUMN

    def __init__(self, *args: Any, tables: Sequence[IndicatorTable], **kwargs: Any) -> None:
        any_read = any(table.read for table in tables)
        skipped = [t.index for t in tables if t.reason == LEFT_OUT or (any_read and not t.read)]
        super().__init__(*args, tables=tables, skipped=skipped, **kwargs)

    def add_table_fields(self, table: IndicatorTable) -> None:
        self.fields[f"t{table.index}_year"] = forms.CharField(
            label="Year the figures are for (optional)",
            help_text="Only if the headings do not say, for example 2025/26",
            required=False,
            max_length=20,
            initial=table.year.label if table.year is not None else "",
        )

    def table_extra(self, table: IndicatorTable) -> list[forms.BoundField]:
        return [self[f"t{table.index}_year"]]

    def choices(self) -> IndicatorChoices:
        uses, skip = self.chosen_uses()
        years = {
            index: year
            for index in uses
            if (year := self.cleaned_data.get(f"t{index}_year", "").strip())
        }
        return IndicatorChoices(uses=uses, skip=skip, years=years)


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
