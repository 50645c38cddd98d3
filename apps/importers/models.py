"""A document a manager has uploaded, kept between the preview and the decision to import.

Keeping the bytes in the database (not the session) lets the preview be reloaded and shared
with a colleague of the same partnership, and leaves a record of who brought which plan in.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from apps.partnerships.models import Partnership
from apps.plans.models import Plan


class DocumentUpload(models.Model):
    class Purpose(models.TextChoices):
        PLAN = "plan", "A plan"
        INDICATORS = "indicators", "Performance indicators"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="document_uploads"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    # What the manager is bringing in: a plan, or a performance report's indicators. Each kind
    # has its own preview, and neither opens the other's uploads.
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.PLAN)
    imported_at = models.DateTimeField(null=True, blank=True)
    plans = models.ManyToManyField(Plan, blank=True, related_name="document_uploads")
    # The manager's column choices for this document: {"uses": {"1": ["action", …]}, "skip": [2]}
    # (table numbers as the preview shows them); see apps.importers.domain.reading.TableChoices.
    choices = models.JSONField(default=dict, blank=True)
    # The file as read (apps.importers.domain.source.document_to_json), so the preview, the
    # column choice and the import do not read a long PDF again on every visit
    document = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.file_name


class ColumnChoice(models.Model):
    """How a partnership's manager said the columns of a table with these headings are used.

    Remembered on import, so next quarter's copy of the same tracker is read without asking.
    """

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="column_choices"
    )
    # headings_signature() of the table's header: the headings as compared, in order
    signature = models.CharField(max_length=1000)
    headings = models.JSONField(default=list)
    uses = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "signature"], name="column_choice_unique"
            )
        ]

    def __str__(self) -> str:
        return " | ".join(self.headings)
