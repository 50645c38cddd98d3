"""Forgotten and changed passwords: the reset link by email, end to end through the outbox,
and a change that keeps this session and ends every other one."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from apps.accounts.forms import CURRENT_PASSWORD_WRONG, EMAIL_INVALID
from apps.accounts.passwords import PASSWORD_TOO_COMMON
from apps.accounts.services import user_create

pytestmark = pytest.mark.django_db

OLD = "first passphrase for tests"
NEW = "kettle orbit meadow lantern"
LINK = re.compile(r"http://testserver(/accounts/password/reset/[^\s]+/)")


@pytest.fixture
def user() -> User:
    return user_create(username="jane.smith", password=OLD, email="Jane.Smith@example.org")


def test_sign_in_page_offers_forgotten_password(client: Client) -> None:
    page = client.get(reverse("accounts:sign-in")).content.decode()
    assert "Forgotten your password?" in page
    assert reverse("accounts:password-reset") in page


def test_reset_by_email_end_to_end(client: Client, user: User) -> None:
    response = client.post(reverse("accounts:password-reset"), {"email": "jane.smith@EXAMPLE.org"})
    assert response["Location"] == reverse("accounts:password-reset-sent")
    (message,) = mail.outbox
    assert message.to == ["Jane.Smith@example.org"]
    assert message.subject == "Reset your SaferPlan password"
    assert message.alternatives  # type: ignore[attr-defined]
    found = LINK.search(str(message.body))
    assert found is not None
    path = found[1]
    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    weak = client.post(
        set_url, {"new_password1": "password123456", "new_password2": "password123456"}
    )
    assert PASSWORD_TOO_COMMON in weak.content.decode()
    done = client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("accounts:password-reset-complete")
    user.refresh_from_db()
    assert user.check_password(NEW)
    used = client.get(path, follow=True).content.decode()
    assert "The link has expired or has been used" in used


def test_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client: Client) -> None:
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("accounts:password-reset-sent")
    assert mail.outbox == []
    bad = client.post(reverse("accounts:password-reset"), {"email": "not an address"})
    assert bad.context["form"].errors == {"email": [EMAIL_INVALID]}


def test_change_keeps_this_session_and_ends_the_others(user: User) -> None:
    here, elsewhere = Client(), Client()
    assert here.login(username="jane.smith", password=OLD)
    assert elsewhere.login(username="jane.smith", password=OLD)
    home = reverse("plans:home")
    assert elsewhere.get(home).status_code == 200
    url = reverse("accounts:password-change")
    wrong = here.post(url, {"old_password": "guess", "new_password1": NEW, "new_password2": NEW})
    assert wrong.context["form"].errors == {"old_password": [CURRENT_PASSWORD_WRONG]}
    response = here.post(url, {"old_password": OLD, "new_password1": NEW, "new_password2": NEW})
    assert response["Location"] == reverse("accounts:password-change-done")
    assert here.get(home).status_code == 200
    ended = elsewhere.get(home)
    assert ended.status_code == 302 and ended["Location"].startswith(reverse("accounts:sign-in"))
    user.refresh_from_db()
    assert user.check_password(NEW)


def test_password_pages_explain_the_policy(client: Client, user: User) -> None:
    client.force_login(user)
    page = client.get(reverse("accounts:password-change")).content.decode()
    assert "Use 12 characters or more" in page
    assert "three random words" in page


def test_an_invited_user_signs_in_with_their_email_in_any_case(client: Client) -> None:
    user_create(username="jane.smith@example.org", password=OLD, email="jane.smith@example.org")
    response = client.post(
        reverse("accounts:sign-in"), {"username": " Jane.Smith@Example.org", "password": OLD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:home")
