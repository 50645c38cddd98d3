"""Setting up the framework on the pages: happy paths, errors against their fields, and links."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from apps.partnerships.models import Membership, Partnership
from apps.performance.models import Measure, Priority, PriorityAlignment
from apps.performance.services.measures import COMPARATOR_MISSING
from tests import builders

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def analyst(partnership: Partnership) -> User:
    return builders.member(partnership=partnership, role=Membership.Role.ANALYST)


def test_manager_adds_a_priority_linked_to_the_plan(
    partnership: Partnership, small_plan: builders.SmallPlan, manager: User
) -> None:
    client = _client(manager)
    summary = client.get(reverse("performance:summary", args=[partnership.pk])).text
    add = reverse("performance:priority-add", args=[partnership.pk])
    assert f'href="{add}"' in summary
    form = client.get(add).text
    assert small_plan.objectives[1].title in form and small_plan.actions[0].text[:40] in form
    response = client.post(
        add,
        {
            "code": "B",
            "title": "Protect vulnerable people",
            "lead_officer": "Head of Safeguarding",
            "plan_objectives": [small_plan.objectives[1].pk],
            "plan_actions": [small_plan.actions[0].pk, small_plan.actions[3].pk],
        },
    )
    priority = Priority.objects.get(partnership=partnership, code="B")
    assert response["Location"] == reverse("performance:priority", args=[priority.pk])
    assert list(priority.plan_objectives.all()) == [small_plan.objectives[1]]
    assert priority.plan_actions.count() == 2
    page = client.get(response["Location"]).text
    assert "Priority B added" in page and "Head of Safeguarding" in page
    assert reverse("performance:priority-edit", args=[priority.pk]) in page
    assert reverse("performance:measure-add", args=[priority.pk]) in page


def test_priority_errors_are_summarised_and_shown_against_their_fields(
    partnership: Partnership, manager: User
) -> None:
    builders.priority(partnership=partnership, code="A")
    elsewhere = builders.small_plan(partnership=builders.partnership())
    response = _client(manager).post(
        reverse("performance:priority-add", args=[partnership.pk]),
        {"code": "A", "title": "", "plan_objectives": [elsewhere.objectives[0].pk]},
    )
    assert response.status_code == 200
    text = response.text
    assert "<title>Error:" in text and "There is a problem" in text
    assert '<a href="#id_title">Enter the title</a>' in text
    assert "Choose from the list: objectives of this partnership&#x27;s plans" in text
    response = _client(manager).post(
        reverse("performance:priority-add", args=[partnership.pk]),
        {"code": "a", "title": "Again"},
    )
    assert (
        '<a href="#id_code">There is already a priority a in this partnership: choose another '
        "code</a>" in response.text
    )
    assert Priority.objects.filter(partnership=partnership).count() == 1


def test_analyst_adds_a_measure_with_a_percentage_change_target(
    partnership: Partnership, analyst: User
) -> None:
    priority = builders.priority(partnership=partnership)
    client = _client(analyst)
    url = reverse("performance:measure-add", args=[priority.pk])
    response = client.post(
        url,
        {
            "code": "(ii)",
            "title": "Domestic burglary",
            "unit": "count",
            "polarity": "down",
            "frequency": "quarterly",
            "baseline_value": "1,200",
            "baseline_label": "2012/13",
            "target_kind": "change_from_baseline",
            "target_percent": "10%",
            "target_due": "March 2014",
            "amber_band_percent": "5",
            "slight_worsening_percent": "2.5",
        },
    )
    measure = Measure.objects.get(priority=priority, code="(ii)")
    assert response["Location"] == reverse("performance:measure", args=[measure.pk])
    assert (measure.baseline_value, measure.target_value) == (1200, 10)
    assert measure.history.get().history_user == analyst
    page = client.get(response["Location"]).text
    assert "A 10% reduction on the baseline by 31 March 2014" in page
    assert "1,200 (2012/13)" in page
    edit = reverse("performance:measure-edit", args=[measure.pk])
    assert edit in page
    form = client.get(edit).text
    assert 'value="1200"' in form and 'value="31/3/2014"' in form


def test_measure_errors_name_what_each_target_needs(
    partnership: Partnership, analyst: User
) -> None:
    measure = builders.measure(priority=builders.priority(partnership=partnership))
    url = reverse("performance:measure-edit", args=[measure.pk])
    data = {
        "title": "Priority crime",
        "unit": "count",
        "polarity": "down",
        "frequency": "monthly",
        "target_kind": "comparator",
        "amber_band_percent": "5",
        "slight_worsening_percent": "5",
    }
    response = _client(analyst).post(url, data)
    assert response.status_code == 200
    assert f'<a href="#id_target_comparator_name">{COMPARATOR_MISSING}</a>' in response.text
    response = _client(analyst).post(url, {**data, "target_kind": "change_from_baseline"})
    assert "A percentage change target needs a baseline: enter the baseline value" in response.text
    assert "Enter the change wanted as a percentage, for example 10" in response.text
    measure.refresh_from_db()
    assert (measure.target_kind, measure.target_value) == ("value", 125)


def test_alignment_rows_are_added_changed_and_removed(
    partnership: Partnership, manager: User
) -> None:
    priority = builders.priority(partnership=partnership)
    client = _client(manager)
    response = client.post(
        reverse("performance:alignment-add", args=[priority.pk]),
        {"other_plan": "Police and Crime Plan", "other_priority": "", "comment": "x"},
    )
    assert "Enter the other plan&#x27;s priority that this one lines up with" in response.text
    client.post(
        reverse("performance:alignment-add", args=[priority.pk]),
        {"other_plan": "Police and Crime Plan", "other_priority": "Cut reoffending"},
    )
    alignment = PriorityAlignment.objects.get(priority=priority)
    page = client.get(reverse("performance:priority", args=[priority.pk])).text
    assert "Cut reoffending" in page
    assert reverse("performance:alignment-remove", args=[alignment.pk]) in page
    client.post(
        reverse("performance:alignment-edit", args=[alignment.pk]),
        {"other_plan": "Police and Crime Plan", "other_priority": "Reduce reoffending"},
    )
    alignment.refresh_from_db()
    assert alignment.other_priority == "Reduce reoffending"
    remove = reverse("performance:alignment-remove", args=[alignment.pk])
    assert "Remove the alignment with Police and Crime Plan?" in client.get(remove).text
    assert PriorityAlignment.objects.filter(pk=alignment.pk).exists()  # a GET removes nothing
    response = client.post(remove)
    assert response["Location"].endswith("#alignment")
    assert not PriorityAlignment.objects.filter(pk=alignment.pk).exists()


def test_set_up_links_are_shown_only_to_those_allowed(partnership: Partnership) -> None:
    measure = builders.measure(priority=builders.priority(partnership=partnership))
    priority = measure.priority
    builders.alignment(priority=priority)
    pages = {
        reverse("performance:summary", args=[partnership.pk]): "priority-add",
        reverse("performance:priority", args=[priority.pk]): "priority-edit",
        reverse("performance:measure", args=[measure.pk]): "measure-edit",
    }
    links = {
        "priority-add": reverse("performance:priority-add", args=[partnership.pk]),
        "priority-edit": reverse("performance:priority-edit", args=[priority.pk]),
        "measure-edit": reverse("performance:measure-edit", args=[measure.pk]),
    }
    for role, shown in [("manager", True), ("analyst", True), ("lead", False), ("viewer", False)]:
        client = _client(builders.member(partnership=partnership, role=role))
        for page, link in pages.items():
            assert (links[link] in client.get(page).text) is shown, (role, link)


@pytest.mark.parametrize("role", ["lead", "viewer", "outsider"])
def test_set_up_posts_are_refused_without_the_role(partnership: Partnership, role: str) -> None:
    priority = builders.priority(partnership=partnership)
    alignment = builders.alignment(priority=priority)
    home = partnership if role != "outsider" else builders.partnership()
    client = _client(
        builders.member(partnership=home, role="manager" if home != partnership else role)
    )
    posts = [
        (reverse("performance:priority-add", args=[partnership.pk]), {"code": "Z", "title": "Z"}),
        (reverse("performance:priority-edit", args=[priority.pk]), {"code": "A", "title": "Z"}),
        (reverse("performance:alignment-remove", args=[alignment.pk]), {}),
        (
            reverse("performance:measure-add", args=[priority.pk]),
            {"title": "Z", "unit": "count", "polarity": "up", "frequency": "annual"},
        ),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert list(Priority.objects.filter(partnership=partnership)) == [priority]
    priority.refresh_from_db()
    assert priority.title != "Z" and PriorityAlignment.objects.filter(pk=alignment.pk).exists()
    assert not Measure.objects.exists()
