"""A rating as a layout prints it, read with SaferPlan's one RAG vocabulary (``apps.core.rag``)
but only among the ratings that layout's scheme has, so "Complete" in a Red-Amber-Green plan is
not taken for Blue."""

from __future__ import annotations

from collections.abc import Collection

from apps.core.rag import AMBER, GREEN, RAG_DEFAULT_SCHEME, RED, WHITE, RagWord, rag_parse

NSDC_SCHEME: tuple[RagWord, ...] = RAG_DEFAULT_SCHEME
# Nottinghamshire's status key adds White, "not started" (printed "White (NS)").
NOTTS_SCHEME: tuple[RagWord, ...] = (GREEN, AMBER, RED, WHITE)


def rating_in(text: str | None, scheme: Collection[RagWord]) -> RagWord | None:
    """The rating the text gives ("G", "Green", "White (NS)"), if the scheme has it."""
    word = rag_parse(text)
    return word if word in scheme else None
