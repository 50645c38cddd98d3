"""Writes for accounts: the users who sign in to SaferPlan."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.core.history import history_user_set

USERNAME_MISSING = "Enter a username"
USERNAME_TAKEN = "The username {username} is already taken: choose another"


def user_create(*, username: str, password: str) -> User:
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
    user = User(username=username)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


def user_email_set(*, user: User, email: str, by: User | None) -> User:
    """The address SaferPlan writes to the user at (invitations, password resets).

    `by` is who changed it (None for the command line, such as the demo).
    """
    user.email = User.objects.normalize_email(email.strip())
    user.full_clean()
    history_user_set(user, by)
    user.save(update_fields=["email"])
    return user
