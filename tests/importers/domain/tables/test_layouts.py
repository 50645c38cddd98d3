"""The general reader on plan tables laid out the ways councils lay them out, none of them a
seed's: every action's text, leads, by-when, status and RAG as the document gives them."""

from __future__ import annotations

from datetime import date

from apps.importers.domain.tables.plan_reader import plan_read
from tests.importers.domain.tables.maker import (
    C,
    actions,
    document,
    heading,
    outline,
    paragraph,
    table,
)

NAVY = "#1F3864"


def test_tracker_with_title_rows_theme_column_and_update_dates() -> None:
    """An Excel tracker: a title, a date and a blank row above the header; the priority
    repeated, then left blank, in its own column; references 1.1, 2.1; RAG in several forms."""
    sheet = table(
        [
            ["Safer Bassetshire Partnership – Delivery Plan 2026/27", "", "", "", "", "", "", ""],
            ["Last updated: 01/10/2026", "", "", "", "", "", "", ""],
            ["", "", "", "", "", "", "", ""],
            [
                "Ref",
                "Strategic priority",
                "Key actions",
                "Responsible officer",
                "Target date",
                "RAG rating",
                "Progress update",
                "Update date",
            ],
            [
                "1.1",
                "Reducing violence",
                "Map knife crime hotspots with the police analyst",
                "Jane Smith",
                "31/03/2027",
                "G",
                "Hotspot map drafted.",
                "12/09/2026",
            ],
            [
                "1.2",
                "",
                "Run two weeks of action in the town centre",
                "Police; Probation",
                "Q3 2026/27",
                "Amber/Green",
                "",
                "",
            ],
            [
                "2.1",
                "Anti-social behaviour",
                "Review the public spaces protection order",
                "Newark & Sherwood District Council",
                "Summer 26",
                "Red",
                "Consultation delayed.",
                "2026-09-30",
            ],
        ],
        sheet="Tracker",
    )
    reading = plan_read(document(sheet, name="bassetshire.xlsx", format="xlsx"))
    parsed = reading.parsed
    assert parsed.title == "Safer Bassetshire Partnership – Delivery Plan 2026/27"
    assert parsed.period_label == "2026/27"
    assert parsed.layout == "table"
    assert actions(parsed) == [
        (
            "1.1",
            "Map knife crime hotspots with the police analyst",
            ["Jane Smith"],
            "31/03/2027",
            date(2027, 3, 31),
            None,
            "G",
        ),
        (
            "1.2",
            "Run two weeks of action in the town centre",
            ["Police", "Probation"],
            "Q3 2026/27",
            date(2026, 12, 31),
            None,
            "A",
        ),
        (
            "2.1",
            "Review the public spaces protection order",
            ["Newark & Sherwood District Council"],
            "Summer 26",
            date(2026, 8, 31),
            None,
            "R",
        ),
    ]
    assert outline(parsed) == [
        ("Reducing violence", [(1, "", 2)]),
        ("Anti-social behaviour", [(2, "", 1)]),
    ]
    first, _, third = (a for t in parsed.themes for o in t.objectives for a in o.actions)
    assert [(u.text, u.date) for u in first.updates] == [
        ("Hotspot map drafted.", date(2026, 9, 12))
    ]
    assert [(u.text, u.date) for u in third.updates] == [
        ("Consultation delayed.", date(2026, 9, 30))
    ]
    assert [r.code for r in parsed.rag_scheme] == ["R", "A", "G"]
    plan_table = reading.tables[0]
    assert plan_table.header_row == 3 and plan_table.looks_like_plan and not plan_table.chosen
    assert [r.kind for r in plan_table.rows] == [
        "note",
        "note",
        "blank",
        "header",
        "action",
        "action",
        "action",
    ]
    assert plan_table.rows[4].summary.startswith("Action 1.1 ‘Map knife crime")
    assert "lead Jane Smith, by 31/03/2027, Green, 1 update" in plan_table.rows[4].summary
    assert plan_table.action_count == 3
    assert first.line == 5  # the spreadsheet's own row number


def test_word_plan_with_a_table_per_priority_under_headings() -> None:
    """A Word plan: a title, then a heading, a paragraph and a table for each priority; a
    status column and no RAG."""
    header = ["Action", "Lead agency", "By when", "Status"]
    doc = document(
        heading("Community Safety Plan 2025-2028", level=1),
        paragraph("This plan sets out what the partners will do."),
        heading("Priority 1: Tackling anti-social behaviour"),
        paragraph("Residents told us ASB matters most."),
        table(
            [
                header,
                ["Set up a youth diversion scheme", "Police", "31st March 2027", "In progress"],
                ["Publish the ASB case review leaflet", "CSP", "Ongoing", "Not started"],
            ],
            number=1,
        ),
        heading("Priority 2: Protecting vulnerable people"),
        table(
            [
                header,
                ["Train taxi drivers on safeguarding", "Licensing team", "March 2027", "Completed"],
                ["Refresh the cuckooing protocol", "Police & Fire", "TBC", "On hold"],
            ],
            number=2,
        ),
    )
    parsed = plan_read(doc).parsed
    assert parsed.title == "Community Safety Plan 2025-2028"
    assert parsed.period_label == "2025-2028"
    assert actions(parsed) == [
        (
            "1",
            "Set up a youth diversion scheme",
            ["Police"],
            "31st March 2027",
            date(2027, 3, 31),
            "ongoing",
            None,
        ),
        ("2", "Publish the ASB case review leaflet", ["CSP"], "Ongoing", None, "not_started", None),
        (
            "1",
            "Train taxi drivers on safeguarding",
            ["Licensing team"],
            "March 2027",
            date(2027, 3, 31),
            "completed",
            None,
        ),
        ("2", "Refresh the cuckooing protocol", ["Police", "Fire"], "TBC", None, "on_hold", None),
    ]
    assert outline(parsed) == [
        ("Priority 1: Tackling anti-social behaviour", [(1, "", 2)]),
        ("Priority 2: Protecting vulnerable people", [(2, "", 2)]),
    ]
    assert parsed.themes[0].statement == "Residents told us ASB matters most."


def test_merged_theme_and_objective_rows_with_brag() -> None:
    """Full-width merged rows for themes and objectives, numbered 1, 1.1; actions 1.1.1; a
    BRAG column where Blue and "Complete" mean done."""
    rows: list[list[str | C]] = [
        ["No.", "What we will do", "Who", "When", "BRAG"],
        [C("Theme 1: Violence against women and girls", fill=NAVY, across=5, bold=True)],
        [C("Objective 1.1: Improve reporting", fill="#D9E2F3", across=5)],
        ["1.1.1", "Launch an online reporting form", "OPCC", "30/06/2026", "B"],
        ["1.1.2", "Train front-desk staff to take reports", "Police", "31.3.27", "Complete"],
        [C("Objective 1.2: Support victims", fill="#D9E2F3", across=5)],
        ["1.2.1", "Commission an independent advocate", "County Council", "Q4 2026/27", "G"],
        [C("Theme 2: Safer night-time economy", fill=NAVY, across=5, bold=True)],
        [C("Objective 2.1: Safer venues", fill="#D9E2F3", across=5)],
        ["2.1.1", "Extend the Ask for Angela scheme", "Licensing", "December 2026", "R"],
    ]
    parsed = plan_read(document(table(rows))).parsed
    assert actions(parsed) == [
        (
            "1.1.1",
            "Launch an online reporting form",
            ["OPCC"],
            "30/06/2026",
            date(2026, 6, 30),
            "completed",
            "B",
        ),
        (
            "1.1.2",
            "Train front-desk staff to take reports",
            ["Police"],
            "31.3.27",
            date(2027, 3, 31),
            "completed",
            "B",
        ),
        (
            "1.2.1",
            "Commission an independent advocate",
            ["County Council"],
            "Q4 2026/27",
            date(2027, 3, 31),
            None,
            "G",
        ),
        (
            "2.1.1",
            "Extend the Ask for Angela scheme",
            ["Licensing"],
            "December 2026",
            date(2026, 12, 31),
            None,
            "R",
        ),
    ]
    assert outline(parsed) == [
        (
            "Theme 1: Violence against women and girls",
            [
                (1, "Improve reporting", 2),
                (2, "Support victims", 1),
            ],
        ),
        ("Theme 2: Safer night-time economy", [(3, "Safer venues", 1)]),
    ]
    assert [r.code for r in parsed.rag_scheme] == ["R", "A", "G", "B"]


def test_theme_and_objective_merged_down_and_rag_by_colour_only() -> None:
    """Priority and objective cells merged down over their actions; the rating column has no
    words, only the cell's fill (an empty white cell is no rating)."""
    rows: list[list[str | C]] = [
        ["Priority area", "Objective", "Activity", "Owner", "Deadline", "Rating"],
        [
            C("Drugs", down=3),
            C("Disrupt county lines", down=2),
            "Close three cuckooed addresses",
            "Police",
            "31/12/2026",
            C(fill="#FF0000"),
        ],
        [
            "Refer exploited children to the hub",
            "Children's services",
            "Ongoing",
            C(fill="#FFC000"),
        ],
        [
            C("Reduce drug deaths"),
            "Carry naloxone in every patrol car",
            "Police",
            "End of March 2027",
            C(fill="#00B050"),
        ],
        [
            C("Hate crime", down=1),
            C("Raise reporting"),
            "Open two third-party reporting centres",
            "Jo Bloggs",
            "Autumn 2026",
            C(fill="#FFFFFF"),
        ],
    ]
    parsed = plan_read(document(table(rows), name="Hate and drugs.docx")).parsed
    assert actions(parsed) == [
        (
            "1",
            "Close three cuckooed addresses",
            ["Police"],
            "31/12/2026",
            date(2026, 12, 31),
            None,
            "R",
        ),
        (
            "2",
            "Refer exploited children to the hub",
            ["Children's services"],
            "Ongoing",
            None,
            "ongoing",
            "A",
        ),
        (
            "1",
            "Carry naloxone in every patrol car",
            ["Police"],
            "End of March 2027",
            date(2027, 3, 31),
            None,
            "G",
        ),
        (
            "1",
            "Open two third-party reporting centres",
            ["Jo Bloggs"],
            "Autumn 2026",
            date(2026, 11, 30),
            None,
            None,
        ),
    ]
    assert outline(parsed) == [
        ("Drugs", [(1, "Disrupt county lines", 2), (2, "Reduce drug deaths", 1)]),
        ("Hate crime", [(3, "Raise reporting", 1)]),
    ]
    assert parsed.title == "Hate and drugs"


def test_bullets_in_cells_and_dated_paragraphs_of_updates() -> None:
    """Multi-line cells: bullets under an action are its sub-items, leads one per line, and an
    update cell holding paragraphs each starting with a date is several updates."""
    rows = [
        ["Deliverable", "Lead partner(s)", "Timescale", "Latest position"],
        [
            "Run weeks of action in hotspots\n• Target the retail park\n• Engage the two "
            "secondary schools\nand the college",
            "Police\nCouncil ASB team",
            "Completed",
            "12/03/2026: Met partners to agree dates.\n02/06/2026: First week held; 40 "
            "visits.\nFollow-up planned.",
        ],
        ["Fund a detached youth worker", "Youth Service", "Summer 2026", "Recruitment under way."],
    ]
    parsed = plan_read(document(table(rows), name="Lincs CSP plan 2026-27.docx")).parsed
    assert parsed.title == "Lincs CSP plan 2026-27"
    assert parsed.period_label == "2026-27"
    assert actions(parsed) == [
        (
            "1",
            "Run weeks of action in hotspots",
            ["Police", "Council ASB team"],
            "Completed",
            None,
            "completed",
            None,
        ),
        (
            "2",
            "Fund a detached youth worker",
            ["Youth Service"],
            "Summer 2026",
            date(2026, 8, 31),
            None,
            None,
        ),
    ]
    first, second = parsed.themes[0].objectives[0].actions
    assert first.sub_items == [
        "Target the retail park",
        "Engage the two secondary schools and the college",
    ]
    assert [(u.date, u.text) for u in first.updates] == [
        (date(2026, 3, 12), "Met partners to agree dates."),
        (date(2026, 6, 2), "First week held; 40 visits.\nFollow-up planned."),
    ]
    assert [(u.date, u.text) for u in second.updates] == [(None, "Recruitment under way.")]
    assert outline(parsed) == [("Lincs CSP plan 2026-27", [(1, "", 2)])]


def test_pdf_table_over_pages_with_repeated_header_and_split_row() -> None:
    """A landscape PDF: the header printed on each page, a row split by the page break (its
    second part has no number and goes on mid-sentence), lines wrapped inside cells."""
    header = ["Action no.", "Action", "Lead", "Target completion date", "RAG status", "Comments"]
    rows = [
        header,
        [
            "A1",
            "Deliver bystander training to\nnight-time economy staff",
            "Safer Streets team",
            "31/10/2026",
            "AG",
            "Two sessions held.",
        ],
        [
            "A2",
            "Publish a domestic abuse directory for\nGP surgeries and",
            "ICB",
            "30/11/2026",
            "A",
            "Draft with the",
        ],
        header,
        ["", "pharmacies across the district", "", "", "", "designers."],
        ["A3", "Hold a partnership summit.", "CSP Manager", "when funding allows", "Purple", ""],
    ]
    doc = document(table(rows, pages=[3, 3, 3, 4, 4, 4]), name="Plan.pdf", format="pdf")
    reading = plan_read(doc)
    parsed = reading.parsed
    assert actions(parsed) == [
        (
            "A1",
            "Deliver bystander training to night-time economy staff",
            ["Safer Streets team"],
            "31/10/2026",
            date(2026, 10, 31),
            None,
            "A",
        ),
        (
            "A2",
            "Publish a domestic abuse directory for GP surgeries and pharmacies across the "
            "district",
            ["ICB"],
            "30/11/2026",
            date(2026, 11, 30),
            None,
            "A",
        ),
        (
            "A3",
            "Hold a partnership summit.",
            ["CSP Manager"],
            "when funding allows",
            None,
            None,
            None,
        ),
    ]
    second = parsed.themes[0].objectives[0].actions[1]
    assert [u.text for u in second.updates] == ["Draft with the designers."]
    kinds = [r.kind for r in reading.tables[0].rows]
    assert kinds == ["header", "action", "action", "header", "continuation", "action"]
    assert reading.tables[0].rows[4].summary == "Joined to the action above (row split over a page)"
    messages = [w.message for w in parsed.warnings]
    assert messages == [
        "Page 4, table 1, row 6: the RAG rating ‘Purple’ of action A3 was not recognised.",
        "Page 4, table 1, row 6: the by-when ‘when funding allows’ of action A3 could not be "
        "read as a date; it is kept as written.",
    ]


def test_sheet_per_priority_with_status_cells_coloured() -> None:
    """A workbook with a sheet per priority; no RAG column, but the status cells are coloured
    and the status words say where each action is."""
    header = ["Task", "Who", "Due date", "Status"]
    asb = table(
        [
            header,
            [
                "Install two rapid-deployment cameras",
                "Police",
                "2027-01-31",
                C("On track", fill="#92D050"),
            ],
            [
                "Hold a community payback week",
                "Probation",
                "Feb 2027",
                C("Not started", fill="#FF0000"),
            ],
        ],
        sheet="ASB",
    )
    abuse = table(
        [
            header,
            [
                "Run a White Ribbon campaign",
                "Comms officer",
                "25/11/2026",
                C("Done", fill="#0070C0"),
            ],
            [
                "Audit the refuge referral pathway",
                "Housing",
                "Q3 2026",
                C("Delayed", fill="#FFC000"),
            ],
        ],
        sheet="Domestic abuse",
    )
    parsed = plan_read(document(asb, abuse, name="tracker.xlsx", format="xlsx")).parsed
    assert actions(parsed) == [
        (
            "1",
            "Install two rapid-deployment cameras",
            ["Police"],
            "2027-01-31",
            date(2027, 1, 31),
            "ongoing",
            "G",
        ),
        (
            "2",
            "Hold a community payback week",
            ["Probation"],
            "Feb 2027",
            date(2027, 2, 28),
            "not_started",
            "R",
        ),
        (
            "1",
            "Run a White Ribbon campaign",
            ["Comms officer"],
            "25/11/2026",
            date(2026, 11, 25),
            "completed",
            "B",
        ),
        (
            "2",
            "Audit the refuge referral pathway",
            ["Housing"],
            "Q3 2026",
            date(2026, 9, 30),
            None,
            "A",
        ),
    ]
    assert [t.title for t in parsed.themes] == ["ASB", "Domestic abuse"]
    delayed = parsed.themes[1].objectives[0].actions[1]
    assert delayed.details == {"Status": "Delayed"}
    assert (
        "Sheet ‘Domestic abuse’, row 3: the status ‘Delayed’ was not recognised; it is kept as "
        "a detail." in [w.message for w in parsed.warnings]
    )


def test_csv_with_theme_rows_in_the_first_cell_and_numbers_in_the_action_text() -> None:
    """A CSV: the merge of each theme row lost, so its text sits alone in the first cell; the
    numbers printed in front of the action text; columns in an unusual order."""
    rows = [
        ["Who", "What", "When", "Commentary", "Other info"],
        ["Priority 1 – Safer streets", "", "", "", ""],
        ["Police", "1.1 Increase patrols in the park", "June 2026", "Patrols doubled.", "£2k"],
        ["Parks team", "1.2 Cut back overgrown paths", "Spring 2027", "", ""],
        ["Priority 2 – Reducing reoffending", "", "", "", ""],
        ["", "2.1 Offer mentoring to prison leavers", "Q2 2026/27", "", ""],
    ]
    parsed = plan_read(document(table(rows, first_row=1), name="plan.csv", format="csv")).parsed
    assert actions(parsed) == [
        (
            "1.1",
            "Increase patrols in the park",
            ["Police"],
            "June 2026",
            date(2026, 6, 30),
            None,
            None,
        ),
        (
            "1.2",
            "Cut back overgrown paths",
            ["Parks team"],
            "Spring 2027",
            date(2027, 5, 31),
            None,
            None,
        ),
        (
            "2.1",
            "Offer mentoring to prison leavers",
            [],
            "Q2 2026/27",
            date(2026, 9, 30),
            None,
            None,
        ),
    ]
    assert outline(parsed) == [
        ("Priority 1 – Safer streets", [(1, "", 2)]),
        ("Priority 2 – Reducing reoffending", [(2, "", 1)]),
    ]
    first = parsed.themes[0].objectives[0].actions[0]
    assert first.details == {"Other info": "£2k"}
    assert "Table 1, row 6: action 2.1 has no lead." in [w.message for w in parsed.warnings]


def test_numbering_alone_gives_themes_and_objectives() -> None:
    """No headings and no theme column: references 1.1.1, 1.2.1, 2.1.1 group the actions."""
    rows = [
        ["Action ref", "Intervention", "Lead officer", "Completion date", "Current status"],
        ["1.1.1", "Set up a hate crime panel", "Ali Khan", "30/09/2026", "Complete"],
        ["1.1.2", "Recruit panel members", "Ali Khan", "31/10/2026", "In progress"],
        ["1.2.1", "Review third-party reporting", "Equalities officer", "31/01/2027", ""],
        ["2.1.1", "Map street drinking sites", "ASB officer", "31 Mar 2027", "Yet to start"],
    ]
    parsed = plan_read(document(table(rows)), title="Hate and street drinking plan").parsed
    assert parsed.title == "Hate and street drinking plan"
    assert actions(parsed) == [
        (
            "1.1.1",
            "Set up a hate crime panel",
            ["Ali Khan"],
            "30/09/2026",
            date(2026, 9, 30),
            "completed",
            None,
        ),
        (
            "1.1.2",
            "Recruit panel members",
            ["Ali Khan"],
            "31/10/2026",
            date(2026, 10, 31),
            "ongoing",
            None,
        ),
        (
            "1.2.1",
            "Review third-party reporting",
            ["Equalities officer"],
            "31/01/2027",
            date(2027, 1, 31),
            None,
            None,
        ),
        (
            "2.1.1",
            "Map street drinking sites",
            ["ASB officer"],
            "31 Mar 2027",
            date(2027, 3, 31),
            "not_started",
            None,
        ),
    ]
    assert outline(parsed) == [
        ("Theme 1", [(1, "", 2), (2, "", 1)]),
        ("Theme 2", [(3, "", 1)]),
    ]
