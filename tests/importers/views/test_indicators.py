"""A performance report through the pages: uploaded as CSV, previewed, a column's use changed,
confirmed, and the measures found on the performance summary; refused to a viewer."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from apps.importers.domain.tables.indicators import NOT_A_NUMBER
from apps.importers.forms.indicators import NO_INDICATOR_COLUMN, NO_TABLE
from apps.importers.models import ColumnChoice, DocumentUpload
from apps.partnerships.models import Membership, Partnership
from apps.performance.models import Measure, Observation
from tests import builders

pytestmark = pytest.mark.django_db

REPORT = [
    ["Community safety performance 2025/26", "", "", "", "", "", ""],
    ["KPI", "Baseline", "Target", "Q1", "Q2", "Commentary", "Lead officer"],
    ["Domestic burglary", "410", "390", "101", "97", "Fewer repeat addresses", "DI Shaw"],
    ["Repeat missing children (%)", "24%", "20%", "22%", "21.5%", "", "Children's services"],
]


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _upload(client: Client, partnership: Partnership, rows: list[list[str]]) -> Any:
    url = reverse("importers:indicators-upload", args=[partnership.pk])
    document = SimpleUploadedFile("kpis.csv", _csv(rows), content_type="text/csv")
    return client.post(url, {"document": document})


def _uses(page: str, table: int, columns: int) -> dict[str, str]:
    """The column selects as the page sets them, posted back unchanged."""
    uses = {}
    for column in range(columns):
        name = f"t{table}_c{column}"
        start = page.index(f'name="{name}"')
        selected = page.index(" selected", start)
        value_at = page.rindex('value="', start, selected) + len('value="')
        uses[name] = page[value_at : page.index('"', value_at)]
    return uses


@pytest.fixture
def analyst(make_member: Callable[..., User]) -> User:
    return make_member(Membership.Role.ANALYST, username="analyst", initials="AN")


def test_upload_preview_change_a_column_confirm_and_find_the_measures(
    signed_in: Callable[[User], Client], analyst: User, partnership: Partnership
) -> None:
    client = signed_in(analyst)
    summary = client.get(reverse("performance:summary", args=[partnership.pk])).content.decode()
    assert reverse("importers:indicators-upload", args=[partnership.pk]) in summary

    response = _upload(client, partnership, REPORT)
    assert response.status_code == 302
    upload = DocumentUpload.objects.get()
    assert upload.purpose == DocumentUpload.Purpose.INDICATORS
    preview_url = response["Location"]
    assert preview_url == reverse("importers:indicators-preview", args=[upload.pk])
    page = client.get(preview_url).content.decode()
    assert "Check the measures before importing" in page
    assert "Headings found on row 2" in page and "2 indicators read" in page
    assert "Q1 2025/26: 101" in page
    assert not Measure.objects.exists()

    # The lead officer column is kept as a note by default; the analyst ignores it.
    uses = _uses(page, 1, 7)
    assert uses["t1_c6"] == "note" and uses["t1_c3"] == "period"
    uses["t1_c6"] = "ignore"
    again = client.post(preview_url, {"step": "columns", "t1_year": "2025/26", **uses})
    assert again.status_code == 302
    page = client.get(preview_url).content.decode()
    assert _uses(page, 1, 7)["t1_c6"] == "ignore"

    done = client.post(preview_url, {"step": "confirm", "priority": "new"})
    assert done["Location"] == reverse("performance:summary", args=[partnership.pk])
    burglary = Measure.objects.get(title="Domestic burglary")
    assert burglary.comment == "Fewer repeat addresses"  # the lead officer was ignored
    assert (burglary.polarity, burglary.target_value) == ("down", Decimal(390))
    missing = Measure.objects.get(title="Repeat missing children (%)")
    assert missing.unit == "percentage"
    assert Observation.objects.filter(measure__priority__partnership=partnership).count() == 4
    summary = client.get(done["Location"]).content.decode()
    assert "Domestic burglary" in summary and "Repeat missing children" in summary
    # remembered for next quarter's copy
    assert ColumnChoice.objects.get(partnership=partnership).uses[6] == "ignore"
    assert "already been imported" in client.get(preview_url).content.decode()


def test_a_conflict_is_replaced_only_when_ticked(
    signed_in: Callable[[User], Client], analyst: User, partnership: Partnership
) -> None:
    priority = builders.priority(partnership=partnership)
    measure = builders.measure(priority=priority, title="Domestic burglary", target_value=390)
    Observation.objects.create(
        measure=measure, period_label="Q1 2025/26", period_start="2025-04-01", value=99
    )
    client = signed_in(analyst)
    preview_url = _upload(client, partnership, REPORT)["Location"]
    page = client.get(preview_url).content.decode()
    assert "Domestic burglary, Q1 2025/26: 99 held, 101 in the report" in page
    key = f"m{measure.pk}-2025-04-01"
    client.post(preview_url, {"step": "confirm", "priority": str(priority.pk), "replace": [key]})
    assert measure.observations.get(period_label="Q1 2025/26").value == Decimal(101)
    assert Measure.objects.get(title="Repeat missing children (%)").priority == priority


def test_a_problem_in_the_report_is_named_and_nothing_is_saved(
    signed_in: Callable[[User], Client], analyst: User, partnership: Partnership
) -> None:
    rows = [row[:] for row in REPORT]
    rows[3][4] = "about twenty"
    client = signed_in(analyst)
    preview_url = _upload(client, partnership, rows)["Location"]
    page = client.get(preview_url).content.decode()
    message = NOT_A_NUMBER.format(where="Row 4", column="Q2", text="about twenty")
    assert escape(message) in page
    response = client.post(preview_url, {"step": "confirm", "priority": "new"})
    assert response.status_code == 200
    assert not Measure.objects.exists()


def test_choosing_no_indicator_column_is_refused(
    signed_in: Callable[[User], Client], analyst: User, partnership: Partnership
) -> None:
    client = signed_in(analyst)
    preview_url = _upload(client, partnership, REPORT)["Location"]
    uses = {f"t1_c{c}": "note" for c in range(7)}
    response = client.post(preview_url, {"step": "columns", **uses})
    assert NO_INDICATOR_COLUMN.format(index=1).replace(
        "‘", "&lsquo;"
    ) in response.content.decode() or (
        NO_INDICATOR_COLUMN.format(index=1) in response.content.decode()
    )
    assert DocumentUpload.objects.get().choices == {}


def test_a_file_with_no_table_is_refused_on_the_upload_page(
    signed_in: Callable[[User], Client], analyst: User, partnership: Partnership
) -> None:
    client = signed_in(analyst)
    url = reverse("importers:indicators-upload", args=[partnership.pk])
    text = SimpleUploadedFile("notes.txt", b"Performance was good this quarter.\n")
    response = client.post(url, {"document": text})
    assert response.status_code == 200
    assert escape(NO_TABLE.format(name="notes.txt")) in response.content.decode()
    assert not DocumentUpload.objects.exists()


def test_a_viewer_may_not_import_measures(
    signed_in: Callable[[User], Client],
    viewer: User,
    analyst: User,
    partnership: Partnership,
) -> None:
    upload_url = reverse("importers:indicators-upload", args=[partnership.pk])
    viewer_client = signed_in(viewer)
    assert viewer_client.get(upload_url).status_code == 403
    document = SimpleUploadedFile("kpis.csv", _csv(REPORT), content_type="text/csv")
    assert viewer_client.post(upload_url, {"document": document}).status_code == 403
    summary = viewer_client.get(reverse("performance:summary", args=[partnership.pk]))
    assert upload_url not in summary.content.decode()
    analyst_client = signed_in(analyst)
    preview_url = _upload(analyst_client, partnership, REPORT)["Location"]
    viewer_client = signed_in(viewer)
    assert viewer_client.get(preview_url).status_code == 403
    assert (
        viewer_client.post(preview_url, {"step": "confirm", "priority": "new"}).status_code == 403
    )
    assert not Measure.objects.exists()


def test_a_plan_upload_is_not_opened_as_a_report(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    upload = builders.document_upload(partnership=partnership, user=manager)
    client = signed_in(manager)
    url = reverse("importers:indicators-preview", args=[upload.pk])
    assert client.get(url).status_code == 404


def test_a_report_is_not_opened_as_a_plan(
    signed_in: Callable[[User], Client], manager: User, partnership: Partnership
) -> None:
    client = signed_in(manager)
    _upload(client, partnership, REPORT)
    upload = DocumentUpload.objects.get()
    url = reverse("importers:document-preview", args=[upload.pk])
    assert client.get(url).status_code == 404
