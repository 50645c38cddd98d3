"""Who is in a Community Safety Partnership: its agencies, its people and their roles."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from apps.core.text import text_key, text_squash
from apps.partnerships.domain.invitations import invitation_state

ORGANISATION_ALIASES_INVALID = "Enter each other name as text, one on each line"
ORGANISATION_ALIAS_TAKEN = "{alias} already names {other} in this partnership"
ORGANISATION_ALIAS_TOO_LONG = "Each other name must be 120 characters or fewer"


class Partnership(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    # Managers and administrators must sign in with an authenticator app code (ADR 12).
    require_two_factor_for_managers = models.BooleanField(
        "Require two-factor sign-in for managers and administrators", default=False
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """An agency (police, probation, a council) or a partnership body that can lead actions."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        POLICE = "police", "Police"
        FIRE = "fire", "Fire and rescue"
        PROBATION = "probation", "Probation"
        HEALTH = "health", "Health"
        HOUSING = "housing", "Housing"
        VOLUNTARY = "voluntary", "Voluntary sector"
        PCC = "pcc", "Police and Crime Commissioner's office"
        EDUCATION = "education", "Education"
        PARTNERSHIP = "partnership", "Partnership body"
        OTHER = "other", "Other"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="organisations"
    )
    name = models.CharField(max_length=200)
    short_name = models.CharField(
        max_length=120, help_text="As the documents print it, for example CSP or NSDC."
    )
    # Per partnership, because "BDC" is Bassetlaw District Council in one and Bolsover in another.
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text="Other ways this partnership's documents print it, for example Bolsover DC.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    # Deactivated agencies keep their actions, updates and names in reports; they are only no
    # longer offered as leads. Nothing history refers to is ever deleted.
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["short_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "short_name"], name="organisation_short_name_unique"
            )
        ]

    def __str__(self) -> str:
        return self.short_name

    def clean(self) -> None:
        """Aliases are text, and no short name or alias of the partnership names two agencies
        (a lead must resolve to one)."""
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) for a in self.aliases):
            raise ValidationError({"aliases": ORGANISATION_ALIASES_INVALID})
        if any(len(text_squash(a)) > 120 for a in self.aliases):
            raise ValidationError({"aliases": ORGANISATION_ALIAS_TOO_LONG})
        if self.partnership_id is None:
            return
        taken: dict[str, str] = {}
        others = Organisation.objects.filter(partnership_id=self.partnership_id).exclude(pk=self.pk)
        for other in others.only("short_name", "aliases"):
            for printed in [other.short_name, *(other.aliases or [])]:
                taken.setdefault(text_key(printed), other.short_name)
        for printed in [self.short_name, *self.aliases]:
            other_name = taken.get(text_key(printed))
            if other_name is not None:
                field = "short_name" if printed == self.short_name else "aliases"
                message = ORGANISATION_ALIAS_TAKEN.format(
                    alias=text_squash(printed), other=other_name
                )
                raise ValidationError({field: message})


class Person(models.Model):
    """Somebody who leads or updates actions; known in the documents by their initials."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="people")
    name = models.CharField(max_length=200, blank=True)
    initials = models.CharField(max_length=10)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="people"
    )
    job_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    # One user may be a person in several partnerships (one Person in each).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["initials"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "initials"], name="person_initials_unique"
            ),
            models.UniqueConstraint(
                fields=["partnership", "user"],
                condition=models.Q(user__isnull=False),
                name="person_user_unique_per_partnership",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.initials})" if self.name else self.initials


class Membership(models.Model):
    """A user's role in a partnership; the role decides what they may change."""

    class Role(models.TextChoices):
        MANAGER = "manager", "Partnership manager"
        LEAD = "lead", "Action lead"
        COORDINATOR = "coordinator", "Agency coordinator"
        ANALYST = "analyst", "Performance analyst"
        VIEWER = "viewer", "Viewer"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    # The partnership administrator duty (people, agencies, memberships, the security and audit
    # logs), held beside any role: usually by the partnership manager.
    is_administrator = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} of {self.partnership}"


class Invitation(models.Model):
    """An emailed, one-time link to join the partnership in a role (ADR 10).

    Only a SHA-256 hash of the link's token is kept, so a copy of the database opens no
    invitation. Resending makes a new token (the old link stops working) and a new expiry.
    """

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="invitations"
    )
    email = models.EmailField()
    name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=20, choices=Membership.Role.choices)
    is_administrator = models.BooleanField(default=False)
    # The partnership's person the invitee will sign in as; None makes a new person of them.
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="invitations"
    )
    # The agency they work for: an agency coordinator updates every action it leads.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_sent",
    )
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("sent_at")),
                name="invitation_expires_after_sent",
            )
        ]

    def __str__(self) -> str:
        return f"Invitation of {self.email} to {self.partnership}"

    def state_at(self, now: datetime) -> str:
        """pending, expired, accepted or revoked (apps.partnerships.domain.invitations)."""
        return invitation_state(
            expires_at=self.expires_at,
            accepted_at=self.accepted_at,
            revoked_at=self.revoked_at,
            now=now,
        )
