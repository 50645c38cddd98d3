"""`import_plan` on a partnership's own tracker: columns chosen by headings, changed with --map,
printed with --json, and remembered for the partnership."""

from __future__ import annotations

import csv
import io
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.importers.models import ColumnChoice
from apps.plans.models import Action, Plan

pytestmark = pytest.mark.django_db

ROWS = [
    ["Community Safety Partnership Action Plan 2026-27"],
    ["No.", "Task", "Owner", "Deadline", "Progress", "Notes"],
    ["1", "Refresh the ASB case review leaflet", "Council", "30/06/2026", "Drafted", "Print run"],
    ["2", "Set up a youth diversion panel", "Youth Justice", "Autumn 2026", "", ""],
]


def _write(tmp_path: Path, rows: list[list[str]], name: str = "plan.csv") -> Path:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _run(*args: str) -> str:
    out = StringIO()
    call_command("import_plan", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_json_prints_the_plan_and_the_column_choices_it_made(tmp_path: Path) -> None:
    data = json.loads(_run(str(_write(tmp_path, ROWS)), "--json"))
    actions = [a for t in data["themes"] for o in t["objectives"] for a in o["actions"]]
    assert [a["text"] for a in actions] == [ROWS[2][1], ROWS[3][1]]
    assert actions[0]["leads"] == ["Council"]
    assert actions[0]["due_date"] == "2026-06-30"
    assert actions[0]["updates"][0]["text"] == "Drafted"
    [table] = data["columns"]
    assert table["header_row"] == 2
    assert [column["heading"] for column in table["columns"]] == ROWS[1]
    uses = [column["use"] for column in table["columns"]]
    assert uses[:5] == ["number", "action", "lead", "by_when", "update"]
    assert Plan.objects.count() == 0


def test_map_changes_a_columns_use(tmp_path: Path) -> None:
    path = _write(tmp_path, ROWS)
    data = json.loads(
        _run(str(path), "--json", "--map", "Notes=ignore", "--map", "Progress=detail")
    )
    action = data["themes"][0]["objectives"][0]["actions"][0]
    assert action["updates"] == []
    assert action["details"] == {"Progress": "Drafted"}
    assert [c["use"] for c in data["columns"][0]["columns"]][4:] == ["detail", "ignore"]


def test_map_makes_an_unrecognised_layout_readable(tmp_path: Path) -> None:
    rows = [["Thing", "Person", "Finish"], ["Fit alley gates", "Housing", "30/09/2026"]]
    path = _write(tmp_path, rows)
    with pytest.raises(CommandError, match="--map"):
        _run(str(path), "--json")
    data = json.loads(_run(str(path), "--json", "--map", "Thing=action", "--map", "Person=lead"))
    action = data["themes"][0]["objectives"][0]["actions"][0]
    assert (action["text"], action["leads"]) == ("Fit alley gates", ["Housing"])


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("Nowhere=lead", "no table has a column headed"),
        ("Owner=boss", "is not a use"),
        ("Owner", "HEADING=USE"),
    ],
)
def test_a_wrong_map_is_refused_in_words(tmp_path: Path, mapping: str, message: str) -> None:
    with pytest.raises(CommandError, match=message):
        _run(str(_write(tmp_path, ROWS)), "--map", mapping)
    assert Plan.objects.count() == 0


def test_import_saves_the_plan_and_remembers_the_columns(tmp_path: Path) -> None:
    out = _run(str(_write(tmp_path, ROWS)), "--partnership", "Tracker CSP", "--map", "Notes=ignore")
    plan = Plan.objects.get()
    assert "Created plan" in out and plan.partnership.name == "Tracker CSP"
    assert Action.objects.filter(objective__theme__plan=plan).count() == 2
    choice = ColumnChoice.objects.get(partnership=plan.partnership)
    assert choice.uses[-1] == "ignore"
    # the same headings next time are read as chosen, without --map
    data = json.loads(
        _run(str(_write(tmp_path, ROWS, "q2.csv")), "--json", "--partnership", "Tracker CSP")
    )
    [table] = data["columns"]
    assert table["columns"][-1]["use"] == "ignore" and table["chosen"]


def test_dry_run_saves_nothing(tmp_path: Path) -> None:
    out = _run(str(_write(tmp_path, ROWS)), "--dry-run")
    assert "Nothing saved" in out
    assert Plan.objects.count() == 0 and ColumnChoice.objects.count() == 0
