"""Priorities, their measures and observations, and the quarterly narrative reports.

Enumerations reuse the domain modules' values (trend.Polarity, rag.TargetKind, units.Unit) so
that a model maps onto the plain dataclasses without translation tables.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from apps.partnerships.models import Organisation, Partnership
from apps.performance.domain import units
from apps.performance.domain.rag import Rating, TargetKind
from apps.performance.domain.trend import Polarity
from apps.performance.domain.units import AMOUNT_DIGITS, AMOUNT_PLACES

POLARITY_CHOICES = [
    (Polarity.UP.value, "Higher is better"),
    (Polarity.DOWN.value, "Lower is better"),
    (Polarity.NEITHER.value, "Neither is better"),
]


class Priority(models.Model):
    """A partnership priority such as Norfolk's "A. Reduce the incidence of crime and ASB"."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="priorities"
    )
    code = models.CharField(max_length=10, help_text="As the documents print it, e.g. A.")
    title = models.CharField(max_length=300)
    sponsor_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sponsor_name = models.CharField(
        max_length=200, blank=True, help_text="The sponsor agency as printed."
    )
    lead_officer = models.CharField(max_length=200, blank=True)
    why = models.TextField("Why it is a priority", blank=True)
    objectives = models.TextField(blank=True)
    plan_objectives = models.ManyToManyField(
        "plans.Objective", blank=True, related_name="performance_priorities"
    )
    plan_actions = models.ManyToManyField(
        "plans.Action", blank=True, related_name="performance_priorities"
    )
    history = HistoricalRecords(m2m_fields=[plan_objectives, plan_actions])

    class Meta:
        ordering = ["partnership", "code"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="priority_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"

    @property
    def sponsor(self) -> str:
        if self.sponsor_organisation is not None:
            return self.sponsor_organisation.name or self.sponsor_organisation.short_name
        return self.sponsor_name


class PriorityAlignment(models.Model):
    """How a priority lines up with another plan's (e.g. the Police and Crime Plan)."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="alignments")
    position = models.PositiveIntegerField(default=0)
    our_wording = models.TextField(blank=True, help_text="The priority or measure as we word it.")
    other_plan = models.CharField(max_length=200)
    other_priority = models.TextField()
    comment = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["priority", "position"]

    def __str__(self) -> str:
        return f"{self.priority.code} ↔ {self.other_plan}: {self.other_priority[:60]}"

    @property
    def owner_partnership_id(self) -> int:
        """The partnership this belongs to, for permission checks (selectors join the parents)."""
        return self.priority.partnership_id


class Measure(models.Model):
    class Unit(models.TextChoices):
        COUNT = units.Unit.COUNT.value, "Count"
        PERCENTAGE = units.Unit.PERCENTAGE.value, "Percentage"
        RATE_PER_1000 = units.Unit.RATE_PER_1000.value, "Rate per 1,000"
        POUNDS_THOUSANDS = units.Unit.POUNDS_THOUSANDS.value, "£ thousands"
        MINUTES = units.Unit.MINUTES.value, "Minutes"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        ANNUAL = "annual", "Annual"
        ROLLING_12_MONTHS = "rolling_12_months", "Rolling 12 months"

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="measures")
    position = models.PositiveIntegerField(default=0)
    code = models.CharField(max_length=10, blank=True, help_text="As printed, e.g. (i).")
    title = models.CharField(max_length=300)
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    polarity = models.CharField(
        max_length=10,
        choices=POLARITY_CHOICES,
        default=Polarity.UP.value,
    )
    frequency = models.CharField(
        max_length=20, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    baseline_value = models.DecimalField(
        max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES, null=True, blank=True
    )
    baseline_label = models.CharField(
        max_length=200, blank=True, help_text="The period the baseline describes, as printed."
    )
    target_kind = models.CharField(
        max_length=30,
        blank=True,
        choices=[
            (TargetKind.VALUE.value, "Reach a value"),
            (TargetKind.CHANGE_FROM_BASELINE.value, "A % change on the baseline"),
            (TargetKind.COMPARATOR.value, "Stay better than a comparator"),
            (TargetKind.DIRECTION.value, "A direction of travel"),
        ],
        help_text="Blank when the measure has no target yet.",
    )
    target_value = models.DecimalField(
        max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES, null=True, blank=True
    )
    target_due = models.DateField(null=True, blank=True)
    target_comparator_name = models.CharField(max_length=100, blank=True)
    target_text = models.CharField(max_length=300, blank=True, help_text="The target as printed.")
    amber_band_percent = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal(5))
    slight_worsening_percent = models.DecimalField(
        max_digits=6, decimal_places=2, default=Decimal(5)
    )
    spc_run_length = models.PositiveSmallIntegerField(choices=[(6, "6"), (7, "7")], default=7)
    spc_two_of_three_counts_beyond_limits = models.BooleanField(
        default=True, help_text="NHS England's rule since November 2023."
    )
    spc_baseline_points = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Fix the limits after this many points (at least 12)."
    )
    spc_rebase_periods = models.CharField(
        max_length=300, blank=True, help_text="Periods where limits restart, separated by commas."
    )
    comment = models.TextField(blank=True, help_text="The analyst's comment on recent performance.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["priority", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    @property
    def owner_partnership_id(self) -> int:
        """The partnership this belongs to, for permission checks (selectors join the parents)."""
        return self.priority.partnership_id

    @property
    def is_percentage(self) -> bool:
        return self.unit == self.Unit.PERCENTAGE

    @property
    def rebase_periods(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.spc_rebase_periods.split(",") if p.strip())


class Observation(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="observations")
    period_label = models.CharField(max_length=50)
    period_start = models.DateField(help_text="Orders the periods.")
    value = models.DecimalField(max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES)
    comparator_value = models.DecimalField(
        max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES, null=True, blank=True
    )
    target_value = models.DecimalField(
        max_digits=AMOUNT_DIGITS,
        decimal_places=AMOUNT_PLACES,
        null=True,
        blank=True,
        help_text="This period's target, when it varies.",
    )
    numerator = models.DecimalField(
        max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES, null=True, blank=True
    )
    denominator = models.DecimalField(
        max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES, null=True, blank=True
    )
    note = models.TextField(blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "period_start"], name="observation_period_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure}: {self.period_label} = {self.value}"

    @property
    def owner_partnership_id(self) -> int:
        """The partnership this belongs to, for permission checks (selectors join the parents)."""
        return self.measure.priority.partnership_id


class TrafficLight(models.TextChoices):
    """The Norfolk scheme; the wording is shown with the colour, never the colour alone. Stored
    as the shared RAG keys ("green"), as measures are rated."""

    GREEN = Rating.GREEN.value, "GREEN – target on track and likely to be achieved"
    AMBER = (
        Rating.AMBER.value,
        "AMBER – target causing concern; remedial action taken, impact uncertain",
    )
    # Appendix 2 prints no Red wording; this is the report's own RAG definition (002 line 298).
    RED = Rating.RED.value, "RED – below target and worsening"


class PriorityReport(models.Model):
    """The narrative for one priority in one reporting period (002 Appendix 2)."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="reports")
    period_label = models.CharField(max_length=50)
    period_start = models.DateField(null=True, blank=True)
    summary = models.TextField("Summary narrative", blank=True)
    milestones_reached = models.TextField(blank=True)
    milestones_missed = models.TextField(blank=True)
    prospects_and_risks = models.TextField(blank=True)
    traffic_light = models.CharField(max_length=10, choices=TrafficLight.choices, blank=True)
    traffic_light_comment = models.TextField(blank=True)
    internal = models.BooleanField(
        default=False, help_text="Internal: left out of the public version of a report."
    )
    history = HistoricalRecords()

    class Meta:
        # newest first, and undated narratives last on every database (PostgreSQL would put
        # NULLs first when descending)
        ordering = ["priority", models.F("period_start").desc(nulls_last=True), "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "period_label"], name="priority_report_period_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.priority.code} – {self.period_label}"

    @property
    def owner_partnership_id(self) -> int:
        """The partnership this belongs to, for permission checks (selectors join the parents)."""
        return self.priority.partnership_id
