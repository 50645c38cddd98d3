"""The email helper (plain text with an HTML alternative) and the GOV.UK Notify backend, with
Notify's HTTP call replaced at the requests boundary: no network."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import requests
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from notifications_python_client.errors import HTTPError
from pytest_django.fixtures import Settings as SettingsWrapper

from apps.core.email import email_send
from config.env import EMAIL_BACKENDS, email_backend

SERVICE_ID = str(uuid.uuid4())
SECRET = str(uuid.uuid4())
TEMPLATE_ID = str(uuid.uuid4())


def _context() -> dict[str, Any]:
    partnership = type("P", (), {"name": "Bassetlaw O'Neill CSP"})()
    invitation = type(
        "I",
        (),
        {"name": "Siân O'Brien", "is_administrator": False, "get_role_display": "Viewer"},
    )()
    return {
        "invitation": invitation,
        "partnership": partnership,
        "link": "https://saferplan.example.org/accounts/invitation/abc/",
        "role": "Action lead",
        "inviter": "",
        "expires_at": None,
    }


def test_email_has_plain_text_and_html_from_default_address(settings: SettingsWrapper) -> None:
    settings.DEFAULT_FROM_EMAIL = "Bassetlaw CSP <csp@bassetlaw.example.org>"
    email_send(to="jane.smith@notts.police.example.uk", template="invitation", context=_context())
    (message,) = mail.outbox
    assert message.to == ["jane.smith@notts.police.example.uk"]
    assert message.from_email == "Bassetlaw CSP <csp@bassetlaw.example.org>"
    assert message.subject == "You have been invited to Bassetlaw O'Neill CSP on SaferPlan"
    # The plain-text part is not HTML-escaped; the HTML alternative is.
    assert "Dear Siân O'Brien," in message.body
    assert "https://saferplan.example.org/accounts/invitation/abc/" in message.body
    html, mimetype = message.alternatives[0]  # type: ignore[attr-defined]
    assert mimetype == "text/html"
    assert "O&#x27;Brien" in html
    assert 'href="https://saferplan.example.org/accounts/invitation/abc/"' in html


class FakeNotify:
    """Stands in for Notify's HTTP API at requests' Session.request."""

    def __init__(self, status: int = 201) -> None:
        self.status = status
        self.calls: list[dict[str, Any]] = []

    def __call__(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        self.calls.append({"method": method, "url": url, **kwargs})
        response = requests.Response()
        response.status_code = self.status
        response._content = json.dumps({"id": str(uuid.uuid4())}).encode()
        response.url = url
        return response


@pytest.fixture
def notify(settings: SettingsWrapper, monkeypatch: pytest.MonkeyPatch) -> FakeNotify:
    settings.EMAIL_BACKEND = "apps.core.email.NotifyEmailBackend"
    settings.NOTIFY_API_KEY = f"saferplan_test-{SERVICE_ID}-{SECRET}"
    settings.NOTIFY_TEMPLATE_ID = TEMPLATE_ID
    fake = FakeNotify()
    monkeypatch.setattr(
        requests.Session, "request", lambda _session, method, url, **kw: fake(method, url, **kw)
    )
    return fake


def test_notify_backend_sends_subject_and_body_through_the_one_template(
    notify: FakeNotify,
) -> None:
    email_send(
        to=["jane.smith@notts.police.example.uk", "ops@bassetlaw.example.gov.uk"],
        template="invitation",
        context=_context(),
    )
    assert [call["method"] for call in notify.calls] == ["POST", "POST"]
    assert all(call["url"].endswith("/v2/notifications/email") for call in notify.calls)
    sent = [json.loads(call["data"]) for call in notify.calls]
    assert [body["email_address"] for body in sent] == [
        "jane.smith@notts.police.example.uk",
        "ops@bassetlaw.example.gov.uk",
    ]
    assert {body["template_id"] for body in sent} == {TEMPLATE_ID}
    personalisation = sent[0]["personalisation"]
    assert personalisation["subject"] == (
        "You have been invited to Bassetlaw O'Neill CSP on SaferPlan"
    )
    assert "https://saferplan.example.org/accounts/invitation/abc/" in personalisation["body"]
    assert "<p>" not in personalisation["body"]  # the plain-text part, not the HTML
    # Signed with the service's key (a JWT naming the service), as Notify requires.
    assert notify.calls[0]["headers"]["Authorization"].startswith("Bearer ")


def test_notify_refusal_is_raised_not_swallowed(
    notify: FakeNotify, settings: SettingsWrapper
) -> None:
    notify.status = 400
    with pytest.raises(HTTPError):
        email_send(to="jane.smith@example.org", template="invitation", context=_context())


def test_email_backend_names_in_the_environment() -> None:
    assert email_backend("console") == "django.core.mail.backends.console.EmailBackend"
    assert email_backend(" SMTP ") == "django.core.mail.backends.smtp.EmailBackend"
    assert email_backend("notify") == "apps.core.email.NotifyEmailBackend"
    assert set(EMAIL_BACKENDS) == {"console", "smtp", "notify", "locmem"}
    with pytest.raises(ImproperlyConfigured, match="console, smtp, notify, locmem"):
        email_backend("sendgrid")
