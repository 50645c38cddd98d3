"""Reading single cells of a plan table: ratings by word, letter and colour; statuses; leads;
an action's bullets; dated updates."""

from __future__ import annotations

from datetime import date

import pytest

from apps.importers.domain.tables.plan_cells import (
    action_split,
    leads_split,
    number_parts,
    number_split,
    rag_from_fill,
    rag_named,
    rag_read,
    says_nothing,
    status_read,
    updates_split,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Red", "R"),
        ("R", "R"),
        ("amber", "A"),
        ("Amber/Green", "A"),
        ("AG", "A"),
        ("A/G", "A"),
        ("G", "G"),
        ("Green – on track", "G"),
        ("GREEN (on target)", "G"),
        ("Complete", "B"),
        ("Blue", "B"),
        ("B", "B"),
        ("White (NS)", "W"),
        ("On track", "G"),
        ("At risk", "A"),
        ("Off track", "R"),
        ("Purple", None),
        ("", None),
        ("Progressing well", None),
    ],
)
def test_rag_read(text: str, code: str | None) -> None:
    word = rag_read(text)
    assert (word.code if word else None) == code


def test_a_status_cell_gives_a_rating_only_when_it_names_a_colour() -> None:
    assert rag_named("Complete") is None and rag_named("On track") is None
    assert rag_named("Green – on track") is not None and rag_named("AG") is not None


@pytest.mark.parametrize(
    ("fill", "code"),
    [
        ("#FF0000", "R"),
        ("#C00000", "R"),
        ("#FFC7CE", "R"),
        ("#FFC000", "A"),
        ("#FFFF00", "A"),
        ("#ED7D31", "A"),
        ("#FFEB9C", "A"),
        ("#00B050", "G"),
        ("#92D050", "G"),
        ("#C6EFCE", "G"),
        ("00FF00", "G"),
        ("#0070C0", "B"),
        ("#00B0F0", "B"),
        ("#BDD7EE", "B"),
        ("#FFFFFF", None),
        ("#D9D9D9", None),
        ("#000000", None),
        ("#1F3864", None),
        ("#7030A0", None),
        ("", None),
        ("auto", None),
    ],
)
def test_rag_from_fill(fill: str, code: str | None) -> None:
    word = rag_from_fill(fill)
    assert (word.code if word else None) == code


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Not started", "not_started"),
        ("Not yet started", "not_started"),
        ("In progress", "ongoing"),
        ("On-going", "ongoing"),
        ("On track", "ongoing"),
        ("Underway", "ongoing"),
        ("Complete – see update", "completed"),
        ("Done", "completed"),
        ("Achieved", "completed"),
        ("Closed", "completed"),
        ("On hold", "on_hold"),
        ("Paused", "on_hold"),
        ("Deferred to 2027", "on_hold"),
        ("Green", None),
        ("", None),
    ],
)
def test_status_read(text: str, status: str | None) -> None:
    assert status_read(text) == status


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        ("Newark & Sherwood District Council", ["Newark & Sherwood District Council"]),
        ("Police and Crime Commissioner", ["Police and Crime Commissioner"]),
        ("Police & Fire", ["Police", "Fire"]),
        ("CSP and NSDC", ["CSP", "NSDC"]),
        ("CSP/BDC/Police", ["CSP", "BDC", "Police"]),
        ("Head of Housing / ASB Manager", ["Head of Housing", "ASB Manager"]),
        ("Jane Smith, Police; Probation", ["Jane Smith", "Police", "Probation"]),
        ("• Police\n• Council ASB team", ["Police", "Council ASB team"]),
        ("Community Safety Manager (NSDC, BDC)", ["Community Safety Manager (NSDC, BDC)"]),
        ("N/A", []),
        ("TBC", []),
        ("-", []),
        ("Police, Police", ["Police"]),
    ],
)
def test_leads_split(text: str, leads: list[str]) -> None:
    assert leads_split(text) == leads


def test_action_split_keeps_bullets_with_their_action() -> None:
    assert action_split("Run a week of action:\n• Hotspots\n- Schools\na) Colleges") == (
        "Run a week of action:",
        ["Hotspots", "Schools", "Colleges"],
    )
    # a Word cell's paragraphs are sub-items; lines going on in lower case join
    assert action_split("Launch the app\nPromote it at events\nand in schools") == (
        "Launch the app",
        ["Promote it at events and in schools"],
    )
    # a PDF's lines wrap wherever the column is full
    assert action_split("Deliver training to all\nLicensing Team staff", wrapped=True) == (
        "Deliver training to all Licensing Team staff",
        [],
    )
    assert action_split("e.g. a leaflet") == ("e.g. a leaflet", [])


def test_numbers_printed_before_the_action() -> None:
    assert number_split("1.2 Run weeks of action") == ("1.2", "Run weeks of action")
    assert number_split("3) Hold a summit") == ("3", "Hold a summit")
    assert number_split("2026 review of the strategy") == (None, "2026 review of the strategy")
    assert number_parts("1.2.3") == (1, 2, 3) and number_parts("A1") == ()


def test_updates_split_on_dated_paragraphs_only() -> None:
    assert updates_split("12/03/2026: Met.\nMore.\n2 June 2026 - Second.") == [
        (date(2026, 3, 12), "Met.\nMore."),
        (date(2026, 6, 2), "Second."),
    ]
    assert updates_split("Going well.\n12/03/2026: note") == [
        (None, "Going well.\n12/03/2026: note")
    ]
    assert updates_split("  ") == []


def test_cells_that_say_nothing() -> None:
    assert all(says_nothing(t) for t in ("N/A", " - ", "TBC.", "", "n/a"))
    assert not says_nothing("Green")
