"""Periodic jobs: each app declares its own, and one command writes them to the task queue.

An app lists its jobs in `apps/<app>/schedules.py` as ``SCHEDULES = [Periodic(...), ...]``.
`schedules_sync` (run by `make run` and by `manage.py schedules_sync` on a server) makes the
queue's schedule table match those lists, so a deployment never depends on rows typed by hand.
Apps are found through the app registry, so core imports none of them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django_q.models import Schedule

# Schedules this module made carry this prefix, so ones added another way are left alone.
NAME_PREFIX = "saferplan:"


@dataclass(frozen=True)
class Periodic:
    """A job the queue runs on a cron expression (server time zone)."""

    name: str
    func: str  # dotted path to a function taking no arguments
    cron: str  # e.g. "15 2 * * *" for 02:15 every day

    @property
    def schedule_name(self) -> str:
        return f"{NAME_PREFIX}{self.name}"


def schedules_all() -> list[Periodic]:
    """Every app's declared periodic jobs, in app order."""
    found: list[Periodic] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("apps."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.schedules")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.schedules":
                raise
            continue
        found.extend(getattr(module, "SCHEDULES", []))
    names = [job.name for job in found]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"Periodic jobs declared twice: {', '.join(duplicates)}")
    return found


@transaction.atomic
def schedules_sync(jobs: list[Periodic] | None = None) -> tuple[int, int]:
    """Create or update each declared job's schedule and remove ones no longer declared.

    Returns (kept or created, removed).
    """
    jobs = schedules_all() if jobs is None else jobs
    for job in jobs:
        Schedule.objects.update_or_create(
            name=job.schedule_name,
            defaults={"func": job.func, "schedule_type": Schedule.CRON, "cron": job.cron},
        )
    stale = Schedule.objects.filter(name__startswith=NAME_PREFIX).exclude(
        name__in=[job.schedule_name for job in jobs]
    )
    removed, _ = stale.delete()
    return len(jobs), removed
