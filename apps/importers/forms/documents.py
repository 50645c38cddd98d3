"""Forms for bringing a plan document in. Parsing happens in `clean` so every problem with the
file is reported on the file field, in the officer's words, before anything is kept."""

from __future__ import annotations

from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat

from apps.core.forms import GovukFormMixin
from apps.importers.domain.parsed import ImportFormatError
from apps.importers.domain.reading import document_read
from apps.importers.domain.source import SourceDocument
from apps.partnerships.models import Partnership
from apps.plans.models import Plan

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
FILE_REQUIRED = "Select the plan document to import"
PARTNERSHIP_REQUIRED = "Select the partnership the plan belongs to"
PLANS_REQUIRED = "Select at least one plan to create"


class DocumentUploadForm(forms.Form):
    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.none(),
        empty_label=None,
        error_messages={"required": PARTNERSHIP_REQUIRED},
    )
    document = forms.FileField(
        label="Plan document",
        help_text=(
            "A Word document (.docx), Excel workbook (.xlsx or .xlsm), PDF, CSV, OpenDocument "
            "(.odt or .ods) or text file, 5 MB at most."
        ),
        error_messages={"required": FILE_REQUIRED, "empty": "The selected file is empty"},
    )

    def __init__(self, *args: Any, partnerships: list[Partnership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["partnership"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Partnership.objects.filter(pk__in=[p.pk for p in partnerships])
        self.content = b""
        self.source: SourceDocument | None = None

    def clean_document(self) -> Any:
        document = self.cleaned_data["document"]
        if document.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                f"The selected file must be smaller than {filesizeformat(MAX_DOCUMENT_BYTES)}"
            )
        self.content = document.read()
        try:
            self.source = document_read(document.name, self.content).document
        except ImportFormatError as error:
            raise forms.ValidationError(str(error)) from error
        return document


class ImportChoiceForm(GovukFormMixin, forms.Form):
    plans = forms.MultipleChoiceField(
        label="Plans to create",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": PLANS_REQUIRED},
    )
    status = forms.ChoiceField(
        label="Start the new plan as",
        widget=forms.RadioSelect,
        choices=[
            (Plan.Status.DRAFT, "Draft – only managers work on it until it goes live"),
            (Plan.Status.LIVE, "Live – leads can add updates straight away"),
            (Plan.Status.ARCHIVED, "Archived – a past plan kept for the record"),
        ],
        initial=Plan.Status.DRAFT,
    )

    predecessor = forms.ModelChoiceField(
        label="Earlier edition (optional)",
        queryset=Plan.objects.none(),
        required=False,
        empty_label="None: this is the first edition",
        help_text=(
            "If this plan follows on from one already in SaferPlan, choose it: the actions are "
            "matched to the earlier edition's, and What changed compares the two."
        ),
    )

    def __init__(
        self, *args: Any, plan_titles: list[str], partnership: Partnership, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["plans"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(str(n), title) for n, title in enumerate(plan_titles, start=1)]
        field.initial = [str(n) for n in range(1, len(plan_titles) + 1)]
        earlier = self.fields["predecessor"]
        assert isinstance(earlier, forms.ModelChoiceField)
        earlier.queryset = Plan.objects.filter(partnership=partnership).order_by("-pk")

    def chosen(self) -> list[int]:
        return [int(value) for value in self.cleaned_data["plans"]]
