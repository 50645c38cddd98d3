"""Every page except the public ones (sign-in, forgotten password, the invitation link) sends an
anonymous visitor to sign in, and refuses a member of another partnership.

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

from apps.partnerships.services import organisation_create
from tests import builders
from tests.builders.partnerships import person_of
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
# Public by design, for somebody who cannot sign in yet, and each says why. An anonymous visitor
# gets the page itself; none shows anything of a partnership without a valid link.
PUBLIC = {
    "accounts:sign-in": "signing in",
    "accounts:password-reset": "asking for a reset link: the visitor has forgotten the password",
    "accounts:password-reset-sent": "the page after asking: says the same for any address",
    "accounts:password-reset-confirm": "the emailed reset link (token checked by Django)",
    "accounts:password-reset-complete": "the page after a reset, before signing in again",
    "invitations:accept": "the emailed invitation link: the invitee has no account yet",
    "accounts:single-sign-on": "the work email that chooses the organisation's identity provider",
    "accounts:single-sign-on-start": "sends the browser on to the identity provider",
    "accounts:single-sign-on-callback": "the identity provider sends the browser back here",
}
ROUTES = [
    pytest.param(route, id=name or route)
    for name, route in _walk(get_resolver().url_patterns)
    if name not in PUBLIC
]
PUBLIC_ROUTES = [
    pytest.param(route, id=name)
    for name, route in _walk(get_resolver().url_patterns)
    if name in PUBLIC
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
VALUES = {"format_code": "html", "uidb64": "MQ", "token": "no-such-token"}


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
    assert "partnerships/<int:partnership_id>/security-log/" in routes
    assert "accounts/keep-alive/" in routes
    assert {
        "partnerships/<int:partnership_id>/invitations/",
        "partnerships/<int:partnership_id>/invitations/new/",
        "partnerships/invitations/<int:invitation_id>/resend/",
        "partnerships/invitations/<int:invitation_id>/revoke/",
    } <= set(routes)
    assert {param.values[0] for param in PUBLIC_ROUTES} == {
        "accounts/sign-in/",
        "accounts/password/forgotten/",
        "accounts/password/forgotten/sent/",
        "accounts/password/reset/<uidb64>/<token>/",
        "accounts/password/reset/done/",
        "accounts/invitation/<slug:token>/",
        "accounts/sign-in/organisation/",
        "accounts/sign-in/organisation/start/",
        "accounts/sign-in/organisation/callback/",
    }
    assert {
        "accounts/two-factor/set-up/",
        "accounts/two-factor/code/",
        "accounts/two-factor/recovery-codes/",
        "accounts/two-factor/turn-off/",
        "partnerships/<int:partnership_id>/two-factor/",
    } <= set(routes)
    assert {
        "partnerships/<int:partnership_id>/",
        "partnerships/<int:partnership_id>/organisations/new/",
        "partnerships/organisations/<int:organisation_id>/active/",
        "partnerships/people/<int:person_id>/edit/",
        "partnerships/members/<int:membership_id>/end/",
    } <= set(routes)


def _views(
    patterns: list[URLPattern | URLResolver], names: tuple[str, ...] = ()
) -> Iterator[tuple[str, object]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = (entry.namespace,) if entry.namespace else ()
            yield from _views(entry.url_patterns, names + namespace)
        elif isinstance(entry, URLPattern):
            yield ":".join((*names, entry.name or "")), entry.callback


def test_only_the_public_pages_are_open_to_anonymous_visitors() -> None:
    """Exactly the pages listed in PUBLIC are marked login_not_required."""
    open_pages = {
        name
        for name, view in _views(get_resolver().url_patterns)
        if getattr(view, "login_required", True) is False
    }
    assert open_pages == set(PUBLIC)


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
    invitation = builders.invitation(partnership=partnership).invitation
    organisation = organisation_create(
        partnership=partnership, short_name="IPD", name="Insider Police Division", user=None
    )
    insider = builders.administrator(partnership=partnership, username="insider-admin")
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
        "invitation_id": invitation.pk,
        "organisation_id": organisation.pk,
        "person_id": person_of(insider, partnership).pk,
        "membership_id": insider.memberships.get(partnership=partnership).pk,
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
        # A manager and administrator there, so the administrator's pages are tried too.
        builders.administrator(partnership=other, username="outsider")
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


@pytest.mark.django_db
@pytest.mark.parametrize("route", PUBLIC_ROUTES)
def test_public_pages_open_without_signing_in(
    client: Client, route: str, shared_data: Insider
) -> None:
    """Open to anybody, and with a made-up token they show nothing of any partnership."""
    path = _fill(route)
    response = client.get(path, follow=True)
    assert all(not url.startswith(f"{SIGN_IN}?next=") for url, _ in response.redirect_chain)
    # a made-up token or a callback without the provider's state is refused, never a login wall
    assert response.status_code in (200, 403, 404, 410), path
    content = response.content.decode()
    assert [words for words in shared_data.words if words in content] == []


# Pages that are not about one partnership, and why an outsider may open them. Each must still
# show nothing of a partnership the user is not a member of.
NOT_PARTNERSHIP_SCOPED = {
    "plans:home": "lists only the partnerships the user is a member of",
    "plans:my-actions": "lists only the signed-in person's own actions",
    "plans:agency-actions": "lists only the actions of the agencies the user coordinates for",
    "accounts:sign-in": "signing in (a signed-in user is sent on to the home page)",
    "accounts:sign-out": "signing out",
    "accounts:keep-alive": "restarts the user's own idle clock and says how long is left",
    "accounts:password-change": "the signed-in user's own password",
    "accounts:password-change-done": "the signed-in user's own password",
    **{name: why for name, why in PUBLIC.items() if name != "accounts:sign-in"},
    "importers:document-upload": "the form offers only partnerships the user manages",
    "accounts:two-factor": "the signed-in user's own two-factor sign-in",
    "accounts:two-factor-setup": "sets up the signed-in user's own authenticator app",
    "accounts:two-factor-recovery-codes": "the signed-in user's own recovery codes",
    "accounts:two-factor-verify": "the signed-in user's own code after the password",
    "accounts:two-factor-disable": "turns off the signed-in user's own two-factor sign-in",
    "accounts:single-sign-on": "signing in with an organisation's account",
    "accounts:single-sign-on-start": "signing in with an organisation's account",
    "accounts:single-sign-on-callback": "signing in with an organisation's account",
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
