"""Saved report definitions (run again each quarter) and a partnership's glossary."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from apps.partnerships.models import Partnership

DEFAULT_MARKING = "OFFICIAL"


class ReportDefinition(models.Model):
    """What goes into a board report: plans, priorities, period, sections and cover.

    The slug is unique across SaferPlan because `build_report` takes the slug alone."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="report_definitions"
    )
    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    plans = models.ManyToManyField("plans.Plan", blank=True, related_name="report_definitions")
    priorities = models.ManyToManyField(
        "performance.Priority", blank=True, related_name="report_definitions"
    )
    period_label = models.CharField(
        "reporting period", max_length=50, blank=True, help_text="For example Q3 2026-27."
    )
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    sections = models.JSONField(
        default=list, blank=True, help_text="Section codes in the order they print."
    )
    authors = models.TextField(blank=True, help_text="One author a line, as the cover prints.")
    version = models.CharField(max_length=40, blank=True)
    protective_marking = models.CharField(max_length=60, default=DEFAULT_MARKING)
    report_date = models.DateField(
        null=True, blank=True, help_text="The cover's date; the day it is built when blank."
    )
    public = models.BooleanField(
        "public by default",
        default=False,
        help_text="Build the public variant (no internal updates, no names) unless asked.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[plans, priorities])

    class Meta:
        ordering = ["partnership", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_end__isnull=True)
                | models.Q(period_start__lte=models.F("period_end")),
                name="report_period_starts_before_it_ends",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def author_list(self) -> list[str]:
        return [line.strip() for line in self.authors.splitlines() if line.strip()]


class GlossaryEntry(models.Model):
    """An acronym the partnership's documents use, and what it stands for."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="glossary_entries"
    )
    acronym = models.CharField(max_length=30)
    meaning = models.TextField()

    class Meta:
        ordering = ["partnership", "acronym"]
        verbose_name_plural = "glossary entries"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "acronym"], name="glossary_acronym_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.acronym} – {self.meaning}"
