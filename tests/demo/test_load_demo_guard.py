"""`load_demo` creates users with a shared password: it refuses without --allow-demo-users, and
under production settings refuses the default password even with it."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from apps.demo.management.commands.load_demo import DEFAULT_PASSWORD_REFUSED, FLAG_MISSING
from apps.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def test_without_the_flag_it_refuses_and_creates_nothing() -> None:
    with pytest.raises(CommandError) as error:
        call_command("load_demo", stdout=StringIO())
    assert str(error.value) == FLAG_MISSING
    assert not Partnership.objects.exists() and not User.objects.exists()


@pytest.mark.parametrize("password", ["demo", ""])
def test_under_production_settings_the_default_password_is_refused(
    settings: Any, password: str
) -> None:
    settings.DEMO_DEFAULT_PASSWORD_REFUSED = True
    settings.DEMO_PASSWORD = password
    with pytest.raises(CommandError) as error:
        call_command("load_demo", "--allow-demo-users", stdout=StringIO())
    assert str(error.value) == DEFAULT_PASSWORD_REFUSED
    assert not Partnership.objects.exists() and not User.objects.exists()


def test_under_production_settings_a_password_of_your_own_is_accepted(settings: Any) -> None:
    settings.DEMO_DEFAULT_PASSWORD_REFUSED = True
    settings.DEMO_PASSWORD = "four random words chosen carefully"
    # An existing partnership keeps --if-empty from loading the whole demo again here; the load
    # itself is tested in test_load_demo.py.
    Partnership.objects.create(name="Somewhere else", slug="somewhere-else")
    out = StringIO()
    call_command("load_demo", "--allow-demo-users", "--if-empty", stdout=out)
    assert "not loaded again" in out.getvalue()


def test_the_makefile_passes_the_flag() -> None:
    from config.env import BASE_DIR

    makefile = (BASE_DIR / "Makefile").read_text(encoding="utf-8")
    assert "manage.py load_demo --if-empty --allow-demo-users" in makefile
