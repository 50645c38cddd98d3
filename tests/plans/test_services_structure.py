"""Building a plan as a document printed it: what an import gives is kept as given."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.partnerships.models import Partnership
from apps.plans import services
from apps.plans.models import Status
from apps.plans.services.actions import RATING_NOT_IN_PLAN
from tests import builders

pytestmark = pytest.mark.django_db


def test_an_imported_update_keeps_its_date_and_leaves_the_action_alone(
    partnership: Partnership, manager: User
) -> None:
    action = builders.small_plan(partnership=partnership).actions[0]
    red = action.objective.theme.plan.ratings.get(code="R")
    update = services.update_import(
        action=action,
        user=manager,
        text="Printed update",
        reported_on=None,
        period_label="2019-20",
        status=Status.COMPLETED,
        rating=red,
    )
    action.refresh_from_db()
    assert update.reported_on is None and update.author is None and update.created_by is None
    assert (update.status, update.rating) == (Status.COMPLETED, red)
    assert (action.status, action.rating) == (Status.NOT_STARTED, None)
    assert update.history.first().history_user == manager


def test_an_imported_action_keeps_its_printed_place_and_due_date(partnership: Partnership) -> None:
    plan = services.plan_create(partnership=partnership, title="Imported", user=None)
    theme = services.theme_create(plan=plan, title="Prevention", position=0, user=None)
    objective = services.objective_create(theme=theme, number=3, user=None)
    tags = services.tags_get_or_create(names={"ASB"}, user=None)
    action = services.action_import(
        objective=objective,
        user=None,
        number="7)",
        position=4,
        text="Printed action",
        due_text="Summer 26",
        due_date=date(2026, 7, 31),
        status=Status.ONGOING,
        details={"Target": "10%"},
        tags=tags.values(),
    )
    assert (action.position, action.due_date, action.due_text) == (
        4,
        date(2026, 7, 31),
        "Summer 26",
    )
    assert action.details == {"Target": "10%"} and [t.name for t in action.tags.all()] == ["ASB"]
    assert services.tags_get_or_create(names={"ASB"}, user=None)["ASB"] == tags["ASB"]


def test_ratings_are_the_plans_own(partnership: Partnership) -> None:
    plan = services.plan_create(partnership=partnership, title="Imported", user=None)
    unknown = services.rating_create(
        plan=plan, code="X", label="Other", colour="", position=0, user=None
    )
    assert unknown.colour == ""
    theme = services.theme_create(plan=plan, title="Prevention", position=0, user=None)
    objective = services.objective_create(theme=theme, number=1, user=None)
    elsewhere = builders.small_plan(partnership=partnership).plan.ratings.first()
    with pytest.raises(ValidationError, match=RATING_NOT_IN_PLAN):
        services.action_import(
            objective=objective, user=None, number="1", position=0, text="A", rating=elsewhere
        )
