"""The ACTION and LEAD cells of Bolsover's action plan: bullets, their aims, and leads in order.

An ACTION cell mixes ``<p>`` paragraphs and ``<ul>`` bullets. A paragraph with bullets under it
is an aim ("Increase awareness in the community about all anti-social behaviour:") and every
bullet under it is an action carrying that aim; a paragraph with no bullets under it is an
action itself. The LEAD cell holds one ``<p>`` per action, in the same order, except where the
conversion ran two leads into one paragraph ("BDC/DCC All agencies"); those are split only
when splitting makes the counts agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from apps.core.text import text_squash
from apps.importers.domain.parsers.html_cells import blocks, strip_marker, tidy
from apps.partnerships.domain.agencies import agency_name

_ENDS_SENTENCE = re.compile(r"[.!?:;)]$")
_ACRONYM = re.compile(r"[A-Z]{2,6}s?")


@dataclass
class Item:
    """One action read from an ACTION cell, with the aim printed above it (if any)."""

    text: str
    aim: str | None


@dataclass
class ActionCell:
    continuation: str | None  # text that finishes the previous row's last action
    items: list[Item]
    aim: str | None  # the aim still open at the end of the cell, for the next row


def read_action_cell(cell: str, *, aim: str | None, previous: str | None) -> ActionCell:
    """Read the actions of a cell; ``previous`` is the last action's text on a continued row."""
    found = [b for b in blocks(cell) if tidy(b.text)]
    result = ActionCell(continuation=None, items=[], aim=aim)
    for index, block in enumerate(found):
        text = tidy(block.text)
        bullets_follow = index + 1 < len(found) and found[index + 1].depth > 0
        continues = previous is not None and _continues(text, block.depth, previous)
        if index == 0 and continues and (not bullets_follow or text[:1].islower()):
            result.continuation = text
            continue
        if block.depth > 0:
            for part in _split_bullets(text):
                result.items.append(Item(part, result.aim))
        elif bullets_follow:
            result.aim = text.rstrip(":").strip()
        else:
            result.aim = None
            result.items.append(Item(text, None))
    return result


def _continues(text: str, depth: int, previous: str) -> bool:
    """A page break split an action: the text goes on in lower case or mid-sentence."""
    return text[:1].islower() or (depth == 0 and not _ENDS_SENTENCE.search(previous.strip()))


def _split_bullets(text: str) -> list[str]:
    """A list item, or several run together with their "•" markers, without the markers."""
    parts = [strip_marker(p.strip()) for p in re.split(r"\s+•\s+", text)]
    return [p for p in parts if p]


def lead_paragraphs(cell: str) -> list[str]:
    """The LEAD cell's paragraphs, one per action as printed."""
    return [tidy(b.text) for b in blocks(cell) if tidy(b.text)]


def split_lead(text: str) -> list[str]:
    """ "CSP/BDC/Police/ DCC" -> ["CSP", "BDC", "Police", "DCC"]; "All agencies" stays whole."""
    return [text_squash(part) for part in text.split("/") if part.strip()]


def _is_lead(text: str) -> bool:
    parts = split_lead(text)
    return bool(parts) and all(
        agency_name(part) is not None or _ACRONYM.fullmatch(part) for part in parts
    )


def run_together(paragraph: str) -> list[str]:
    """The leads a paragraph splits into at spaces where both sides read as leads."""
    if len(paragraph) > 120:
        return [paragraph]
    words = paragraph.split(" ")
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        if left.endswith("/") or right.startswith("/"):
            continue
        if _is_lead(left):
            rest = run_together(right)
            if len(rest) > 1 or _is_lead(right):
                return [left, *rest]
    return [paragraph]


def reconcile(paragraphs: list[str], wanted: int) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Split run-together paragraphs if that gives ``wanted`` leads; also return the splits."""
    if len(paragraphs) >= wanted:
        return paragraphs, []
    pieces = [run_together(p) if not _is_lead(p) else [p] for p in paragraphs]
    if sum(len(p) for p in pieces) != wanted:
        return paragraphs, []
    splits = [(p, parts) for p, parts in zip(paragraphs, pieces, strict=True) if len(parts) > 1]
    return [part for parts in pieces for part in parts], splits
