"""Response headers under the production settings: a Content-Security-Policy that allows no
inline script (and pages that need none), Permissions-Policy, `Cache-Control: no-store` on
every signed-in page and download, and secure, HTTP-only, same-site cookies.

The production settings module itself is run (with a long enough SECRET_KEY) and its values
applied over the test settings, so the test fails if production.py loses a header."""

from __future__ import annotations

import re
import runpy
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpResponse
from django.test import Client, RequestFactory

from apps.core.headers import NoStoreMiddleware
from apps.partnerships.models import Membership, Partnership
from config.env import ENV
from tests import builders

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/sign-in/"
PRODUCTION_SETTINGS = (
    "MIDDLEWARE",
    "CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
SCRIPT_SRC = re.compile(r'<script[^>]*\ssrc="([^"]+)"', re.IGNORECASE)


@pytest.fixture
def production(settings: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(ENV, "SECRET_KEY", "k" * 60)
    values = runpy.run_module("config.settings.production")
    for name in PRODUCTION_SETTINGS:
        setattr(settings, name, values[name])
    return values


@pytest.fixture
def manager(partnership: Partnership) -> User:
    return builders.member(partnership=partnership, role=Membership.Role.MANAGER)


def _directives(response: Any) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parts = [part.split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def test_the_policy_allows_scripts_only_from_our_own_files(
    production: dict[str, Any], client: Client
) -> None:
    directives = _directives(client.get(SIGN_IN))
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert "'unsafe-eval'" not in str(directives)


def test_pages_need_no_inline_script_and_their_scripts_are_served(
    production: dict[str, Any], client: Client, manager: User, small_plan: builders.SmallPlan
) -> None:
    pages = [SIGN_IN]
    client.force_login(manager)
    pages += ["/", "/plans/my-actions/", f"/plans/{small_plan.plan.pk}/"]
    scripts: set[str] = set()
    for path in pages:
        if path == SIGN_IN:
            html = Client().get(path).content.decode()
        else:
            response = client.get(path)
            assert response.status_code == 200, path
            html = response.content.decode()
        assert INLINE_SCRIPT.findall(html) == [], path
        assert EVENT_HANDLER.findall(html) == [], path
        scripts |= set(SCRIPT_SRC.findall(html))
    assert {"/static/js-enabled.js", "/static/saferplan.js", "/static/plan-filters.js"} <= scripts
    for src in scripts:
        response = client.get(src)
        assert response.status_code == 200, src
        assert "javascript" in response["Content-Type"], src


def test_permissions_policy_switches_off_what_we_never_use(
    production: dict[str, Any], client: Client
) -> None:
    header = client.get(SIGN_IN)["Permissions-Policy"]
    features = dict(item.strip().split("=") for item in header.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


def test_signed_in_pages_and_downloads_are_not_stored(
    production: dict[str, Any], client: Client, manager: User, partnership: Partnership
) -> None:
    client.force_login(manager)
    priority = builders.priority(partnership=partnership)
    measure = builders.measure(priority=priority)
    builders.figures(measure=measure, values=[12, 15])
    home = client.get("/")
    download = client.get(f"/performance/measures/{measure.pk}/figures.csv")
    assert download["Content-Disposition"].startswith("attachment")
    for response in (home, download):
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_a_download_is_not_stored_whoever_asks() -> None:
    """Even a download no sign-in stood in front of."""

    def attachment(request: object) -> HttpResponse:
        response = HttpResponse("a,b\n", content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="figures.csv"'
        return response

    request = RequestFactory().get("/figures.csv")
    request.user = AnonymousUser()
    assert "no-store" in NoStoreMiddleware(attachment)(request)["Cache-Control"]
    page = NoStoreMiddleware(lambda request: HttpResponse("public"))(request)
    assert "Cache-Control" not in page


def test_cookies_are_secure_http_only_and_same_site(
    production: dict[str, Any], client: Client
) -> None:
    user = builders.member(partnership=builders.partnership(), role=Membership.Role.VIEWER)
    response = client.post(
        SIGN_IN, {"username": user.username, "password": "pw-for-tests-1"}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert production["CSRF_COOKIE_SECURE"] and production["CSRF_COOKIE_HTTPONLY"]
    assert production["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert production["DEMO_DEFAULT_PASSWORD_REFUSED"] is True


INLINE_STYLE = re.compile(r"<style([^>]*)>", re.IGNORECASE)


def test_the_report_pages_own_styles_carry_the_policys_nonce(
    production: dict[str, Any], client: Client, manager: User, small_plan: builders.SmallPlan
) -> None:
    definition = builders.definition(
        partnership=small_plan.plan.partnership, plans=[small_plan.plan]
    )
    client.force_login(manager)
    response = client.get(f"/reports/{definition.pk}/")
    assert response.status_code == 200
    nonces = [n.strip("'").removeprefix("nonce-") for n in _directives(response)["style-src"]]
    styles = INLINE_STYLE.findall(response.content.decode())
    assert styles, "the report page has its own styles"
    for attributes in styles:
        assert re.search(r'nonce="([^"]+)"', attributes)[1] in nonces  # type: ignore[index]
