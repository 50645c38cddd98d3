"""Agency names the documents print as leads, so an importer can tell "CSP" from initials "JW".

Anything not listed here and not already known as an organisation is taken to be a person's
initials; the importer warns when it has to guess.
"""

from __future__ import annotations

from apps.core.text import text_key

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
