"""The tracker page: a manager reads what a partner's tracker would change in the plan, ticks the
conflicts, duplicates and unmatched rows they want, and confirms; other roles and other
partnerships are turned away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.demo.seeds import NSDC_2026
from apps.importers.domain.parsed import ParsedPlan
from apps.importers.models import DocumentUpload
from apps.importers.views import trackers as view
from apps.partnerships.models import Membership, Partnership
from apps.plans.models import Action, Status, Update
from apps.plans.services import action_add_update
from tests import builders
from tests.builders.documents import DocTable, csv_bytes
from tests.builders.trackers import TrackerPlan, tracker, tracker_plan, tracker_row

pytestmark = pytest.mark.django_db

SAFER = ("Safer Neighbourhoods", 1, "Reduce anti-social behaviour in town centres")
ABUSE = ("Protecting Vulnerable People", 3, "Reduce the harm caused by domestic abuse")


@pytest.fixture
def plan(partnership: Partnership) -> TrackerPlan:
    return tracker_plan(partnership=partnership)


@pytest.fixture
def upload(partnership: Partnership, manager: User) -> DocumentUpload:
    return builders.document_upload(partnership=partnership, user=manager)


def _url(plan: TrackerPlan, upload: DocumentUpload) -> str:
    return reverse("importers:tracker-preview", args=[plan.plan.pk, upload.pk])


def _reads_as(
    monkeypatch: pytest.MonkeyPatch, parsed: ParsedPlan, saved: datetime | None = None
) -> None:
    """The kept document reads as this tracker (the general reader's part, not this page's)."""
    monkeypatch.setattr(view, "_parsed_for", lambda reading: (parsed, saved))


def _tracker() -> ParsedPlan:
    return tracker(
        (
            *SAFER,
            [
                tracker_row("1.1.", updates=["Forty young people attended."], rag="G", line=7),
                tracker_row(
                    "1.2", updates=["Funding bid submitted to the Safer Streets fund."], line=8
                ),
            ],
        ),
        (*ABUSE, [tracker_row("3.1", rag="Green", line=9)]),
        ("Extras", 9, "Partner work", [tracker_row("X1", "Clean up graffiti", line=12)]),
    )


def _changed_after_saving(plan: TrackerPlan, partnership: Partnership) -> datetime:
    """The tracker was saved, then a lead rated action 3.1 Red in SaferPlan."""
    saved = timezone.now()
    lead = builders.member(partnership=partnership, role=Membership.Role.LEAD)
    action = plan.actions["3.1"]
    red = plan.plan.ratings.get(code="R")
    action_add_update(action=action, user=lead, text="Paused.", status=action.status, rating=red)
    return saved


def test_the_preview_lists_every_change_and_writes_nothing(
    signed_in: Callable[[User], Client],
    manager: User,
    plan: TrackerPlan,
    partnership: Partnership,
    upload: DocumentUpload,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = _changed_after_saving(plan, partnership)
    _reads_as(monkeypatch, _tracker(), saved)
    before = Update.objects.count()
    page = signed_in(manager).get(_url(plan, upload)).content.decode()
    assert "Check the changes from this tracker" in page
    assert "Row 7 (action 1.1): new update ‘Forty young people attended.’" in page
    assert "Row 7 (action 1.1): RAG Amber → Green" in page
    today = f"{timezone.localdate():%-d %B %Y}"
    assert (
        f"Row 9 (action 3.1): RAG Red → Green; SaferPlan changed it from Amber to Red on {today}, "
        "after this tracker was saved — tick to apply"
    ) in page
    assert "Row 8 (action 1.2): update ‘Funding bid submitted to the Safer Streets fund.’ is " in (
        page
    )
    assert "Row 12 (‘X1’): matches no action in the plan — tick to add it" in page
    assert page.count('class="govuk-checkboxes__input"') == 3
    assert 'class="govuk-table"' in page and "Make these changes" in page
    assert Update.objects.count() == before


def test_confirming_applies_the_plain_and_ticked_changes(
    signed_in: Callable[[User], Client],
    manager: User,
    plan: TrackerPlan,
    partnership: Partnership,
    upload: DocumentUpload,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = _changed_after_saving(plan, partnership)
    parsed = _tracker()
    _reads_as(monkeypatch, parsed, saved)
    client = signed_in(manager)
    page = client.get(_url(plan, upload)).content.decode()
    conflict_id = page.split('value="2-rag-')[1].split('"')[0]
    response = client.post(_url(plan, upload), {"ticked": [f"2-rag-{conflict_id}"]})
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:plan", args=[plan.plan.pk])
    first = Action.objects.get(pk=plan.actions["1.1"].pk)
    third = Action.objects.get(pk=plan.actions["3.1"].pk)
    assert first.rating and first.rating.code == "G"
    assert first.updates.filter(text="Forty young people attended.").exists()
    assert third.rating and third.rating.code == "G"  # the ticked conflict
    assert plan.actions["1.2"].updates.count() == 1  # the duplicate was not ticked
    assert not Action.objects.filter(text="Clean up graffiti").exists()
    upload.refresh_from_db()
    assert upload.imported_at is not None and list(upload.plans.all()) == [plan.plan]
    shown = client.get(response["Location"]).content.decode()
    assert f"Changed the plan from ‘{upload.file_name}’: 1 update added, 2 RAG ratings changed" in (
        shown
    )

    again = client.get(_url(plan, upload)).content.decode()
    assert "This document has already been brought in" in again
    assert client.post(_url(plan, upload), {}).status_code == 200
    assert Update.objects.filter(text="Forty young people attended.").count() == 1


def test_a_refused_row_is_shown_and_nothing_changes(
    signed_in: Callable[[User], Client],
    manager: User,
    plan: TrackerPlan,
    upload: DocumentUpload,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed = _tracker()
    parsed.themes[0].objectives[0].actions.append(
        tracker_row("1.3-EXTENDED-REFERENCE", "Street pastors on Friday nights", line=10)
    )
    _reads_as(monkeypatch, parsed)
    before = Update.objects.count()
    response = signed_in(manager).post(_url(plan, upload), {})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "<title>Error:" in page
    assert "SaferPlan could not apply Row 10 (‘1.3-EXTENDED-REFERENCE’)" in page
    assert Update.objects.count() == before
    assert Action.objects.get(pk=plan.actions["1.1"].pk).rating.code == "A"  # type: ignore[union-attr]
    upload.refresh_from_db()
    assert upload.imported_at is None


def test_a_seed_plan_against_its_own_document_changes_nothing_unticked(
    signed_in: Callable[[User], Client],
    manager: User,
    partnership: Partnership,
) -> None:
    """NSDC's plan read back as a tracker, through the reader an upload takes."""
    imported = builders.import_plan(NSDC_2026, partnership, status="live")
    upload = builders.document_upload(partnership=partnership, user=manager)
    url = reverse("importers:tracker-preview", args=[imported.pk, upload.pk])
    page = signed_in(manager).get(url).content.decode()
    recorded = Update.objects.filter(action__objective__theme__plan=imported).count()
    assert 'id="change-counts"' in page
    assert "Nothing will change unless you tick it below." in page
    assert page.count("is already recorded — tick to add it again") == recorded > 0
    before = Update.objects.count()
    signed_in(manager).post(url, {})
    assert Update.objects.count() == before


def test_an_unreadable_document_is_named(
    signed_in: Callable[[User], Client],
    manager: User,
    plan: TrackerPlan,
    partnership: Partnership,
) -> None:
    upload = DocumentUpload.objects.create(
        partnership=partnership, uploaded_by=manager, file_name="notes.txt", content=b"Hello"
    )
    page = signed_in(manager).get(_url(plan, upload)).content.decode()
    assert "There is a problem" in page
    assert "notes.txt: SaferPlan found no table in “notes.txt”" in page
    assert "Make these changes" not in page


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Membership.Role.MANAGER, 200),
        (Membership.Role.LEAD, 403),
        (Membership.Role.VIEWER, 403),
    ],
)
def test_only_managers_may_bring_in_a_tracker(
    client: Client,
    plan: TrackerPlan,
    partnership: Partnership,
    upload: DocumentUpload,
    monkeypatch: pytest.MonkeyPatch,
    role: str,
    status: int,
) -> None:
    _reads_as(monkeypatch, _tracker())
    client.force_login(builders.member(partnership=partnership, role=role))
    assert client.get(_url(plan, upload)).status_code == status
    posted = client.post(_url(plan, upload), {})
    assert posted.status_code == (302 if status == 200 else status)


def test_a_document_of_another_partnership_is_not_found(
    signed_in: Callable[[User], Client], manager: User, plan: TrackerPlan
) -> None:
    other = builders.partnership()
    upload = builders.document_upload(partnership=other)
    assert signed_in(manager).get(_url(plan, upload)).status_code == 404


def test_status_words(plan: TrackerPlan) -> None:
    """The page names statuses as the plan does."""
    from apps.importers.selectors import tracker_changes

    parsed = tracker((*SAFER, [tracker_row("1.2", status=Status.ON_HOLD)]))
    (change,) = tracker_changes(plan=plan.plan, parsed=parsed).changes
    assert change.description == "Row 2 (action 1.2): status Not started → On hold"


def test_confirming_with_nothing_to_change_says_so(
    signed_in: Callable[[User], Client],
    manager: User,
    plan: TrackerPlan,
    upload: DocumentUpload,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _reads_as(monkeypatch, tracker((*SAFER, [tracker_row("1.1", rag="A")])))
    client = signed_in(manager)
    assert "The tracker matches the plan. There is nothing to change." in (
        client.get(_url(plan, upload)).content.decode()
    )
    response = client.post(_url(plan, upload), {}, follow=True)
    assert view.NOTHING_CHOSEN in response.content.decode()


def test_a_partners_tracker_uploaded_for_the_plan_goes_to_the_tracker_page(
    signed_in: Callable[[User], Client], manager: User, plan: TrackerPlan
) -> None:
    rows = [
        ["Ref", "Action", "Latest position"],
        ["1.1", "Run diversionary youth activities", "Forty young people attended."],
    ]
    data = csv_bytes(DocTable(rows=list(rows)))
    url = reverse("importers:workbook-upload", args=[plan.plan.pk])
    client = signed_in(manager)
    response = client.post(url, {"document": SimpleUploadedFile("returns.csv", data)})
    upload = DocumentUpload.objects.get(file_name="returns.csv")
    assert response["Location"] == _url(plan, upload)
    page = client.get(response["Location"]).content.decode()
    assert "Row 2 (action 1.1): new update ‘Forty young people attended.’" in page


def test_an_unreadable_tracker_is_refused_on_the_upload_page_and_not_kept(
    signed_in: Callable[[User], Client], manager: User, plan: TrackerPlan
) -> None:
    url = reverse("importers:workbook-upload", args=[plan.plan.pk])
    old_word = SimpleUploadedFile("returns.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    page = signed_in(manager).post(url, {"document": old_word}).content.decode()
    assert "There is a problem" in page and "returns.doc" in page
    assert not DocumentUpload.objects.filter(file_name="returns.doc").exists()
