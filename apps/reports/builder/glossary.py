"""The glossary section: the partnership's entries for only the acronyms a report uses."""

from __future__ import annotations

import re

from apps.reports.builder import content as c
from apps.reports.models import GlossaryEntry


def acronyms_used(texts: list[str], acronyms: list[str]) -> set[str]:
    """Which acronyms appear as words of their own (case as written: "ASB", not "asb")."""
    if not acronyms:
        return set()
    alternatives = "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w/-])({alternatives})(?![\w/-])")
    return {m[1] for text in texts for m in pattern.finditer(text)}


def glossary_section(report: c.Report, entries: list[GlossaryEntry]) -> c.Section | None:
    """The entries for the acronyms this report uses, in alphabetical order; None if none."""
    used = acronyms_used(c.report_texts(report), [e.acronym for e in entries])
    chosen = sorted((e for e in entries if e.acronym in used), key=lambda e: e.acronym.casefold())
    if not chosen:
        return None
    items = [(e.acronym, e.meaning) for e in chosen]
    glossary = c.Section(c.GLOSSARY, c.SECTION_TITLES[c.GLOSSARY], "section-glossary")
    glossary.blocks.append(c.DefinitionList(items))
    return glossary
