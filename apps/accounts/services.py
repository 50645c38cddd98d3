"""Writes for accounts: the users who sign in to SaferPlan, their security log and sessions."""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from apps.accounts.models import USER_AGENT_MAX_LENGTH, SecurityEvent
from apps.core.history import history_user_set

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


# --- Security log and sessions (issue 11 §3) -------------------------------------------------


def security_event_record(
    *,
    kind: str,
    request: HttpRequest | None,
    username: str = "",
    user: User | None = None,
) -> SecurityEvent:
    """Note a sign-in, sign-out, failed sign-in or lock-out, with where it came from.

    A failed attempt names a user only by the username typed; when that is a real user's, the
    event is linked to them too, so their partnership's administrator sees it.
    """
    username = (username or (user.get_username() if user else ""))[:150]
    if user is None and username:
        user = User.objects.filter(username=username).first()
    ip_address, user_agent = None, ""
    if request is not None:
        ip_address = get_client_ip_address(request) or None
        user_agent = request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX_LENGTH]
    event = SecurityEvent(
        kind=kind, username=username, user=user, ip_address=ip_address, user_agent=user_agent
    )
    event.full_clean()
    event.save()
    return event


def sessions_end_for_user(user: User, *, keep: str | None = None) -> int:
    """Sign the user out everywhere (after a password change, say) but in the session `keep`.

    Reads every unexpired database session, since a session stores its user only inside its
    encoded data. Returns how many sessions were ended.
    """
    user_id = str(user.pk)
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.pk != keep and str(session.get_decoded().get(SESSION_KEY)) == user_id
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


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


def user_register_single_sign_on(*, email: str) -> User:
    """A user who accepted an invitation by signing in with their organisation's account:
    their username is their email address and they have no SaferPlan password (they can set
    one later with "Forgotten your password?")."""
    email = User.objects.normalize_email(email.strip()).lower()
    if not email:
        raise ValidationError({"email": EMAIL_MISSING})
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": EMAIL_TAKEN.format(email=email)})
    user = User(username=email, email=email)
    user.set_unusable_password()
    user.full_clean()
    history_user_set(user, None)
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
