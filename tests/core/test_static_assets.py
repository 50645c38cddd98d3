"""The built front end is whole: every file the GOV.UK stylesheet asks for is served."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

STYLESHEET = "govuk/govuk-frontend.min.css"


def _referenced() -> list[str]:
    path = finders.find(STYLESHEET)
    assert path, f"{STYLESHEET} is missing: run `make assets`"
    css = Path(path).read_text(encoding="utf-8")
    return sorted(set(re.findall(r"url\(([^)]+)\)", css)))


def test_the_stylesheet_refers_to_its_assets_relatively() -> None:
    urls = _referenced()
    assert any("fonts/" in url for url in urls)
    assert all(not url.startswith("/") for url in urls), urls


@pytest.mark.django_db
def test_every_asset_the_stylesheet_asks_for_is_served(client: Client) -> None:
    for url in _referenced():
        response = client.get(f"/static/govuk/{url}")
        assert response.status_code == 200, url
