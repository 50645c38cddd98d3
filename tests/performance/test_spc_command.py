"""`manage.py spc`: the JSON an analyst compares with their own SPC tools."""

from __future__ import annotations

import json
from collections.abc import Sequence
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.performance.domain import spc

SERIES = [9, 11] * 6 + [10, 7, 8, 9, 10, 11, 12, 13, 16]


def write_csv(tmp_path: Path, values: Sequence[float], header: bool = True) -> Path:
    lines = ["period,value"] if header else []
    lines += [f"P{i + 1:02d},{v}" for i, v in enumerate(values)]
    path = tmp_path / "series.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str) -> dict[str, Any]:
    out = StringIO()
    call_command("spc", *args, "--json", stdout=out)
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def test_the_promised_shape(tmp_path: Path) -> None:
    data = run("--csv", str(write_csv(tmp_path, SERIES)), "--target", "20")
    assert {"mean", "upper_limit", "lower_limit", "variation", "assurance", "points"} <= set(data)
    assert isinstance(data["mean"], float)
    assert isinstance(data["upper_limit"], float) and isinstance(data["lower_limit"], float)
    assert data["variation"] == "special_cause_improvement_high"
    assert data["assurance"] == "consistently_failing"
    assert len(data["points"]) == len(SERIES)
    for point in data["points"]:
        assert {"period", "value", "special_cause", "rules"} <= set(point)
        assert point["special_cause"] == bool(point["rules"])
        assert set(point["rules"]) <= {"beyond_limits", "run", "trend", "two_of_three"}
    assert data["points"][0] == {**data["points"][0], "period": "P01", "value": 9.0}


def test_every_point_of_a_trend_is_flagged(tmp_path: Path) -> None:
    data = run("--csv", str(write_csv(tmp_path, [9, 11] * 6 + [10, 7, 8, 9, 10, 11, 12, 13])))
    flagged = [p["period"] for p in data["points"] if "trend" in p["rules"]]
    assert flagged == [f"P{m:02d}" for m in range(14, 21)]


def test_settings_are_passed_through(tmp_path: Path) -> None:
    path = str(write_csv(tmp_path, [*SERIES, 4]))
    fixed = run("--csv", path, "--fix-after", "12", "--polarity", "down")
    assert fixed["mean"] == 10.0
    assert fixed["upper_limit"] == pytest.approx(15.32)
    assert fixed["points"][-2]["rules"] == ["beyond_limits", "trend"]
    assert fixed["points"][-2]["signal"] == "concern"
    assert fixed["variation"] == "special_cause_improvement_low"

    rebased = run("--csv", path, "--rebase", "P13")
    assert [s["first_period"] for s in rebased["segments"]] == ["P01", "P13"]
    assert rebased["warnings"] == [spc.WARNING_TRIAL_LIMITS.format(first="P13", last="P22")]

    six = run("--csv", str(write_csv(tmp_path, [9, 11] * 6 + [10, 11, 11, 11, 11, 11, 11])))
    assert six["points"][-1]["rules"] == []
    six = run(
        "--csv", str(write_csv(tmp_path, [9, 11] * 6 + [10, 11, 11, 11, 11, 11, 11])),
        "--run-length", "6",
    )  # fmt: skip
    assert six["points"][-1]["rules"] == ["run"]


def test_trend_and_target_comparison_are_included(tmp_path: Path) -> None:
    values = [100, 120, 110, 125, 130, 128, 126, 124, 122, 121, 119, 118, 129]
    data = run(
        "--csv", str(write_csv(tmp_path, values)),
        "--polarity", "down", "--target", "125", "--periods-per-year", "12",
    )  # fmt: skip
    assert data["target_comparison"] == {"rating": "amber", "reason": "3.2% above target of 125"}
    assert data["trend"]["vs_previous"]["direction"] == "worsening"
    assert data["trend"]["vs_last_year"]["description"] == (
        "up 29 (29.0%) on the same period last year"
    )


def test_a_series_too_short_for_limits_still_gets_trend_and_target(tmp_path: Path) -> None:
    data = run("--csv", str(write_csv(tmp_path, [5])), "--target", "4", "--polarity", "up")
    assert data["mean"] == 5.0
    assert data["upper_limit"] is None and data["lower_limit"] is None
    assert data["variation"] == "insufficient_data"
    assert data["assurance"] is None
    assert data["warnings"] == [spc.WARNING_TOO_SHORT.format(first="P01")]
    assert data["target_comparison"]["rating"] == "green"
    assert data["points"][0]["rules"] == []


def test_the_earlier_two_of_three_rule_can_be_chosen(tmp_path: Path) -> None:
    path = str(write_csv(tmp_path, [9, 11] * 6 + [10, 16, 17, 14]))
    assert run("--csv", path, "--fix-after", "12")["points"][-1]["rules"] == ["two_of_three"]
    earlier = run("--csv", path, "--fix-after", "12", "--two-of-three-before-2023")
    assert earlier["points"][-1]["rules"] == []


def test_without_json_a_summary_is_printed(tmp_path: Path) -> None:
    out = StringIO()
    call_command("spc", "--csv", str(write_csv(tmp_path, SERIES, header=False)), stdout=out)
    assert "Variation: special_cause_improvement_high" in out.getvalue()


def test_a_bad_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("period,value\n2024-01,1\n2024-02,2\n2024-03,abc\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Line 4: the value “abc” is not a number"):
        run("--csv", str(path))


def test_bad_settings_are_reported(tmp_path: Path) -> None:
    path = str(write_csv(tmp_path, SERIES))
    with pytest.raises(CommandError, match=spc.BASELINE_TOO_SHORT):
        run("--csv", path, "--fix-after", "6")
    with pytest.raises(CommandError, match="is not in the series"):
        run("--csv", path, "--rebase", "2030-01")
