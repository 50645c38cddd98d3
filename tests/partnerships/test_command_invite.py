"""manage.py invite: an invitation from the command line, with the link printed."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from apps.partnerships.models import Invitation, Partnership
from apps.partnerships.services import invitation_accept
from tests import builders
from tests.builders import roles
from tests.builders.partnerships import person_of

pytestmark = pytest.mark.django_db


def test_invite_emails_and_prints_a_link_that_works(partnership: Partnership) -> None:
    js = builders.person(partnership=partnership, initials="JS", name="Jane Smith")
    police = roles.organisation(
        partnership=partnership, short_name="Police", name="Nottinghamshire Police"
    )
    out = StringIO()
    call_command(
        "invite",
        "jane.smith@notts.police.example.uk",
        "--partnership",
        partnership.name.upper(),
        "--role",
        "Agency coordinator",
        "--person",
        "jane smith",
        "--agency",
        "police",
        "--administrator",
        stdout=out,
    )
    link = out.getvalue().strip().splitlines()[-1]
    assert link.startswith("http://testserver/accounts/invitation/")
    (message,) = mail.outbox
    assert link in message.body
    invitation = Invitation.objects.get()
    assert (invitation.role, invitation.is_administrator, invitation.person) == (
        "coordinator",
        True,
        js,
    )
    assert invitation.invited_by is None
    membership = invitation_accept(
        token=link.rstrip("/").rsplit("/", 1)[-1], password="kettle orbit meadow lantern"
    )
    assert person_of(membership.user, partnership) == js
    assert person_of(membership.user, partnership).organisation == police


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--partnership", "Nowhere CSP", "--role", "lead"], "No partnership is called"),
        (["--role", "boss"], "No role is called boss"),
        (["--role", "lead", "--person", "ZZ"], "has the name or initials ZZ"),
        (["--role", "lead"], "Enter the full name"),
        (["--role", "coordinator", "--name", "Al Khan"], "Choose the agency they work for"),
        (["--role", "lead", "--agency", "Fire"], "No agency of"),
    ],
)
def test_invite_says_what_is_wrong(
    partnership: Partnership, arguments: list[str], message: str
) -> None:
    if "--partnership" not in arguments:
        arguments = ["--partnership", partnership.slug, *arguments]
    with pytest.raises(CommandError, match=message):
        call_command("invite", "sam@example.org", *arguments)
    assert mail.outbox == [] and not Invitation.objects.exists()
