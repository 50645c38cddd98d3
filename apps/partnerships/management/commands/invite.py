"""manage.py invite EMAIL --partnership NAME --role ROLE [--person NAME] [--agency NAME]
[--administrator]

Invites somebody by email and prints the link, for a partnership that has nobody to send the
first invitation from a page (or no email set up yet).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from django.utils import timezone

from apps.core.text import text_key
from apps.partnerships.models import Membership, Organisation, Partnership, Person
from apps.partnerships.services import invitation_create

PARTNERSHIP_UNKNOWN = "No partnership is called {name}. Partnerships: {names}"
ROLE_UNKNOWN = "No role is called {role}. Roles: {roles}"
PERSON_UNKNOWN = "Nobody in {partnership} has the name or initials {person}"
AGENCY_UNKNOWN = "No agency of {partnership} is called {agency}. Agencies: {names}"


def _role(value: str) -> str:
    for role, label in Membership.Role.choices:
        if text_key(value) in (text_key(role), text_key(label)):
            return role
    roles = ", ".join(Membership.Role.values)
    raise CommandError(ROLE_UNKNOWN.format(role=value, roles=roles))


def _agency(partnership: Partnership, wanted: str) -> Organisation:
    agencies = Organisation.objects.filter(partnership=partnership)
    found = agencies.filter(Q(name__iexact=wanted) | Q(short_name__iexact=wanted)).first()
    if found is None:
        names = ", ".join(agencies.values_list("short_name", flat=True)) or "none yet"
        raise CommandError(
            AGENCY_UNKNOWN.format(partnership=partnership.name, agency=wanted, names=names)
        )
    return found


class Command(BaseCommand):
    help = "Invite somebody by email to a partnership, and print the link."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--partnership", required=True, help="its name or slug")
        parser.add_argument(
            "--role", required=True, help="manager, lead, coordinator, analyst or viewer"
        )
        parser.add_argument(
            "--person", help="the full name or initials of one of the partnership's people"
        )
        parser.add_argument("--name", default="", help="full name, when --person is not given")
        parser.add_argument(
            "--agency",
            help="the name or short name of the agency they work for (needed for a coordinator)",
        )
        parser.add_argument(
            "--administrator", action="store_true", help="make them partnership administrator"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["partnership"]
        partnership = Partnership.objects.filter(Q(name__iexact=name) | Q(slug=name)).first()
        if partnership is None:
            names = ", ".join(Partnership.objects.values_list("name", flat=True)) or "none yet"
            raise CommandError(PARTNERSHIP_UNKNOWN.format(name=name, names=names))
        person = None
        if options["person"]:
            wanted = options["person"].strip()
            person = (
                Person.objects.filter(partnership=partnership)
                .filter(Q(name__iexact=wanted) | Q(initials__iexact=wanted))
                .first()
            )
            if person is None:
                message = PERSON_UNKNOWN.format(partnership=partnership.name, person=wanted)
                raise CommandError(message)
        organisation = None
        if options["agency"]:
            organisation = _agency(partnership, options["agency"].strip())
        try:
            sent = invitation_create(
                partnership=partnership,
                email=options["email"],
                role=_role(options["role"]),
                is_administrator=options["administrator"],
                person=person,
                name=options["name"],
                organisation=organisation,
                by=None,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"Invitation emailed to {sent.invitation.email}.")
        until = timezone.localtime(sent.invitation.expires_at)
        self.stdout.write(f"Link (works once, until {until:%H:%M} on {until:%d/%m/%Y}):")
        self.stdout.write(sent.link)
