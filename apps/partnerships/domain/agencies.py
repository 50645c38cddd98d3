"""Agency names the documents print as leads, so an importer can tell "CSP" from initials "JW",
and councils' initials read from the partnership's own name ("BDC" in Bolsover's partnership).

Anything not listed here and not already known as an organisation is taken to be a person; the
importer warns when it has to guess.
"""

from __future__ import annotations

import re

from apps.core.text import text_key

KNOWN_AGENCIES: dict[str, str] = {
    "CSP": "Community Safety Partnership",
    "BNS CSP": "Bassetlaw, Newark & Sherwood Community Safety Partnership",
    "NSDC": "Newark & Sherwood District Council",
    # No bare council initials such as BDC, DCC or NCC: they mean Bassetlaw or Bolsover, Derbyshire
    # or Devon, Norfolk or Nottinghamshire, depending on the partnership. Those come from the
    # partnership's own organisations and aliases, the document's glossary or the partnership's
    # name (``council_from_partnership_name``).
    "POLICE": "Police",
    "NOTTS POLICE": "Nottinghamshire Police",
    "PROBATION": "Probation Service",
    "FIRE": "Fire and Rescue Service",
    "NFRS": "Nottinghamshire Fire and Rescue Service",
    "DFRS": "Derbyshire Fire and Rescue Service",
    "NHS": "National Health Service",
    "ICB": "Integrated Care Board",
    "VRP": "Violence Reduction Partnership",
    "OPCC": "Office of the Police and Crime Commissioner",
    "PCC": "Police and Crime Commissioner",
    "CGL": "Change Grow Live",
    "DWP": "Department for Work and Pensions",
    "HOUSING": "Housing",
    "ALL AGENCIES": "All agencies",
    # Bolsover CSP (Derbyshire), as its action plan and glossary print them
    "CSP TEAM": "Community Safety Partnership team",
    "CCGS": "Clinical Commissioning Groups",
    "CCG": "Clinical Commissioning Group",
    "CVP": "Community and Voluntary Partners",
    "NW": "Neighbourhood Watch",
    "DCC TRADING STANDARDS": "Derbyshire County Council Trading Standards",
    "ALL PARTNERS": "All partners",
    "ALL PARTNER AGENCIES AND COMMUNITY GROUPS": "All partner agencies and community groups",
    # Nottinghamshire Office of the Police and Crime Commissioner's delivery plan
    "NOPCC": "Nottinghamshire Office of the Police and Crime Commissioner",
    "FORCE": "Police force",
    # Norfolk (County CSP Plan 2013-16 action plans and the North Norfolk DHR action plan)
    "NORFOLK CONSTABULARY": "Norfolk Constabulary",
    "NORFOLK POLICE": "Norfolk Constabulary",
    "LA": "Licensing authority",
    "NCC COMMUNITY SAFETY TEAM": "Norfolk County Council Community Safety Team",
    "180 NORFOLK STEERING GROUP": "180° Norfolk integrated offender management steering group",
    "180 MANAGER": "180° Norfolk integrated offender management scheme manager",
    "NHS ENGLAND": "NHS England",
    "NHS CB": "NHS Commissioning Board",
    "DEPT OF HEALTH": "Department of Health",
    "PUBLIC HEALTH": "Public Health",
    "HEALTH": "Health services",
    "GP PRACTICES": "GP practices",
    "MENTAL HEALTH TRUST": "Mental health trust",
    "DASVB": "Domestic Abuse and Sexual Violence Board",
    "LEEWAY DOMESTIC ABUSE SERVICES": "Leeway Domestic Abuse Services",
    "DA & SV COORDINATOR": "Domestic Abuse and Sexual Violence Coordinator",
    "MULTI AGENCY DASVB SUB GROUP": (
        "Multi-agency Domestic Abuse and Sexual Violence Board sub group"
    ),
    "MULTI AGENCY AND DASVB WORKPLACE POLICY GROUP": (
        "Multi-agency and Domestic Abuse and Sexual Violence Board workplace policy group"
    ),
}


def agency_name(short_name: str) -> str | None:
    """The full name of a known agency, or None if the text is not one."""
    return KNOWN_AGENCIES.get(text_key(short_name))


# How councils' initials end, and what the letters stand for. "CC" is a county council for a
# county and a city council otherwise.
_COUNCIL_KINDS = {
    "DC": "District Council",
    "BC": "Borough Council",
    "MBC": "Metropolitan Borough Council",
    "CBC": "County Borough Council",
    "CC": "County Council",
}
_COUNCIL = re.compile(r"^([A-Z]{1,4}?)(MBC|CBC|DC|BC|CC)$")
# Words in a partnership's name that are not places.
_NOT_PLACES = frozenset(
    [
        "community",
        "communities",
        "safety",
        "safer",
        "stronger",
        "partnership",
        "partnerships",
        "csp",
        "csps",
        "crime",
        "disorder",
        "reduction",
        "board",
        "the",
        "of",
        "for",
        "and",
        "in",
        "on",
        "together",
        "strategic",
        "group",
        "plan",
        "delivery",
        "county",
        "city",
        "district",
        "borough",
        "council",
        "councils",
        "metropolitan",
        "local",
        "area",
        "joint",
        "united",
    ]
)
# Counties whose names do not end in "shire", for "CC" (Norfolk County Council, not City).
_COUNTIES = frozenset(
    [
        "norfolk",
        "suffolk",
        "essex",
        "kent",
        "surrey",
        "devon",
        "cornwall",
        "cumbria",
        "durham",
        "northumberland",
        "dorset",
        "somerset",
        "rutland",
        "sussex",
    ]
)
_JOINERS = frozenset({"&", "and"})


def _places(partnership_name: str) -> list[list[str]]:
    """Runs of place words in the partnership's name, split where a comma or a non-place word
    stands between them: "Bassetlaw, Newark & Sherwood CSP" → [["Bassetlaw"], ["Newark", "&",
    "Sherwood"]]."""
    runs: list[list[str]] = [[]]
    for token in re.findall(r"[A-Za-z][A-Za-z'’-]*|&|,", partnership_name):
        lowered = token.lower()
        if token == "," or (lowered in _NOT_PLACES and lowered not in _JOINERS):
            runs.append([])
        elif lowered in _JOINERS:
            if runs[-1]:
                runs[-1].append(token)
        elif token[0].isupper():
            runs[-1].append(token)
        else:
            runs.append([])
    return [_trim(run) for run in runs if _trim(run)]


def _trim(run: list[str]) -> list[str]:
    while run and run[-1].lower() in _JOINERS:
        run = run[:-1]
    return run


def _units(run: list[str]) -> list[tuple[int, int]]:
    """Where each place starts and ends in a run: "Newark & Sherwood" holds two places joined,
    "North Somerset" one place of two words (never split)."""
    units, start = [], 0
    for index, token in enumerate([*run, "&"]):
        if token.lower() in _JOINERS:
            units.append((start, index))
            start = index + 1
    return units


def council_from_partnership_name(short_name: str, partnership_name: str) -> str | None:
    """A council's full name from its initials and the places the partnership is named after:
    "BDC" is Bolsover District Council in Bolsover Community Safety Partnership and Bassetlaw
    District Council in Bassetlaw, Newark & Sherwood CSP, whose "NSDC" is Newark & Sherwood
    District Council. None when the letters name no place of the partnership, or two ("BDC" in
    Bassetlaw & Bolsover)."""
    found = _COUNCIL.match(text_key(short_name).replace(" ", ""))
    if found is None:
        return None
    letters, kind = found.groups()
    places = set()
    for run in _places(partnership_name):
        units = _units(run)
        for first in range(len(units)):
            for last in range(first, len(units)):
                tokens = run[units[first][0] : units[last][1]]
                words = [t for t in tokens if t.lower() not in _JOINERS]
                if "".join(w[0].upper() for w in words) == letters:
                    places.add(" ".join(tokens))
    if len(places) != 1:
        return None
    place = places.pop()
    if kind == "CC":
        county = place.lower().endswith("shire") or place.lower() in _COUNTIES
        return f"{place} {'County' if county else 'City'} Council"
    return f"{place} {_COUNCIL_KINDS[kind]}"
