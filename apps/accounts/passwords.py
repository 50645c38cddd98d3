"""The password policy, following NCSC guidance: at least 12 characters (long passphrases
welcome, three random words work well), no composition rules, no forced expiry, and common or
breached passwords refused. Django's validators with messages in GOV.UK wording."""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from pwned_passwords_django.api import PwnedPasswords
from pwned_passwords_django.exceptions import PwnedPasswordsError
from pwned_passwords_django.validators import PwnedPasswordsValidator

logger = logging.getLogger(__name__)

PASSWORD_MIN_LENGTH = 12
PASSWORD_TOO_SHORT = f"Your password must be {PASSWORD_MIN_LENGTH} characters or more"
PASSWORD_TOO_COMMON = (
    "Your password is on a list of commonly used passwords. Choose a different password,"
    " for example three random words"
)
PASSWORD_BREACHED = (
    "Your password has appeared in a data breach on another website, so criminals may try it."
    " Choose a different password"
)
PASSWORD_TOO_SIMILAR = (
    "Your password is too like your username or email address. Choose a different password"
)
PASSWORD_ALL_NUMBERS = "Your password must not be only numbers"
PASSWORD_HELP = (
    f"Use {PASSWORD_MIN_LENGTH} characters or more. A long password is strong and easy to"
    " remember: try three random words, for example ‘kettle orbit meadow’. Letters, numbers"
    " and symbols are all optional. Do not use a password you use anywhere else. We refuse"
    " common passwords and passwords that have appeared in data breaches."
)


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def __init__(self, min_length: int = PASSWORD_MIN_LENGTH) -> None:
        super().__init__(min_length=min_length)

    def get_error_message(self) -> str:
        return PASSWORD_TOO_SHORT

    def get_help_text(self) -> str:
        return f"Use {self.min_length} characters or more."


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return PASSWORD_TOO_COMMON


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return PASSWORD_TOO_SIMILAR


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return PASSWORD_ALL_NUMBERS


class BreachedPasswordValidator(PwnedPasswordsValidator):
    """Refuse a password found in the Pwned Passwords breach corpus.

    The range API sees only the first five characters of the password's SHA-1 hash. If it
    cannot be reached in time the check FAILS OPEN (logged): a slow or absent API never stops
    anyone setting a password, and CommonPasswordValidator, also in AUTH_PASSWORD_VALIDATORS,
    still refuses the commonest. `enabled=False` (tests, a server with no internet access)
    asks no API.
    """

    def __init__(self, enabled: bool = True, api_client: PwnedPasswords | None = None) -> None:
        super().__init__(
            error_message=PASSWORD_BREACHED,
            help_message="We refuse passwords that have appeared in data breaches.",
            **({"api_client": api_client} if api_client is not None else {}),
        )
        self.enabled = enabled

    def validate(self, password: str, user: Any = None) -> None:
        if not self.enabled:
            return
        try:
            amount = self.api_client.check_password(password)
        except PwnedPasswordsError:
            logger.warning("Pwned Passwords could not be reached: breach check skipped")
            return
        if amount:
            raise ValidationError(PASSWORD_BREACHED, code="password_compromised")
