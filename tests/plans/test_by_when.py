"""By-when interpretation for every form the seed plans use."""

from __future__ import annotations

from datetime import date

import pytest

from apps.plans.by_when import interpret_by_when, is_recognised


@pytest.mark.parametrize(
    ("text", "kind", "due", "status"),
    [
        ("31/7/2026", "date", date(2026, 7, 31), None),
        ("31/3/2025", "date", date(2025, 3, 31), None),
        ("31/07/26", "date", date(2026, 7, 31), None),
        ("31.7.2026", "date", date(2026, 7, 31), None),
        ("Summer 26", "period", date(2026, 8, 31), None),
        ("April 2027", "period", date(2027, 4, 30), None),
        ("April 2025", "period", date(2025, 4, 30), None),
        ("December 2026", "period", date(2026, 12, 31), None),
        ("February 2026", "period", date(2026, 2, 28), None),
        ("March 2025", "period", date(2025, 3, 31), None),
        ("Jan 2024", "period", date(2024, 1, 31), None),
        ("Winter 25", "period", date(2026, 2, 28), None),
        ("Q3 2026", "period", date(2026, 9, 30), None),
        ("2025 - 2027", "period", date(2027, 12, 31), None),
        ("2026/27", "period", date(2027, 3, 31), None),
        ("25/26", "period", date(2026, 3, 31), None),
        ("On-going", "state", None, "ongoing"),
        ("Ongoing", "state", None, "ongoing"),
        ("Completed", "state", None, "completed"),
        ("On hold", "state", None, "on_hold"),
        ("ASAP", "asap", None, None),
        ("TBC", "tbc", None, None),
        ("", "empty", None, None),
        (None, "empty", None, None),
        ("when the review ends", "unknown", None, None),
        ("31/2/2026", "unknown", None, None),
    ],
)
def test_interpretation(text: str | None, kind: str, due: date | None, status: str | None) -> None:
    result = interpret_by_when(text)
    assert (result.kind, result.due_date, result.status) == (kind, due, status)


def test_text_kept_as_written_apart_from_spacing() -> None:
    assert interpret_by_when("  Summer   26 ").text == "Summer 26"


def test_recognised() -> None:
    assert is_recognised("On-going")
    assert not is_recognised("sometime")
