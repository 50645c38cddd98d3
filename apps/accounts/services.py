"""Writes for accounts: the users who sign in to SaferPlan."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

USERNAME_MISSING = "Enter a username"
USERNAME_TAKEN = "The username {username} is already taken: choose another"
EMAIL_MISSING = "Enter an email address"
EMAIL_TAKEN = "Somebody already signs in with {email}: sign in as them instead"
PASSWORD_MISSING = "Enter a password"


def user_create(*, username: str, password: str, email: str = "") -> User:
    """A user who signs in with this username and password.

    The username is checked as Django checks it (letters, digits and @/./+/-/_ only, at most
    150 characters). The password is stored hashed as given, without the password rules: the
    demo's shared password (DEMO_PASSWORD, "demo" by default) would fail them.
    """
    username = User.normalize_username(username.strip())
    if not username:
        raise ValidationError({"username": USERNAME_MISSING})
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": USERNAME_TAKEN.format(username=username)})
    user = User(username=username, email=email.strip())
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def user_register(*, email: str, password: str) -> User:
    """A user who accepted an invitation: they sign in with their email address as username
    and a password they chose, which must meet the password policy (AUTH_PASSWORD_VALIDATORS).
    """
    email = User.objects.normalize_email(email.strip()).lower()
    if not email:
        raise ValidationError({"email": EMAIL_MISSING})
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": EMAIL_TAKEN.format(email=email)})
    if not password:
        raise ValidationError({"password": PASSWORD_MISSING})
    try:
        validate_password(password, User(username=email, email=email))
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    return user_create(username=email, password=password, email=email)
