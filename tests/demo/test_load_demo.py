"""`manage.py load_demo`, run once for the module: both editions linked, the demo users, the
reports demo, and a second load that changes nothing.

The first load is the module's fixture (rolled back when the module ends); each test reads what
it saved, and a test that loads again does so in its own savepoint.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command

from apps.demo.bolsover import BOLSOVER_PARTNERSHIP
from apps.demo.glossary_data import NORFOLK, glossary_for_partnership_elsewhere
from apps.demo.loader import DEMO_PARTNERSHIP
from apps.demo.performance import norfolk as demo_norfolk
from apps.demo.reports import NORFOLK_SLUG, NSDC_SLUG, report_demo_load
from apps.partnerships.models import Membership, Organisation, Partnership, Person
from apps.plans.models import Action, Plan
from apps.plans.selectors import action_list_for_user
from apps.reports.builder.content import SECTION_CODES
from apps.reports.models import ReportDefinition
from tests.builders.partnerships import person_of
from tests.module_db import ModuleDb

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def first_load(module_db: ModuleDb) -> StringIO:
    """What the first `load_demo` printed; what it saved stays until the module ends."""
    out = StringIO()
    with module_db():
        call_command("load_demo", "--allow-demo-users", stdout=out)
    return out


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"auth", "partnerships", "plans"}
    }


def test_demo_loads_both_editions_and_users(first_load: StringIO) -> None:
    out = first_load
    partnership = Partnership.objects.get(name=DEMO_PARTNERSHIP)
    archived = Plan.objects.get(partnership=partnership, status=Plan.Status.ARCHIVED)
    live = Plan.objects.get(partnership=partnership, status=Plan.Status.LIVE)
    assert live.predecessor == archived
    demo = User.objects.get(username="demo")
    ys = User.objects.get(username="ys")
    assert demo.check_password("demo")
    assert Membership.objects.get(user=demo, partnership=partnership).role == (
        Membership.Role.MANAGER
    )
    assert Membership.objects.get(user=ys, partnership=partnership).role == Membership.Role.LEAD
    assert person_of(ys, partnership).initials == "YS"
    assert (
        Action.objects.filter(
            objective__theme__plan=live, lead_people=person_of(ys, partnership)
        ).count()
        > 10
    )
    assert "Sign in" in out.getvalue()


def test_second_load_changes_nothing(first_load: StringIO) -> None:
    before = _row_counts()
    out = StringIO()
    call_command("load_demo", "--allow-demo-users", stdout=out)
    assert _row_counts() == before
    assert "nothing changed" in out.getvalue()


def test_demo_links_the_two_editions_once(first_load: StringIO) -> None:
    live = Plan.objects.get(partnership__name=DEMO_PARTNERSHIP, status=Plan.Status.LIVE)
    linked = Action.objects.filter(objective__theme__plan=live, predecessor__isnull=False)
    assert linked.count() == 62
    assert set(linked.values_list("predecessor__objective__theme__plan", flat=True)) == {
        live.predecessor_id
    }
    history = Action.history.count()
    out = StringIO()
    call_command("load_demo", "--allow-demo-users", stdout=out)
    assert Action.history.count() == history
    assert "linked to the earlier edition" not in out.getvalue()


def test_demo_saves_the_nsdc_report_and_the_glossaries(first_load: StringIO) -> None:
    definition = ReportDefinition.objects.get(slug=NSDC_SLUG)
    live = Plan.objects.get(partnership__name=DEMO_PARTNERSHIP, status=Plan.Status.LIVE)
    assert list(definition.plans.all()) == [live]
    assert definition.priorities.count() == 4
    assert definition.sections == list(SECTION_CODES)
    assert definition.protective_marking == "OFFICIAL"
    assert definition.author_list[0] == "Yvonne Swinton, Community Protection Manager"
    demo = Partnership.objects.get(name=DEMO_PARTNERSHIP)
    norfolk = Partnership.objects.get(name=demo_norfolk.PARTNERSHIP)
    assert demo.glossary_entries.count() == len(glossary_for_partnership_elsewhere())
    assert norfolk.glossary_entries.count() == len(NORFOLK)
    assert ReportDefinition.objects.get(slug=NORFOLK_SLUG).priorities.count() == 6
    assert report_demo_load(partnership=demo, live=live) == []  # a second load adds nothing


def test_every_demo_user_has_an_example_org_address(first_load: StringIO) -> None:
    users = User.objects.all()
    assert {"demo", "ys", "viewer", "analyst", "bolsover", "police"} <= {u.username for u in users}
    assert {u.email for u in users} == {f"{u.username}@example.org" for u in users}
    # The people they sign in as carry the same address.
    for person in Person.objects.filter(user__isnull=False).select_related("user"):
        assert person.user is not None
        assert person.email == person.user.email


def test_demo_manager_is_also_the_administrator(first_load: StringIO) -> None:
    membership = Membership.objects.get(user__username="demo", partnership__name=DEMO_PARTNERSHIP)
    assert membership.role == Membership.Role.MANAGER
    assert membership.is_administrator
    demo = User.objects.get(username="demo")
    assert demo.has_perm("partnerships.administer_partnership", membership.partnership)


def test_the_police_coordinator_answers_for_the_police_actions(first_load: StringIO) -> None:
    bolsover = Partnership.objects.get(name=BOLSOVER_PARTNERSHIP)
    police = User.objects.get(username="police")
    membership = Membership.objects.get(user=police)
    assert (membership.partnership, membership.role) == (bolsover, Membership.Role.COORDINATOR)
    organisation = person_of(police, bolsover).organisation
    assert organisation is not None
    assert (organisation.short_name, organisation.kind) == ("Police", Organisation.Kind.POLICE)
    assert Action.objects.filter(lead_organisations=organisation).count() == 29


def test_ys_leads_actions_in_two_partnerships(first_load: StringIO) -> None:
    ys = User.objects.get(username="ys")
    partnerships = {m.partnership.name for m in Membership.objects.filter(user=ys)}
    assert partnerships == {DEMO_PARTNERSHIP, BOLSOVER_PARTNERSHIP}
    led = {action.objective.theme.plan.partnership.name for action in action_list_for_user(user=ys)}
    assert led == {DEMO_PARTNERSHIP, BOLSOVER_PARTNERSHIP}
    bolsover = Partnership.objects.get(name=BOLSOVER_PARTNERSHIP)
    assert Action.objects.filter(lead_people=person_of(ys, bolsover)).count() == 2
