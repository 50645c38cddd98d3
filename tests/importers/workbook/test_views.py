"""The workbook pages: download, preview then confirm, the error summary, create a plan."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from apps.importers.forms.workbooks import DOCUMENT_MISSING
from apps.importers.selectors.workbook_checks import STATUS_UNKNOWN
from apps.importers.selectors.workbook_export import blank_workbook, plan_workbook
from apps.importers.views.workbooks import UPLOAD_EXPIRED, XLSX
from apps.plans.models import Action, Plan
from apps.plans.services import action_retire
from tests import builders
from tests.importers.workbook.helpers import snapshot

pytestmark = pytest.mark.django_db


def _edited(plan: Plan, **cells: Any) -> SimpleUploadedFile:
    book = load_workbook(io.BytesIO(plan_workbook(plan=plan)))
    for ref, value in cells.items():
        book["Actions"][ref] = value
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("plan.xlsx", out.getvalue())


def _upload(client: Any, plan: Plan, upload: SimpleUploadedFile) -> Any:
    url = reverse("importers:workbook-upload", args=[plan.pk])
    return client.post(url, {"document": upload})


def _confirm(client: Any, plan: Plan, token: str) -> Any:
    url = reverse("importers:workbook-upload-confirm", args=[plan.pk])
    return client.post(url, {"token": token})


def test_download_is_the_plans_workbook(
    signed_in: Callable[[User], Any], viewer: User, small_plan: builders.SmallPlan
) -> None:
    response = signed_in(viewer).get(
        reverse("importers:workbook-download", args=[small_plan.plan.pk])
    )
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="delivery-plan-2026-27.xlsx"'
    assert response.content == plan_workbook(plan=small_plan.plan)


def test_template_download(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    url = reverse("importers:workbook-template", args=[small_plan.plan.partnership_id])
    content = signed_in(manager).get(url).content
    assert content == blank_workbook(partnership=small_plan.plan.partnership)
    about = load_workbook(io.BytesIO(content))["About"]
    assert ("CSP", "Community Safety Partnership") in list(about.values)


def test_preview_then_confirm_applies_the_changes(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    client, plan = signed_in(manager), small_plan.plan
    preview = _upload(client, plan, _edited(plan, F2="Outreach", J3="On hold"))
    page = preview.content.decode()
    assert "Row 2: action 1): method changed" in page
    assert "Row 3: action 2): status On-going → On hold" in page
    assert Action.objects.filter(method="Outreach").count() == 0  # not yet
    response = _confirm(client, plan, preview.context["token"])
    assert response.status_code == 200
    assert "govuk-panel--confirmation" in response.content.decode()
    assert "2 actions changed, 0 added, 0 updates added" in response.content.decode()
    action = Action.objects.get(method="Outreach")
    assert action.history.first().history_user == manager
    # The kept workbook is gone once used: confirming again changes nothing more.
    again = _confirm(client, plan, preview.context["token"])
    assert UPLOAD_EXPIRED in again.content.decode()


def test_unchanged_workbook_has_nothing_to_confirm(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    page = _upload(signed_in(manager), small_plan.plan, _edited(small_plan.plan)).content.decode()
    assert "There is nothing to change" in page
    assert "Make these changes" not in page


def test_problems_are_all_listed_and_nothing_is_kept(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    client = signed_in(manager)
    before = snapshot()
    response = _upload(client, small_plan.plan, _edited(small_plan.plan, J2="Done", J3="Late"))
    page = response.content.decode()
    assert "There are problems with the workbook" in page
    for row, found in [(2, "Done"), (3, "Late")]:
        message = STATUS_UNKNOWN.format(
            found=found, choices="Not started, On-going, Completed, On hold"
        )
        assert f"Sheet Actions, row {row}, column J (Status): {message}" in page
    assert "pending-workbooks" not in client.session
    assert snapshot() == before


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        ({"document": SimpleUploadedFile("plan.xlsx", b"not a workbook")}, "plan.xlsx"),
        ({}, DOCUMENT_MISSING),
    ],
    ids=["garbage", "no file"],
)
def test_bad_uploads_are_explained(
    signed_in: Callable[[User], Any],
    manager: User,
    small_plan: builders.SmallPlan,
    upload: dict[str, Any],
    message: str,
) -> None:
    url = reverse("importers:workbook-upload", args=[small_plan.plan.pk])
    response = signed_in(manager).post(url, upload)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()


def test_confirm_checks_the_workbook_again(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    client, plan = signed_in(manager), small_plan.plan
    preview = _upload(client, plan, _edited(plan, F2="Outreach"))
    action_retire(action=small_plan.actions[0], user=manager, reason="Merged")
    response = _confirm(client, plan, preview.context["token"])
    assert "has been retired" in response.content.decode()
    assert not Action.objects.filter(method="Outreach").exists()


def test_confirm_with_a_wrong_token_changes_nothing(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    client, plan = signed_in(manager), small_plan.plan
    _upload(client, plan, _edited(plan, F2="Outreach"))
    response = _confirm(client, plan, "guessed")
    assert UPLOAD_EXPIRED in response.content.decode()
    assert not Action.objects.filter(method="Outreach").exists()


@pytest.mark.parametrize("role", ["lead", "viewer"])
def test_only_managers_can_confirm(
    signed_in: Callable[[User], Any],
    manager: User,
    lead: User,
    viewer: User,
    small_plan: builders.SmallPlan,
    role: str,
) -> None:
    client, plan = signed_in(manager), small_plan.plan
    token = _upload(client, plan, _edited(plan, F2="Outreach")).context["token"]
    client.force_login({"lead": lead, "viewer": viewer}[role])
    assert _confirm(client, plan, token).status_code == 403
    create = reverse("importers:workbook-create-confirm", args=[plan.partnership_id])
    assert client.post(create, {"token": token}).status_code == 403
    assert not Action.objects.filter(method="Outreach").exists()


def test_create_a_plan_from_a_workbook(
    signed_in: Callable[[User], Any], manager: User, small_plan: builders.SmallPlan
) -> None:
    client, partnership_id = signed_in(manager), small_plan.plan.partnership_id
    url = reverse("importers:workbook-create", args=[partnership_id])
    assert "Download a blank template" in client.get(url).content.decode()
    upload = _edited(small_plan.plan)
    preview = client.post(
        url, {"title": "Next year", "period_label": "2027-28", "workbook": upload}
    )
    assert "A draft plan called <strong>Next year</strong> (2027-28)" in preview.content.decode()
    assert Plan.objects.filter(title="Next year").count() == 0
    confirm = reverse("importers:workbook-create-confirm", args=[partnership_id])
    response = client.post(confirm, {"token": preview.context["token"]})
    assert "Plan created" in response.content.decode()
    plan = Plan.objects.get(title="Next year")
    assert (plan.status, plan.period_label) == (Plan.Status.DRAFT, "2027-28")
    assert Action.objects.filter(objective__theme__plan=plan).count() == 4
    assert plan.history.first().history_user == manager


def test_plan_page_links(
    signed_in: Callable[[User], Any], manager: User, viewer: User, small_plan: builders.SmallPlan
) -> None:
    url = reverse("plans:plan", args=[small_plan.plan.pk])
    upload = reverse("importers:workbook-upload", args=[small_plan.plan.pk])
    download = reverse("importers:workbook-download", args=[small_plan.plan.pk])
    for user, manages in [(viewer, False), (manager, True)]:
        page = signed_in(user).get(url).content.decode()
        assert download in page
        assert (upload in page) is manages
