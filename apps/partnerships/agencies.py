"""Agency names the documents print as leads, so an importer can tell "CSP" from initials "JW".

Anything not listed here and not already known as an organisation is taken to be a person's
initials; the importer warns when it has to guess.
"""

from __future__ import annotations

KNOWN_AGENCIES: dict[str, str] = {
    "CSP": "Community Safety Partnership",
    "BNS CSP": "Bassetlaw, Newark & Sherwood Community Safety Partnership",
    "NSDC": "Newark & Sherwood District Council",
    # Only Bolsover's plan prints BDC as a lead (NSDC's plans name Bassetlaw in action text)
    "BDC": "Bolsover District Council",
    "DCC": "Derbyshire County Council",
    "NCC": "Nottinghamshire County Council",
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
}


def agency_name(short_name: str) -> str | None:
    """The full name of a known agency, or None if the text is not one."""
    return KNOWN_AGENCIES.get(" ".join(short_name.upper().split()))
