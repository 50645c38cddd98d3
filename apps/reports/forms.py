"""The form a partnership manager fills in to define a board report.

It parses what was typed and ticked; the rules a definition must keep are the service's
(`apps.reports.services`), shown here with `add_service_error`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.partnerships.models import Partnership
from apps.reports.builder.content import SECTION_CODES, SECTION_TITLES
from apps.reports.models import DEFAULT_MARKING, ReportDefinition
from apps.reports.selectors import plan_list_for_partnership, priority_list_for_partnership

TITLE_MISSING = "Enter the report’s title"
NO_SECTIONS = "Select the sections the report should have"
DATE_INVALID = "Enter a date in the format 31/3/2027"
MARKING_MISSING = "Enter the protective marking, for example OFFICIAL"
VARIANT_CHOICES = [("internal", "Full version"), ("public", "Public version")]
DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]


def _date_field(label: str, help_text: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        help_text=help_text,
        error_messages={"invalid": DATE_INVALID},
    )


class ReportDefinitionForm(GovukFormMixin, forms.Form):
    title = forms.CharField(
        label="Title", max_length=300, error_messages={"required": TITLE_MISSING}
    )
    plans = forms.MultipleChoiceField(
        label="Plans", required=False, widget=forms.CheckboxSelectMultiple
    )
    priorities = forms.MultipleChoiceField(
        label="Priorities", required=False, widget=forms.CheckboxSelectMultiple
    )
    period_label = forms.CharField(
        label="Reporting period (optional)",
        required=False,
        max_length=50,
        help_text="As the report should print it, for example Q3 2026-27.",
    )
    period_start = _date_field("Period starts (optional)", "For example 1/10/2026.")
    period_end = _date_field("Period ends (optional)", "For example 31/12/2026.")
    sections = forms.MultipleChoiceField(
        label="Sections",
        choices=[(code, SECTION_TITLES[code]) for code in SECTION_CODES],
        widget=forms.CheckboxSelectMultiple,
        help_text="They print in this order. Sections with nothing to show are left out.",
        error_messages={"required": NO_SECTIONS},
    )
    authors = forms.CharField(
        label="Authors (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One on each line, as the cover should print them.",
    )
    version = forms.CharField(label="Version (optional)", required=False, max_length=40)
    protective_marking = forms.CharField(
        label="Protective marking",
        max_length=60,
        initial=DEFAULT_MARKING,
        error_messages={"required": MARKING_MISSING},
    )
    report_date = _date_field(
        "Date on the cover (optional)", "Leave blank for the day it is built."
    )
    variant = forms.ChoiceField(
        label="Version shown first",
        choices=VARIANT_CHOICES,
        initial="internal",
        widget=forms.RadioSelect,
        help_text="The public version leaves out internal updates and people’s names.",
    )
    slug = forms.SlugField(
        label="Short name (optional)",
        required=False,
        max_length=100,
        help_text="Used in file names and by build_report, for example nsdc-2026-27.",
    )

    def __init__(
        self, *args: Any, partnership: Partnership, instance: ReportDefinition | None, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self._plans = {str(p.pk): p for p in plan_list_for_partnership(partnership=partnership)}
        self._priorities = {
            str(p.pk): p for p in priority_list_for_partnership(partnership=partnership)
        }
        plans, priorities = self.fields["plans"], self.fields["priorities"]
        assert isinstance(plans, forms.MultipleChoiceField)
        assert isinstance(priorities, forms.MultipleChoiceField)
        plans.choices = [(pk, str(p)) for pk, p in self._plans.items()]
        priorities.choices = [(pk, str(p)) for pk, p in self._priorities.items()]
        if instance is not None and not self.is_bound:
            self.initial.update(
                {
                    name: getattr(instance, name)
                    for name in ("title", "slug", "period_label", "period_start", "period_end")
                }
                | {
                    "sections": instance.sections,
                    "authors": instance.authors,
                    "version": instance.version,
                    "protective_marking": instance.protective_marking,
                    "report_date": instance.report_date,
                    "variant": "public" if instance.public else "internal",
                    "plans": [str(pk) for pk in instance.plans.values_list("pk", flat=True)],
                    "priorities": [
                        str(pk) for pk in instance.priorities.values_list("pk", flat=True)
                    ],
                }
            )
        elif not self.is_bound:
            self.initial["sections"] = list(SECTION_CODES)

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned data as the services take it, sections in report order."""
        data = self.cleaned_data
        chosen = set(data["sections"])
        return {
            "title": data["title"],
            "slug": data["slug"],
            "plans": [self._plans[pk] for pk in data["plans"]],
            "priorities": [self._priorities[pk] for pk in data["priorities"]],
            "period_label": data["period_label"],
            "period_start": data["period_start"],
            "period_end": data["period_end"],
            "sections": [code for code in SECTION_CODES if code in chosen],
            "authors": data["authors"],
            "version": data["version"],
            "protective_marking": data["protective_marking"],
            "report_date": data["report_date"],
            "public": data["variant"] == "public",
        }


AUDIT_START_MISSING = "Enter the date the log starts from"
AUDIT_END_MISSING = "Enter the date the log runs to"
AUDIT_DATE_NOT_REAL = "{label} must be a real date"
AUDIT_END_BEFORE_START = "The date the log runs to must be the same as or after the date it starts"


class GovukDateWidget(forms.MultiWidget):
    """Day, month and year boxes, as the GOV.UK date input asks (names start_day and so on)."""

    def __init__(self) -> None:
        boxes: dict[str, forms.Widget | type[forms.Widget]] = {
            "day": forms.TextInput(attrs={"inputmode": "numeric"}),
            "month": forms.TextInput(attrs={"inputmode": "numeric"}),
            "year": forms.TextInput(attrs={"inputmode": "numeric"}),
        }
        super().__init__(boxes)

    def decompress(self, value: Any) -> list[Any]:
        return [value.day, value.month, value.year] if value else [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK's messages."""

    widget = GovukDateWidget

    def __init__(self, *, label: str, missing: str, **kwargs: Any) -> None:
        self.missing = missing
        parts = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(
            fields=parts,
            label=label,
            require_all_fields=False,
            error_messages={"required": missing, "incomplete": missing},
            **kwargs,
        )

    def compress(self, data_list: list[Any]) -> date | None:
        if not data_list or not any(data_list):
            return None
        try:
            day, month, year = (int(str(part).strip()) for part in data_list)
            return date(year, month, day)
        except (TypeError, ValueError):
            raise forms.ValidationError(AUDIT_DATE_NOT_REAL.format(label=str(self.label))) from None


class AuditLogForm(GovukFormMixin, forms.Form):
    """The dates of the audit log a partnership administrator downloads."""

    start = GovukDateField(
        label="From", missing=AUDIT_START_MISSING, help_text="For example, 1 4 2026"
    )
    end = GovukDateField(label="To", missing=AUDIT_END_MISSING, help_text="For example, 31 3 2027")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", AUDIT_END_BEFORE_START)
        return data
