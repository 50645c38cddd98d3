"""Who is in a Community Safety Partnership: its agencies, its people and their roles."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Partnership(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """An agency (police, probation, a council) or a partnership body that can lead actions."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="organisations"
    )
    name = models.CharField(max_length=200)
    short_name = models.CharField(
        max_length=120, help_text="As the documents print it, for example CSP or NSDC."
    )

    class Meta:
        ordering = ["short_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "short_name"], name="organisation_short_name_unique"
            )
        ]

    def __str__(self) -> str:
        return self.short_name


class Person(models.Model):
    """Somebody who leads or updates actions; known in the documents by their initials."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="people")
    name = models.CharField(max_length=200, blank=True)
    initials = models.CharField(max_length=10)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="people"
    )
    job_title = models.CharField(max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["initials"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "initials"], name="person_initials_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.initials})" if self.name else self.initials


class Membership(models.Model):
    """A user's role in a partnership; the role decides what they may change."""

    class Role(models.TextChoices):
        MANAGER = "manager", "Partnership manager"
        LEAD = "lead", "Action lead"
        ANALYST = "analyst", "Performance analyst"
        VIEWER = "viewer", "Viewer"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} of {self.partnership}"
