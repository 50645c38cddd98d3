"""`build_report SLUG --format … --out FILE`: writes the file, refuses what it cannot do."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from apps.partnerships.models import Partnership
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved(partnership: Partnership, small_plan: builders.SmallPlan) -> str:
    builders.definition(partnership=partnership, plans=[small_plan.plan], slug="board-q3")
    return "board-q3"


@pytest.mark.parametrize(("code", "start"), [("html", b"<!DOCTYPE html>"), ("pdf", b"%PDF-")])
def test_writes_the_report_in_the_format_asked(
    saved: str, tmp_path: Path, code: str, start: bytes
) -> None:
    out = tmp_path / f"board.{code}"
    stdout = StringIO()
    call_command("build_report", saved, "--format", code, "--out", str(out), stdout=stdout)
    assert out.read_bytes().startswith(start)
    assert f"Wrote {out}" in stdout.getvalue()


def test_public_flag_builds_the_public_version(
    saved: str, tmp_path: Path, partnership: Partnership, small_plan: builders.SmallPlan
) -> None:
    person = builders.person(partnership=partnership, initials="AB", name="Alice Bloggs")
    small_plan.actions[0].updates.create(text="Checked by Alice Bloggs", author=person)
    out = tmp_path / "board.html"
    call_command("build_report", saved, "--format", "html", "--out", str(out), stdout=StringIO())
    assert "Alice Bloggs" in out.read_text()
    call_command(
        "build_report", saved, "--format", "html", "--out", str(out), "--public", stdout=StringIO()
    )
    assert "Alice Bloggs" not in out.read_text()
    assert "Checked by AB" in out.read_text()


def test_refuses_a_format_that_is_not_registered(saved: str, tmp_path: Path) -> None:
    out = tmp_path / "board.odt"
    with pytest.raises(CommandError, match=r"no report format called “odt”.*html, pdf"):
        call_command("build_report", saved, "--format", "odt", "--out", str(out))
    assert not out.exists()


def test_refuses_a_report_that_does_not_exist(saved: str, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"no saved report called “nope”\. Saved reports: board"):
        call_command("build_report", "nope", "--format", "pdf", "--out", str(tmp_path / "x.pdf"))


def test_says_when_the_file_cannot_be_written(saved: str, tmp_path: Path) -> None:
    out = tmp_path / "missing-folder" / "board.html"
    with pytest.raises(CommandError, match="Could not write"):
        call_command("build_report", saved, "--format", "html", "--out", str(out))
