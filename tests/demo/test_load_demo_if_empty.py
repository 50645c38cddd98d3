"""`load_demo --if-empty` leaves a database that already holds a partnership alone.

The loads themselves are tested once per run in tests/demo/test_load_demo.py.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from apps.demo.loader import DEMO_PARTNERSHIP
from apps.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def test_if_empty_skips_a_database_with_partnerships() -> None:
    Partnership.objects.create(name="Somewhere else", slug="somewhere-else")
    out = StringIO()
    call_command("load_demo", "--allow-demo-users", "--if-empty", stdout=out)
    assert not Partnership.objects.filter(name=DEMO_PARTNERSHIP).exists()
    assert "not loaded again" in out.getvalue()
