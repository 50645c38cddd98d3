"""Recognise which known layout a plan document is in and parse it with the matching parser."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from apps.importers.domain.glossary import glossary_agencies
from apps.importers.domain.parsed import ImportFormatError, ParsedPlan
from apps.importers.domain.parsers.bolsover import looks_like_bolsover_plan, parse_bolsover_plan
from apps.importers.domain.parsers.norfolk_ccsp import (
    looks_like_norfolk_ccsp_plan,
    parse_norfolk_ccsp_plan,
)
from apps.importers.domain.parsers.norfolk_dhr import (
    looks_like_norfolk_dhr_plan,
    parse_norfolk_dhr_plan,
)
from apps.importers.domain.parsers.notts import (
    looks_like_notts_theme_update,
    parse_notts_theme_update,
)
from apps.importers.domain.parsers.nsdc import looks_like_nsdc_plan, parse_nsdc_plan

FILE_NOT_TEXT = (
    "The file is not a text document. Save the plan as plain text (UTF-8) and try again."
)
FILE_EMPTY = "The file is empty"


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    recognises: Callable[[str], bool]
    parse: Callable[[str], ParsedPlan]


LAYOUTS: list[Layout] = [
    Layout(
        name="nsdc",
        description="NSDC delivery plan (method, by when, lead, actions, updates, RAG)",
        recognises=looks_like_nsdc_plan,
        parse=parse_nsdc_plan,
    ),
    Layout(
        name="bolsover-action-plan",
        description=(
            "Bolsover CSP action plan (a table of priority, action and lead, one lead per "
            "bulleted action)"
        ),
        recognises=looks_like_bolsover_plan,
        parse=parse_bolsover_plan,
    ),
    Layout(
        name="notts-pcc-theme",
        description=(
            "Nottinghamshire Police and Crime Commissioner theme update (numbered deliverables "
            "with organisation, RAG status and dated updates)"
        ),
        recognises=looks_like_notts_theme_update,
        parse=parse_notts_theme_update,
    ),
    Layout(
        name="norfolk-ccsp-action-plans",
        description=(
            "Norfolk County CSP plan action plans (a table per priority: objective, lead, key "
            "actions, by when, performance measures, target, linked priorities)"
        ),
        recognises=looks_like_norfolk_ccsp_plan,
        parse=parse_norfolk_ccsp_plan,
    ),
    Layout(
        name="norfolk-dhr-action-plan",
        description=(
            "Domestic Homicide Review action plan (recommendation, scope, action, lead agency, "
            "milestones, target date, completion and outcome)"
        ),
        recognises=looks_like_norfolk_dhr_plan,
        parse=parse_norfolk_dhr_plan,
    ),
]


def unknown_layout_message() -> str:
    known = "; ".join(layout.description for layout in LAYOUTS)
    return (
        f"SaferPlan does not recognise the layout of this document. Layouts it can read: {known}."
    )


def decode_document(data: bytes) -> str:
    """Plan documents arrive as bytes from uploads and files; only text is accepted."""
    if not data.strip():
        raise ImportFormatError(FILE_EMPTY)
    if b"\x00" in data[:4096]:
        raise ImportFormatError(FILE_NOT_TEXT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise ImportFormatError(FILE_NOT_TEXT) from error


def parse_plan_documents(text: str) -> list[ParsedPlan]:
    """Every plan the document holds, one per layout that recognises part of it.

    A committee pack can carry more than one plan (Norfolk's holds the CSP action plans and a
    Domestic Homicide Review action plan), so each known layout looks at the whole text. A
    layout that recognises the text but cannot read it raises ImportFormatError for it all:
    a half-read pack must not look like a complete one.
    """
    plans = presets_parse(text)
    if not plans:
        raise ImportFormatError(unknown_layout_message())
    return plans


def presets_parse(text: str) -> list[ParsedPlan]:
    """The plans the seed layouts recognise in the text; none when no layout does."""
    plans: list[ParsedPlan] = []
    for layout in LAYOUTS:
        if text and layout.recognises(text):
            parsed = layout.parse(text)
            parsed.layout = layout.name
            parsed.agencies = {**glossary_agencies(text.splitlines()), **parsed.agencies}
            plans.append(parsed)
    return plans


def parse_plan_document(text: str) -> ParsedPlan:
    """The document's only plan; a pack holding several is refused with their titles."""
    plans = parse_plan_documents(text)
    if len(plans) > 1:
        titles = "; ".join(f"“{plan.title}”" for plan in plans)
        raise ImportFormatError(f"This document holds {len(plans)} plans: {titles}. Choose one.")
    return plans[0]
