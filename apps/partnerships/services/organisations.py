"""A partnership administrator's changes to the agencies of the partnership: their names, the
other ways documents print them, their kind, and deactivating them (never deleting: their
actions, updates and names in reports stay)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.history import history_user_set
from apps.core.text import text_key, text_squash
from apps.partnerships.models import Organisation
from apps.partnerships.services.members import (
    ORGANISATION_EXISTS,
    ORGANISATION_NAME_MISSING,
    ORGANISATION_SHORT_NAME_MISSING,
    _aliases_clean,
)

ORGANISATION_KIND_INVALID = "Choose the type of organisation"


@transaction.atomic
def organisation_edit(
    *,
    organisation: Organisation,
    name: str,
    short_name: str,
    aliases: Iterable[str],
    kind: str,
    user: User | None,
) -> Organisation:
    """Change an agency's names and kind.

    A changed short name is kept among its other names, so documents that print the old one
    (earlier plans, trackers) still resolve their leads to this agency rather than adding a new
    one.
    """
    short_name = text_squash(short_name)
    errors = {}
    if not short_name:
        errors["short_name"] = ORGANISATION_SHORT_NAME_MISSING
    elif (
        Organisation.objects.filter(
            partnership_id=organisation.partnership_id, short_name=short_name
        )
        .exclude(pk=organisation.pk)
        .exists()
    ):
        errors["short_name"] = ORGANISATION_EXISTS.format(short_name=short_name)
    if not name.strip():
        errors["name"] = ORGANISATION_NAME_MISSING
    if kind not in Organisation.Kind.values:
        errors["kind"] = ORGANISATION_KIND_INVALID
    if errors:
        raise ValidationError(errors)
    aliases = list(aliases)
    old_short_name = organisation.short_name
    if old_short_name and text_key(old_short_name) != text_key(short_name):
        aliases.append(old_short_name)
    organisation.name = name.strip()
    organisation.short_name = short_name
    organisation.aliases = _aliases_clean(aliases, short_name)
    organisation.kind = kind
    organisation.full_clean()
    history_user_set(organisation, user)
    organisation.save()
    return organisation


def organisation_set_active(
    *, organisation: Organisation, active: bool, user: User | None
) -> Organisation:
    """Deactivate an agency (no longer offered as a lead) or bring it back.

    Its actions, updates and name in reports stay; an imported document that prints it still
    matches it rather than adding a second agency of the same name.
    """
    organisation.active = active
    organisation.full_clean()
    history_user_set(organisation, user)
    organisation.save(update_fields=["active"])
    return organisation
