"""The public variant: people named by their initials, and a note saying what is left out.

What the public variant leaves out (internal updates and narratives, lead officers) the
section modules decide as they build; this is what is done to the built content afterwards.
"""

from __future__ import annotations

import re

from apps.reports.builder import content as c

PUBLIC_NOTE = (
    "This is the public version: internal updates and narratives are left out, and people "
    "are named by their initials only."
)


def names_redact(report: c.Report, initials: dict[str, str]) -> None:
    """Every whole name in the report's text replaced by its initials, in place."""
    if not initials:
        return
    names = sorted(initials, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    c.text_walk(report, lambda text: pattern.sub(lambda m: initials[m[1]], text))


def public_note_add(report: c.Report) -> None:
    """The note saying what is left out, at the top of the first section."""
    if report.sections:
        report.sections[0].blocks.insert(0, c.Note(PUBLIC_NOTE))
