"""A partnership that renames a heading of the NSDC layout ("By when" → "Target date") still
has its plan read whole, by the preset, with the same actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from apps.demo.seeds import NSDC_2025, NSDC_2026
from apps.importers.domain.reading import document_read
from tests.builders.importers import parsed_seed

RENAMES = [
    ("By when", "Target date"),
    ("Lead", "Responsible officer"),
    ("Method", "How"),
    ("Action(s)", "Activities"),
]


def _renamed(path: Path, old: str, new: str) -> bytes:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    renamed = [
        line.replace(old, new, 1) if "Method" in line and "By when" in line else line
        for line in lines
    ]
    assert renamed != lines
    return "".join(renamed).encode("utf-8")


@pytest.mark.parametrize(("old", "new"), RENAMES, ids=[new for _, new in RENAMES])
@pytest.mark.parametrize("path", [NSDC_2025, NSDC_2026], ids=["2025", "2026-27"])
def test_a_renamed_heading_reads_the_same_plan(path: Path, old: str, new: str) -> None:
    reading = document_read(path.name, _renamed(path, old, new))
    [plan] = reading.plans
    assert plan.layout == "nsdc"
    expected = parsed_seed(path)
    assert plan.to_json() == expected.to_json()
