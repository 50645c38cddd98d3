"""Performance pages: who may see and change what, and query counts that do not grow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.partnerships.models import Membership, Partnership
from apps.performance.models import Measure, Observation, Priority, PriorityReport
from tests import builders

pytestmark = pytest.mark.django_db

ROLES = ["manager", "analyst", "lead", "viewer", "outsider", "anonymous"]
EDITORS = {"manager", "analyst"}
MEMBERS = {"manager", "analyst", "lead", "viewer"}


@pytest.fixture
def measure(partnership: Partnership) -> Measure:
    priority = builders.priority(partnership=partnership)
    measure = builders.measure(priority=priority)
    builders.figures(measure=measure, values=[120, 118, 125, 130, 122, 119, 121, 124])
    PriorityReport.objects.create(priority=priority, period_label="Q2 2013/14", summary="Fine")
    builders.alignment(priority=priority)
    return measure


@pytest.fixture
def as_role(client: Client, partnership: Partnership) -> Callable[[str], Client]:
    def sign_in(role: str) -> Client:
        if role == "anonymous":
            return client
        if role == "outsider":
            user = builders.member(partnership=builders.partnership(), role="manager")
        else:
            user = builders.member(partnership=partnership, role=role)
        client.force_login(user)
        return client

    return sign_in


def _pages(measure: Measure) -> dict[str, tuple[str, bool]]:
    """Name → (url, needs an editor: a manager or analyst, who also set up the framework)."""
    priority = measure.priority
    figure = measure.observations.first()
    alignment = priority.alignments.first()
    assert figure is not None and alignment is not None
    return {
        "summary": (reverse("performance:summary", args=[priority.partnership_id]), False),
        "exceptions": (reverse("performance:exceptions", args=[priority.partnership_id]), False),
        "priority": (reverse("performance:priority", args=[priority.pk]), False),
        "measure": (reverse("performance:measure", args=[measure.pk]), False),
        "export": (reverse("performance:observations-export", args=[measure.pk]), False),
        "report-edit": (reverse("performance:report-edit", args=[priority.pk]), True),
        "settings": (reverse("performance:measure-settings", args=[measure.pk]), True),
        "add": (reverse("performance:observation-add", args=[measure.pk]), True),
        "edit": (reverse("performance:observation-edit", args=[figure.pk]), True),
        "import": (reverse("performance:observations-import", args=[measure.pk]), True),
        "priority-add": (reverse("performance:priority-add", args=[priority.partnership_id]), True),
        "priority-edit": (reverse("performance:priority-edit", args=[priority.pk]), True),
        "alignment-add": (reverse("performance:alignment-add", args=[priority.pk]), True),
        "alignment-edit": (reverse("performance:alignment-edit", args=[alignment.pk]), True),
        "alignment-remove": (reverse("performance:alignment-remove", args=[alignment.pk]), True),
        "measure-add": (reverse("performance:measure-add", args=[priority.pk]), True),
        "measure-edit": (reverse("performance:measure-edit", args=[measure.pk]), True),
    }


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role: str, measure: Measure, as_role: Callable[[str], Client]) -> None:
    client = as_role(role)
    for name, (url, needs_editor) in _pages(measure).items():
        status = client.get(url).status_code
        if role == "anonymous":
            assert status == 302, name
        elif role in (EDITORS if needs_editor else MEMBERS):
            assert status == 200, name
        else:
            assert status == 403, (name, role)


@pytest.mark.parametrize("role", ["lead", "viewer", "outsider"])
def test_posts_are_refused_without_the_role(
    role: str, measure: Measure, as_role: Callable[[str], Client]
) -> None:
    client = as_role(role)
    url = reverse("performance:observation-add", args=[measure.pk])
    assert client.post(url, {"period_label": "Jan 2030", "value": "5"}).status_code == 403
    assert not measure.observations.filter(period_label="Jan 2030").exists()


def test_measure_page_shows_edit_links_only_to_editors(
    measure: Measure, as_role: Callable[[str], Client]
) -> None:
    add = reverse("performance:observation-add", args=[measure.pk])
    assert add in as_role("analyst").get(reverse("performance:measure", args=[measure.pk])).text
    client = as_role("viewer")
    assert add not in client.get(reverse("performance:measure", args=[measure.pk])).text


def test_analyst_adds_a_figure_and_it_is_recorded_against_them(
    measure: Measure, partnership: Partnership
) -> None:
    analyst = builders.member(partnership=partnership, role=Membership.Role.ANALYST)
    client = Client()
    client.force_login(analyst)
    url = reverse("performance:observation-add", args=[measure.pk])
    response = client.post(url, {"period_label": "Sep 2020", "value": "1,240", "note": "Spike"})
    assert response.status_code == 302
    saved = Observation.objects.get(measure=measure, period_label="Sep 2020")
    assert saved.value == 1240 and saved.entered_by == analyst
    assert saved.history.first().history_user == analyst
    page = client.get(reverse("performance:measure", args=[measure.pk])).text
    assert "Figure for Sep 2020 added" in page


def test_a_bad_figure_is_shown_against_its_field(
    measure: Measure, as_role: Callable[[str], Client]
) -> None:
    url = reverse("performance:observation-add", args=[measure.pk])
    response = as_role("manager").post(url, {"period_label": "Jan 2020", "value": "many"})
    assert response.status_code == 200
    assert "Enter a number, like 143 or 12.5" in response.text
    response = as_role("manager").post(url, {"period_label": "Jan 2020", "value": "7"})
    assert "There is already a figure for Jan 2020 (January 2020)" in response.text


def test_priority_page_shows_the_traffic_light_word(
    measure: Measure, as_role: Callable[[str], Client]
) -> None:
    PriorityReport.objects.filter(priority=measure.priority).update(traffic_light="amber")
    page = as_role("viewer").get(reverse("performance:priority", args=[measure.priority_id]))
    assert "AMBER – target causing concern; remedial action taken, impact uncertain" in page.text


def test_export_round_trips_through_import(
    measure: Measure, as_role: Callable[[str], Client]
) -> None:
    client = as_role("analyst")
    exported = client.get(reverse("performance:observations-export", args=[measure.pk]))
    lines = exported.content.decode().splitlines()
    assert lines[0] == "period,value,comparator,numerator,denominator,note"
    assert lines[1] == "Jan 2020,120,,,,"
    assert len(lines) == 9
    upload = {"file": _file(exported.content)}
    url = reverse("performance:observations-import", args=[measure.pk])
    assert client.post(url, upload).status_code == 302
    assert measure.observations.count() == 8


def _file(content: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("figures.csv", content, content_type="text/csv")


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _grow(priority: Priority, months: int) -> None:
    for measure in priority.measures.all():
        measure.observations.all().delete()
        builders.figures(measure=measure, values=[100 + (i * 7) % 13 for i in range(months)])


def test_query_counts_do_not_grow_with_figures(
    partnership: Partnership, as_role: Callable[[str], Client], manager: User
) -> None:
    priority = builders.priority(partnership=partnership)
    builders.measure(priority=priority)
    builders.measure(priority=priority, code="(ii)", title="ASB")
    client = as_role("analyst")
    measure = priority.measures.first()
    assert measure is not None
    urls = [
        reverse("performance:measure", args=[measure.pk]),
        reverse("performance:priority", args=[priority.pk]),
        reverse("performance:summary", args=[partnership.pk]),
        reverse("performance:exceptions", args=[partnership.pk]),
    ]
    _grow(priority, 12)
    few = [_queries(client, url) for url in urls]
    _grow(priority, 60)
    many = [_queries(client, url) for url in urls]
    assert few == many


def test_analyst_comments_and_rebases_and_the_pages_follow(
    measure: Measure, as_role: Callable[[str], Client]
) -> None:
    client = as_role("analyst")
    url = reverse("performance:measure-settings", args=[measure.pk])
    form = {
        "comment": "Rise follows the new recording rule",
        "amber_band_percent": "5",
        "slight_worsening_percent": "5",
        "spc_run_length": "6",
        "spc_two_of_three_counts_beyond_limits": "False",
        "spc_baseline_points": "",
        "spc_rebase_periods": "Sept 2020",
    }
    response = client.post(url, form)
    assert "There is no figure for Sept 2020: name periods that have figures" in response.text
    response = client.post(url, {**form, "spc_rebase_periods": "May 2020"})
    assert response.status_code == 302
    measure.refresh_from_db()
    assert (measure.spc_run_length, measure.spc_two_of_three_counts_beyond_limits) == (6, False)
    assert measure.rebase_periods == ("May 2020",)
    page = client.get(reverse("performance:measure", args=[measure.pk])).text
    assert page.count('data-role="mean"') == 2  # one mean for each segment
    summary = client.get(reverse("performance:summary", args=[measure.priority.partnership_id]))
    assert "Rise follows the new recording rule" in summary.text


def test_narrative_is_saved_with_its_history_and_years_can_be_chosen(
    measure: Measure, as_role: Callable[[str], Client]
) -> None:
    client = as_role("analyst")
    priority = measure.priority
    url = reverse("performance:report-edit", args=[priority.pk])
    response = client.post(
        url, {"period_label": "Q3 2013/14", "summary": "Better", "traffic_light": "red"}
    )
    assert response.status_code == 302
    page = client.get(reverse("performance:priority", args=[priority.pk])).text
    assert "RED – below target and worsening" in page
    assert "Narrative for Q3 2013/14 written by" in page
    measure.observations.filter(period_label="Jan 2020").update(period_start="2019-01-01")
    page = client.get(reverse("performance:priority", args=[priority.pk])).text
    assert 'href="?year=2018">2018/19</a>' in page
    older = client.get(reverse("performance:priority", args=[priority.pk]) + "?year=2018").text
    assert "Performance data 2018/19" in older


def test_a_narrative_can_be_marked_internal_and_unmarked(
    measure: Measure, as_role: Callable[[str], Client]
) -> None:
    client = as_role("analyst")
    url = reverse("performance:report-edit", args=[measure.priority.pk])
    assert "leave this narrative out of public reports" in client.get(url).text
    client.post(url, {"period_label": "Q3 2013/14", "summary": "Staffing", "internal": "on"})
    report = PriorityReport.objects.get(priority=measure.priority, period_label="Q3 2013/14")
    assert report.internal
    assert 'name="internal" type="checkbox" value="on" checked' in client.get(url).text
    client.post(url, {"period_label": "Q3 2013/14", "summary": "Staffing"})
    report.refresh_from_db()
    assert not report.internal
