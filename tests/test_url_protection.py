"""Every page except sign-in sends an anonymous visitor to sign in."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

SIGN_IN = "/accounts/sign-in/"


def _walk(
    patterns: list, prefix: str = "", names: tuple[str, ...] = ()
) -> Iterator[tuple[str, str]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = (entry.namespace,) if entry.namespace else ()
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), names + namespace)
        elif isinstance(entry, URLPattern):
            name = ":".join((*names, entry.name or ""))
            yield name, prefix + str(entry.pattern)


def _fill(route: str) -> str:
    """Turn a route such as plans/<int:plan_id>/ into a concrete path."""
    path = re.sub(r"<int:[^>]+>", "1", route)
    path = re.sub(r"<(?:str|slug):[^>]+>", "x", path)
    path = re.sub(r"<[^>]+>", "1", path)
    path = path.replace("^", "").replace("$", "").replace("\\Z", "")
    return "/" + path


ROUTES = [
    pytest.param(_fill(route), id=name or route)
    for name, route in _walk(get_resolver().url_patterns)
    if _fill(route) != SIGN_IN
]


def test_routes_were_found() -> None:
    assert any("plans" in str(route.values[0]) for route in ROUTES)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ROUTES)
def test_anonymous_get_redirects_to_sign_in(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302, path
    assert response["Location"].startswith(SIGN_IN), response["Location"]
