"""Who may open and post the partnership administrator's pages: only a member who holds the
administrator duty there. A manager without it, a lead, a viewer and a member of another
partnership are refused (403), anonymous visitors are sent to sign in, and nothing changes when
the answer is no."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from apps.partnerships.models import Membership, Organisation, Partnership
from apps.partnerships.services import membership_role_set, organisation_create, person_update
from tests import builders

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/sign-in/"
ROLES = ["administrator", "manager", "lead", "coordinator", "viewer", "outsider", "anonymous"]


def _objects(partnership: Partnership) -> dict[str, Any]:
    organisation = organisation_create(
        partnership=partnership,
        short_name="Police",
        name="Nottinghamshire Police",
        kind=Organisation.Kind.POLICE,
        user=None,
    )
    person = builders.person(partnership=partnership, initials="QQ")
    target = builders.member(partnership=partnership, role=Membership.Role.VIEWER)
    return {
        "partnership": partnership,
        "organisation": organisation,
        "person": person,
        "membership": Membership.objects.get(user=target, partnership=partnership),
    }


def _pages(objects: dict[str, Any]) -> dict[str, tuple[str, dict[str, str]]]:
    """Each page, and a POST that would change something if it were allowed."""
    p = objects["partnership"].pk
    o = objects["organisation"].pk
    person = objects["person"].pk
    m = objects["membership"].pk
    organisation = {"name": "Fire", "short_name": "NFRS", "kind": "fire", "aliases": ""}
    return {
        "overview": (reverse("partnerships:people-and-agencies", args=[p]), {}),
        "organisations": (reverse("partnerships:organisation-list", args=[p]), {}),
        "add organisation": (reverse("partnerships:organisation-add", args=[p]), organisation),
        "edit organisation": (reverse("partnerships:organisation-edit", args=[o]), organisation),
        "deactivate organisation": (reverse("partnerships:organisation-active", args=[o]), {}),
        "people": (reverse("partnerships:person-list", args=[p]), {}),
        "add person": (reverse("partnerships:person-add", args=[p]), {"initials": "NEW"}),
        "edit person": (reverse("partnerships:person-edit", args=[person]), {"initials": "NEW"}),
        "deactivate person": (reverse("partnerships:person-active", args=[person]), {}),
        "members": (reverse("partnerships:member-list", args=[p]), {}),
        "change role": (reverse("partnerships:member-role", args=[m]), {"role": "lead"}),
        "administrator": (reverse("partnerships:member-administrator", args=[m]), {}),
        "end membership": (reverse("partnerships:member-end", args=[m]), {}),
    }


def _state(partnership: Partnership) -> tuple[Any, ...]:
    return (
        list(partnership.organisations.values_list("short_name", "name", "active")),
        list(partnership.people.values_list("initials", "active", "user")),
        list(partnership.memberships.values_list("user", "role", "is_administrator")),
    )


@pytest.fixture
def world() -> dict[str, Any]:
    partnership = builders.partnership()
    objects = _objects(partnership)
    police = objects["organisation"]
    users = {
        "administrator": builders.administrator(partnership=partnership),
        "manager": builders.member(partnership=partnership, role=Membership.Role.MANAGER),
        "lead": builders.member(partnership=partnership, role=Membership.Role.LEAD),
        "viewer": builders.member(partnership=partnership, role=Membership.Role.VIEWER),
        "outsider": builders.administrator(partnership=builders.partnership()),
    }
    coordinator = builders.member(partnership=partnership, role=Membership.Role.LEAD)
    person = coordinator.people.get()
    person_update(
        person=person,
        name="Alex Morgan",
        initials=person.initials,
        job_title="Inspector",
        organisation=police,
        email="",
        user=None,
    )
    membership_role_set(
        membership=coordinator.memberships.get(), role=Membership.Role.COORDINATOR, by=None
    )
    users["coordinator"] = coordinator
    return {"objects": objects, "users": users, "pages": _pages(objects)}


@pytest.mark.parametrize("role", ROLES)
def test_only_an_administrator_opens_the_pages(
    client: Client, role: str, world: dict[str, Any]
) -> None:
    if role != "anonymous":
        client.force_login(world["users"][role])
    for name, (url, _) in world["pages"].items():
        response = client.get(url)
        if role == "administrator":
            assert response.status_code == 200, name
        elif role == "anonymous":
            assert response.status_code == 302, name
            assert response["Location"].startswith(f"{SIGN_IN}?next="), name
        else:
            assert response.status_code == 403, f"{role} {name}"


@pytest.mark.parametrize("role", [r for r in ROLES if r != "administrator"])
def test_nobody_else_changes_anything(client: Client, role: str, world: dict[str, Any]) -> None:
    partnership = world["objects"]["partnership"]
    before = _state(partnership)
    if role != "anonymous":
        client.force_login(world["users"][role])
    for name, (url, data) in world["pages"].items():
        response = client.post(url, data)
        expected = 302 if role == "anonymous" else 403
        assert response.status_code == expected, f"{role} {name}"
    assert _state(partnership) == before


@pytest.mark.parametrize(
    ("page", "changed"),
    [
        ("add organisation", lambda p: p.organisations.filter(short_name="NFRS").exists()),
        ("edit organisation", lambda p: p.organisations.filter(short_name="NFRS").exists()),
        ("deactivate organisation", lambda p: not p.organisations.get(short_name="Police").active),
        ("add person", lambda p: p.people.filter(initials="NEW").exists()),
        ("edit person", lambda p: p.people.filter(initials="NEW").exists()),
        ("deactivate person", lambda p: not p.people.get(initials="QQ").active),
        ("change role", lambda p: p.memberships.filter(role="lead").count() == 2),
        ("administrator", lambda p: p.memberships.filter(is_administrator=True).count() == 2),
        ("end membership", lambda p: p.memberships.count() == 5),
    ],
)
def test_an_administrator_changes_each_thing(
    client: Client, page: str, changed: Callable[[Partnership], bool], world: dict[str, Any]
) -> None:
    partnership = world["objects"]["partnership"]
    assert not changed(partnership)
    client.force_login(world["users"]["administrator"])
    url, data = world["pages"][page]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert changed(partnership)


def test_an_outsider_administrator_is_refused_with_their_own_partnership_in_reach(
    client: Client, world: dict[str, Any]
) -> None:
    """Administering one partnership gives nothing in another."""
    outsider: User = world["users"]["outsider"]
    assert outsider.memberships.get().is_administrator
    client.force_login(outsider)
    url, _ = world["pages"]["people"]
    assert client.get(url).status_code == 403
