"""The demo partnership: both editions, the demo users, and a second load that changes nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command

from apps.demo.loader import DEMO_PARTNERSHIP
from apps.partnerships.models import Membership, Partnership
from apps.plans.models import Action, Plan

pytestmark = pytest.mark.django_db


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"auth", "partnerships", "plans"}
    }


def test_demo_loads_both_editions_and_users() -> None:
    out = StringIO()
    call_command("load_demo", stdout=out)
    partnership = Partnership.objects.get(name=DEMO_PARTNERSHIP)
    archived = Plan.objects.get(partnership=partnership, status=Plan.Status.ARCHIVED)
    live = Plan.objects.get(partnership=partnership, status=Plan.Status.LIVE)
    assert live.predecessor == archived
    demo = User.objects.get(username="demo")
    ys = User.objects.get(username="ys")
    assert demo.check_password("demo")
    assert Membership.objects.get(user=demo).role == Membership.Role.MANAGER
    assert Membership.objects.get(user=ys).role == Membership.Role.LEAD
    assert ys.person.initials == "YS"
    assert Action.objects.filter(objective__theme__plan=live, lead_people=ys.person).count() > 10
    assert "Sign in" in out.getvalue()


def test_second_load_changes_nothing() -> None:
    call_command("load_demo", stdout=StringIO())
    before = _row_counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert _row_counts() == before
    assert "nothing changed" in out.getvalue()


def test_if_empty_skips_a_database_with_partnerships() -> None:
    Partnership.objects.create(name="Somewhere else", slug="somewhere-else")
    out = StringIO()
    call_command("load_demo", "--if-empty", stdout=out)
    assert not Partnership.objects.filter(name=DEMO_PARTNERSHIP).exists()
    assert "not loaded again" in out.getvalue()
