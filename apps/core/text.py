"""Text normalisation shared by importers, matching and forms: one meaning of "the same text"."""

from __future__ import annotations

# Typography that changes between copies of the same document without changing the words:
# Word's curly quotes and dashes against typed ones, and non-breaking spaces.
_TYPOGRAPHY = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "}
)


def text_squash(text: str | None) -> str:
    """Runs of whitespace (spaces, tabs, line breaks) as one space, ends trimmed."""
    return " ".join((text or "").split())


def text_key(text: str | None) -> str:
    """A case-blind key for looking names up: "  bns   csp " and "BNS CSP" are one agency."""
    return text_squash(text).upper()


def text_plain(text: str | None) -> str:
    """The wording as compared: typographic quotes and dashes made plain, spacing collapsed."""
    return text_squash((text or "").translate(_TYPOGRAPHY))


def label_key(text: str | None) -> str:
    """How two labels are compared: case, spaces and punctuation do not matter ("on going")."""
    return "".join(ch for ch in (text or "").lower() if ch.isalnum())
