"""Parser for the NSDC delivery-plan layout (Bassetlaw, Newark & Sherwood CSP, 2025 and 2026-27).

The documents are PDF conversions: tab-separated table rows with HTML inside cells, rows split
by page breaks, columns shifted where a cell was empty and objective headings broken across
cells. The parser reads row by row, classifying each cell by what it looks like (a by-when, a
lead, a numbered action, an update), and says where it had to guess.
"""

from __future__ import annotations

import re

from apps.importers.parsed import (
    ImportFormatError,
    ImportWarning,
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    ParsedRating,
    ParsedTheme,
    ParsedUpdate,
)
from apps.importers.parsers.cells import paragraphs, plain, split_items
from apps.importers.tagging import detect_tags
from apps.partnerships.agencies import agency_name
from apps.plans.by_when import interpret_by_when

NOT_NSDC = "This is not a delivery plan in the NSDC layout (method, by when, lead, actions)."
THEME_NAMES = ("Prevention", "Response", "Support", "Collaborative Working")
RAG_COLOURS = {"R": "#d4351c", "A": "#f47738", "G": "#00703c"}

_HEADER = re.compile(r"^\s*Method\s+By when\s+Lead", re.I)
_OBJECTIVE = re.compile(r"^Objective\s*(\d+)\s*:?\s*(.*)$", re.I)
_NUMBER = re.compile(r"^\s*(\d{1,2}\))\s*(.*)$", re.S)
_LEAD_TOKEN = re.compile(r"^[A-Z١]{1,4}$")


def looks_like_nsdc_plan(text: str) -> bool:
    return bool(re.search(r"Method\s+By when\s+Lead", text)) and "Objective" in text


def _is_lead(cell: str) -> bool:
    parts = [p.strip() for p in re.split(r"[/?]", plain(cell)) if p.strip()]
    if not parts:
        return False
    return all(
        agency_name(p) is not None or all(_LEAD_TOKEN.match(t) for t in p.split()) for p in parts
    )


def _leads(cell: str, line: int, warnings: list[ImportWarning]) -> list[str]:
    text = plain(cell)
    if "?" in text:
        warnings.append(ImportWarning(line, f"Read the lead “{text}” as separate people."))
    leads: list[str] = []
    for part in (p.strip() for p in re.split(r"[/?]", text)):
        if not part:
            continue
        if "١" in part:
            fixed = part.replace("١", "J")
            warnings.append(ImportWarning(line, f"Read the lead “{part}” as “{fixed}”."))
            part = fixed
        if " " in part and agency_name(part) is None:
            joined = part.replace(" ", "")
            warnings.append(ImportWarning(line, f"Read the lead “{part}” as “{joined}”."))
            part = joined
        leads.append(part)
    return leads


class _Reader:
    def __init__(self) -> None:
        self.plan = ParsedPlan(title="")
        self.theme: ParsedTheme | None = None
        self.objective: ParsedObjective | None = None
        self.action: ParsedAction | None = None
        self.method: str | None = None
        self.in_tables = False
        self.pending_statement = False
        self.in_rag = False
        self.last_joined: tuple[ParsedAction, list[str], int] | None = None

    def warn(self, line: int, message: str) -> None:
        self.plan.warnings.append(ImportWarning(line, message))

    def start_theme(self, title: str, statement: str = "") -> None:
        self.theme = ParsedTheme(title=title, statement=statement)
        self.plan.themes.append(self.theme)
        self.objective, self.action = None, None
        self.pending_statement = not statement

    def start_objective(self, number: int, title: str, line: int) -> None:
        if self.theme is None:
            self.start_theme("Delivery plan")
            self.warn(line, "Objective found before any theme heading.")
        assert self.theme is not None
        self.objective = ParsedObjective(number=number, title=title, line=line)
        self.theme.objectives.append(self.objective)
        self.action, self.method = None, None

    def read(self, text: str) -> ParsedPlan:
        for number, raw in enumerate(text.splitlines(), start=1):
            self.read_line(raw, number)
        if not self.plan.themes or not any(t.objectives for t in self.plan.themes):
            raise ImportFormatError(NOT_NSDC)
        return self.plan

    def read_line(self, raw: str, line: int) -> None:
        stripped = raw.strip()
        text = plain(raw)
        separator = re.fullmatch(r"[-\s]*", text) is not None
        if separator or re.fullmatch(r"\d{1,3}", stripped) or _HEADER.match(text):
            self.in_tables = self.in_tables or bool(_HEADER.match(text))
            return
        if not self.plan.title and raw.startswith("# "):
            self.plan.title = text.lstrip("# ").replace(" CUSTOMER FEEDBACK", "").strip()
            if match := re.search(r"\b(20\d\d-\d\d)\b", self.plan.title):
                self.plan.period_label = match[1]
            return
        if re.match(r"#+\s*Introduction", text):
            self.pending_intro = True
            return
        if getattr(self, "pending_intro", False) and not raw.startswith("#"):
            self.plan.introduction = text
            self.pending_intro = False
            return
        if "RAG Classification" in text:
            self.in_rag = True
            return
        if self.in_rag:
            self.read_rating(raw)
            return
        if self.read_theme(raw, text, line) or self.read_objective(raw, line):
            return
        if self.pending_statement and self.theme is not None and "\t" not in raw.strip("\t"):
            self.theme.statement = text.strip("*_ ")
            self.pending_statement = False
            return
        if self.objective is not None:
            self.read_row(raw, line)

    def read_theme(self, raw: str, text: str, line: int) -> bool:
        cells = [plain(c) for c in raw.split("\t") if plain(c)]
        heading = text.lstrip("# ").strip("* ")
        for name in THEME_NAMES:
            if heading == name and (raw.startswith("#") or len(cells) == 1):
                self.in_tables = True
                self.start_theme(name)
                return True
            if cells and cells[0].startswith(name + " ") and len(cells) == 1 and raw[:1] == "\t":
                self.start_theme(name, cells[0][len(name) :].strip())
                if "Norking" in self.theme.statement:  # type: ignore[union-attr]
                    self.warn(line, "The theme statement reads “Norking”: check the wording.")
                return True
        if (
            self.theme is not None
            and self.pending_statement
            and len(cells) == 2
            and cells[1].startswith(cells[0])
        ):
            # "We want to en\tWe want to ensure …": the first cell repeats the start of the second.
            self.theme.statement = cells[1]
            self.pending_statement = False
            return True
        return False

    def read_objective(self, raw: str, line: int) -> bool:
        if not self.in_tables and self.theme is None:
            return False
        cells = [plain(c).lstrip("# ") for c in raw.split("\t")]
        cells = [c for c in cells if c and c != "-"]
        if not cells or not re.match(r"Objective\b", cells[0], re.I):
            return False
        whole = next((c for c in cells if re.match(r"Objective\s*\d+\s*:", c)), None)
        joined = whole if whole and len(whole) > 15 else "".join(cells)
        match = _OBJECTIVE.match(joined)
        if not match:
            return False
        title = match[2].strip()
        if len(cells) > 2 and not whole:
            self.warn(line, f"Objective {match[1]}’s title was split across cells; check it.")
        self.start_objective(int(match[1]), title, line)
        return True

    def read_rating(self, raw: str) -> None:
        cells = [plain(c) for c in raw.split("\t") if plain(c)]
        if len(cells) >= 2 and (m := re.match(r"(RED|AMBER|GREEN)", cells[0], re.I)):
            label = m[1].title()
            self.plan.rag_scheme.append(
                ParsedRating(label[0], label, " ".join(cells[1:]), RAG_COLOURS[label[0]])
            )

    def read_row(self, raw: str, line: int) -> None:
        cells = raw.split("\t")
        index = next(
            (i for i, c in enumerate(cells) if _NUMBER.match(plain(c)) or "<ol" in c), None
        )
        prefix = cells[: index if index is not None else 0]
        due, lead, method = None, None, None
        for cell in (c for c in prefix if plain(c)):
            value = plain(cell)
            if due is None and interpret_by_when(value).kind not in ("unknown", "empty"):
                due = value
            elif lead is None and _is_lead(cell):
                lead = cell
            elif method is None:
                method = value
        if index is None:
            bare = [c for c in cells if plain(c)]
            if (due or lead) and len(bare) >= 2 and not prefix:
                pass
            first_text = next((i for i, c in enumerate(cells) if plain(c)), None)
            classified = [plain(c) for c in cells[: (first_text or 0) + 2] if plain(c)]
            if (
                first_text is not None
                and len(classified) >= 2
                and any(interpret_by_when(c).kind not in ("unknown", "empty") for c in classified)
            ):
                self.read_unnumbered(cells, line)
                return
            self.read_continuation(cells, line)
            return
        body = cells[index:]
        number_match = _NUMBER.match(plain(body[0]))
        if number_match and not number_match[2].strip() and len(body) > 1:
            number, text_cell, rest = number_match[1], body[1], body[2:]
        else:
            number, text_cell, rest = None, body[0], body[1:]
        main, items = split_items(text_cell)
        if number is None:
            if m := _NUMBER.match(main):
                number, main = m[1], m[2].strip()
            else:
                number = f"{len(self.objective.actions) + 1})"  # type: ignore[union-attr]
                self.warn(line, f"Action numbered {number} from its place in a list.")
        self.restart_if_numbering_restarts(number, line)
        self.add_action(number, main, items, due, lead, method, rest, line)

    def restart_if_numbering_restarts(self, number: str, line: int) -> None:
        """Numbering that goes back (…4) then 2)) means an objective heading was lost."""
        assert self.objective is not None and self.theme is not None
        previous = [
            int(a.number.rstrip(")")) for a in self.objective.actions if a.number[:-1].isdigit()
        ]
        if not previous or int(number.rstrip(")")) > previous[-1]:
            return
        missing = self.objective.number + 1
        joined = (
            self.last_joined if self.last_joined and self.last_joined[0] is self.action else None
        )
        if joined is None or int(number.rstrip(")")) != 2:
            self.warn(line, f"Action {number} repeats or goes back in the numbering; check it.")
            return
        self.warn(
            line,
            f"Action numbering starts again, so these actions are put under objective {missing}, "
            "whose heading could not be read.",
        )
        self.start_objective(missing, "", line)
        if joined is not None:
            action, items, joined_line = joined
            del action.sub_items[len(action.sub_items) - len(items) :]
            self.warn(
                joined_line, f"Took the text split from objective {missing - 1} as its action 1)."
            )
            self.objective.actions.append(
                ParsedAction(
                    number="1)", text=" ".join(items), method=action.method, line=joined_line
                )
            )

    def read_unnumbered(self, cells: list[str], line: int) -> None:
        values = [c for c in cells if plain(c)]
        due = lead = method = None
        while values and len(values) > 1:
            value = plain(values[0])
            if due is None and interpret_by_when(value).kind not in ("unknown", "empty"):
                due = value
            elif lead is None and _is_lead(values[0]):
                lead = values[0]
            elif method is None and due is None and lead is None and len(value) <= 60:
                method = value
            else:
                break
            values.pop(0)
        main, items = split_items(values[0])
        number = f"{len(self.objective.actions) + 1})"  # type: ignore[union-attr]
        self.warn(line, f"Action has no number in the document; numbered {number}.")
        self.add_action(number, main, items, due, lead, method, values[1:], line)

    def add_action(
        self,
        number: str,
        main: str,
        items: list[str],
        due: str | None,
        lead: str | None,
        method: str | None,
        rest: list[str],
        line: int,
    ) -> None:
        assert self.objective is not None
        if method:
            self.method = method
        by_when = interpret_by_when(due)
        action = ParsedAction(
            number=number,
            text=main,
            method=self.method,
            sub_items=items,
            due_text=by_when.text or None,
            due_date=by_when.due_date,
            status=by_when.status,
            leads=_leads(lead, line, self.plan.warnings) if lead else [],
            line=line,
        )
        update = "\n\n".join(p for cell in rest for p in paragraphs(cell))
        if update:
            action.updates.append(ParsedUpdate(text=update, line=line))
        self.objective.actions.append(action)
        self.action = action

    def read_continuation(self, cells: list[str], line: int) -> None:
        filled = [c for c in cells if plain(c)]
        if len(filled) == 1 and cells[0] == filled[0] and cells[0].lstrip().startswith("<b>"):
            # A method cell on a row of its own ("<b>Other Funding</b>") heads the rows below.
            self.method = plain(cells[0])
            self.warn(
                line, f"Method “{self.method}” has no action beside it; used for the rows below."
            )
            return
        if self.action is None or not filled:
            if filled:
                self.warn(line, f"Text outside any action was left out: “{plain(filled[0])[:60]}”.")
            return
        if len(filled) >= 2:
            action_part, update_parts = filled[0], filled[1:]
        elif re.match(r"^\s*(<li|<ul|[a-z]\.\s)", filled[0]):
            action_part, update_parts = filled[0], []
        else:
            action_part, update_parts = None, filled
        if action_part is not None:
            main, items = split_items(action_part)
            added = ([main] if main else []) + items
            self.action.sub_items.extend(added)
            self.last_joined = (self.action, added, line)
            self.warn(line, f"Joined text split by a page break to action {self.action.number}.")
        update = "\n\n".join(p for cell in update_parts for p in paragraphs(cell))
        if update:
            if self.action.updates:
                self.action.updates[-1].text += "\n\n" + update
            else:
                self.action.updates.append(ParsedUpdate(text=update, line=line))


def parse_nsdc_plan(text: str) -> ParsedPlan:
    """Read an NSDC-layout delivery plan, or raise ImportFormatError if it is not one."""
    if not looks_like_nsdc_plan(text):
        raise ImportFormatError(NOT_NSDC)
    plan = _Reader().read(text)
    for theme in plan.themes:
        for objective in theme.objectives:
            for action in objective.actions:
                action.tags = detect_tags(" ".join([action.text, *action.sub_items]))
    numbers = [o.number for t in plan.themes for o in t.objectives]
    for expected in range(1, max(numbers, default=0) + 1):
        if expected not in numbers:
            plan.warnings.append(
                ImportWarning(0, f"Objective {expected} has no heading the importer could read.")
            )
    return plan
