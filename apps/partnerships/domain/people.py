"""People as plans print them as leads: "Jane Smith", "Insp. Jane Smith", "Jane Smith (Community
Safety Officer)" or initials "JS". A full name is kept, with initials made from it that no one
else in the partnership has.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from apps.core.text import text_squash

# Person.initials holds 10 characters.
INITIALS_LENGTH = 10

# Titles printed before a name: social ones are dropped, ranks and offices kept as the job title.
_RANKS = {
    "insp": "Inspector",
    "inspector": "Inspector",
    "ch insp": "Chief Inspector",
    "chief insp": "Chief Inspector",
    "chief inspector": "Chief Inspector",
    "supt": "Superintendent",
    "superintendent": "Superintendent",
    "ch supt": "Chief Superintendent",
    "chief supt": "Chief Superintendent",
    "chief superintendent": "Chief Superintendent",
    "sgt": "Sergeant",
    "sergeant": "Sergeant",
    "pc": "Police Constable",
    "pcso": "Police Community Support Officer",
    "det": "Detective",
    "detective": "Detective",
    "dc": "Detective Constable",
    "ds": "Detective Sergeant",
    "di": "Detective Inspector",
    "dci": "Detective Chief Inspector",
    "cllr": "Councillor",
    "councillor": "Councillor",
}
_SOCIAL = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "sir", "dame"}
_TITLE = re.compile(r"^(?P<title>(?:ch(?:ief)?\.?\s+)?[a-z]+)\.?\s+(?P<rest>.+)$", re.IGNORECASE)
# A role after the name: "Jane Smith (Community Safety Officer)", "Jane Smith, CSO",
# "Jane Smith – ASB Officer".
_ROLE = re.compile(r"^(?P<name>.+?)\s*(?:\((?P<bracketed>[^)]*)\)|[,–-]\s+(?P<after>.+))$")
# A name word: "Jane", "O'Brien", "Smith-Jones", "McDonald", or an initial "J" / "J.".
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]*(?:['’-][A-Z]?[a-z]+)*|Ma?c[A-Z][a-z]+|[A-Z]\.)$")
# Words that make a printed lead a body or a post rather than somebody's name.
_NOT_NAMES = frozenset(
    [
        "all",
        "agency",
        "agencies",
        "authority",
        "board",
        "borough",
        "centre",
        "chair",
        "children",
        "city",
        "commissioner",
        "community",
        "constabulary",
        "coordinator",
        "co-ordinator",
        "council",
        "county",
        "department",
        "development",
        "director",
        "district",
        "education",
        "fire",
        "forum",
        "group",
        "head",
        "health",
        "housing",
        "justice",
        "lead",
        "leader",
        "manager",
        "network",
        "nhs",
        "office",
        "officer",
        "officers",
        "offending",
        "partner",
        "partners",
        "partnership",
        "police",
        "probation",
        "programme",
        "project",
        "public",
        "rescue",
        "safeguarding",
        "safety",
        "service",
        "services",
        "steering",
        "team",
        "trust",
        "unit",
        "victim",
        "victims",
        "youth",
    ]
)


@dataclass(frozen=True)
class PrintedPerson:
    """Somebody's full name as printed, without title or role, and what they do if printed."""

    name: str
    job_title: str = ""

    @property
    def initials(self) -> str:
        """ "Jane Smith" → "JS"; "Mary-Jane O'Brien" → "MO"."""
        return "".join(word[0].upper() for word in self.name.split())[:INITIALS_LENGTH]


def name_key(name: str) -> str:
    """How full names are compared: case, spacing and full stops do not matter."""
    return text_squash(name.replace(".", " ")).casefold()


def _title_strip(text: str) -> tuple[str, str]:
    """The name without a leading title, and the rank or office the title names (if any)."""
    found = _TITLE.match(text)
    if found is None:
        return text, ""
    title = text_squash(found["title"].replace(".", " ")).lower()
    if title in _SOCIAL:
        return found["rest"], ""
    if title in _RANKS:
        return found["rest"], _RANKS[title]
    return text, ""


def _name_and_role(printed: str) -> tuple[str, str]:
    """The printed name without title or role, and the role, rank or office printed with it."""
    text = text_squash(printed)
    role = ""
    found = _ROLE.match(text)
    if found is not None:
        text = found["name"]
        role = text_squash(found["bracketed"] or found["after"] or "")
    text, rank = _title_strip(text)
    return text, role or rank


def person_name_key(printed: str) -> str:
    """The ``name_key`` of whoever a printed lead names, to look a known person up: "jane
    smith", "Insp. Jane Smith" and "Jane Smith (CSO)" are all Jane Smith."""
    return name_key(_name_and_role(printed)[0])


def person_read(printed: str) -> PrintedPerson | None:
    """The person a printed lead names, or None if it does not read as somebody's name.

    Two to four name words, after any title and role, none of them a word of an agency's or a
    post's name ("Community Safety Officer" is a post, not a person).
    """
    text, job_title = _name_and_role(printed)
    words = text.split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(word) for word in words):
        return None
    if any(word.lower().strip(".") in _NOT_NAMES for word in words):
        return None
    if len(words[-1].rstrip(".")) == 1:  # "Smith J" reads the wrong way round; "J S" are initials
        return None
    name = " ".join(word.rstrip(".") if len(word) <= 2 else word for word in words)
    return PrintedPerson(name=name, job_title=job_title)


def initials_unique(initials: str, taken: Collection[str]) -> str:
    """Initials nobody else has: "JS", else "JS2", "JS3" … (``taken`` as ``text_key`` gives)."""
    initials = initials[:INITIALS_LENGTH]
    if initials.upper() not in taken:
        return initials
    number = 2
    while True:
        suffix = str(number)
        candidate = initials[: INITIALS_LENGTH - len(suffix)] + suffix
        if candidate.upper() not in taken:
            return candidate
        number += 1
