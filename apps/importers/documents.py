"""Recognise which known layout a plan document is in and parse it with the matching parser."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from apps.importers.parsed import ImportFormatError, ParsedPlan
from apps.importers.parsers.nsdc import looks_like_nsdc_plan, parse_nsdc_plan

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


def parse_plan_document(text: str) -> tuple[Layout, ParsedPlan]:
    """Parse with the first layout that recognises the text, or explain which layouts exist."""
    for layout in LAYOUTS:
        if layout.recognises(text):
            return layout, layout.parse(text)
    raise ImportFormatError(unknown_layout_message())
