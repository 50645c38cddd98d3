"""The shape of a plan spreadsheet: its sheets, columns and what each column means.

One table drives the export, the blank template, the About sheet and the import's header check,
so the four can never disagree about a column.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

ACTIONS_SHEET = "Actions"
UPDATES_SHEET = "Updates"
ABOUT_SHEET = "About"
BULLET = "• "
LEAD_SEPARATOR = "; "
DATE_FORMAT = "dd/mm/yyyy"
MAX_UPLOAD_BYTES = 3 * 2**20
MAX_ROWS = 20_000


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    about: str
    wrap: bool = False

    @property
    def index(self) -> int:
        """1-based, as openpyxl counts."""
        return ACTION_COLUMNS.index(self) + 1

    @property
    def letter(self) -> str:
        return get_column_letter(self.index)


ACTION_COLUMNS: list[Column] = [
    Column(
        "key",
        "Key",
        8,
        "SaferPlan's number for the action, hidden so it is not changed by mistake. Leave it "
        "alone; leave it empty on a new row to add a new action.",
    ),
    Column(
        "theme",
        "Theme",
        22,
        "The theme the objective belongs to. Used to tell apart objectives with the same "
        "number in different themes, and to create themes when a new plan is made from this "
        "workbook.",
        wrap=True,
    ),
    Column(
        "objective_number",
        "Objective number",
        11,
        "The objective's number, for example 3. Required. Changing it moves the action to "
        "that objective.",
    ),
    Column(
        "objective_title",
        "Objective",
        36,
        "The objective's title, for reading. Only used when a new plan is made from this workbook.",
        wrap=True,
    ),
    Column("number", "Action number", 10, "As printed, for example 7) or a. Required."),
    Column("method", "Method", 20, "How the action is delivered. Up to 100 characters.", True),
    Column(
        "text",
        "Action",
        60,
        "What will be done. Required. Lines starting with “• ” at the end are the action's "
        "sub-items.",
        wrap=True,
    ),
    Column(
        "leads",
        "Leads",
        16,
        "Who leads the action: agencies by their short name and people by their initials, as "
        "the partnership knows them, separated by “; ”.",
        wrap=True,
    ),
    Column(
        "due_text",
        "By when",
        16,
        "As written: a date such as 31/7/2026, a period such as April 2027, Summer 26 or "
        "2026/27, or On-going, Completed, On hold, Not started, ASAP or TBC.",
    ),
    Column("status", "Status", 13, "One of the statuses listed below."),
    Column("rag", "RAG", 10, "One of the plan's RAG ratings listed below, or empty if not rated."),
    Column(
        "update_text",
        "Latest update",
        60,
        "The action's latest update. Write a new text (or give a new date) to add an update "
        "with the row's status and RAG; emptying it removes nothing.",
        wrap=True,
    ),
    Column(
        "update_date",
        "Update date",
        12,
        "The date of the latest update, for example 31/10/2026. Today if left empty on a "
        "new update.",
    ),
]
COLUMN = {c.key: c for c in ACTION_COLUMNS}
HEADERS = [c.header for c in ACTION_COLUMNS]


def is_plan_workbook(sheet_headings: dict[str, list[str]]) -> bool:
    """A workbook SaferPlan wrote (its Actions sheet headed as SaferPlan heads it), which its
    key column ties row by row to the plan; any other spreadsheet is a partner's tracker."""
    headings = [h.strip() for h in sheet_headings.get(ACTIONS_SHEET, [])]
    # the key column is hidden, and readers leave hidden columns out, unless somebody showed it
    if headings[:1] == HEADERS[:1]:
        headings = headings[1:]
    return len(headings) >= 3 and headings[:3] == HEADERS[1:4]


UPDATE_HEADERS = [
    ("Key", 8),
    ("Action number", 10),
    ("Date", 12),
    ("Period", 12),
    ("Status", 13),
    ("RAG", 10),
    ("Author", 16),
    ("Update", 80),
]


ABOUT_INTRO = [
    "How to use this workbook",
    "Each row of the Actions sheet is one action of the plan. Change the cells you need, save "
    "the file as an Excel workbook (.xlsx) and upload it on the plan's page with “Update from a "
    "spreadsheet”. SaferPlan shows every change it will make and makes none until you confirm.",
    "Add an action by adding a row with an empty Key. Deleting a row changes nothing: retire "
    "actions in SaferPlan instead. Retired actions are not in the workbook.",
    "The Updates sheet lists every update for reading; changes to it are not imported.",
    "If anything is wrong, nothing is changed and every problem is listed with its sheet, row "
    "and column.",
]
