"""The Norfolk and Nottinghamshire demo figures, rated and reported as the documents read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps

from apps.demo.performance.loader import performance_demo_load
from apps.demo.performance.norfolk import PARTNERSHIP as NORFOLK
from apps.partnerships.models import Partnership
from apps.performance.domain.rag import Rating
from apps.performance.models import Measure
from apps.performance.selectors import exception_report, measure_assessment, priority_table
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded() -> Iterator[Partnership]:
    notts = builders.partnership("Notts demo")
    performance_demo_load(partnership=notts, password="pw-for-tests-1")
    yield notts


def _measure(partnership_name: str, priority: str, code: str) -> Measure:
    return Measure.objects.select_related("priority").get(
        priority__partnership__name=partnership_name, priority__code=priority, code=code
    )


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"auth", "partnerships", "performance"}
    }


def test_priority_e_i_is_over_target(loaded: Partnership) -> None:
    assessment = measure_assessment(_measure(NORFOLK, "E", "(i)"))
    assert assessment.latest is not None and assessment.latest.value == 143
    assert assessment.rag is not None
    assert assessment.rag.rating is Rating.RED
    assert assessment.rag.reason == (
        "14.4% above target of 125, and worsening (up 45 (45.9%) on the previous period)"
    )


def test_each_period_is_rated_against_its_own_target(loaded: Partnership) -> None:
    """Priority E (i): Q1 2013/14's 98 was within the quarterly target, Q2's 143 over it."""
    assessment = measure_assessment(_measure(NORFOLK, "E", "(i)"))
    ratings = [(r.rating, r.reason) for r in assessment.period_ratings if r is not None]
    assert [o.value for o in assessment.observations] == [98, 143]
    assert ratings[0][0] is Rating.GREEN and ratings[0][1].startswith("21.6% below target of 125")
    assert ratings[1] == (assessment.rag.rating, assessment.rag.reason)  # type: ignore[union-attr]


def test_the_measure_page_shows_each_periods_rag_in_words(loaded: Partnership, client: Any) -> None:
    from django.urls import reverse

    measure = _measure(NORFOLK, "E", "(i)")
    client.force_login(builders.member(partnership=measure.priority.partnership, role="viewer"))
    page = client.get(reverse("performance:measure", args=[measure.pk])).content.decode()
    cells = page.split('class="govuk-table__cell app-period-rag"')[1:]
    assert len(cells) == 2
    assert ">Green</strong>" in cells[0] and "21.6% below target of 125" in cells[0]
    assert ">Red</strong>" in cells[1] and "14.4% above target of 125" in cells[1]


def test_priority_a_uses_each_quarters_own_target(loaded: Partnership) -> None:
    assessment = measure_assessment(_measure(NORFOLK, "A", "(i)"))
    assert assessment.rag is not None and assessment.rag.rating is Rating.GREEN
    assert assessment.rag.reason == "3.6% below target of 2,329"


def test_priority_c_stays_below_the_national_rate(loaded: Partnership) -> None:
    assessment = measure_assessment(_measure(NORFOLK, "C", "(i)"))
    assert assessment.rag is not None and assessment.rag.rating is Rating.GREEN
    assert assessment.rag.reason == "9 percentage points below the national rate of 24%"


def test_priority_a_quarterly_table_puts_figures_in_their_quarters(loaded: Partnership) -> None:
    measure = _measure(NORFOLK, "A", "(i)")
    table = priority_table(priority=measure.priority)
    assert table.year_label == "2013/14"
    row = table.rows[0]
    assert row.quarters[1] == ["2,162, target 2,274"]
    assert row.quarters[2] == ["2,246, target 2,329"]
    assert row.quarters[3] == [] and row.quarters[4] == []


def test_notts_exceptions_follow_the_ten_percent_setting(loaded: Partnership) -> None:
    report = exception_report(partnership=loaded)
    positive = [e.measure.title for e in report["positive"]]
    negative = [e.measure.title for e in report["negative"]]
    assert positive == ["Adult and child safeguarding referrals"]
    assert negative == [
        "Positive outcome rate for serious sexual offences",
        "Positive outcome rate for victim-based crime",
    ]
    assert report["positive"][0].change_text == "+10.2%"
    # Knife crime rose 9.3%: below the 10% setting, so not an exception; the survey measure's
    # two figures are six months apart, so there is no year-on-year change to judge.
    assert "Violent knife crime recorded by police" not in positive + negative
    assert "% residents experiencing crime in last 12 months" not in negative


def test_significant_change_is_a_setting(loaded: Partnership, settings: Any) -> None:
    settings.PERFORMANCE_SIGNIFICANT_CHANGE_PERCENT = 9
    negative = [e.measure.title for e in exception_report(partnership=loaded)["negative"]]
    assert "Violent knife crime recorded by police" in negative


def test_second_load_changes_nothing(loaded: Partnership) -> None:
    before = _counts()
    assert performance_demo_load(partnership=loaded, password="pw-for-tests-1") == []
    assert _counts() == before


def test_priority_f_monthly_figures_sit_in_their_quarters(loaded: Partnership) -> None:
    measure = _measure(NORFOLK, "F", "(i)")
    row = priority_table(priority=measure.priority).rows[0]
    assert row.quarters[1] == ["April: 60%", "May: 61%", "June: 59%"]
    assert row.quarters[2] == ["July: 60%", "August: 59%", "September: 60%"]


def test_narrative_and_plan_text_come_from_the_seed(loaded: Partnership) -> None:
    priority = _measure(NORFOLK, "A", "(i)").priority
    assert priority.why.splitlines()[0] == "• Reducing crime and ASB will result in fewer victims"
    assert priority.objectives.splitlines()[0] == (
        "1. Review consistency of approach to victim risk assessment across partners"
    )
    report = priority.reports.get()
    assert report.period_label == "Q2 2013/14" and report.traffic_light == "green"
    assert report.milestones_reached.startswith("Priority Crime:\nPriority crime figures remain")
    assert report.get_traffic_light_display() == (
        "GREEN – target on track and likely to be achieved"
    )
    lights = {
        m.priority.code: m.priority.reports.get().traffic_light
        for m in Measure.objects.filter(priority__partnership__name=NORFOLK, code="(i)")
    }
    assert lights == {
        "A": "green",
        "B": "amber",
        "C": "amber",
        "D": "amber",
        "E": "green",
        "F": "green",
    }  # the six lights of 002 lines 302-307
