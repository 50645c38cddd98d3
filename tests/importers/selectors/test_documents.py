"""The upload preview promises the agencies and people the import will add: no more, no fewer."""

from __future__ import annotations

from pathlib import Path

import pytest

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NOTTS_PCC_2019, NSDC_2025, NSDC_2026
from apps.importers.selectors import document_upload_preview
from apps.importers.services import document_upload_import
from apps.partnerships.models import Organisation, Partnership, Person
from apps.plans.models import Plan
from tests import builders

pytestmark = pytest.mark.django_db

SEEDS = [NSDC_2025, NSDC_2026, NORFOLK_2013, NOTTS_PCC_2019, BOLSOVER_2017]


def _leads(partnership: Partnership) -> tuple[set[str], set[str]]:
    organisations = {f"{o.short_name} ({o.name})" for o in partnership.organisations.all()}
    return organisations, {p.initials for p in Person.objects.filter(partnership=partnership)}


def _import(
    path: Path, chosen: list[int], known: str = ""
) -> tuple[list[str], list[str], Partnership]:
    """Preview then import the chosen plans of a seed into a new partnership; the promised and
    the added agencies and people."""
    partnership = builders.partnership()
    if known:
        builders.person(partnership=partnership, initials=known)
    upload = builders.document_upload(partnership=partnership, path=path)
    previews = [p for p in document_upload_preview(upload=upload).plans if p.number in chosen]
    before = _leads(partnership)
    document_upload_import(
        upload=upload, chosen=chosen, status=Plan.Status.DRAFT, user=upload.uploaded_by
    )
    after = _leads(partnership)
    added_organisations, added_people = after[0] - before[0], after[1] - before[1]
    promised_organisations = {o for p in previews for o in p.new_organisations}
    promised_people = {person for p in previews for person in p.new_people}
    assert promised_organisations == added_organisations
    assert promised_people == added_people
    return sorted(added_organisations), sorted(added_people), partnership


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_each_plan_of_a_seed_adds_the_leads_its_preview_promised(path: Path) -> None:
    upload = builders.document_upload(partnership=builders.partnership(), path=path)
    count = len(document_upload_preview(upload=upload).plans)
    for number in range(1, count + 1):
        organisations, people, _ = _import(path, [number])
        assert organisations or people  # every seed names leads the new partnership lacks
    if count > 1:
        _import(path, list(range(1, count + 1)))


def test_a_lead_the_partnership_knows_is_neither_promised_nor_added() -> None:
    _, people, partnership = _import(NSDC_2025, [1], known="YS")
    assert "YS" not in people
    assert Person.objects.filter(partnership=partnership, initials="YS").count() == 1
    assert Organisation.objects.filter(partnership=partnership, short_name="CSP").exists()
