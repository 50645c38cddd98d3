"""The reader's choices: which tables it reads, what it skips and says so, the manager's column
choice overriding the guess, and how rows join, repeat or head a group."""

from __future__ import annotations

from datetime import date

from apps.importers.domain.tables.headings import Use
from apps.importers.domain.tables.plan_reader import headings_signature, plan_read
from tests.importers.domain.tables.maker import (
    C,
    actions,
    document,
    heading,
    outline,
    paragraph,
    table,
)

PLAN_ROWS: list[list[str | C]] = [
    ["Action", "Lead", "By when"],
    ["Hold a knife amnesty", "Police", "31/03/2027"],
    ["Fit target-hardening kits", "Housing", "Q4 2026/27"],
]


def test_a_table_that_is_not_a_plan_is_skipped_and_listed() -> None:
    glossary = table([["Term", "Meaning"], ["ASB", "Anti-social behaviour"]], number=1)
    doc = document(glossary, table(PLAN_ROWS, number=2))
    doc.skipped.append("Sheet ‘Notes’ is hidden and was not read")
    reading = plan_read(doc)
    assert [t.read for t in reading.tables] == [False, True]
    assert reading.tables[0].rows == [] and reading.tables[0].action_count == 0
    assert reading.skipped == [
        "Sheet ‘Notes’ is hidden and was not read",
        "Table 1: a table of 4 cells was not read (it does not look like a plan)",
    ]
    assert [a[1] for a in actions(reading.parsed)] == [
        "Hold a knife amnesty",
        "Fit target-hardening kits",
    ]


def test_no_plan_found_gives_the_columns_to_choose_from() -> None:
    rows: list[list[str | C]] = [
        ["Initiative", "Champion", "Deliver by"],
        ["Open a safe space in the town centre", "Cllr Patel", "31/12/2026"],
        ["Recruit street pastors", "Churches Together", "Spring 2027"],
    ]
    reading = plan_read(document(table(rows)))
    assert not reading.found and reading.parsed.action_count == 0
    plan_table = reading.tables[0]
    assert not plan_table.read and not plan_table.looks_like_plan
    assert plan_table.header_row == 0
    assert plan_table.headings == ["Initiative", "Champion", "Deliver by"]
    assert plan_table.samples == [
        ["Open a safe space in the town centre", "Recruit street pastors"],
        ["Cllr Patel", "Churches Together"],
        ["31/12/2026", "Spring 2027"],
    ]
    assert reading.skipped == [
        "Table 1: a table of 9 cells was not read (it does not look like a plan)"
    ]
    # the manager's choice reads it, and is remembered by the headings' signature
    chosen = plan_read(document(table(rows)), uses={1: [Use.ACTION, Use.LEAD, Use.BY_WHEN]})
    assert chosen.tables[0].chosen and chosen.tables[0].read
    assert actions(chosen.parsed) == [
        (
            "1",
            "Open a safe space in the town centre",
            ["Cllr Patel"],
            "31/12/2026",
            date(2026, 12, 31),
            None,
            None,
        ),
        (
            "2",
            "Recruit street pastors",
            ["Churches Together"],
            "Spring 2027",
            date(2027, 5, 31),
            None,
            None,
        ),
    ]
    assert chosen.tables[0].signature == "initiative|champion|deliver by"
    assert chosen.skipped == []


def test_a_headerless_table_is_named_by_its_columns() -> None:
    rows: list[list[str | C]] = [
        ["1", "Deliver a safer streets bid to the Home Office", "CSP", "31/03/2027"],
        ["2", "Refresh the partnership's information sharing agreement", "Police", "2026"],
    ]
    reading = plan_read(document(table(rows)))
    assert reading.tables[0].header_row is None
    assert reading.tables[0].headings == ["Column A", "Column B", "Column C", "Column D"]
    chosen = plan_read(
        document(table(rows)), uses={1: [Use.NUMBER, Use.ACTION, Use.LEAD, Use.BY_WHEN]}
    )
    assert [(a[0], a[2]) for a in actions(chosen.parsed)] == [("1", ["CSP"]), ("2", ["Police"])]


def test_a_choice_overrides_the_guess_column_by_column() -> None:
    rows: list[list[str | C]] = [
        ["Action", "Lead", "Target", "Notes", "Status"],
        ["Reduce repeat callers", "Fire", "10% fewer", "Internal only", "Green"],
    ]
    guessed = plan_read(document(table(rows)))
    assert guessed.tables[0].uses == [Use.ACTION, Use.LEAD, Use.BY_WHEN, Use.UPDATE, Use.STATUS]
    chosen = plan_read(
        document(table(rows)),
        uses={1: [Use.ACTION, Use.LEAD, Use.DETAIL, Use.IGNORE, Use.RAG]},
    )
    plan_table = chosen.tables[0]
    assert plan_table.chosen and plan_table.guessed == guessed.tables[0].uses
    (action,) = (a for t in chosen.parsed.themes for o in t.objectives for a in o.actions)
    assert action.due_text is None and action.updates == []
    assert action.details == {"Target": "10% fewer"}
    assert action.rag == "G" and action.status is None


def test_a_choice_without_an_action_column_reads_nothing() -> None:
    reading = plan_read(document(table(PLAN_ROWS)), uses={1: [Use.DETAIL, Use.LEAD, Use.IGNORE]})
    assert not reading.tables[0].read
    assert reading.skipped == [
        "Table 1: a table of 9 cells was not read (no column was chosen as the action)"
    ]


def test_skipped_tables_are_left_out() -> None:
    second: list[list[str | C]] = [
        ["Action", "Lead", "By when"],
        ["Review the CCTV strategy", "Council", "2027"],
    ]
    doc = document(
        heading("Violence"), table(PLAN_ROWS, number=1), heading("CCTV"), table(second, number=2)
    )
    reading = plan_read(doc, skip={1})
    assert [t.title for t in reading.parsed.themes] == ["CCTV"]
    assert [a[1] for a in actions(reading.parsed)] == ["Review the CCTV strategy"]
    assert reading.skipped == ["Table 1: a table of 9 cells was not read (you chose to skip it)"]


def test_headings_signature_ignores_case_spacing_and_punctuation_but_not_order() -> None:
    assert headings_signature(["Lead Officer ", "By when?"]) == headings_signature(
        ["lead  officer", "BY WHEN"]
    )
    assert headings_signature(["Lead", "By when"]) != headings_signature(["By when", "Lead"])


def test_an_action_cell_merged_down_gathers_the_rows_beside_it() -> None:
    rows: list[list[str | C]] = [
        ["Action", "Lead", "Progress", "RAG"],
        [C("Roll out Operation Encompass to all schools", down=2), "Police", "Pilot done.", "G"],
        ["Education", "Half of schools signed up.", ""],
        ["Audit CCTV coverage", "Council", "", "A"],
    ]
    reading = plan_read(document(table(rows)))
    first, second = (a for t in reading.parsed.themes for o in t.objectives for a in o.actions)
    assert first.leads == ["Police", "Education"]
    assert [u.text for u in first.updates] == ["Pilot done.", "Half of schools signed up."]
    assert first.rag == "G" and second.rag == "A"
    assert [r.kind for r in reading.tables[0].rows] == [
        "header",
        "action",
        "continuation",
        "action",
    ]
    assert reading.tables[0].rows[2].summary == "Joined to the action above (a cell merged down)"
    assert "leads Police, Education" in reading.tables[0].rows[1].summary


def test_stacked_heading_rows_are_theme_then_objective_by_their_look() -> None:
    """Headings with no words or numbers to tell their level: the one straight under a theme
    heading is an objective, and later headings take the level of the one they look like."""
    dark, light = "#1F3864", "#DEEAF6"
    rows: list[list[str | C]] = [
        ["Action", "Lead", "By when"],
        [C("Safer streets", fill=dark, across=3)],
        [C("Reduce theft from vehicles", fill=light, across=3)],
        ["Run a lock-it-or-lose-it campaign", "Police", "June 2026"],
        [C("Cut burglary", fill=light, across=3)],
        ["Offer free window locks", "Council", "July 2026"],
        [C("Healthier town", fill=dark, across=3)],
        [C("Fewer alcohol admissions", fill=light, across=3)],
        ["Train bar staff", "Licensing", "August 2026"],
        [C("Key: R = behind, A = at risk, G = on track", across=3)],
    ]
    reading = plan_read(document(table(rows)))
    assert outline(reading.parsed) == [
        ("Safer streets", [(1, "Reduce theft from vehicles", 1), (2, "Cut burglary", 1)]),
        ("Healthier town", [(3, "Fewer alcohol admissions", 1)]),
    ]
    last = reading.tables[0].rows[-1]
    assert last.kind == "note" and "no actions under it" in last.summary


def test_title_heading_names_the_plan_and_its_only_theme() -> None:
    doc = document(
        heading("Safer Harbourside Action Plan 2026-27", level=1),
        paragraph("Agreed by the board in April 2026."),
        table(PLAN_ROWS),
    )
    parsed = plan_read(doc).parsed
    assert parsed.title == "Safer Harbourside Action Plan 2026-27"
    assert parsed.period_label == "2026-27"
    assert outline(parsed) == [("Safer Harbourside Action Plan 2026-27", [(1, "", 2)])]


def test_an_empty_document_reads_as_no_plan() -> None:
    reading = plan_read(document(name="empty.docx"))
    assert reading.tables == [] and not reading.found
    assert reading.parsed.title == "empty" and reading.parsed.themes == []


def test_a_second_update_column_is_a_second_update() -> None:
    rows: list[list[str | C]] = [
        ["Action", "Lead", "Q1 update", "Q2 update"],
        ["Set up a scrutiny panel", "OPCC", "Terms agreed.", "First panel met."],
    ]
    parsed = plan_read(document(table(rows))).parsed
    (action,) = (a for t in parsed.themes for o in t.objectives for a in o.actions)
    assert [u.text for u in action.updates] == ["Terms agreed.", "First panel met."]
