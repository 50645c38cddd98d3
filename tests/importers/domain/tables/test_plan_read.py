"""The reader's choices: which tables it reads, what it skips and says so, the manager's column
choice overriding the guess, and how rows join, repeat or head a group."""

from __future__ import annotations

from datetime import date

import pytest

from apps.importers.domain.tables.headings import Use
from apps.importers.domain.tables.plan_reader import (
    column_choices,
    headings_signature,
    plan_read,
    uses_from_headings,
    uses_remembered,
)
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


def test_a_header_over_two_rows_is_read_as_one() -> None:
    """ "Progress" merged over "Update" and "RAG", "Updates" over Q1 and Q2; on a PDF both
    header rows come again on the next page."""
    top: list[str | C] = ["Action", "Lead", C("Progress", across=2), C("Updates", across=2)]
    sub: list[str | C] = ["", "", "Update", "RAG", "Q1", "Q2"]
    rows: list[list[str | C]] = [
        top,
        sub,
        ["Hold a landlord forum", "Housing", "Forum booked.", "G", "Venue found.", "Held."],
        top,
        sub,
        ["Map fly-tipping hotspots", "Street Scene", "", "R", "", "Data requested."],
    ]
    reading = plan_read(document(table(rows, pages=[1, 1, 1, 2, 2, 2]), format="pdf"))
    plan_table = reading.tables[0]
    assert (plan_table.header_first, plan_table.header_row) == (0, 1)
    assert plan_table.headings == ["Action", "Lead", "Update", "RAG", "Updates Q1", "Updates Q2"]
    assert plan_table.uses == [Use.ACTION, Use.LEAD, Use.UPDATE, Use.RAG, Use.UPDATE, Use.UPDATE]
    assert [r.kind for r in plan_table.rows] == [
        "header",
        "header",
        "action",
        "header",
        "header",
        "action",
    ]
    first, second = (a for t in reading.parsed.themes for o in t.objectives for a in o.actions)
    assert [u.text for u in first.updates] == ["Forum booked.", "Venue found.", "Held."]
    assert (first.rag, second.rag) == ("G", "R")
    assert [u.text for u in second.updates] == ["Data requested."]


def test_a_shaded_row_in_the_action_column_is_a_heading() -> None:
    """A CSV or PDF loses the merge of a theme row but a Word or Excel file keeps its shading."""
    rows: list[list[str | C]] = [
        ["Action", "Lead", "By when"],
        [C("Safer roads", fill="#D9D9D9"), "", ""],
        ["Run speed-watch sessions", "Police", "2026"],
        ["Publish collision data", "", "2027"],
    ]
    parsed = plan_read(document(table(rows))).parsed
    assert outline(parsed) == [("Safer roads", [(1, "", 2)])]
    assert [w.message for w in parsed.warnings] == ["Table 1, row 4: action 2 has no lead."]


def test_a_title_row_above_a_later_sheet_names_its_theme() -> None:
    header: list[str | C] = ["Action", "Lead", "By when"]
    first = table(
        [
            ["Partnership plan 2025 to 2028", "", ""],
            header,
            ["Audit hate crime data", "CSP", "2026"],
        ],
        sheet="Sheet1",
    )
    second = table(
        [
            ["Reducing reoffending", "", ""],
            header,
            ["Fund a housing navigator", "Probation", "2027"],
        ],
        sheet="Sheet2",
    )
    parsed = plan_read(document(first, second, name="plan.xlsx", format="xlsx")).parsed
    assert parsed.title == "Partnership plan 2025 to 2028"
    assert parsed.period_label == "2025-2028"
    assert [t.title for t in parsed.themes] == [
        "Partnership plan 2025 to 2028",
        "Reducing reoffending",
    ]


def test_a_long_theme_cell_is_named_by_its_first_sentence() -> None:
    outcome = (
        "People feel safe in their neighbourhoods. " + "We will work with residents, " * 8
    ).strip()
    rows: list[list[str | C]] = [
        ["Outcome", "Action", "Lead", "Deadline"],
        [outcome, "Hold ward surgeries", "Police", "2026-05-31 00:00:00"],
    ]
    parsed = plan_read(document(table(rows))).parsed
    (theme,) = parsed.themes
    assert theme.title == "People feel safe in their neighbourhoods."
    assert theme.statement == outcome
    assert actions(parsed)[0][3:5] == ("2026-05-31", date(2026, 5, 31))


def test_a_table_with_no_lead_column_says_so_once() -> None:
    rows: list[list[str | C]] = [
        ["Action", "By when"],
        ["Refresh the strategic assessment", "2026"],
        ["Consult residents", "2027"],
    ]
    parsed = plan_read(document(table(rows))).parsed
    assert [w.message for w in parsed.warnings] == [
        "Table 1 has no lead column: its actions have no leads."
    ]


def test_rows_heading_groups_inside_a_table_under_a_priority_heading_are_objectives() -> None:
    rows: list[list[str | C]] = [
        ["Action", "Lead", "By when"],
        [C("Support victims", across=3)],
        ["Fund an ISVA post", "OPCC", "2026"],
        [C("Hold perpetrators to account", across=3)],
        ["Run a perpetrator programme", "Probation", "2027"],
    ]
    doc = document(heading("Priority 3: Domestic abuse"), table(rows))
    assert outline(plan_read(doc).parsed) == [
        (
            "Priority 3: Domestic abuse",
            [(1, "Support victims", 1), (2, "Hold perpetrators to account", 1)],
        )
    ]


def test_fills_are_ratings_only_where_they_can_be() -> None:
    """A status column all green is rated green; an action column shaded one colour down its
    length, with navy theme rows, is decoration."""
    green, mint, navy = "#00B050", "#E2EFDA", "#1F3864"
    rows: list[list[str | C]] = [
        ["Action", "Lead", "Status"],
        [C("Safer town centre", fill=navy, across=3)],
        [C("Recruit two town rangers", fill=mint), "Council", C("Ongoing", fill=green)],
        [C("Extend the radio link scheme", fill=mint), "BID", C("Ongoing", fill=green)],
    ]
    parsed = plan_read(document(table(rows))).parsed
    assert [(a[5], a[6]) for a in actions(parsed)] == [("ongoing", "G"), ("ongoing", "G")]
    without_status: list[list[str | C]] = [[r[0], r[1]] if len(r) == 3 else r for r in rows]
    without_status[1] = [C("Safer town centre", fill=navy, across=2)]
    parsed = plan_read(document(table(without_status))).parsed
    assert [a[6] for a in actions(parsed)] == [None, None]


def test_a_priority_column_of_numbers_names_its_themes_by_the_heading() -> None:
    rows: list[list[str | C]] = [
        ["Priority", "Objective", "Action", "Lead"],
        ["1", "1", "Hold a summit", "CSP"],
        ["1", "2", "Fund outreach", "Council"],
        ["2", "1", "Audit CCTV", "Police"],
    ]
    assert outline(plan_read(document(table(rows))).parsed) == [
        ("Priority 1", [(1, "Objective 1", 1), (2, "Objective 2", 1)]),
        ("Priority 2", [(3, "Objective 1", 1)]),
    ]


def test_a_heading_naming_the_plan_is_its_title_not_a_theme() -> None:
    """ "Delivery plan 2026-27" over the table names the plan; the title row inside the table
    names its priority, and the shaded row under it is that priority's objective."""
    rows: list[list[str | C]] = [
        [C("Priority 2: Reduce anti-social behaviour", across=3, bold=True)],
        ["What we will do", "Lead agency", "Target date"],
        [C("Theme A: Town centres", across=3, fill="#D9D9D9")],
        ["Run joint patrols", "Police", "31/03/2027"],
    ]
    doc = document(heading("Delivery plan 2026-27"), table(rows), heading("Action plan"))
    parsed = plan_read(doc).parsed
    assert parsed.title == "Delivery plan 2026-27"
    assert outline(parsed) == [
        ("Priority 2: Reduce anti-social behaviour", [(1, "Theme A: Town centres", 1)])
    ]


def test_an_objective_column_is_not_undone_by_the_action_numbers() -> None:
    rows: list[list[str | C]] = [
        ["Action", "Objective", "Ref", "Lead"],
        ["Fund knife arches for schools", "Reduce knife crime", "1.1.1", "Police"],
        ["Hold a weapons amnesty", "", "1.1.2", "Police"],
    ]
    reading = plan_read(document(table(rows), name="Knife crime plan.docx"))
    assert outline(reading.parsed) == [("Knife crime plan", [(1, "Reduce knife crime", 2)])]
    assert [r.kind for r in reading.tables[0].rows] == ["header", "action", "action"]


def test_a_blue_and_white_scheme_is_the_plans_own() -> None:
    """Blue (complete) and White (not started) ratings join Red, Amber and Green in the plan's
    scheme; only Blue says anything about status."""
    rows: list[list[str | C]] = [
        ["Action", "Lead", "BRAG status"],
        ["Publish the strategic assessment", "CSP", "Blue"],
        ["Start a youth forum", "Youth Service", "White (NS)"],
        ["Refresh the ASB policy", "Council", "Amber"],
    ]
    parsed = plan_read(document(table(rows))).parsed
    assert [(a[5], a[6]) for a in actions(parsed)] == [
        ("completed", "B"),
        (None, "W"),
        (None, "A"),
    ]
    assert [(r.code, r.label) for r in parsed.rag_scheme] == [
        ("R", "Red"),
        ("A", "Amber"),
        ("G", "Green"),
        ("B", "Blue"),
        ("W", "White"),
    ]


def test_an_action_that_only_starts_like_a_group_is_an_action() -> None:
    rows: list[list[str | C]] = [
        ["Action", "Lead", "By when"],
        ["Aim to cut repeat victimisation by a tenth", "", ""],
        ["Objective: Safer homes", "", ""],
        ["Offer free door locks", "Council", "2026"],
    ]
    reading = plan_read(document(table(rows), name="plan.docx"))
    assert [r.kind for r in reading.tables[0].rows] == ["header", "action", "objective", "action"]
    assert outline(reading.parsed) == [("plan", [(1, "", 1), (2, "Safer homes", 1)])]


def test_a_remembered_choice_applies_to_next_quarters_copy() -> None:
    rows: list[list[str | C]] = [
        ["Initiative", "Champion", "Deliver by"],
        ["Open a safe space", "Cllr Patel", "31/12/2026"],
    ]
    first = plan_read(document(table(rows)))
    remembered = {first.tables[0].signature: [Use.ACTION, Use.LEAD, Use.BY_WHEN]}
    next_quarter: list[list[str | C]] = [
        ["initiative ", "CHAMPION", "Deliver by"],
        ["Open a safe space", "Cllr Patel", "31/12/2026"],
        ["Recruit street pastors", "Churches Together", "Spring 2027"],
    ]
    later = plan_read(document(table(next_quarter)))
    uses = uses_remembered(later.tables, remembered)
    assert uses == {1: [Use.ACTION, Use.LEAD, Use.BY_WHEN]}
    assert plan_read(document(table(next_quarter)), uses=uses).parsed.action_count == 2


def test_the_command_lines_map_changes_only_the_named_columns() -> None:
    rows: list[list[str | C]] = [
        ["Action", "Lead", "Target", "Notes"],
        ["Reduce repeat callers", "Fire", "10% fewer", "Internal"],
    ]
    reading = plan_read(document(table(rows)))
    uses = uses_from_headings(reading.tables, {"target": "detail", "NOTES": Use.IGNORE})
    assert uses == {1: [Use.ACTION, Use.LEAD, Use.DETAIL, Use.IGNORE]}
    choices = column_choices(plan_read(document(table(rows)), uses=uses).tables)
    assert choices == [
        {
            "table": 1,
            "where": "Table 1",
            "read": True,
            "reason": "",
            "chosen": True,
            "header_row": 1,
            "columns": [
                {"heading": "Action", "use": "action", "guessed": "action"},
                {"heading": "Lead", "use": "lead", "guessed": "lead"},
                {"heading": "Target", "use": "detail", "guessed": "by_when"},
                {"heading": "Notes", "use": "ignore", "guessed": "update"},
            ],
            "actions": 1,
            "signature": "action|lead|target|notes",
        }
    ]
    with pytest.raises(ValueError):
        uses_from_headings(reading.tables, {"Target": "deadline"})


def test_a_new_page_starts_a_new_action_unless_the_row_goes_on() -> None:
    """A PDF table with no numbers: the first row of page 2 is an action of its own even though
    the last action of page 1 has no full stop; one going on in lower case is joined."""
    rows: list[list[str | C]] = [
        ["Action", "Lead"],
        ["Run a knife crime awareness week", "Police"],
        ["Fund bleed kits for town centre venues", "CSP"],
        ["and the bus station", ""],
    ]
    reading = plan_read(document(table(rows, pages=[1, 1, 2, 3]), format="pdf"))
    assert [a[1] for a in actions(reading.parsed)] == [
        "Run a knife crime awareness week",
        "Fund bleed kits for town centre venues and the bus station",
    ]


def test_a_second_table_stacked_on_the_sheet_is_read_by_its_own_headings() -> None:
    rows: list[list[str | C]] = [
        ["Action", "Lead", "By when"],
        ["Hold a landlord forum", "Housing", "June 2026"],
        ["", "", ""],
        ["Lead", "Task", "Deadline"],
        ["Police", "Close two cannabis farms", "2027"],
    ]
    reading = plan_read(document(table(rows, sheet="Plan"), format="xlsx"))
    assert [(a[1], a[2], a[3]) for a in actions(reading.parsed)] == [
        ("Hold a landlord forum", ["Housing"], "June 2026"),
        ("Close two cannabis farms", ["Police"], "2027"),
    ]
    assert reading.tables[0].rows[3].kind == "header"


def test_text_before_any_action_is_left_out_and_said() -> None:
    rows: list[list[str | C]] = [
        ["Action", "Lead", "Progress"],
        ["", "", "See the board minutes"],
        ["Hold a summit", "CSP", ""],
    ]
    reading = plan_read(document(table(rows)))
    assert reading.tables[0].rows[1].kind == "note"
    assert [w.message for w in reading.parsed.warnings] == [
        "Table 1, row 2: text with no action was left out: ‘See the board minutes’."
    ]
    assert [a[1] for a in actions(reading.parsed)] == ["Hold a summit"]


def test_a_performance_table_is_not_taken_for_a_plan() -> None:
    indicators: list[list[str | C]] = [
        ["Indicator description", "Baseline", "Target", "Q1", "RAG"],
        ["Repeat domestic abuse victims", "28%", "25%", "27%", "A"],
    ]
    plan_with_measures: list[list[str | C]] = [
        ["Action", "Lead", "Performance measure", "Target"],
        ["Fund an IDVA", "OPCC", "Repeat victims", "25%"],
    ]
    reading = plan_read(document(table(indicators, number=1), table(plan_with_measures, number=2)))
    assert [t.read for t in reading.tables] == [False, True]
    assert reading.tables[0].guessed[0] == Use.ACTION  # still offered for the column choice
