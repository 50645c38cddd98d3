"""The home page leads each member to their partnership's plans, performance and reports, and
a manager also to importing a plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from apps.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("role", "imports"), [("manager", True), ("viewer", False)])
def test_home_links_to_the_partnerships_pages(
    signed_in: Callable[[User], Any],
    make_member: Callable[..., User],
    partnership: Partnership,
    role: str,
    imports: bool,
) -> None:
    page = signed_in(make_member(role)).get(reverse("plans:home")).content.decode()
    for name in ("performance:summary", "performance:exceptions", "reports:list"):
        assert reverse(name, args=[partnership.pk]) in page
    assert (reverse("importers:document-upload") in page) is imports
