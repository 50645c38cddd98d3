"""Two-factor sign-in: setting it up with a code computed from the device's key, the code
asked after the password, recovery codes that work once, turning it off, and partnerships
that require it of their managers and administrators."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.models import SecurityEvent
from apps.accounts.two_factor.services import (
    CODE_INCORRECT,
    CODE_OR_RECOVERY_INCORRECT,
    RECOVERY_CODE_COUNT,
    TOO_MANY_TRIES,
)
from apps.partnerships.models import Membership, Partnership
from apps.partnerships.services import partnership_two_factor_set
from apps.plans.models import Status
from tests import builders
from tests.builders.accounts import code_from_secret, totp_code, two_factor_on
from tests.builders.partnerships import person_of

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-1"
HOME = "/"
SIGN_IN = reverse("accounts:sign-in")
VERIFY = reverse("accounts:two-factor-verify")
SETUP = reverse("accounts:two-factor-setup")
CODES = reverse("accounts:two-factor-recovery-codes")
TURN_OFF = reverse("accounts:two-factor-disable")


@pytest.fixture(autouse=True)
def no_throttle(settings: Any) -> None:
    """A wrong code delays the next try (1 s, doubling); these tests type codes one after
    another, so only the throttling test keeps the delay."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.fixture
def amy(partnership: Partnership) -> User:
    return builders.member(partnership=partnership, role=Membership.Role.LEAD, username="amy")


def _sign_in_with_password(client: Client, username: str) -> Any:
    response = client.post(SIGN_IN, {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def _errors(response: Any) -> str:
    return response.content.decode()


def test_setting_up_shows_a_qr_code_and_the_secret_then_a_code_turns_it_on(
    client: Client, amy: User
) -> None:
    client.force_login(amy)
    page = client.get(SETUP)
    content = page.content.decode()
    device = TOTPDevice.objects.get(user=amy, confirmed=False)
    assert "<svg" in content and "<image" not in content.split("<svg", 1)[1].split("</svg>")[0]
    secret = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', content)
    assert secret is not None
    # The printed secret is the device's key: an app typing it in shows the device's codes.
    assert code_from_secret(secret[1]) == totp_code(device.bin_key)
    assert client.get(SETUP).content.decode().count(secret[1]) == 1  # same secret on reload

    wrong = client.post(SETUP, {"code": "000000" if totp_code(device.bin_key) != "000000" else "1"})
    assert CODE_INCORRECT in _errors(wrong)
    assert not TOTPDevice.objects.filter(user=amy, confirmed=True).exists()

    response = client.post(SETUP, {"code": totp_code(device.bin_key)})
    assert response.status_code == 302 and response["Location"] == CODES
    assert TOTPDevice.objects.filter(user=amy, confirmed=True).count() == 1
    assert client.session[DEVICE_ID_SESSION_KEY]  # this session gave its code already

    shown = re.findall(r"<li><code>([a-z2-7]+)</code></li>", client.get(CODES).content.decode())
    assert len(shown) == RECOVERY_CODE_COUNT
    assert set(shown) == set(
        StaticToken.objects.filter(device__user=amy).values_list("token", flat=True)
    )
    again = client.get(CODES).content.decode()
    assert not any(code in again for code in shown)  # shown once only
    assert f"You have {RECOVERY_CODE_COUNT} unused recovery codes" in again
    assert client.get(HOME).status_code == 200


def test_sign_in_asks_for_the_code_after_the_password(client: Client, amy: User) -> None:
    two_factor = two_factor_on(amy)
    _sign_in_with_password(client, "amy")
    page = reverse("plans:my-actions")
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?{urlencode({'next': page})}"
    wrong_code = "123456" if two_factor.code() != "123456" else "654321"
    refused = client.post(VERIFY, {"code": wrong_code, "next": "/"})
    assert refused.status_code == 200 and CODE_OR_RECOVERY_INCORRECT in _errors(refused)
    assert client.get(HOME).status_code == 302  # still not signed in fully

    accepted = client.post(VERIFY, {"code": two_factor.code(), "next": "/"})
    assert accepted.status_code == 302 and accepted["Location"] == "/"
    assert client.get(HOME).status_code == 200


def test_a_signed_in_page_posted_to_before_the_code_changes_nothing(
    client: Client, amy: User, small_plan: builders.SmallPlan
) -> None:
    two_factor = two_factor_on(amy)
    action = small_plan.actions[0]
    action.lead_people.add(person_of(amy))
    before = action.updates.count()
    _sign_in_with_password(client, "amy")
    update = {"text": "Patrols doubled", "status": Status.ONGOING}
    response = client.post(reverse("plans:add-update", args=[action.pk]), update)
    assert response.status_code == 302 and response["Location"] == VERIFY
    assert action.updates.count() == before
    client.post(VERIFY, {"code": two_factor.code()})
    client.post(reverse("plans:add-update", args=[action.pk]), update)
    assert action.updates.count() == before + 1  # the same form, once the code is given


def test_a_recovery_code_works_once(client: Client, amy: User) -> None:
    two_factor = two_factor_on(amy)
    first, second = two_factor.recovery_codes[:2]
    _sign_in_with_password(client, "amy")
    # As people copy them: upper case, with a space in the middle.
    typed = f" {first[:4].upper()} {first[4:].upper()} "
    assert client.post(VERIFY, {"code": typed}).status_code == 302
    assert client.get(HOME).status_code == 200

    client.post(reverse("accounts:sign-out"))
    _sign_in_with_password(client, "amy")
    used_again = client.post(VERIFY, {"code": first})
    assert CODE_OR_RECOVERY_INCORRECT in _errors(used_again)
    assert client.post(VERIFY, {"code": second}).status_code == 302
    assert StaticToken.objects.filter(device__user=amy).count() == RECOVERY_CODE_COUNT - 2


def test_wrong_codes_are_throttled(client: Client, amy: User, settings: Any) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute after the first wrong code
    two_factor = two_factor_on(amy)
    _sign_in_with_password(client, "amy")
    wrong_code = "123456" if two_factor.code() != "123456" else "654321"
    client.post(VERIFY, {"code": wrong_code})
    refused = client.post(VERIFY, {"code": two_factor.code()})
    # The wait left is a minute less the moments since the wrong code.
    pattern = re.escape(
        TOO_MANY_TRIES.format(count=1, times="time", seconds="SECONDS", second_word="seconds")
    ).replace("SECONDS", r"(\d+)")
    wait = re.search(pattern, _errors(refused))
    assert wait is not None and 0 < int(wait[1]) <= 60
    assert client.get(HOME).status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client: Client, amy: User) -> None:
    two_factor = two_factor_on(amy)
    client.force_login(amy)
    client.post(VERIFY, {"code": two_factor.code()})
    assert client.post(CODES).status_code == 302
    shown = re.findall(r"<li><code>([a-z2-7]+)</code></li>", client.get(CODES).content.decode())
    assert len(shown) == RECOVERY_CODE_COUNT
    kept = set(StaticToken.objects.filter(device__user=amy).values_list("token", flat=True))
    assert kept == set(shown) and not kept & set(two_factor.recovery_codes)


def test_turning_it_off_needs_a_current_code(client: Client, amy: User) -> None:
    two_factor = two_factor_on(amy)
    client.force_login(amy)
    client.post(VERIFY, {"code": two_factor.code()})
    refused = client.post(TURN_OFF, {"code": "not-a-code"})
    assert CODE_OR_RECOVERY_INCORRECT in _errors(refused)
    assert TOTPDevice.objects.filter(user=amy).exists()

    assert client.post(TURN_OFF, {"code": two_factor.recovery_codes[0]}).status_code == 302
    assert not TOTPDevice.objects.filter(user=amy).exists()
    assert not StaticToken.objects.filter(device__user=amy).exists()
    client.post(reverse("accounts:sign-out"))
    _sign_in_with_password(client, "amy")
    assert client.get(HOME).status_code == 200  # the password alone again


@pytest.fixture
def requiring(partnership: Partnership) -> Partnership:
    return partnership_two_factor_set(partnership=partnership, required=True, user=None)


def test_a_manager_of_a_partnership_that_requires_it_must_set_it_up_first(
    client: Client, requiring: Partnership, small_plan: builders.SmallPlan
) -> None:
    manager = builders.member(partnership=requiring, role=Membership.Role.MANAGER)
    client.force_login(manager)
    for path in (HOME, reverse("plans:plan", args=[small_plan.plan.pk])):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{SETUP}?required=yes&next=")
    page = client.get(SETUP + "?required=yes")
    assert "Your partnership asks its managers and administrators" in page.content.decode()

    device = TOTPDevice.objects.get(user=manager, confirmed=False)
    client.post(SETUP, {"code": totp_code(device.bin_key)})
    assert client.get(HOME).status_code == 200


def test_an_administrator_must_too_but_not_a_viewer_or_another_partnerships_manager(
    client: Client, requiring: Partnership
) -> None:
    administrator = builders.member(partnership=requiring, role=Membership.Role.VIEWER)
    Membership.objects.filter(user=administrator).update(is_administrator=True)
    viewer = builders.member(partnership=requiring, role=Membership.Role.VIEWER)
    elsewhere = builders.member(partnership=builders.partnership(), role=Membership.Role.MANAGER)
    client.force_login(administrator)
    assert client.get(HOME)["Location"].startswith(SETUP)
    for user in (viewer, elsewhere):
        client.force_login(user)
        assert client.get(HOME).status_code == 200


def test_the_administrator_sets_the_requirement_and_nobody_else_may(
    client: Client, partnership: Partnership
) -> None:
    page = reverse("partnerships:two-factor", args=[partnership.pk])
    manager = builders.member(partnership=partnership, role=Membership.Role.MANAGER)
    client.force_login(manager)
    assert client.get(page).status_code == 403
    assert client.post(page, {"required": "on"}).status_code == 403
    partnership.refresh_from_db()
    assert not partnership.require_two_factor_for_managers

    Membership.objects.filter(user=manager).update(is_administrator=True)
    assert client.get(page).status_code == 200
    assert client.post(page, {"required": "on"}).status_code == 302
    partnership.refresh_from_db()
    assert partnership.require_two_factor_for_managers
    # Now the administrator, a manager too, is asked to set it up before anything else.
    assert client.get(page)["Location"].startswith(SETUP)


def _events(user: User) -> list[str]:
    return list(
        SecurityEvent.objects.filter(user=user)
        .exclude(kind__in=[SecurityEvent.Kind.SIGNED_IN, SecurityEvent.Kind.SIGNED_OUT])
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def test_every_change_to_two_factor_sign_in_is_in_the_security_log(
    client: Client, amy: User, partnership: Partnership
) -> None:
    """Turned on, a wrong code, a recovery code used, new codes made, turned off: each is an
    event the partnership's administrator reads in the security log, in words."""
    client.force_login(amy)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=amy, confirmed=False)
    client.post(SETUP, {"code": totp_code(device.bin_key)})
    recovery = re.findall(r"<li><code>([a-z2-7]+)</code></li>", client.get(CODES).content.decode())
    client.post(reverse("accounts:sign-out"))

    _sign_in_with_password(client, "amy")
    device.refresh_from_db()
    wrong_code = "123456" if totp_code(device.bin_key) != "123456" else "654321"
    client.post(VERIFY, {"code": wrong_code})
    assert client.post(VERIFY, {"code": recovery[0]}).status_code == 302
    assert client.post(CODES).status_code == 302
    new_codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", client.get(CODES).content.decode())
    client.post(TURN_OFF, {"code": "not-a-code"})
    assert client.post(TURN_OFF, {"code": new_codes[0]}).status_code == 302

    Kind = SecurityEvent.Kind
    assert _events(amy) == [
        Kind.TWO_FACTOR_ON,
        Kind.TWO_FACTOR_FAILED,
        Kind.RECOVERY_CODE_USED,
        Kind.RECOVERY_CODES_NEW,
        Kind.TWO_FACTOR_FAILED,
        Kind.TWO_FACTOR_OFF,
    ]
    administrator = builders.administrator(partnership=partnership)
    client.force_login(administrator)
    log = client.get(reverse("partnerships:security-log", args=[partnership.pk])).content.decode()
    for words in [
        "Turned on two-factor sign-in",
        "Wrong two-factor code",
        "Signed in with a recovery code",
        "Made new recovery codes",
        "Turned off two-factor sign-in",
    ]:
        assert words in log
