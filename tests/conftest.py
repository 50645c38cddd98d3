"""Shared fixtures: a partnership with a small plan and one user per role; `module_db` (data
built once per module) comes from tests/module_db.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from hypothesis import settings

from apps.partnerships.models import Membership, Partnership
from tests import builders
from tests.builders.partnerships import person_of

pytest_plugins = ["tests.module_db", "tests.xdist_scheduling"]

# Property tests keep their own example counts. No deadline: in two workers on two busy cores an
# example's time says more about the machine than the code, and a deadline failure there would
# be noise. print_blob lets a failure be replayed exactly (@reproduce_failure).
settings.register_profile("saferplan", deadline=None, print_blob=True)
settings.load_profile("saferplan")


@pytest.fixture
def partnership() -> Partnership:
    return builders.partnership()


@pytest.fixture
def small_plan(partnership: Partnership) -> builders.SmallPlan:
    return builders.small_plan(partnership=partnership)


@pytest.fixture
def make_member(partnership: Partnership) -> Callable[..., User]:
    def make(role: str, *, username: str | None = None, initials: str | None = None) -> User:
        return builders.member(
            partnership=partnership, role=role, username=username, initials=initials
        )

    return make


@pytest.fixture
def manager(make_member: Callable[..., User]) -> User:
    return make_member(Membership.Role.MANAGER, username="manager", initials="MG")


@pytest.fixture
def viewer(make_member: Callable[..., User]) -> User:
    return make_member(Membership.Role.VIEWER, username="viewer", initials="VW")


@pytest.fixture
def lead(make_member: Callable[..., User], small_plan: builders.SmallPlan) -> User:
    """An action lead who leads the small plan's first action only."""
    user = make_member(Membership.Role.LEAD, username="lead", initials="LD")
    small_plan.actions[0].lead_people.add(person_of(user))
    return user


@pytest.fixture
def signed_in(client: Any) -> Callable[[User], Any]:
    def sign_in(user: User) -> Any:
        client.force_login(user)
        return client

    return sign_in
