"""`manage.py schedules_sync`: write every app's periodic jobs to the task queue's schedule."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from apps.core.schedules import schedules_sync


class Command(BaseCommand):
    help = "Make the task queue's schedules match the periodic jobs the apps declare."

    def handle(self, *args: Any, **options: Any) -> None:
        kept, removed = schedules_sync()
        self.stdout.write(f"{kept} periodic jobs scheduled, {removed} old schedules removed.")
