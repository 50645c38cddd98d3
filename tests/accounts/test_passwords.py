"""The password policy (NCSC): 12 characters or more, no composition rules, common and
breached passwords refused. The breach check's HTTP client is replaced at httpx's transport:
no network, and a check that cannot reach the API falls open to the common-password list."""

from __future__ import annotations

import hashlib

import httpx
import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import (
    get_default_password_validators,
    validate_password,
)
from django.core.exceptions import ValidationError
from pwned_passwords_django.api import PwnedPasswords

from apps.accounts.passwords import (
    PASSWORD_BREACHED,
    PASSWORD_TOO_COMMON,
    PASSWORD_TOO_SHORT,
    PASSWORD_TOO_SIMILAR,
    BreachedPasswordValidator,
)

PASSPHRASE = "kettle orbit meadow lantern"


def _refusals(password: str, user: User | None = None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return error.messages
    return []


def test_a_long_passphrase_without_digits_or_symbols_is_accepted() -> None:
    assert _refusals(PASSPHRASE) == []
    assert _refusals("correcthorsebatterystaple-ish words") == []


def test_common_password_is_refused_even_when_long_enough() -> None:
    assert _refusals("password123456") == [PASSWORD_TOO_COMMON]


def test_short_password_is_refused_in_govuk_words() -> None:
    assert PASSWORD_TOO_SHORT in _refusals("Xq9!vB2#kL")  # 10 characters, however complex
    assert _refusals("Xq9!vB2#kLmZ") == []  # 12


def test_password_like_the_users_email_is_refused() -> None:
    email = "jane.smith@notts.police.example.uk"
    user = User(username=email, email=email)
    assert PASSWORD_TOO_SIMILAR in _refusals("jane.smith@notts.police", user)


def _client(handler: object) -> PwnedPasswords:
    return PwnedPasswords(client=httpx.Client(transport=httpx.MockTransport(handler)))  # type: ignore[arg-type]


def _range_answer_for(password: str, count: int) -> object:
    digest = hashlib.sha1(password.encode()).hexdigest().upper()

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == f"/range/{digest[:5]}"  # only the prefix leaves the server
        lines = [f"{digest[5:]}:{count}", "0018A45C4D1DEF81644B54AB7F969B88D65:1"]
        return httpx.Response(200, text="\n".join(lines))

    return handler


def test_breached_password_is_refused() -> None:
    validator = BreachedPasswordValidator(api_client=_client(_range_answer_for(PASSPHRASE, 42)))
    with pytest.raises(ValidationError) as raised:
        validator.validate(PASSPHRASE)
    assert raised.value.messages == [PASSWORD_BREACHED]


def test_password_not_in_the_breach_list_is_accepted() -> None:
    validator = BreachedPasswordValidator(api_client=_client(_range_answer_for("other", 3)))
    validator.validate(PASSPHRASE)


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("no route to host"), httpx.ConnectTimeout("timed out")],
    ids=["unreachable", "timeout"],
)
def test_breach_check_fails_open(failure: Exception) -> None:
    asked = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        raise failure

    validator = BreachedPasswordValidator(api_client=_client(handler))
    validator.validate(PASSPHRASE)  # accepted: the API being down stops nobody
    assert len(asked) == 1


def test_with_the_api_down_the_common_list_still_refuses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The policy as configured, breach check on, API unreachable: common passwords are still
    refused (once, by CommonPasswordValidator) and a passphrase is accepted."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route to host")

    validators = [
        BreachedPasswordValidator(api_client=_client(handler)),
        *[
            v
            for v in get_default_password_validators()
            if not isinstance(v, BreachedPasswordValidator)
        ],
    ]
    with pytest.raises(ValidationError) as raised:
        validate_password("password123456", password_validators=validators)
    assert raised.value.messages == [PASSWORD_TOO_COMMON]
    validate_password(PASSPHRASE, password_validators=validators)


def test_breach_check_answering_an_error_fails_open() -> None:
    validator = BreachedPasswordValidator(api_client=_client(lambda request: httpx.Response(503)))
    validator.validate(PASSPHRASE)


def test_disabled_breach_check_asks_no_api() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("the API was asked")

    validator = BreachedPasswordValidator(enabled=False, api_client=_client(handler))
    validator.validate(PASSPHRASE)


def test_the_policy_configured_for_servers_includes_the_breach_check() -> None:
    from config.settings import base

    names = [validator["NAME"].rsplit(".", 1)[-1] for validator in base.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "MinimumLengthValidator",
        "UserAttributeSimilarityValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
        "BreachedPasswordValidator",
    ]
    # On unless PASSWORD_BREACH_CHECK says otherwise, with a short timeout.
    assert set(base.AUTH_PASSWORD_VALIDATORS[-1]["OPTIONS"]) == {"enabled"}
    assert "API_TIMEOUT" in base.PWNED_PASSWORDS
