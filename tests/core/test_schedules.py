"""Periodic jobs declared by apps reach the task queue's schedule table, and only those."""

from __future__ import annotations

from unittest import mock

import pytest
from django_q.models import Schedule

from apps.core import schedules
from apps.core.schedules import NAME_PREFIX, Periodic, schedules_sync

pytestmark = pytest.mark.django_db


def test_declared_jobs_are_written_updated_and_removed():
    Schedule.objects.create(name="hand-made", func="math.floor", schedule_type=Schedule.DAILY)
    schedules_sync([Periodic("purge", "math.floor", "0 2 * * *")])
    assert Schedule.objects.get(name=f"{NAME_PREFIX}purge").cron == "0 2 * * *"

    schedules_sync(
        [Periodic("purge", "math.floor", "30 3 * * *"), Periodic("b", "math.ceil", "* * * * *")]
    )
    assert Schedule.objects.get(name=f"{NAME_PREFIX}purge").cron == "30 3 * * *"
    assert Schedule.objects.filter(name__startswith=NAME_PREFIX).count() == 2

    kept, removed = schedules_sync([Periodic("b", "math.ceil", "* * * * *")])
    assert (kept, removed) == (1, 1)
    assert set(Schedule.objects.values_list("name", flat=True)) == {"hand-made", f"{NAME_PREFIX}b"}


def test_a_job_declared_twice_is_refused():
    class Declares:
        SCHEDULES = [Periodic("x", "math.floor", "* * * * *")]

    with (
        mock.patch.object(schedules.importlib, "import_module", return_value=Declares),
        pytest.raises(ValueError, match="declared twice: x"),
    ):
        schedules.schedules_all()


def test_apps_without_periodic_jobs_are_skipped():
    assert all(isinstance(job, Periodic) for job in schedules.schedules_all())
