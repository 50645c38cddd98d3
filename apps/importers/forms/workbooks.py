"""Upload forms for plan workbooks; error messages are module constants the tests assert on."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from apps.importers.domain.workbook.layout import MAX_UPLOAD_BYTES
from apps.importers.domain.workbook.reading import FILE_EMPTY, FILE_TOO_BIG
from apps.importers.forms.documents import MAX_DOCUMENT_BYTES

FILE_MISSING = "Choose the Excel workbook to upload"
DOCUMENT_MISSING = "Choose the spreadsheet or document to upload"
TITLE_MISSING = "Enter the plan's title"
TITLE_TOO_LONG = "The title must be 300 characters or fewer"
PERIOD_TOO_LONG = "The period must be 50 characters or fewer"


class WorkbookUploadForm(forms.Form):
    workbook = forms.FileField(
        label="Upload a workbook",
        help_text=(
            "An Excel workbook (.xlsx) from SaferPlan: a plan's spreadsheet or the blank "
            "template, 3 MB at most."
        ),
        error_messages={"required": FILE_MISSING, "empty": FILE_EMPTY, "invalid": FILE_MISSING},
    )

    def clean_workbook(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["workbook"]
        if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(FILE_TOO_BIG)
        return upload


class TrackerUploadForm(forms.Form):
    """For a plan that exists: SaferPlan's own workbook, or any partner's tracker or plan."""

    document = forms.FileField(
        label="Upload a document or spreadsheet",
        help_text=(
            "The plan's spreadsheet from SaferPlan, or a partner's own tracker: Word (.docx), "
            "Excel (.xlsx or .xlsm), PDF, CSV, OpenDocument (.odt or .ods) or text, 5 MB at most."
        ),
        error_messages={
            "required": DOCUMENT_MISSING,
            "empty": FILE_EMPTY,
            "invalid": DOCUMENT_MISSING,
        },
    )

    def clean_document(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["document"]
        if upload.size is not None and upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                f"The selected file must be smaller than {filesizeformat(MAX_DOCUMENT_BYTES)}"
            )
        return upload


class PlanFromWorkbookForm(WorkbookUploadForm):
    title = forms.CharField(
        label="Plan title",
        max_length=300,
        error_messages={"required": TITLE_MISSING, "max_length": TITLE_TOO_LONG},
    )
    period_label = forms.CharField(
        label="Period",
        required=False,
        max_length=50,
        help_text="For example 2027-28.",
        error_messages={"max_length": PERIOD_TOO_LONG},
    )
    field_order = ["title", "period_label", "workbook"]
