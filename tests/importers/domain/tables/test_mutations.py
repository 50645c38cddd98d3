"""Property tests: plan tables generated in many shapes, then damaged the ways real trackers
are (columns shuffled, headings renamed from the synonym list, cells left blank, title and
blank rows added, the header printed again). The reader gives the plan with exactly its
actions, or cleanly finds no plan; whatever a table holds, it never raises and what it gives
would save (numbers, lengths and objective numbers valid)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from apps.importers.domain.parsed import ImportFormatError
from apps.importers.domain.tables.headings import PLAN_VOCABULARY, Use, heading_key, heading_match
from apps.importers.domain.tables.plan_layout import VOCABULARY
from apps.importers.domain.tables.plan_reader import PlanReading, plan_read
from tests.importers.domain.tables.maker import C, document, table

VERBS = ("Deliver", "Review", "Fund", "Publish", "Train", "Extend", "Map", "Hold")
NOUNS = (
    "the ASB toolkit",
    "street lighting",
    "youth outreach",
    "a hate crime panel",
    "the CCTV network",
    "victim support",
    "licensing visits",
    "a summit",
)
VALUES: dict[Use, tuple[str, ...]] = {
    Use.NUMBER: (),  # numbered in order
    Use.LEAD: (
        "Police",
        "CSP",
        "Jane Smith",
        "Youth Service",
        "Newark & Sherwood District Council",
        "Police; Probation",
    ),
    Use.BY_WHEN: ("31/03/2027", "Q3 2026/27", "Summer 26", "Ongoing", "March 2027"),
    Use.STATUS: ("In progress", "Completed", "Not started", "On hold"),
    Use.RAG: ("Red", "Amber", "Green", "G", "AG"),
    Use.UPDATE: ("Work has begun.", "Delayed by funding.", "12/03/2026: Met partners."),
    Use.THEME: (),  # contiguous groups
}
BLANK = st.sampled_from(["", " ", "\n"])
GROUPS = ("Priority", "Theme", "Objective", "Reducing harm – outcome")
TITLES = (
    "Safer Somewhere Partnership Delivery Plan 2026-27",
    "Action plan 2026/27",
    "Last updated 3 March 2026",
    "OFFICIAL",
)


def _synonyms(use: Use) -> list[str]:
    """The vocabulary's phrases that, as a heading on their own, mean this use."""
    return [
        phrase
        for phrase in PLAN_VOCABULARY[use]
        if (match := heading_match(phrase, VOCABULARY)) is not None and match.use == use
    ]


@st.composite
def plan_tables(draw: st.DrawFn) -> tuple[list[list[str | C]], list[str], bool]:
    """A damaged plan table, its action texts in order, and whether it has a plan column
    beside the action (without one, no header can be told from data)."""
    others = draw(st.lists(st.sampled_from(list(VALUES)), unique=True, max_size=6))
    uses = [Use.ACTION, *others]
    count = draw(st.integers(1, 8))
    texts = [
        f"{draw(st.sampled_from(VERBS))} {draw(st.sampled_from(NOUNS))} ({index + 1})"
        for index in range(count)
    ]
    split = draw(st.integers(0, count))
    rows: list[list[str | C]] = []
    for index, text in enumerate(texts):
        row: list[str | C] = []
        for use in uses:
            if use == Use.ACTION:
                row.append(text)
            elif use == Use.NUMBER:
                row.append(str(index + 1))
            elif use == Use.THEME:
                row.append("Safer streets" if index < split else "Reducing harm")
            elif draw(st.integers(0, 4)) == 0:
                row.append(draw(BLANK))  # a blank cell
            else:
                row.append(draw(st.sampled_from(VALUES[use])))
        rows.append(row)
    header: list[str | C] = [draw(st.sampled_from(_synonyms(use))) for use in uses]
    if draw(st.booleans()) and rows:
        # the header printed again part way down, as on a PDF's second page
        rows.insert(draw(st.integers(0, len(rows))), list(header))
    for _ in range(draw(st.integers(0, 2))):
        rows.insert(draw(st.integers(0, len(rows))), [draw(BLANK)] * len(uses))
    for number in range(draw(st.integers(0, 2))):
        # a theme row merged across the table, somewhere between the actions
        group = C(f"{draw(st.sampled_from(GROUPS))} {number + 1}", across=len(uses))
        rows.insert(draw(st.integers(0, len(rows))), [group])
    order = draw(st.permutations(range(len(uses))))
    table_rows: list[list[str | C]] = [
        [row[i] for i in order] if len(row) == len(uses) else row for row in [header, *rows]
    ]
    for _ in range(draw(st.integers(0, 3))):
        title = draw(st.sampled_from(TITLES))
        merged = draw(st.booleans()) and len(uses) > 1
        title_row: list[str | C] = (
            [C(title, across=len(uses))] if merged else [title, *[""] * (len(uses) - 1)]
        )
        table_rows.insert(0, title_row)
    return table_rows, texts, bool(others)


def _check_saveable(reading: PlanReading) -> None:
    parsed = reading.parsed
    numbers = [o.number for t in parsed.themes for o in t.objectives]
    assert numbers == list(range(1, len(numbers) + 1))
    assert all(t.title and len(t.title) <= 200 and t.objectives for t in parsed.themes)
    assert len(parsed.title) <= 300 and parsed.title
    for theme in parsed.themes:
        for objective in theme.objectives:
            assert objective.actions
            for action in objective.actions:
                assert action.text.strip()
                assert action.number and len(action.number) <= 20
                assert len(action.due_text or "") <= 100
                assert len(action.method or "") <= 100
                assert action.status in (None, "not_started", "ongoing", "completed", "on_hold")
                assert action.rag in (None, *(r.code for r in parsed.rag_scheme))
    for plan_table in reading.tables:
        assert len(plan_table.uses) == len(plan_table.headings) == len(plan_table.samples)
        assert sum(r.kind == "action" for r in plan_table.rows) == plan_table.action_count


@settings(max_examples=50, deadline=None)
@given(plan_tables())
def test_a_damaged_plan_table_gives_its_actions_or_no_plan(
    case: tuple[list[list[str | C]], list[str], bool],
) -> None:
    rows, texts, has_plan_column = case
    try:
        reading = plan_read(document(table(rows)))
    except ImportFormatError:
        return
    _check_saveable(reading)
    read = [a.text for t in reading.parsed.themes for o in t.objectives for a in o.actions]
    if has_plan_column:
        assert read == texts
        assert reading.tables[0].read
    else:
        assert read == [] and not reading.found
        assert reading.skipped == [
            "Table 1: a table of "
            f"{len(rows) * len(rows[-1])} cells was not read "
            "(it does not look like a plan)"
        ]


CELL_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "Action",
            "Lead",
            "By when",
            "RAG",
            "Status",
            "Update",
            "Priority 1",
            "1.2.3",
            "G",
            "Objective 2: x",
            "",
            "",
            "31/03/2027",
            "• bullet\nline",
        ]
    ),
)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.lists(CELL_TEXT, min_size=1, max_size=6), min_size=0, max_size=12),
    st.booleans(),
)
def test_any_table_reads_without_error_and_saves(rows: list[list[str]], pdf: bool) -> None:
    width = max((len(r) for r in rows), default=0)
    padded: list[list[str | C]] = [[*r, *[""] * (width - len(r))] for r in rows]
    uses = {1: [Use.ACTION, Use.LEAD, Use.RAG]} if pdf else None
    try:
        reading = plan_read(document(table(padded), format="pdf" if pdf else "docx"), uses=uses)
    except ImportFormatError:
        return
    _check_saveable(reading)
    assert all(heading_key(h) for h in reading.tables[0].headings) if rows and width else True
