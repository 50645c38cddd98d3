"""Agency coordinators update their organisation's actions and see them listed with who else in
the organisation leads each; leads are named in full everywhere, at no extra query per row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.partnerships.domain.display import organisation_label, person_label
from apps.partnerships.models import Person
from apps.plans.models import Plan
from apps.plans.selectors import action_ids_user_may_update, action_queryset
from tests import builders
from tests.builders import roles

pytestmark = pytest.mark.django_db


def test_labels_name_people_in_full_and_agencies_with_their_short_name() -> None:
    partnership = builders.partnership()
    jane = builders.person(partnership=partnership, initials="JS", name="Jane Smith")
    bare = builders.person(partnership=partnership, initials="KP")
    police = roles.organisation(
        partnership=partnership, short_name="Notts Police", name="Nottinghamshire Police"
    )
    same = roles.organisation(partnership=partnership, short_name="Police", name="Police")
    assert person_label(jane) == "Jane Smith (JS)"
    assert person_label(jane, public=True) == "JS"
    assert person_label(bare) == "KP"
    assert organisation_label(police) == "Nottinghamshire Police (Notts Police)"
    assert organisation_label(same) == "Police"


def test_coordinator_updates_what_the_agency_leads_by_name_or_through_its_people(
    signed_in: Callable[[User], Any],
) -> None:
    partnership = builders.partnership()
    small = builders.small_plan(partnership=partnership)
    police = roles.organisation(
        partnership=partnership, short_name="Police", name="Nottinghamshire Police"
    )
    by_name, by_person, neither = small.actions[0], small.actions[1], small.actions[2]
    by_name.lead_organisations.add(police)
    jane = roles.person_in(
        builders.person(partnership=partnership, initials="JS", name="Jane Smith"), police
    )
    by_person.lead_people.add(jane)
    inspector = roles.coordinator(partnership=partnership, organisation=police, username="insp")

    plan = Plan.objects.get(pk=small.plan.pk)
    actions = list(action_queryset().filter(objective__theme__plan=plan))
    allowed = action_ids_user_may_update(user=inspector, plan=plan, actions=actions)
    assert allowed == {by_name.pk, by_person.pk}
    # The bulk answer is the rule's answer, action by action.
    for action in actions:
        assert inspector.has_perm("plans.add_update", action) == (action.pk in allowed)
    assert neither.pk not in allowed

    client = signed_in(inspector)
    page = client.get(reverse("plans:agency-actions")).content.decode()
    assert reverse("plans:add-update", args=[by_name.pk]) in page
    assert reverse("plans:add-update", args=[by_person.pk]) in page
    assert reverse("plans:add-update", args=[neither.pk]) not in page
    assert "Also led by Jane Smith (JS), Police" in page
    plan_page = client.get(reverse("plans:plan", args=[plan.pk])).content.decode()
    assert reverse("plans:add-update", args=[by_person.pk]) in plan_page
    assert reverse("plans:add-update", args=[neither.pk]) not in plan_page

    # Archived: read-only for the coordinator too, on the list and by address.
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.ARCHIVED)
    assert client.get(reverse("plans:add-update", args=[by_name.pk])).status_code == 403


def test_plan_page_names_leads_in_full(signed_in: Callable[[User], Any], viewer: User) -> None:
    partnership = Person.objects.get(user=viewer).partnership
    small = builders.small_plan(partnership=partnership)
    police = roles.organisation(
        partnership=partnership, short_name="Notts Police", name="Nottinghamshire Police"
    )
    jane = roles.person_in(
        builders.person(partnership=partnership, initials="JS", name="Jane Smith"), police
    )
    small.actions[0].lead_people.add(jane)
    small.actions[0].lead_organisations.add(police)
    client = signed_in(viewer)
    page = client.get(reverse("plans:plan", args=[small.plan.pk])).content.decode()
    assert "Jane Smith (JS)" in page
    assert "Nottinghamshire Police (Notts Police)" in page
    action_page = client.get(reverse("plans:action", args=[small.actions[0].pk])).content.decode()
    assert "Jane Smith (JS), Notts Police" in action_page


def test_home_page_hides_drafts_from_all_but_managers_and_administrators(
    signed_in: Callable[[User], Any], viewer: User, manager: User
) -> None:
    partnership = Person.objects.get(user=viewer).partnership
    draft = builders.plan(partnership=partnership, title="Unpublished plan", status="draft")
    administrator = roles.administrator(partnership=partnership)
    for user, sees in [(viewer, False), (manager, True), (administrator, True)]:
        page = signed_in(user).get(reverse("plans:home")).content.decode()
        assert (reverse("plans:plan", args=[draft.pk]) in page) is sees


def test_agency_page_query_count_does_not_grow(signed_in: Callable[[User], Any]) -> None:
    partnership = builders.partnership()
    police = roles.organisation(partnership=partnership, short_name="Police", name="Police")
    inspector = roles.coordinator(partnership=partnership, organisation=police)
    client = signed_in(inspector)
    counts = []
    for size in (2, 4):
        small = builders.small_plan(partnership=partnership, actions_per_objective=size)
        for action in small.actions:
            action.lead_organisations.add(police)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("plans:agency-actions"))
        assert page.status_code == 200
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
