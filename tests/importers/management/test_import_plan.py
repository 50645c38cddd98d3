"""`manage.py import_plan`: JSON, dry run, a real import, and refusal of anything else."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NOTTS_PCC_2019, NSDC_2025, NSDC_2026
from apps.plans.models import Action, Plan

pytestmark = pytest.mark.django_db


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_plan", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("path", [NSDC_2025, NSDC_2026], ids=["2025", "2026-27"])
def test_json_prints_the_promised_shape_and_saves_nothing(path: Path) -> None:
    out, _ = _run(str(path), "--json")
    data = json.loads(out)
    assert set(data) >= {"title", "themes", "rag_scheme", "warnings"}
    objectives = [o for t in data["themes"] for o in t["objectives"]]
    assert [o["number"] for o in objectives] == list(range(1, 15))
    action = objectives[0]["actions"][0]
    assert set(action) >= {
        "number",
        "method",
        "text",
        "sub_items",
        "due_text",
        "due_date",
        "status",
        "leads",
        "updates",
    }
    assert all(isinstance(w["line"], int) and w["message"] for w in data["warnings"])
    assert [r["code"] for r in data["rag_scheme"]] == ["R", "A", "G"]
    assert Plan.objects.count() == 0


def test_import_creates_the_plan() -> None:
    out, _ = _run(str(NSDC_2026), "--partnership", "Test CSP", "--status", "live")
    plan = Plan.objects.get()
    assert plan.status == Plan.Status.LIVE
    assert plan.partnership.name == "Test CSP"
    assert "14 objectives" in out
    assert Action.objects.filter(objective__theme__plan=plan).count() == 64


def test_dry_run_saves_nothing() -> None:
    out, _ = _run(str(NSDC_2025), "--dry-run")
    assert "Nothing saved" in out
    assert Plan.objects.count() == 0
    assert Action.objects.count() == 0


def test_a_document_without_a_table_is_refused_saying_what_a_plan_needs(
    tmp_path: Path,
) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes of the meeting\n\nPresent: the chair, the vice-chair.\n")
    with pytest.raises(CommandError, match=r"found no table in “minutes\.txt”"):
        _run(str(minutes))
    assert Plan.objects.count() == 0


def test_json_of_the_bolsover_action_plan() -> None:
    data = json.loads(_run(str(BOLSOVER_2017), "--json")[0])
    assert data["layout"] == "bolsover-action-plan"
    assert data["period_label"] == "2017-2020"
    objectives = data["themes"][0]["objectives"]
    assert [len(o["actions"]) for o in objectives] == [7, 3, 8, 6, 2, 1, 4, 2, 2, 7, 5, 3]
    assert objectives[2]["actions"][2]["leads"] == ["All agencies"]
    assert data["rag_scheme"] == []
    assert [w["line"] for w in data["warnings"]] == [138, 139, 140, 150]
    assert Plan.objects.count() == 0


def test_json_of_the_notts_pcc_theme_update() -> None:
    data = json.loads(_run(str(NOTTS_PCC_2019), "--json")[0])
    assert data["layout"] == "notts-pcc-theme"
    assert data["period_label"] == "2018-19 Q3"
    actions = data["themes"][0]["objectives"][0]["actions"]
    assert len(actions) == 14
    assert sum(len(a["updates"]) for a in actions) == 14
    assert actions[0]["updates"][0]["date"] == "2019-02-14"
    assert [r["code"] for r in data["rag_scheme"]] == ["G", "A", "R", "W"]


def test_json_for_the_norfolk_pack_lists_both_plans() -> None:
    out, _ = _run(str(NORFOLK_2013), "--json")
    data = json.loads(out)
    assert set(data) == {"plans"}
    assert [plan["layout"] for plan in data["plans"]] == [
        "norfolk-ccsp-action-plans",
        "norfolk-dhr-action-plan",
    ]
    ccsp, dhr = data["plans"]
    assert [len(t["objectives"]) for t in ccsp["themes"]] == [6, 0, 4, 3, 10, 4]
    assert [o["number"] for o in dhr["themes"][0]["objectives"]] == list(range(1, 16))
    action = dhr["themes"][0]["objectives"][3]["actions"][0]
    assert action["due_date"] == "2014-04-30"
    assert action["details"]["Scope"] == "National & County"
    assert Plan.objects.count() == 0


def test_a_csv_tracker_is_read_by_its_headings(tmp_path: Path) -> None:
    csv = tmp_path / "tracker.csv"
    csv.write_text("theme,objective,action\nPrevention,1,Do something\n")
    data = json.loads(_run(str(csv), "--json")[0])
    assert [t["title"] for t in data["themes"]] == ["Prevention"]
    [action] = [a for t in data["themes"] for o in t["objectives"] for a in o["actions"]]
    assert action["text"] == "Do something"
    assert Plan.objects.count() == 0


def test_empty_and_damaged_files_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(CommandError, match="empty"):
        _run(str(empty))
    damaged = tmp_path / "plan.docx"
    damaged.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(CommandError, match=r"plan\.docx"):
        _run(str(damaged))
    assert Plan.objects.count() == 0


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Cannot read"):
        _run(str(tmp_path / "nowhere.txt"))
