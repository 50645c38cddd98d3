"""Checks and tidying once a whole NSDC plan has been read: tags, unclear leads, placeholder
updates and gaps in the objective numbering. Each doubt becomes an ImportWarning.
"""

from __future__ import annotations

import re
from collections import Counter

from apps.importers.domain.parsed import ImportWarning, ParsedAction, ParsedPlan
from apps.importers.domain.tagging import detect_tags

_PLACEHOLDER = re.compile(r"x+|tbc|n/?a|-+|\w{1,3}", re.I)


def _actions(plan: ParsedPlan) -> list[ParsedAction]:
    return [a for t in plan.themes for o in t.objectives for a in o.actions]


def finish(plan: ParsedPlan) -> None:
    """Tag actions and warn about anything a person should check before saving."""
    for action in _actions(plan):
        action.tags = detect_tags(" ".join([action.text, *action.sub_items]))
        _check_updates(action, plan.warnings)
    _resolve_unclear_leads(plan)
    _check_objective_numbers(plan)
    if not plan.themes:
        plan.warnings.append(ImportWarning(0, "No theme headings were found."))
    plan.warnings.sort(key=lambda warning: warning.line)


def _check_updates(action: ParsedAction, warnings: list[ImportWarning]) -> None:
    for update in action.updates:
        if _PLACEHOLDER.fullmatch(update.text.strip()):
            warnings.append(
                ImportWarning(
                    update.line,
                    f"The update for action {action.number} reads only “{update.text}”, which "
                    "looks like a placeholder; it has been kept as printed.",
                )
            )


def _resolve_unclear_leads(plan: ParsedPlan) -> None:
    """A lead with a character that is not a letter ("١W") is read as the one known lead it fits."""
    known = Counter(lead for a in _actions(plan) for lead in a.leads if lead.isascii())
    for action in _actions(plan):
        for index, lead in enumerate(action.leads):
            if lead.isascii():
                continue
            pattern = re.compile("".join(c if c.isascii() else "." for c in map(re.escape, lead)))
            fits = sorted(k for k in known if pattern.fullmatch(k))
            if len(fits) == 1:
                action.leads[index] = fits[0]
                message = (
                    f"Read the lead “{lead}” as “{fits[0]}”, the only lead in this plan it fits."
                )
            else:
                message = f"The lead “{lead}” has a character that is not a letter; check it."
            plan.warnings.append(ImportWarning(action.line, message))


def _check_objective_numbers(plan: ParsedPlan) -> None:
    objectives = [o for t in plan.themes for o in t.objectives]
    numbers = [o.number for o in objectives]
    for number, count in Counter(numbers).items():
        if count > 1:
            line = next(o.line for o in objectives if o.number == number)
            plan.warnings.append(ImportWarning(line, f"Objective {number} appears {count} times."))
    for expected in range(1, max(numbers, default=0) + 1):
        if expected not in numbers:
            following = [o.line for o in objectives if o.number > expected]
            plan.warnings.append(
                ImportWarning(
                    min(following, default=0),
                    f"No heading was found for objective {expected}.",
                )
            )
    for objective in objectives:
        if not objective.actions:
            plan.warnings.append(
                ImportWarning(objective.line, f"Objective {objective.number} has no actions.")
            )
