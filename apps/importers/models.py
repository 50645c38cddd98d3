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

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.file_name
