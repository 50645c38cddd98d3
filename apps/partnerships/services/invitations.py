"""Invitations: an administrator invites somebody by email to join the partnership in a role;
the emailed one-time link lasts 7 days, can be sent again (the old link dies) or revoked, and
accepting it makes the user (if new), their membership and their person (ADR 10)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from apps.accounts.services import user_register
from apps.core.email import email_send
from apps.core.history import history_user_set
from apps.core.text import text_key
from apps.partnerships.domain.invitations import (
    ACCEPTED,
    EXPIRED,
    INVITATION_VALID_FOR,
    PENDING,
    REVOKED,
    token_hash,
    token_new,
)
from apps.partnerships.domain.people import PrintedPerson, initials_unique
from apps.partnerships.models import Invitation, Membership, Organisation, Partnership, Person
from apps.partnerships.services.members import (
    MEMBERSHIP_ROLE_INVALID,
    membership_add,
    person_create,
    person_link_user,
)
from apps.partnerships.services.people import person_update

logger = logging.getLogger(__name__)

INVITATION_EMAIL_MISSING = "Enter the email address of the person you are inviting"
INVITATION_EMAIL_INVALID = "Enter an email address in the correct format, like name@example.org"
INVITATION_ALREADY_MEMBER = "{email} is already a member of {partnership}"
INVITATION_ALREADY_PENDING = (
    "{email} has already been invited and has not accepted yet: send that invitation again"
    " from the list of invitations instead"
)
INVITATION_PERSON_ELSEWHERE = "Choose a person of this partnership"
INVITATION_PERSON_TAKEN = (
    "{person} already signs in to SaferPlan: choose somebody else, or nobody to add a new person"
)
INVITATION_NAME_MISSING = (
    "Enter the full name of the person you are inviting, or choose them from the people list"
)
INVITATION_AGENCY_MISSING = (
    "Choose the agency they work for: an agency coordinator updates the actions their agency leads"
)
INVITATION_AGENCY_ELSEWHERE = "Choose an agency of this partnership"
INVITATION_NOT_SENT = "The invitation email could not be sent. Try again later"
INVITATION_CLOSED = "This invitation has already been accepted or cancelled"
# What the public page says about a link that cannot be used.
INVITATION_NOT_FOUND = (
    "This invitation link is not valid. Check you copied the whole link from the email, or ask"
    " your partnership administrator to send the invitation again"
)
INVITATION_EXPIRED = (
    "This invitation link has expired. Links last 7 days: ask your partnership administrator"
    " to send the invitation again"
)
INVITATION_USED = (
    "This invitation link has already been used. Sign in with your email address and password"
)
INVITATION_REVOKED = (
    "This invitation has been cancelled. Ask your partnership administrator if you still need"
    " to join"
)
INVITATION_OTHER_USER = (
    "This invitation is for {email}, but you are signed in as somebody else. Sign out, then"
    " open the link again"
)
INVITATION_SIGN_IN_FIRST = (
    "You already have a SaferPlan account with {email}. Sign in, then open the link again"
)
REFUSALS = {
    EXPIRED: INVITATION_EXPIRED,
    ACCEPTED: INVITATION_USED,
    REVOKED: INVITATION_REVOKED,
}


@dataclass(frozen=True)
class InvitationSent:
    """An invitation just emailed, and its link (shown once, by the invite command)."""

    invitation: Invitation
    link: str


def invitation_link(*, token: str, site_url: str | None = None) -> str:
    base = (site_url or settings.SITE_URL).rstrip("/")
    return base + reverse("invitations:accept", kwargs={"token": token})


def _email_clean(email: str) -> str:
    email = email.strip()
    if not email:
        raise ValidationError({"email": INVITATION_EMAIL_MISSING})
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": INVITATION_EMAIL_INVALID}) from None
    return User.objects.normalize_email(email).lower()


def _send(invitation: Invitation, *, token: str, site_url: str | None) -> InvitationSent:
    link = invitation_link(token=token, site_url=site_url)
    inviter = invitation.invited_by
    context = {
        "invitation": invitation,
        "link": link,
        "partnership": invitation.partnership,
        "role": invitation.get_role_display(),
        "agency": invitation.organisation
        or (invitation.person.organisation if invitation.person else None),
        "inviter": (inviter.get_full_name() or inviter.get_username()) if inviter else "",
        "expires_at": invitation.expires_at,
    }
    try:
        email_send(to=invitation.email, template="invitation", context=context)
    except Exception as error:  # SMTP or Notify refused or could not be reached
        logger.exception("Invitation email to %s not sent", invitation.email)
        raise ValidationError(INVITATION_NOT_SENT) from error
    return InvitationSent(invitation=invitation, link=link)


@transaction.atomic
def invitation_create(
    *,
    partnership: Partnership,
    email: str,
    role: str,
    is_administrator: bool = False,
    person: Person | None = None,
    name: str = "",
    organisation: Organisation | None = None,
    by: User | None,
    site_url: str | None = None,
    now: datetime | None = None,
) -> InvitationSent:
    """Invite `email` to join the partnership in `role`, emailing a link valid for 7 days.

    `person` is who they will be among the partnership's people (leading that person's
    actions); without one, a new person named `name` is made when they accept. `organisation`
    is the agency they work for, recorded on their person when they accept; an agency
    coordinator must have one (given here or already on the person). `by` is the
    administrator (None for the command line); `site_url` starts the link (the address the
    administrator used; SITE_URL otherwise).
    """
    now = now or timezone.now()
    email = _email_clean(email)
    if role not in Membership.Role.values:
        raise ValidationError({"role": MEMBERSHIP_ROLE_INVALID})
    if partnership.memberships.filter(user__email__iexact=email).exists():
        message = INVITATION_ALREADY_MEMBER.format(email=email, partnership=partnership.name)
        raise ValidationError({"email": message})
    open_invitations = partnership.invitations.filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    )
    if open_invitations.exists():
        raise ValidationError({"email": INVITATION_ALREADY_PENDING.format(email=email)})
    if person is not None:
        if person.partnership_id != partnership.pk:
            raise ValidationError({"person": INVITATION_PERSON_ELSEWHERE})
        if person.user_id is not None:
            raise ValidationError({"person": INVITATION_PERSON_TAKEN.format(person=person)})
    elif not name.strip():
        raise ValidationError({"name": INVITATION_NAME_MISSING})
    if organisation is not None and organisation.partnership_id != partnership.pk:
        raise ValidationError({"organisation": INVITATION_AGENCY_ELSEWHERE})
    agency = organisation or (person.organisation if person else None)
    if role == Membership.Role.COORDINATOR and agency is None:
        raise ValidationError({"organisation": INVITATION_AGENCY_MISSING})
    token = token_new()
    invitation = Invitation(
        partnership=partnership,
        email=email,
        name=name.strip() or (person.name if person else ""),
        role=role,
        is_administrator=is_administrator,
        person=person,
        organisation=organisation,
        token_hash=token_hash(token),
        invited_by=by,
        created_at=now,
        sent_at=now,
        expires_at=now + INVITATION_VALID_FOR,
    )
    invitation.full_clean()
    history_user_set(invitation, by)
    invitation.save()
    return _send(invitation, token=token, site_url=site_url)


@transaction.atomic
def invitation_resend(
    *,
    invitation: Invitation,
    by: User | None,
    site_url: str | None = None,
    now: datetime | None = None,
) -> InvitationSent:
    """Email the invitation again with a new link valid for 7 days; the old link stops working."""
    now = now or timezone.now()
    if invitation.state_at(now) not in (PENDING, EXPIRED):
        raise ValidationError(INVITATION_CLOSED)
    token = token_new()
    invitation.token_hash = token_hash(token)
    invitation.sent_at = now
    invitation.expires_at = now + INVITATION_VALID_FOR
    invitation.full_clean()
    history_user_set(invitation, by)
    invitation.save()
    return _send(invitation, token=token, site_url=site_url)


@transaction.atomic
def invitation_revoke(
    *, invitation: Invitation, by: User | None, now: datetime | None = None
) -> Invitation:
    """Cancel the invitation: its link stops working. An accepted one cannot be revoked (end
    the membership instead)."""
    now = now or timezone.now()
    if invitation.state_at(now) not in (PENDING, EXPIRED):
        raise ValidationError(INVITATION_CLOSED)
    invitation.revoked_at = now
    history_user_set(invitation, by)
    invitation.save()
    return invitation


def invitation_check(*, token: str, now: datetime | None = None) -> Invitation:
    """The pending invitation this link's token opens; ValidationError (in words for the
    person who clicked it) if there is none, or it has expired, been used or been revoked."""
    now = now or timezone.now()
    invitation = (
        Invitation.objects.select_related("partnership", "person")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None:
        raise ValidationError(INVITATION_NOT_FOUND, code="not_found")
    state = invitation.state_at(now)
    if state != PENDING:
        raise ValidationError(REFUSALS[state], code=state)
    return invitation


def _person_new(invitation: Invitation, user: User) -> Person:
    """The invitee as a new person of the partnership, initials from their name."""
    name = invitation.name or invitation.email.split("@")[0]
    taken = {text_key(i) for i in invitation.partnership.people.values_list("initials", flat=True)}
    initials = initials_unique(PrintedPerson(name=name).initials or "X", taken)
    return person_create(
        partnership=invitation.partnership,
        initials=initials,
        name=name,
        email=invitation.email,
        organisation=invitation.organisation,
        user=invitation.invited_by,
    )


@transaction.atomic
def invitation_accept(
    *,
    token: str,
    user: User | AnonymousUser | None = None,
    password: str = "",
    now: datetime | None = None,
) -> Membership:
    """Join the partnership through an invitation link.

    A signed-in `user` whose email the invitation names just joins. Anybody else sets a
    `password` (checked against the password policy) and becomes a new user signing in with
    their email address; an email that already has an account must sign in first. The
    membership, the person (the one the invitation names, or a new one) and the acceptance
    are saved together.
    """
    now = now or timezone.now()
    invitation = invitation_check(token=token, now=now)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state_at(now) != PENDING:  # accepted in another request meanwhile
        raise ValidationError(REFUSALS[invitation.state_at(now)], code="closed")
    if isinstance(user, User) and user.is_authenticated:
        if user.email.lower() != invitation.email.lower():
            message = INVITATION_OTHER_USER.format(email=invitation.email)
            raise ValidationError(message, code="other_user")
    elif User.objects.filter(email__iexact=invitation.email).exists():
        message = INVITATION_SIGN_IN_FIRST.format(email=invitation.email)
        raise ValidationError(message, code="sign_in")
    else:
        user = user_register(email=invitation.email, password=password)
    partnership = invitation.partnership
    membership = partnership.memberships.filter(user=user).first()
    if membership is None:
        membership = membership_add(
            partnership=partnership,
            user=user,
            role=invitation.role,
            is_administrator=invitation.is_administrator,
            by=invitation.invited_by,
        )
    if not partnership.people.filter(user=user).exists():
        person = invitation.person
        if person is None:
            person = _person_new(invitation, user)
        elif person.user_id is not None:
            raise ValidationError(INVITATION_PERSON_TAKEN.format(person=person))
        elif invitation.organisation_id not in (None, person.organisation_id):
            person_update(
                person=person,
                name=person.name,
                initials=person.initials,
                job_title=person.job_title,
                organisation=invitation.organisation,
                email=person.email,
                user=invitation.invited_by,
            )
        person_link_user(person=person, user=user, by=invitation.invited_by)
    invitation.accepted_at = now
    invitation.accepted_user = user
    history_user_set(invitation, user)
    invitation.save()
    return membership
