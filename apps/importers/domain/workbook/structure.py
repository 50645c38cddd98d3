"""Rows that make a new plan's structure: a plan with no objectives yet (one made from the blank
template) takes its themes and objectives from the rows, which must agree with each other.
"""

from __future__ import annotations

from apps.core.text import label_key
from apps.importers.domain.workbook.cells import clean_text
from apps.importers.domain.workbook.layout import COLUMN
from apps.importers.domain.workbook.reading import (
    Problem,
    SheetRow,
    as_text,
    as_whole_number,
    cell_problem,
)

THEME_REQUIRED = "Enter the theme: a new plan takes its themes from this column"
THEME_TOO_LONG = "The theme must be 200 characters or fewer (it has {length})"
OBJECTIVE_TITLES_DIFFER = (
    "Objective {number} of “{theme}” has a different title on row {first}. "
    "Give each objective one title"
)


def structure_problems(rows: list[SheetRow]) -> list[Problem]:
    """Rows that create themes and objectives must name a theme and agree on each title."""
    problems: list[Problem] = []
    titles: dict[tuple[str, int], tuple[str, int]] = {}
    for row in rows:
        theme = as_text(row.values["theme"])
        number = as_whole_number(row.values["objective_number"])
        if not theme:
            problems.append(cell_problem(row.number, COLUMN["theme"], THEME_REQUIRED))
            continue
        if len(theme) > 200:
            message = THEME_TOO_LONG.format(length=len(theme))
            problems.append(cell_problem(row.number, COLUMN["theme"], message))
        if number is None:
            continue
        title = clean_text(as_text(row.values["objective_title"]))
        key = (label_key(theme), number)
        if key not in titles or not titles[key][0]:
            titles[key] = (title, titles.get(key, (title, row.number))[1])
        elif title and label_key(title) != label_key(titles[key][0]):
            message = OBJECTIVE_TITLES_DIFFER.format(
                number=number, theme=theme, first=titles[key][1]
            )
            problems.append(cell_problem(row.number, COLUMN["objective_title"], message))
    return problems
