"""Thematic tags (ASB, Domestic Abuse, VAWG …) found in an action's words, for filtering.

Delivery plans are organised by theme and method, not by crime type, yet boards and leads ask
"what are we doing about domestic abuse?". The documents name the crime types in their own
words and acronyms ("Anti-social Behaviour (ASB)", "VAWG/DA/SV", "CCE/CSE"), so tags are found
by matching those words, whole-word only: "DA" matches "VAWG/DA/SV" but not "DAHA" or "data".
Acronyms match in capitals only ("SV", not "sv"); words match in any case.
"""

from __future__ import annotations

import re

# label -> (acronyms, matched case-sensitively; words and phrases, matched in any case)
_TERMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ASB": (("ASB",), ("anti-social behaviour", "anti social behaviour", "antisocial behaviour")),
    "Domestic Abuse": (
        ("DA", "DARDR", "DARDRs", "DHR", "DASH"),
        ("domestic abuse", "domestic violence", "domestic homicide"),
    ),
    "VAWG": (("VAWG",), ("violence against women",)),
    "Prevent": (("Prevent", "PREVENT", "CTLP"), ("counter-terrorism", "counter terrorism")),
    "Modern Slavery": ((), ("modern slavery", "human trafficking", "slavery")),
    "Hate": ((), ("hate", "hate crime", "hate crimes")),
    "Serious Violence": (
        ("SV", "VRP"),
        ("serious violence", "violence reduction", "knife", "knives", "weapon", "weapons"),
    ),
    "Fraud": ((), ("fraud", "cybercrime", "cyber crime", "scam", "scams")),
    "Neighbourhood Crime": ((), ("neighbourhood crime", "burglary", "robbery", "vehicle crime")),
    "Safeguarding": ((), ("safeguarding",)),
    "Substance Misuse": (
        ("CGL",),
        ("substance misuse", "drug", "drugs", "alcohol", "cocaethylene"),
    ),
    "Exploitation": (("CCE", "CSE", "MACE"), ("exploitation", "county lines", "grooming")),
}

TAG_VOCABULARY: list[str] = list(_TERMS)


def _pattern(terms: tuple[str, ...], flags: int) -> re.Pattern[str] | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in terms)
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])", flags)


_COMPILED: dict[str, list[re.Pattern[str]]] = {
    label: [p for p in (_pattern(acronyms, 0), _pattern(words, re.IGNORECASE)) if p is not None]
    for label, (acronyms, words) in _TERMS.items()
}


def detect_tags(text: str) -> list[str]:
    """Tags whose words or acronyms appear in the text, in ``TAG_VOCABULARY`` order."""
    return [label for label, patterns in _COMPILED.items() if any(p.search(text) for p in patterns)]
