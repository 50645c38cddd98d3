"""Any partnership's tracker through the upload page: read by its headings, or by the columns the
manager chooses, previewed, confirmed, and remembered for next quarter's copy."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.importers.domain.tables.plan_reader import headings_signature
from apps.importers.forms.columns import NO_ACTION_COLUMN
from apps.importers.models import ColumnChoice, DocumentUpload
from apps.partnerships.models import Partnership
from apps.plans.models import Action, Plan, Status
from tests.builders.partnerships import member

pytestmark = pytest.mark.django_db
UPLOAD = reverse("importers:document-upload")

TRACKER = [
    ["Safer Bassetlaw Partnership – delivery tracker 2026/27", "", "", "", "", ""],
    ["Ref", "What we will do", "Responsible officer", "Target date", "RAG", "Latest position"],
    ["1.1", "Run a summer campaign on knife crime", "Police", "31/08/2026", "Green", "Planned"],
    ["1.2", "Train licensed premises staff in spotting exploitation", "BDC", "March 2027", "A", ""],
    ["2.1", "Publish the domestic abuse strategy", "Jane Smith", "Q3 2026/27", "R", "Delayed"],
]
UNKNOWN = [
    ["Thing to do", "Person", "Finish"],
    ["Fit alley gates in the town centre", "Housing", "30/09/2026"],
    ["Hold a community speed watch day", "Police", "31/10/2026"],
]


def _csv(rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8-sig") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode(encoding)


def _upload(client: Client, partnership: Partnership, name: str, data: bytes) -> Any:
    document = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(UPLOAD, {"partnership": partnership.pk, "document": document})


def test_a_tracker_with_its_own_headings_is_read_and_created(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    client = signed_in(manager)
    response = _upload(client, partnership, "tracker.csv", _csv(TRACKER, delimiter=";"))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Check the plan before importing" in page
    assert "Table 1" in page and "Headings found on row 2" in page
    assert "3 actions read" in page
    assert 'name="t1_c3"' in page  # a use chosen per column, Target date among them
    assert not Plan.objects.exists()

    done = client.post(response["Location"], {"plans": ["1"], "status": Plan.Status.DRAFT})
    plan = Plan.objects.get()
    assert done["Location"] == reverse("plans:plan", args=[plan.pk])
    actions = {a.text: a for a in Action.objects.filter(objective__theme__plan=plan)}
    assert set(actions) == {row[1] for row in TRACKER[2:]}
    summer = actions["Run a summer campaign on knife crime"]
    assert summer.due_text == "31/08/2026" and str(summer.due_date) == "2026-08-31"
    assert summer.rating is not None and summer.rating.code == "G"
    # the tracker gives no status column: nothing is invented
    assert {a.status for a in actions.values()} == {Status.NOT_RECORDED}
    assert ColumnChoice.objects.get(partnership=partnership).uses[1] == "action"


def test_an_unknown_layout_goes_to_the_column_choice_and_is_remembered(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    client = signed_in(manager)
    location = _upload(client, partnership, "jobs.csv", _csv(UNKNOWN))["Location"]
    page = client.get(location).content.decode()
    assert "Choose how the columns are used" in page
    assert 'id="create-plans"' not in page  # nothing to create until a column holds actions

    refused = client.post(
        location, {"step": "columns", "t1_c0": "ignore", "t1_c1": "lead", "t1_c2": "by_when"}
    )
    assert refused.status_code == 200
    assert NO_ACTION_COLUMN.format(index=1) in refused.content.decode()
    assert "There is a problem" in refused.content.decode()

    chosen = client.post(
        location, {"step": "columns", "t1_c0": "action", "t1_c1": "lead", "t1_c2": "by_when"}
    )
    assert chosen["Location"] == location
    page = client.get(location).content.decode()
    assert "Check the plan before importing" in page and "2 actions read" in page
    client.post(location, {"plans": ["1"], "status": Plan.Status.LIVE})
    plan = Plan.objects.get()
    assert sorted(a.text for a in Action.objects.filter(objective__theme__plan=plan)) == sorted(
        row[0] for row in UNKNOWN[1:]
    )

    # next quarter's copy of the same tracker needs no choices
    again = _upload(
        client,
        partnership,
        "jobs-q2.csv",
        _csv([*UNKNOWN, ["Paint the underpass", "Council", "Dec 2026"]]),
    )
    page = client.get(again["Location"]).content.decode()
    assert "Check the plan before importing" in page and "3 actions read" in page
    assert "read this way before" in page


def test_a_column_choice_in_another_partnership_is_not_used(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    other = Partnership.objects.create(name="Elsewhere CSP", slug="elsewhere")
    ColumnChoice.objects.create(
        partnership=other,
        signature=headings_signature(UNKNOWN[0]),
        headings=UNKNOWN[0],
        uses=["action", "lead", "by_when"],
    )
    client = signed_in(manager)
    location = _upload(client, partnership, "jobs.csv", _csv(UNKNOWN))["Location"]
    assert "Choose how the columns are used" in client.get(location).content.decode()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc"),
        ("broken.docx", b"PK\x03\x04broken", "broken.docx"),
        ("minutes.txt", b"Minutes of the meeting\n\nPresent: the chair.\n", "no table"),
    ],
    ids=["old-word", "damaged", "no-table"],
)
def test_a_file_that_cannot_be_read_is_refused_on_the_field_and_nothing_kept(
    signed_in: Callable[[User], Client],
    manager: User,
    partnership: Partnership,
    name: str,
    data: bytes,
    message: str,
) -> None:
    response = _upload(signed_in(manager), partnership, name, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert not DocumentUpload.objects.exists()


def test_another_partnerships_manager_cannot_see_or_choose_columns(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    location = _upload(signed_in(manager), partnership, "jobs.csv", _csv(UNKNOWN))["Location"]
    other = Partnership.objects.create(name="Elsewhere CSP", slug="elsewhere")
    outsider = member(partnership=other, role="manager")
    client = signed_in(outsider)
    assert client.get(location).status_code == 403
    posted = client.post(
        location, {"step": "columns", "t1_c0": "action", "t1_c1": "lead", "t1_c2": "by_when"}
    )
    assert posted.status_code == 403
    assert DocumentUpload.objects.get().choices == {}


def test_the_preview_uses_the_document_as_read_at_upload(
    signed_in: Callable[[User], Client],
    manager: User,
    partnership: Partnership,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long PDF is read once, at upload; the preview, the column choice and the import use
    what was read then."""
    client = signed_in(manager)
    location = _upload(client, partnership, "tracker.csv", _csv(TRACKER))["Location"]
    assert DocumentUpload.objects.get().document is not None

    def no_reading(name: str, data: bytes) -> None:
        raise AssertionError("read again")

    monkeypatch.setattr("apps.importers.selectors.documents.read_document", no_reading)
    assert "3 actions read" in client.get(location).content.decode()
    client.post(location, {"plans": ["1"], "status": Plan.Status.DRAFT})
    assert Plan.objects.count() == 1


def test_the_preview_runs_as_many_queries_for_ten_rows_as_for_two_hundred(
    signed_in: Callable[[User], Client],
    manager: User,
    partnership: Partnership,
) -> None:
    client = signed_in(manager)
    locations = []
    for count in (10, 200):
        rows = [
            [
                f"{n}",
                f"Action {n} for the town centre",
                ["Police", "Council"][n % 2],
                "31/03/2027",
                "G",
                "",
            ]
            for n in range(1, count + 1)
        ]
        locations.append(
            _upload(client, partnership, f"t{count}.csv", _csv([*TRACKER[:2], *rows]))["Location"]
        )
    client.get(locations[0])  # sessions and caches warmed
    counts = []
    for location in locations:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(location).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
