"""Every page except sign-in sends an anonymous visitor to sign in.

The routes are read from the project's resolver, so a page added later is covered without
editing this file; its path parameters are filled with the id of an object that exists, so
the redirect is the login wall at work and not a 404 from a missing row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests import builders

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
    assert "import/partnerships/<int:partnership_id>/new-plan/confirm/" in routes
    assert "reports/<int:report_definition_id>/download/<slug:format_code>/" in routes


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES)
def test_anonymous_visitor_is_sent_to_sign_in(client: Client, route: str) -> None:
    plan = builders.small_plan(partnership=builders.partnership())
    builders.document_upload(partnership=plan.plan.partnership)
    priority = builders.priority(partnership=plan.plan.partnership)
    builders.alignment(priority=priority)
    measure = builders.measure(priority=priority)
    builders.figures(measure=measure, values=[1, 2])
    builders.definition(partnership=plan.plan.partnership, plans=[plan.plan])
    path = _fill(route)
    for response in (client.get(path), client.post(path, {})):
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{SIGN_IN}?next="), response["Location"]
