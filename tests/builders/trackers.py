"""A plan as a partnership imported it, and the trackers its partners send back each quarter,
as the general table reader gives them (``ParsedPlan``): numbers retyped, text reworded, last
quarter's update kept in the cell."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from apps.importers.domain.parsed import (
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    ParsedTheme,
    ParsedUpdate,
)
from apps.partnerships.models import Organisation, Partnership
from apps.plans.domain.by_when import interpret_by_when
from apps.plans.models import Action, Plan, Status, Theme
from apps.plans.services import action_import, objective_create, theme_create, update_import
from tests.builders.plans import plan as empty_plan

# theme, objective number and title, then its actions: number, text, by when, status, RAG code,
# the update the plan was imported with
PLAN = [
    (
        "Safer Neighbourhoods",
        1,
        "Reduce anti-social behaviour in town centres",
        [
            (
                "1.1",
                "Run diversionary youth activities in the summer holidays",
                "31/08/2026",
                Status.ONGOING,
                "A",
                "Leisure providers have agreed a programme of summer activities.",
            ),
            (
                "1.2",
                "Install additional CCTV cameras in the market square and at the bus station",
                "31/03/2027",
                Status.NOT_STARTED,
                "R",
                "Funding bid submitted to the Safer Streets fund.",
            ),
        ],
    ),
    (
        "Safer Neighbourhoods",
        2,
        "Tackle retail crime",
        [
            (
                "2.1",
                "Set up a shop watch radio scheme with the town centre retailers",
                "On-going",
                Status.ONGOING,
                "G",
                "Twelve retailers have joined the radio scheme.",
            ),
        ],
    ),
    (
        "Protecting Vulnerable People",
        3,
        "Reduce the harm caused by domestic abuse",
        [
            (
                "3.1",
                "Train front-line housing staff to recognise the signs of domestic abuse",
                "December 2026",
                Status.ONGOING,
                "A",
                "Two training sessions delivered to forty housing officers.",
            ),
            (
                "3.2",
                "Commission a refuge-based counselling service for children",
                "31/03/2027",
                Status.NOT_STARTED,
                "",
                "",
            ),
        ],
    ),
]


@dataclass
class TrackerPlan:
    plan: Plan
    actions: dict[str, Action]  # by number as printed


def tracker_plan(*, partnership: Partnership) -> TrackerPlan:
    """A live plan imported with nobody signed in, as `import_plan` leaves one."""
    new_plan = empty_plan(partnership=partnership, title="Community Safety Delivery Plan")
    ratings = {r.code: r for r in new_plan.ratings.all()}
    csp = Organisation.objects.get_or_create(
        partnership=partnership, short_name="CSP", defaults={"name": "Community Safety Partnership"}
    )[0]
    themes: dict[str, Theme] = {}
    actions: dict[str, Action] = {}
    for theme_title, number, title, rows in PLAN:
        if theme_title not in themes:
            themes[theme_title] = theme_create(
                plan=new_plan, title=theme_title, position=len(themes), user=None
            )
        objective = objective_create(
            theme=themes[theme_title], number=number, title=title, user=None
        )
        for position, (action_number, text, due, status, rag, update) in enumerate(rows):
            by_when = interpret_by_when(due)
            action = action_import(
                objective=objective,
                user=None,
                number=action_number,
                position=position,
                text=text,
                due_text=by_when.text,
                due_date=by_when.due_date,
                status=status,
                rating=ratings.get(rag),
                lead_organisations=[csp],
            )
            if update:
                update_import(action=action, user=None, text=update, reported_on=date(2026, 6, 30))
            actions[action_number] = action
    return TrackerPlan(plan=new_plan, actions=actions)


def tracker_row(
    number: str,
    text: str = "",
    *,
    updates: tuple[str, ...] | list[str] = (),
    status: str | None = None,
    rag: str | None = None,
    due_text: str | None = None,
    due_date: date | None = None,
    leads: tuple[str, ...] | list[str] = (),
    line: int = 0,
) -> ParsedAction:
    """A row as a partner's tracker gives it; what it leaves empty stays None (not given)."""
    return ParsedAction(
        number=number,
        text=text,
        status=status,
        rag=rag,
        due_text=due_text,
        due_date=due_date,
        leads=list(leads),
        updates=[ParsedUpdate(text=u) for u in updates],
        line=line,
    )


# theme title, objective number, objective title, rows
Group = tuple[str, int, str, list[ParsedAction]]


def tracker(*groups: Group, title: str = "Partner tracker") -> ParsedPlan:
    """A tracker of (theme, objective number, objective title, rows) groups; rows without a line
    are numbered as a spreadsheet would, after a header row."""
    themes: dict[str, ParsedTheme] = {}
    line = 1
    for theme_title, number, objective_title, rows in groups:
        theme = themes.setdefault(theme_title, ParsedTheme(title=theme_title))
        for row in rows:
            line += 1
            row.line = row.line or line
        theme.objectives.append(ParsedObjective(number=number, title=objective_title, actions=rows))
    return ParsedPlan(title=title, themes=list(themes.values()), period_label="2026-27")
