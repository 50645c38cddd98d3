"""A delivery plan as the partnership writes it: themes, objectives, actions and their updates."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from apps.partnerships.models import Organisation, Partnership, Person


class Plan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        LIVE = "live", "Live"
        ARCHIVED = "archived", "Archived"

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="plans")
    title = models.CharField(max_length=300)
    period_label = models.CharField(max_length=50, blank=True, help_text="For example 2026-27.")
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    predecessor = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="successors"
    )
    introduction = models.TextField(blank=True)
    source_name = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(starts_on__lte=models.F("ends_on")),
                name="plan_starts_before_it_ends",
            )
        ]

    def __str__(self) -> str:
        if self.period_label and self.period_label not in self.title:
            return f"{self.title} ({self.period_label})"
        return self.title


class Rating(models.Model):
    """One rating of a plan's RAG scheme, with the plan's own written definition."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="ratings")
    code = models.CharField(max_length=5)
    label = models.CharField(max_length=40)
    colour = models.CharField(max_length=7, help_text="Hex colour, for example #00703c.")
    definition = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="rating_code_unique"),
        ]

    def __str__(self) -> str:
        return self.label


class Theme(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(max_length=200)
    statement = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_partnership_id(self) -> int:
        """The partnership this belongs to, for permission checks (selectors join the parents)."""
        return self.plan.partnership_id


class Objective(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField()
    # Blank only where an imported document's heading could not be read (the importer warns).
    title = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["theme__position", "number"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "number"], name="objective_number_unique")
        ]

    def __str__(self) -> str:
        return f"Objective {self.number}: {self.title}"

    @property
    def owner_partnership_id(self) -> int:
        """The partnership this belongs to, for permission checks (selectors join the parents)."""
        return self.theme.plan.partnership_id


class Tag(models.Model):
    """A thematic area (ASB, Domestic Abuse, VAWG …) that cuts across objectives."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    """Where an action stands. "Not recorded" is for an imported action whose document gave no
    status: saying "Not started" would invent one. People choose from the others
    (``Status.recorded_choices``); it is neither started nor completed, so a passed by-when still
    makes it overdue."""

    NOT_STARTED = "not_started", "Not started"
    ONGOING = "ongoing", "On-going"
    COMPLETED = "completed", "Completed"
    ON_HOLD = "on_hold", "On hold"
    NOT_RECORDED = "not_recorded", "Not recorded"

    @classmethod
    def recorded_choices(cls) -> list[tuple[str, str]]:
        """The statuses a person records: every one but "Not recorded"."""
        return [(value, label) for value, label in cls.choices if value != cls.NOT_RECORDED]


class PredecessorMatch(models.TextChoices):
    ROLLOVER = "rollover", "Rolled forward"
    AUTOMATIC = "automatic", "Matched automatically"
    MANAGER = "manager", "Decided by a manager"


class Action(models.Model):
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="actions")
    number = models.CharField(max_length=20, help_text="As printed, for example 7) or a.")
    position = models.PositiveIntegerField(default=0)
    method = models.CharField(max_length=100, blank=True)
    text = models.TextField()
    sub_items = models.JSONField(default=list, blank=True)
    details = models.JSONField(
        default=dict,
        blank=True,
        help_text="Columns the source plan prints that have no field of their own, label → text.",
    )
    due_text = models.CharField("by when", max_length=100, blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    rating = models.ForeignKey(
        Rating, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    lead_people = models.ManyToManyField(Person, blank=True, related_name="led_actions")
    lead_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="led_actions"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="actions")
    predecessor = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="successors"
    )
    # How `predecessor` was decided, so a manager's correction is never redone automatically.
    predecessor_match = models.CharField(
        max_length=20, choices=PredecessorMatch.choices, blank=True, default=""
    )
    predecessor_score = models.PositiveSmallIntegerField(
        "match confidence (%)", null=True, blank=True
    )
    predecessor_reason = models.CharField(max_length=300, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    retired_reason = models.TextField(blank=True)
    history = HistoricalRecords(m2m_fields=[lead_people, lead_organisations, tags])

    class Meta:
        ordering = ["objective__theme__position", "objective__number", "position"]
        indexes = [models.Index(fields=["due_date", "status"])]

    def __str__(self) -> str:
        return f"{self.number} {self.text[:60]}"

    @property
    def owner_partnership_id(self) -> int:
        """The partnership this belongs to, for permission checks (selectors join the parents)."""
        return self.objective.theme.plan.partnership_id


class Update(models.Model):
    """A dated narrative on an action, and the status and rating it set."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField()
    reported_on = models.DateField(null=True, blank=True)
    period_label = models.CharField(max_length=50, blank=True)
    author = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="updates"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    rating = models.ForeignKey(
        Rating, on_delete=models.PROTECT, null=True, blank=True, related_name="updates"
    )
    internal = models.BooleanField(
        default=False, help_text="Internal: left out of the public version of a report."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = [models.F("reported_on").desc(nulls_last=True), "-created_at", "-id"]

    def __str__(self) -> str:
        return f"Update on {self.action.number}"

    @property
    def owner_partnership_id(self) -> int:
        """The partnership this belongs to, for permission checks (selectors join the parents)."""
        return self.action.objective.theme.plan.partnership_id
