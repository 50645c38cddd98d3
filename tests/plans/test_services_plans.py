"""Plan settings: publishing a draft archives the edition it follows; a plan never goes back to
draft; naming the earlier edition links the actions to it; the page is for managers only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from apps.demo.seeds import NSDC_2025, NSDC_2026
from apps.partnerships.models import Partnership
from apps.plans.models import Action, Plan, PredecessorMatch
from apps.plans.services.plans import (
    BACK_TO_DRAFT,
    PREDECESSOR_ELSEWHERE,
    PREDECESSOR_ITSELF,
    PREDECESSOR_LOOP,
    TITLE_MISSING,
    plan_change_settings,
)
from tests import builders

pytestmark = pytest.mark.django_db


def _settings(plan: Plan, user: User, **changes: object) -> object:
    values: dict[str, object] = {
        "title": plan.title,
        "period_label": plan.period_label,
        "status": plan.status,
        "predecessor": plan.predecessor,
    }
    values.update(changes)
    return plan_change_settings(plan=plan, user=user, **values)  # type: ignore[arg-type]


def _plans(partnership: Partnership) -> tuple[Plan, Plan]:
    live = builders.small_plan(partnership=partnership).plan
    live.status = Plan.Status.LIVE
    live.save()
    draft = builders.small_plan(partnership=partnership).plan
    draft.status = Plan.Status.DRAFT
    draft.predecessor = live
    draft.save()
    return live, draft


def test_publishing_a_draft_archives_the_live_edition_it_follows(
    partnership: Partnership, manager: User
) -> None:
    live, draft = _plans(partnership)
    result = _settings(draft, manager, status=Plan.Status.LIVE, period_label="2027-28")
    live.refresh_from_db()
    draft.refresh_from_db()
    assert draft.status == Plan.Status.LIVE and draft.period_label == "2027-28"
    assert live.status == Plan.Status.ARCHIVED
    assert result.archived == live  # type: ignore[attr-defined]
    assert draft.history.first().history_user == manager
    assert live.history.first().history_user == manager


def test_a_plan_that_has_been_live_cannot_go_back_to_draft(
    partnership: Partnership, manager: User
) -> None:
    live, _ = _plans(partnership)
    with pytest.raises(ValidationError) as refused:
        _settings(live, manager, status=Plan.Status.DRAFT, title="Renamed")
    assert refused.value.message_dict == {"status": [BACK_TO_DRAFT]}
    live.refresh_from_db()
    assert live.status == Plan.Status.LIVE and live.title != "Renamed"


def test_earlier_edition_must_be_earlier_and_in_the_same_partnership(
    partnership: Partnership, manager: User
) -> None:
    live, draft = _plans(partnership)
    elsewhere = builders.small_plan(partnership=builders.partnership()).plan
    for predecessor, message in [
        (live, PREDECESSOR_ITSELF),
        (draft, PREDECESSOR_LOOP),
        (elsewhere, PREDECESSOR_ELSEWHERE),
    ]:
        with pytest.raises(ValidationError) as refused:
            _settings(live, manager, predecessor=predecessor)
        assert refused.value.message_dict == {"predecessor": [message]}
    with pytest.raises(ValidationError) as refused:
        _settings(live, manager, title="  ")
    assert refused.value.message_dict == {"title": [TITLE_MISSING]}


def test_naming_the_earlier_edition_matches_the_actions_and_changing_it_relinks(
    partnership: Partnership, manager: User
) -> None:
    old = builders.import_plan(NSDC_2025, partnership, status=Plan.Status.ARCHIVED)
    new = builders.import_plan(NSDC_2026, partnership, status=Plan.Status.DRAFT)
    assert not Action.objects.filter(objective__theme__plan=new, predecessor__isnull=False)
    result = _settings(new, manager, predecessor=old)
    linked = Action.objects.filter(objective__theme__plan=new, predecessor__isnull=False)
    assert result.matching.matched == linked.count() == 62  # type: ignore[attr-defined]
    assert {a.predecessor_match for a in linked} == {PredecessorMatch.AUTOMATIC}
    assert all(a.predecessor.objective.theme.plan_id == old.pk for a in linked)  # type: ignore[union-attr]

    other = builders.small_plan(partnership=partnership).plan
    _settings(new, manager, predecessor=other)
    assert not Action.objects.filter(
        objective__theme__plan=new, predecessor__objective__theme__plan=old
    ).exists()
    _settings(new, manager, predecessor=None)
    assert not Action.objects.filter(objective__theme__plan=new, predecessor__isnull=False)


def test_the_settings_page_publishes_a_plan(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    live, draft = _plans(partnership)
    url = reverse("plans:plan-settings", args=[draft.pk])
    client = signed_in(manager)
    form = client.get(url).content.decode()
    assert "Earlier edition (optional)" in form and str(live) in form
    response = client.post(
        url,
        {"title": draft.title, "period_label": "2027-28", "status": "live", "predecessor": live.pk},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert f"“{live}” has been archived" in page
    refused = client.post(url, {"title": draft.title, "status": "draft"}).content.decode()
    assert "There is a problem" in refused and BACK_TO_DRAFT in refused
