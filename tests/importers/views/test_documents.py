"""The upload page: a manager uploads a document, reads the preview, confirms, finds the plan;
a bad file is refused on the file field and nothing is kept; other roles are turned away."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NSDC_2025, NSDC_2026
from apps.importers.forms.documents import FILE_REQUIRED, MAX_DOCUMENT_BYTES, PLANS_REQUIRED
from apps.importers.models import DocumentUpload
from apps.importers.services.documents import ALREADY_IMPORTED, EARLIER_EDITION_FOR_ONE
from apps.partnerships.models import Membership, Partnership
from apps.partnerships.services import organisation_create
from apps.plans.models import Action, Plan, Update
from tests import builders

pytestmark = pytest.mark.django_db
UPLOAD = reverse("importers:document-upload")


def _file(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")


def _upload(client: Client, partnership: Partnership, document: SimpleUploadedFile) -> Any:
    return client.post(UPLOAD, {"partnership": partnership.pk, "document": document})


def test_upload_preview_confirm_creates_the_plan(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    client = signed_in(manager)
    response = _upload(client, partnership, _file(NSDC_2026))
    upload = DocumentUpload.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("importers:document-preview", args=[upload.pk])
    assert upload.uploaded_by == manager and upload.partnership == partnership
    assert not Plan.objects.filter(source_name=NSDC_2026.name).exists()

    preview = client.get(response["Location"]).content.decode()
    assert "NSDC delivery plan" in preview
    assert "14 objectives, 64 actions" in preview
    assert "Line " in preview  # the importer's judged lines are listed before saving
    assert "Nothing has been saved yet" in preview
    assert not Plan.objects.filter(source_name=NSDC_2026.name).exists()

    done = client.post(response["Location"], {"plans": ["1"], "status": Plan.Status.LIVE})
    plan = Plan.objects.get(source_name=NSDC_2026.name)
    assert done["Location"] == reverse("plans:plan", args=[plan.pk])
    assert plan.partnership == partnership and plan.status == Plan.Status.LIVE
    assert Action.objects.filter(objective__theme__plan=plan).count() == 64
    assert plan.history.first().history_user == manager
    upload.refresh_from_db()
    assert upload.imported_at is not None and list(upload.plans.all()) == [plan]
    page = client.get(done["Location"]).content.decode()
    assert "Created 1 plan" in page


def test_confirming_twice_creates_the_plan_once(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    client = signed_in(manager)
    preview_url = _upload(client, partnership, _file(NSDC_2025))["Location"]
    client.post(preview_url, {"plans": ["1"], "status": Plan.Status.DRAFT})
    again = client.get(preview_url).content.decode()
    assert "already been imported" in again
    assert Plan.objects.count() == 1


def test_service_refuses_a_second_import(manager: User, partnership: Partnership) -> None:
    from django.core.exceptions import ValidationError

    from apps.importers.services import document_upload_import

    upload = builders.document_upload(partnership=partnership, user=manager)
    document_upload_import(upload=upload, chosen=[1], status="draft", user=manager)
    with pytest.raises(ValidationError, match=ALREADY_IMPORTED):
        document_upload_import(upload=upload, chosen=[1], status="draft", user=manager)
    assert Plan.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Minutes of the meeting\n\nPresent: the chair.\n", "found no table in “plan.txt”"),
        (b"\x00\x01\x02binary", "SaferPlan cannot read “plan.txt”"),
        (b"   \n", "“plan.txt” is empty"),
    ],
    ids=["no-table", "binary", "blank"],
)
def test_a_file_that_holds_no_plan_table_is_refused_and_nothing_kept(
    signed_in: Callable[[User], Client],
    manager: User,
    partnership: Partnership,
    content: bytes,
    message: str,
) -> None:
    client = signed_in(manager)
    response = _upload(client, partnership, SimpleUploadedFile("plan.txt", content))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and message in page
    assert 'href="#id_document"' in page  # the summary links to the field at fault
    assert DocumentUpload.objects.count() == 0 and Plan.objects.count() == 0


def test_missing_and_oversized_files_are_refused(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    client = signed_in(manager)
    assert FILE_REQUIRED in client.post(UPLOAD, {"partnership": partnership.pk}).content.decode()
    big = SimpleUploadedFile("big.txt", b"x" * (MAX_DOCUMENT_BYTES + 1))
    assert "must be smaller than 5" in _upload(client, partnership, big).content.decode()
    assert DocumentUpload.objects.count() == 0


def test_choosing_no_plan_is_an_error(manager: User, signed_in: Callable[[User], Client]) -> None:
    upload = builders.document_upload(
        partnership=manager.memberships.get().partnership, user=manager
    )
    url = reverse("importers:document-preview", args=[upload.pk])
    page = signed_in(manager).post(url, {"status": Plan.Status.DRAFT}).content.decode()
    assert PLANS_REQUIRED in page
    assert Plan.objects.count() == 0


def test_preview_lists_new_leads_and_updates(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    upload = builders.document_upload(partnership=partnership, user=manager, path=NSDC_2025)
    url = reverse("importers:document-preview", args=[upload.pk])
    text = signed_in(manager).get(url).content.decode()
    assert "74 actions and 0 updates" not in text
    assert "74 actions" in text
    assert "CSP (Community Safety Partnership)</dd>" in text
    assert "JW, KS, N EC, NR, SM, YS</dd>" in text
    builders.person(partnership=partnership, initials="YS")
    assert "JW, KS, N EC, NR, SM</dd>" in signed_in(manager).get(url).content.decode()


def test_a_manager_may_only_upload_for_partnerships_they_manage(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    other = builders.partnership()
    response = _upload(signed_in(manager), other, _file(NSDC_2026))
    assert "Select a valid choice" in response.content.decode()
    assert DocumentUpload.objects.count() == 0


def _as(role: str, client: Client, partnership: Partnership) -> Client:
    if role == "anonymous":
        return client
    if role == "manager elsewhere":
        user = builders.member(partnership=builders.partnership(), role="manager")
    else:
        user = builders.member(partnership=partnership, role=role)
    client.force_login(user)
    return client


# role → (upload page GET, preview GET, confirm POST); "sign in" is the login wall
MATRIX = {
    Membership.Role.MANAGER: (200, 200, 302),
    Membership.Role.LEAD: (403, 403, 403),
    Membership.Role.VIEWER: (403, 403, 403),
    "manager elsewhere": (200, 403, 403),
    "anonymous": ("sign in", "sign in", "sign in"),
}


@pytest.mark.parametrize("role", list(MATRIX))
def test_permission_matrix(client: Client, partnership: Partnership, role: str) -> None:
    upload = builders.document_upload(partnership=partnership)
    preview = reverse("importers:document-preview", args=[upload.pk])
    browser = _as(role, client, partnership)
    responses = [
        browser.get(UPLOAD),
        browser.get(preview),
        browser.post(preview, {"plans": ["1"], "status": Plan.Status.DRAFT}),
    ]
    for response, expected in zip(responses, MATRIX[role], strict=True):
        if expected == "sign in":
            assert response.status_code == 302
            assert response["Location"].startswith("/accounts/sign-in/")
        else:
            assert response.status_code == expected
    assert Plan.objects.exists() == (MATRIX[role][2] == 302)
    assert Update.objects.exists() == (MATRIX[role][2] == 302)


def test_next_years_plan_imported_as_the_next_edition_is_matched_and_archives_the_old(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    client = signed_in(manager)
    first = client.post(
        _upload(client, partnership, _file(NSDC_2025))["Location"],
        {"plans": ["1"], "status": Plan.Status.LIVE},
    )
    old = Plan.objects.get()
    assert first["Location"] == reverse("plans:plan", args=[old.pk])
    preview = _upload(client, partnership, _file(NSDC_2026))["Location"]
    assert "Earlier edition (optional)" in client.get(preview).content.decode()
    client.post(preview, {"plans": ["1"], "status": Plan.Status.LIVE, "predecessor": old.pk})
    new = Plan.objects.exclude(pk=old.pk).get()
    old.refresh_from_db()
    assert new.predecessor == old and old.status == Plan.Status.ARCHIVED
    linked = Action.objects.filter(objective__theme__plan=new, predecessor__isnull=False)
    assert linked.count() == 62


def test_an_earlier_edition_is_for_one_plan_only(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    earlier = builders.small_plan(partnership=partnership).plan
    upload = builders.document_upload(partnership=partnership, user=manager, path=NORFOLK_2013)
    url = reverse("importers:document-preview", args=[upload.pk])
    page = signed_in(manager).post(
        url, {"plans": ["1", "2"], "status": Plan.Status.DRAFT, "predecessor": earlier.pk}
    )
    assert EARLIER_EDITION_FOR_ONE in page.content.decode()
    assert Plan.objects.count() == 1


def test_preview_shows_which_leads_match_and_which_will_be_added(
    signed_in: Callable[[User], Client],
) -> None:
    """Bolsover's plan uploaded by a partnership named after Bassetlaw: its own glossary says
    BDC is Bolsover District Council; the CSP the partnership has is matched by its alias."""
    partnership = builders.partnership("Bassetlaw, Newark & Sherwood CSP")
    organisation_create(
        partnership=partnership,
        short_name="BNS CSP",
        name="Bassetlaw, Newark & Sherwood Community Safety Partnership",
        aliases=["CSP"],
        user=None,
    )
    user = builders.member(partnership=partnership, role=Membership.Role.MANAGER)
    upload = builders.document_upload(partnership=partnership, path=BOLSOVER_2017, user=user)
    page = signed_in(user).get(reverse("importers:document-preview", args=[upload.pk]))
    text = " ".join(page.content.decode().split())
    assert "which match Bassetlaw, Newark &amp; Sherwood CSP’s agencies and people" in text
    row = (
        '<td class="govuk-table__cell">BDC</td> <td class="govuk-table__cell">Agency</td> '
        '<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--yellow">Will be '
        'added</strong> <span class="govuk-body-s">(by the document\'s glossary)</span></td> '
        '<td class="govuk-table__cell">Bolsover District Council (BDC)</td>'
    )
    assert row in text.replace("&#x27;", "'")
    assert (
        '<td class="govuk-table__cell">CSP</td> <td class="govuk-table__cell">Agency</td> '
        '<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--green">Matches'
        '</strong> <span class="govuk-body-s">(by alias)</span></td>'
    ) in text
    assert "CSP (Community Safety Partnership)" not in text
