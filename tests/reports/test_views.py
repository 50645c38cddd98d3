"""The report pages: defining a report (with the errors a manager can make), reading it in
either version and downloading it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from apps.partnerships.models import Partnership
from apps.reports import forms, services
from apps.reports.models import ReportDefinition
from tests import builders

pytestmark = pytest.mark.django_db


def _form(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Board report Q3",
        "sections": ["status", "cover", "delivery_plan"],
        "protective_marking": "OFFICIAL",
        "variant": "internal",
    }
    data.update(changes)
    return data


def test_manager_defines_a_report(
    signed_in: Callable[[User], Any],
    manager: User,
    partnership: Partnership,
    small_plan: builders.SmallPlan,
) -> None:
    priority = builders.priority(partnership=partnership)
    response = signed_in(manager).post(
        reverse("reports:create", args=[partnership.pk]),
        _form(
            plans=[str(small_plan.plan.pk)],
            priorities=[str(priority.pk)],
            period_start="1/10/2026",
            period_end="31/12/2026",
            authors="Jenny Walker\nYvonne Swinton",
        ),
    )
    saved = ReportDefinition.objects.get(title="Board report Q3")
    assert response["Location"] == reverse("reports:report", args=[saved.pk])
    assert saved.slug == "board-report-q3"
    assert saved.sections == ["cover", "status", "delivery_plan"]  # report order
    assert list(saved.plans.all()) == [small_plan.plan]
    assert list(saved.priorities.all()) == [priority]
    assert saved.author_list == ["Jenny Walker", "Yvonne Swinton"]
    assert saved.created_by == manager
    assert saved.public is False


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({}, "plans", services.NOTHING_CHOSEN),
        ({"title": ""}, "title", forms.TITLE_MISSING),
        ({"sections": []}, "sections", forms.NO_SECTIONS),
        ({"period_start": "31/12/2026", "period_end": "1/10/2026"}, "period_end", None),
        ({"period_start": "next week"}, "period_start", forms.DATE_INVALID),
        ({"slug": "taken"}, "slug", services.SLUG_TAKEN),
    ],
)
def test_form_names_the_field_at_fault(
    signed_in: Callable[[User], Any],
    manager: User,
    partnership: Partnership,
    small_plan: builders.SmallPlan,
    changes: dict[str, Any],
    field: str,
    message: str | None,
) -> None:
    builders.definition(partnership=partnership, plans=[small_plan.plan], slug="taken")
    data = _form(**changes) | ({} if field == "plans" else {"plans": [str(small_plan.plan.pk)]})
    response = signed_in(manager).post(reverse("reports:create", args=[partnership.pk]), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert form.errors[field] == [message or services.PERIOD_BACKWARDS]
    assert f'href="#id_{field}"' in response.content.decode()  # the error summary links to it
    assert ReportDefinition.objects.count() == 1


def test_plans_of_another_partnership_cannot_be_chosen(
    signed_in: Callable[[User], Any], manager: User, partnership: Partnership
) -> None:
    elsewhere = builders.small_plan(partnership=builders.partnership()).plan
    response = signed_in(manager).post(
        reverse("reports:create", args=[partnership.pk]), _form(plans=[str(elsewhere.pk)])
    )
    assert "plans" in response.context["form"].errors
    assert not ReportDefinition.objects.exists()


def test_editing_keeps_the_short_name_and_shows_the_saved_choices(
    signed_in: Callable[[User], Any],
    manager: User,
    partnership: Partnership,
    small_plan: builders.SmallPlan,
) -> None:
    saved = builders.definition(partnership=partnership, plans=[small_plan.plan], slug="q3")
    client = signed_in(manager)
    page = client.get(reverse("reports:edit", args=[saved.pk])).content.decode()
    assert f'value="{small_plan.plan.pk}" checked' in page
    client.post(
        reverse("reports:edit", args=[saved.pk]),
        _form(plans=[str(small_plan.plan.pk)], variant="public"),
    )
    saved.refresh_from_db()
    assert (saved.slug, saved.title, saved.public) == ("q3", "Board report Q3", True)
    titles = list(saved.history.order_by("history_date").values_list("title", flat=True))
    assert titles[0] == "Quarterly report" and titles[-1] == "Board report Q3"


def test_report_page_switches_version_and_links_every_format(
    signed_in: Callable[[User], Any],
    viewer: User,
    partnership: Partnership,
    small_plan: builders.SmallPlan,
) -> None:
    person = builders.person(partnership=partnership, initials="AB", name="Alice Bloggs")
    small_plan.actions[0].updates.create(text="Seen by Alice Bloggs", author=person)
    saved = builders.definition(partnership=partnership, plans=[small_plan.plan])
    client = signed_in(viewer)
    url = reverse("reports:report", args=[saved.pk])
    full = client.get(url).content.decode()
    public = client.get(url + "?version=public").content.decode()
    assert "Seen by Alice Bloggs" in full and "Seen by AB" in public
    assert "Alice Bloggs" not in public
    for code in ("html", "pdf"):
        download = reverse("reports:download", args=[saved.pk, code])
        assert f'href="{download}?version=internal"' in full
        assert f'href="{download}?version=public"' in public
    assert full.count('<h1 class="govuk-heading-l">') == 1  # the cover does not add a second


def test_download_is_an_attachment_named_after_the_report(
    signed_in: Callable[[User], Any],
    viewer: User,
    partnership: Partnership,
    small_plan: builders.SmallPlan,
) -> None:
    saved = builders.definition(partnership=partnership, plans=[small_plan.plan], slug="q3")
    client = signed_in(viewer)
    pdf = client.get(reverse("reports:download", args=[saved.pk, "pdf"]) + "?version=public")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="q3-public.pdf"'
    assert pdf.content.startswith(b"%PDF-")
    missing = client.get(reverse("reports:download", args=[saved.pk, "odt"]))
    assert missing.status_code == 404
