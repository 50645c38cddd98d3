"""The delivery plan sections of a report: introduction, RAG key and summary, the plan table,
overdue and due-soon actions. Reads only what the builder loaded, so no queries here."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from apps.partnerships.domain.display import lead_labels
from apps.plans.models import Action, Plan, Rating, Status, Update
from apps.plans.selectors import StatusSummary, SummaryLine, ThemeRows, action_is_overdue
from apps.reports.builder.content import (
    ROW_GROUP,
    TABLE_DELIVERY,
    TABLE_OVERDUE,
    TABLE_SUMMARY,
    Cell,
    DefinitionList,
    Heading,
    Note,
    Paragraph,
    Rag,
    Row,
    Table,
    text_lines,
)
from apps.reports.builder.content import Block as ContentBlock

DUE_SOON_DAYS = 28
NOT_RATED = "Not rated"
NO_OVERDUE = "No actions are overdue."
NO_DUE_SOON = "No actions fall due in the next four weeks."
NO_UPDATE = "No update for this period."


def text_colour(background: str) -> str:
    """Black or white text, whichever reads on the background (WCAG relative luminance)."""
    hex_colour = background.lstrip("#")
    if len(hex_colour) != 6:
        return "#0b0c0c"
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#0b0c0c" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


def rating_rag(rating: Rating) -> Rag:
    return Rag(rating.code, rating.label, rating.colour, text_colour(rating.colour))


@dataclass
class PlanData:
    """One plan as the builder loaded it: its structure, ratings, summary and the period."""

    plan: Plan
    structure: list[ThemeRows]
    ratings: list[Rating]
    summary: StatusSummary
    as_of: date
    period_label: str
    period_start: date | None
    period_end: date | None
    public: bool
    names: dict[int, str] = field(default_factory=dict)  # person id → name, internal only

    @property
    def actions(self) -> list[Action]:
        return [a for t in self.structure for o in t.objectives for a in o.actions]


def introduction_blocks(data: PlanData) -> list[ContentBlock]:
    blocks: list[ContentBlock] = [Paragraph(p) for p in text_lines(data.plan.introduction)]
    themes = [t.theme for t in data.structure]
    if themes:
        blocks.append(Heading("Strategic themes", f"themes-{data.plan.pk}"))
        blocks.append(DefinitionList([(t.title, t.statement) for t in themes]))
    return blocks


def _summary_cell(lines: list[SummaryLine]) -> Cell:
    return Cell(lines=[str(line) for line in lines])


def summary_of(actions: list[Action], ratings: list[Rating], as_of: date) -> StatusSummary:
    """The status summary ("Green 14/14 (100%)") counted over loaded actions, the lines in
    the plan's selectors' shape, so a theme's summary costs no query."""
    total = len(actions)
    by_rating = Counter(a.rating_id for a in actions)
    by_status = Counter(a.status for a in actions)
    lines = [SummaryLine(r.label, by_rating[r.pk], total, r.colour, r.code) for r in ratings]
    if by_rating[None]:
        lines.append(SummaryLine(NOT_RATED, by_rating[None], total))
    states = [
        SummaryLine(str(label), by_status[value], total, "", value)
        for value, label in Status.choices
        if by_status[value]
    ]
    overdue = sum(action_is_overdue(a, on=as_of) for a in actions)
    return StatusSummary(total=total, by_rating=lines, by_status=states, overdue=overdue)


def status_blocks(data: PlanData) -> list[ContentBlock]:
    """The plan's own RAG definitions, then the summary overall and per theme."""
    blocks: list[ContentBlock] = []
    if data.ratings:
        blocks.append(Heading("RAG status key", f"rag-key-{data.plan.pk}"))
        blocks.append(
            DefinitionList(
                [(f"{r.label} ({r.code})", r.definition) for r in data.ratings],
                rags=[rating_rag(r) for r in data.ratings],
            )
        )
    blocks.append(Heading("Status summary", f"status-summary-{data.plan.pk}"))
    overall = data.summary
    blocks.append(
        Paragraph(f"{overall.total} actions; {overall.overdue} overdue on {data.as_of:%-d %B %Y}.")
    )
    table = Table(
        caption="Actions by RAG rating and by state",
        header=["", "By RAG rating", "By state", "Overdue"],
        kind=TABLE_SUMMARY,
        widths=[28, 28, 28, 16],
    )
    scopes = [("All themes", overall)] + [
        (
            t.theme.title,
            summary_of([a for o in t.objectives for a in o.actions], data.ratings, data.as_of),
        )
        for t in data.structure
    ]
    for name, summary in scopes:
        table.rows.append(
            Row(
                [
                    Cell.of(name),
                    _summary_cell(summary.by_rating),
                    _summary_cell(summary.by_status),
                    Cell.of(f"{summary.overdue}/{summary.total}", value=summary.overdue),
                ]
            )
        )
    blocks.append(table)
    return blocks


def lead_text(action: Action, *, public: bool = False) -> str:
    """Leads as every page names them: "Nottinghamshire Police (Notts Police) / Jane Smith
    (JS)"; a public report names people by their initials only."""
    names = lead_labels(
        organisations=action.lead_organisations.all(),
        people=action.lead_people.all(),
        public=public,
    )
    return " / ".join(names)


def in_period(update: Update, data: PlanData) -> bool:
    """Dated updates in the report's dates; undated ones whose period label matches."""
    if update.reported_on is not None and (data.period_start or data.period_end):
        after_start = data.period_start is None or update.reported_on >= data.period_start
        before_end = data.period_end is None or update.reported_on <= data.period_end
        return after_start and before_end
    if not data.period_label or not update.period_label:
        return True
    return update.period_label in data.period_label or data.period_label in update.period_label


def updates_for(action: Action, data: PlanData) -> list[Update]:
    return [
        u for u in action.updates.all() if in_period(u, data) and not (data.public and u.internal)
    ]


def _update_lines(update: Update, data: PlanData) -> list[str]:
    byline = []
    if update.reported_on is not None:
        byline.append(f"{update.reported_on:%-d %B %Y}")
    if update.author_id is not None and update.author is not None:
        name = data.names.get(update.author_id) if not data.public else None
        byline.append(f"{name} ({update.author.initials})" if name else update.author.initials)
    if update.internal:
        byline.append("internal")
    lines = text_lines(update.text)
    if byline and lines:
        lines[0] = f"{', '.join(byline)}: {lines[0]}"
    return lines


def _action_cells(action: Action, data: PlanData) -> list[Cell]:
    update_lines = [line for u in updates_for(action, data) for line in _update_lines(u, data)]
    rag = rating_rag(action.rating) if action.rating is not None else None
    return [
        Cell.of(action.method),
        Cell.of(
            action.due_text or (f"{action.due_date:%-d/%-m/%Y}" if action.due_date else ""),
            value=action.due_date or action.due_text,
        ),
        Cell.of(lead_text(action, public=data.public)),
        Cell(lines=[f"{action.number} {action.text}".strip()], items=list(action.sub_items)),
        Cell(lines=update_lines or [NO_UPDATE]),
        Cell(lines=[rag.word] if rag else [], rag=rag, value=rag.code if rag else None),
    ]


DELIVERY_HEADER = ["Method", "By when", "Lead", "Action(s)", "Update(s)", "RAG"]
DELIVERY_WIDTHS = [12, 9, 7, 28, 36, 8]


def delivery_blocks(data: PlanData) -> list[ContentBlock]:
    """One table per theme, objectives as group rows, as the delivery plan prints it."""
    blocks: list[ContentBlock] = []
    for theme_rows in data.structure:
        theme = theme_rows.theme
        blocks.append(Heading(theme.title, f"theme-{theme.pk}"))
        if theme.statement:
            blocks.append(Paragraph(theme.statement, emphasis=True))
        table = Table(
            caption=f"{theme.title}: objectives and actions",
            header=DELIVERY_HEADER,
            kind=TABLE_DELIVERY,
            widths=DELIVERY_WIDTHS,
        )
        for objective_rows in theme_rows.objectives:
            objective = objective_rows.objective
            title = f"Objective {objective.number}: {objective.title}".rstrip(": ")
            table.rows.append(Row([Cell.of(title)], kind=ROW_GROUP, level=2))
            table.rows += [Row(_action_cells(a, data)) for a in objective_rows.actions]
        blocks.append(table)
    return blocks


def _state_word(action: Action) -> str:
    return str(Status(action.status).label)


def _due_table(
    caption: str, actions: list[Action], objective_titles: dict[int, str], *, public: bool
) -> Table:
    table = Table(
        caption=caption,
        header=["Action", "Objective", "Lead", "By when", "State", "RAG"],
        kind=TABLE_OVERDUE,
        widths=[40, 22, 10, 10, 10, 8],
    )
    for action in actions:
        rag = rating_rag(action.rating) if action.rating is not None else None
        table.rows.append(
            Row(
                [
                    Cell.of(f"{action.number} {action.text}".strip()),
                    Cell.of(objective_titles[action.objective_id]),
                    Cell.of(lead_text(action, public=public)),
                    Cell.of(action.due_text or "", value=action.due_date),
                    Cell.of(_state_word(action)),
                    Cell(lines=[rag.word] if rag else [NOT_RATED], rag=rag),
                ]
            )
        )
    return table


def overdue_blocks(data: PlanData) -> list[ContentBlock]:
    """Overdue actions, then those due within four weeks of the report's date."""
    titles = {
        o.objective.pk: f"Objective {o.objective.number}: {o.objective.title}"
        for t in data.structure
        for o in t.objectives
    }
    actions = data.actions
    overdue = sorted(
        (a for a in actions if action_is_overdue(a, on=data.as_of)),
        key=lambda a: a.due_date or date.max,
    )
    horizon = data.as_of + timedelta(days=DUE_SOON_DAYS)
    soon = sorted(
        (
            a
            for a in actions
            if a.due_date is not None
            and data.as_of <= a.due_date <= horizon
            and a.status != Status.COMPLETED
        ),
        key=lambda a: a.due_date or date.max,
    )
    blocks: list[ContentBlock] = [Heading("Overdue actions", f"overdue-{data.plan.pk}")]
    blocks.append(
        _due_table(f"Overdue on {data.as_of:%-d %B %Y}", overdue, titles, public=data.public)
        if overdue
        else Note(NO_OVERDUE)
    )
    blocks.append(Heading("Due in the next four weeks", f"due-soon-{data.plan.pk}"))
    blocks.append(
        _due_table(f"Due by {horizon:%-d %B %Y}", soon, titles, public=data.public)
        if soon
        else Note(NO_DUE_SOON)
    )
    return blocks
