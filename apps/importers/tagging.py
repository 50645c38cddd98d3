"""Thematic tags (ASB, Domestic Abuse, VAWG …) found in an action's words, for filtering."""

from __future__ import annotations

import re

_PATTERNS: dict[str, list[str]] = {
    "ASB": [r"\bASB\b", r"anti-?\s?social behaviour"],
    "Domestic Abuse": [r"\bDA\b", r"domestic abuse", r"\bDARDR", r"\bDHR\b"],
    "VAWG": [r"\bVAWG\b", r"violence against women"],
    "Prevent": [r"\bPrevent\b", r"counter-?\s?terrorism", r"\bCTLP\b"],
    "Modern Slavery": [r"modern slavery", r"human trafficking"],
    "Hate": [r"\bhate\b"],
    "Serious Violence": [r"serious violence", r"\bSV\b", r"knife", r"weapon"],
    "Fraud": [r"\bfraud", r"cybercrime"],
    "Neighbourhood Crime": [r"neighbourhood crime"],
    "Safeguarding": [r"safeguarding"],
    "Substance Misuse": [r"substance misuse", r"\bdrug", r"alcohol"],
    "Exploitation": [r"exploitation", r"\bCCE\b", r"\bCSE\b"],
}
TAG_VOCABULARY = list(_PATTERNS)
_COMPILED = {
    tag: [re.compile(p, 0 if p.isupper() or r"\b" + p[2:].upper() == p else re.I) for p in patterns]
    for tag, patterns in _PATTERNS.items()
}


def detect_tags(text: str) -> list[str]:
    """Tags whose words or acronyms appear in the text, in vocabulary order."""
    return [tag for tag, patterns in _COMPILED.items() if any(p.search(text) for p in patterns)]
