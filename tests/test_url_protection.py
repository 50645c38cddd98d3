"""Every page except sign-in sends an anonymous visitor to sign in, and refuses a member of
another partnership.

The routes are read from the project's resolver, so a page added later is covered without
editing this file; its path parameters are filled with the id of an object that exists, so
the redirect is the login wall at work and not a 404 from a missing row. For the outsider, every
parameter names an object of the first partnership, and the few pages that are not about one
partnership are listed with the reason, and must show nothing of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from apps.partnerships.models import Membership
from tests import builders
from tests.module_db import ModuleDb

SIGN_IN = "/accounts/sign-in/"
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str = "", names: tuple[str, ...] = ()
) -> Iterator[tuple[str, str]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = (entry.namespace,) if entry.namespace else ()
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), names + namespace)
        elif isinstance(entry, URLPattern):
            yield ":".join((*names, entry.name or "")), prefix + str(entry.pattern)


ALL_ROUTES = [
    pytest.param(name, route, id=name or route)
    for name, route in _walk(get_resolver().url_patterns)
]
ROUTES = [
    pytest.param(route, id=name or route)
    for name, route in _walk(get_resolver().url_patterns)
    if "/" + route != SIGN_IN
]


def _existing_id(parameter: str) -> str:
    """The id of an existing object for a parameter named after its model (plan_id → Plan)."""
    model_name = parameter.removesuffix("_id").replace("_", "")
    for model in apps.get_models():
        if model._meta.model_name == model_name:
            obj = model._default_manager.order_by("pk").first()
            assert obj is not None, f"no {model_name} to fill <{parameter}>"
            return str(obj.pk)
    raise AssertionError(f"do not know how to fill <{parameter}>: name it after its model")


# Parameters that are not a model's id, and a value that names something that exists.
VALUES = {"format_code": "html"}


def _fill(route: str) -> str:
    path = PARAMETER.sub(lambda m: VALUES.get(m["name"]) or _existing_id(m["name"]), route)
    return "/" + path.replace("^", "").replace("$", "").replace("\\Z", "")


def test_routes_were_found() -> None:
    routes = [param.values[0] for param in ROUTES]
    assert "plans/<int:plan_id>/" in routes
    assert "plans/actions/<int:action_id>/updates/new/" in routes
    assert {
        "plans/<int:plan_id>/what-changed/",
        "plans/<int:plan_id>/roll-forward/",
        "plans/<int:plan_id>/matches/",
        "plans/actions/<int:action_id>/predecessor/",
    } <= set(routes)
    assert "import/plans/<int:plan_id>/workbook.xlsx" in routes
    assert "import/plans/<int:plan_id>/workbook/confirm/" in routes
    assert "import/plans/<int:plan_id>/tracker/<uuid:document_upload_id>/" in routes
    assert "import/partnerships/<int:partnership_id>/new-plan/confirm/" in routes
    assert "import/partnerships/<int:partnership_id>/indicators/" in routes
    assert "import/indicators/<uuid:document_upload_id>/" in routes
    assert "reports/<int:report_definition_id>/download/<slug:format_code>/" in routes


@dataclass
class Insider:
    """The first partnership's rows, one of each kind a path parameter can name."""

    ids: dict[str, str]
    words: list[str]  # text of the first partnership that an outsider must never see


def _insider_data() -> Insider:
    partnership = builders.partnership("Insider Community Safety Partnership")
    plan = builders.small_plan(partnership=partnership)
    plan.plan.title = "Insider delivery plan"
    plan.plan.save()
    upload = builders.document_upload(partnership=partnership)
    priority = builders.priority(partnership=partnership)
    alignment = builders.alignment(priority=priority)
    measure = builders.measure(priority=priority)
    observation, _ = builders.figures(measure=measure, values=[1, 2])
    definition = builders.definition(
        partnership=partnership, plans=[plan.plan], title="Insider quarterly report"
    )
    ids = {
        "partnership_id": partnership.pk,
        "plan_id": plan.plan.pk,
        "objective_id": plan.objectives[0].pk,
        "action_id": plan.actions[0].pk,
        "document_upload_id": upload.pk,
        "priority_id": priority.pk,
        "priority_alignment_id": alignment.pk,
        "measure_id": measure.pk,
        "observation_id": observation.pk,
        "report_definition_id": definition.pk,
    }
    words = [partnership.name, plan.plan.title, definition.title]  # no other row has these
    return Insider(ids={k: str(v) for k, v in ids.items()}, words=words)


@pytest.fixture(scope="module")
def shared_data(module_db: ModuleDb) -> Insider:
    """The first partnership with one row of every kind, and a second partnership with a plan
    of its own, built once for the module."""
    with module_db():
        insider = _insider_data()
        other = builders.partnership("Outsider Community Safety Partnership")
        builders.small_plan(partnership=other)
        builders.member(partnership=other, role=Membership.Role.MANAGER, username="outsider")
    return insider


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES)
def test_anonymous_visitor_is_sent_to_sign_in(
    client: Client, route: str, shared_data: Insider
) -> None:
    path = _fill(route)
    for response in (client.get(path), client.post(path, {})):
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{SIGN_IN}?next="), response["Location"]


# Pages that are not about one partnership, and why an outsider may open them. Each must still
# show nothing of a partnership the user is not a member of.
NOT_PARTNERSHIP_SCOPED = {
    "plans:home": "lists only the partnerships the user is a member of",
    "plans:my-actions": "lists only the signed-in person's own actions",
    "plans:agency-actions": "lists only the actions of the agencies the user coordinates for",
    "accounts:sign-in": "signing in (a signed-in user is sent on to the home page)",
    "accounts:sign-out": "signing out",
    "importers:document-upload": "the form offers only partnerships the user manages",
}


def test_pages_not_about_one_partnership_exist() -> None:
    names = {param.values[0] for param in ALL_ROUTES}
    assert set(NOT_PARTNERSHIP_SCOPED) <= names


def _fill_insider(route: str, insider: Insider) -> str:
    def value(match: re.Match[str]) -> str:
        name = match["name"]
        if name in VALUES:
            return VALUES[name]
        assert name in insider.ids, f"give the first partnership a row for <{name}>"
        return insider.ids[name]

    path = PARAMETER.sub(value, route)
    return "/" + path.replace("^", "").replace("$", "").replace("\\Z", "")


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), ALL_ROUTES)
def test_member_of_another_partnership_is_refused(
    client: Client, name: str, route: str, shared_data: Insider
) -> None:
    """A manager of another partnership gets 403 or 404 from every page of the first one,
    reading (GET) and writing (POST, with the test client's CSRF checks off)."""
    client.force_login(User.objects.get(username="outsider"))
    path = _fill_insider(route, shared_data)
    for method in (client.get, client.post):
        response = method(path, {})
        if name in NOT_PARTNERSHIP_SCOPED:
            content = response.content.decode()
            shown = [words for words in shared_data.words if words in content]
            assert shown == [], f"{method.__name__.upper()} {path} shows {shown}"
        else:
            assert response.status_code in (403, 404), f"{method.__name__.upper()} {path}"
