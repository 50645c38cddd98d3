"""The glossaries printed in the seed documents, transcribed with their source line numbers.

`NORFOLK` is Appendix 4 of 002 (Norfolk County CSP plan 2013-16); `BOLSOVER` is the glossary of
004 (Bolsover CSP plan 2017-2020); `NSDC_OWN` are expansions the NSDC plan (001) prints
inline. `local` marks entries naming one area's own bodies, which the demo does not give to a
partnership elsewhere.
"""

from __future__ import annotations

from typing import NamedTuple

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NSDC_2026


class Entry(NamedTuple):
    acronym: str
    meaning: str
    line: int  # in the seed document, for checking the transcription
    local: bool = False


SOURCES = {"NORFOLK": NORFOLK_2013, "BOLSOVER": BOLSOVER_2017, "NSDC_OWN": NSDC_2026}

NORFOLK = (
    Entry("180° Norfolk", "Norfolk's Integrated Offender Management Scheme", 1982, local=True),
    Entry("AAIU", "Adult Abuse Investigation Unit", 1984),
    Entry("ACC", "Assistant Chief Constable", 1986),
    Entry(
        "ABATE",
        "Anti-social Behaviour & Tenancy Enforcement team (Norwich City Council)",
        1988,
        local=True,
    ),
    Entry("ACPO", "Association of Chief Police Officer", 1990),
    Entry("ASB", "Anti Social Behaviour", 1992),
    Entry("ASBAG", "Anti Social Behaviour Action Group", 1994),
    Entry("ATR", "Alcohol Treatment Requirement", 1996),
    Entry("BCS", "British Crime Survey", 1998),
    Entry("BME", "Black, minority, ethnic", 2000),
    Entry("CARAT", "Counselling, Assessment, Referral Advice, Throughcare", 2002),
    Entry("CAADA", "Coordinated Action Against Domestic Abuse", 2004),
    Entry("CAP", "Community Alcohol Partnership", 2006),
    Entry("CJS", "Criminal Justice System", 2008),
    Entry("CPS", "Crown Prosecution Service", 2010),
    Entry("CCSP", "County Community Safety Partnership", 2012, local=True),
    Entry("CAIU", "Child Abuse Investigation Unit", 2014),
    Entry("DA", "Domestic Abuse", 2016),
    Entry("DAAT", "Drug & Alcohol Action Team", 2018),
    Entry("DARC", "Domestic Abuse Reduction Co-ordinator", 2020),
    Entry(
        "DASH",
        "Domestic Abuse, Stalking/Sexual assault, Harassment/Honour-based violence "
        "(Risk Indicator Checklist)",
        2022,
    ),
    Entry("DAST", "Domestic Abuse Safeguarding Team", 2026),
    Entry("DASVB", "Domestic Abuse and Sexual Violence Board", 2028),
    Entry("DIP", "Drug Intervention Programme", 2030),
    Entry("DHR", "Domestic Homicide Review", 2031),
    # Line 2033 ("DULK Dolliestic Holliicide Keview") is the PDF conversion garbling DHR again.
    Entry("DRR", "Drug Rehabilitation Requirement", 2035),
    Entry("DV", "Domestic Violence", 2037),
    # Line 2039 runs three entries together.
    Entry("EP", "Environmental Protection", 2039),
    Entry("FGM", "Female Genital Mutilation", 2039),
    Entry("FIP", "Family Intervention Project", 2039),
    Entry("FMU", "Forced Marriage Unit", 2043),
    Entry("HBV/A", "Honour Based Violence / Abuse", 2045),
    Entry("HMIC", "Her Majesty's Inspectorate of Constabulary", 2047),
    Entry("HMIP", "Her Majesty's Inspectorate of Prisons", 2049),
    Entry("HO", "Home Office", 2051),
    Entry("HWB", "Health & Well being Board", 2053),
    Entry("IDVA", "Independent Domestic Violence Advocacy Workers", 2055),
    Entry("IOM", "Integrated Offender Management", 2057),
    Entry("ISVA", "Independent Sexual Violence Advisor", 2059),
    Entry("KSI", "Killed or Seriously Injured (road traffic collisions)", 2061),
    Entry("LSP", "Local Strategic Partnership", 2063),
    Entry("LGBT", "Lesbian, Gay, Bisexual, Transgender", 2065),
    Entry(
        "MARAC",
        "Multi Agency Risk Assessment Conference (case management for high risk victims of "
        "Domestic Abuse)",
        2067,
    ),
    Entry(
        "MAPPA",
        "Multi-agency Public Protection Agreement (case conference for managing serious offenders)",
        2071,
    ),
    Entry("MASH", "Multi Agency Safeguarding Hub", 2075),
    Entry("MUGA", "Multi-use games area", 2077),
    Entry("N-DAP", "Norfolk Drug and Alcohol Partnership", 2079, local=True),
    Entry("NTE", "Night Time Economy", 2081),
    Entry("OPT", "Operational Partnership Team", 2083),
    Entry(
        "PACT",
        "Partners Against Crime Taskforce (a Norfolk community safety charity)",
        2085,
        local=True,
    ),
    Entry("PCSO", "Police Community Support Officer", 2087),
    Entry("PCC", "Police and Crime Commissioner", 2089),
    Entry("PCP", "Police & Crime Panel", 2091),
    Entry("PCT", "Primary Care Trust", 2093),
    Entry("PPO", "Prolific and other Priority Offender", 2095),
    Entry("PPU", "Public Protection Unit", 2097),
    Entry("RA", "Restorative Approaches", 2099),
    Entry("RJ", "Restorative Justice", 2101),
    Entry("RDS", "Research, Development and Statistic Directorate of the Home Office", 2103),
    Entry("RIU", "Rape Investigation Unit", 2105),
    Entry("RP", "Registered Provider (of social housing)", 2107),
    Entry("SeVA", "Sexual Violence Alliance", 2109),
    Entry("SNT", "Safer Neighbourhood Team", 2113),
    Entry("SARC", "Sexual Assault Referral Centre", 2115),
    Entry("SNAP", "Safer Neighbourhood Action Panel", 2117),
    Entry("VAWG", "Violence Against Women and Girls", 2119),
    Entry("VCS", "Voluntary & Community Sector", 2121),
    Entry("VSS", "Victim Support Scheme", 2123),
    Entry("VPD", "Vulnerable People Directorate (Norfolk Constabulary)", 2125, local=True),
)
BOLSOVER = (
    Entry(
        "Acquisitive Crime",
        "a term used to describe crime where items are stolen or acquired fraudulently.",
        163,
    ),
    Entry("ABH", "Actual bodily harm", 165),
    Entry(
        "ASB",
        "Anti-Social Behaviour - The definition of anti-social behaviour under the Crime and "
        "Disorder Act 1998 is that it is 'behaviour likely to cause alarm, harassment or "
        "distress to members of the public not of the same household as the perpetrator'",
        167,
    ),
    Entry("BDC", "Bolsover District Council", 169, local=True),
    Entry("CCGs", "Clinical Commissioning Groups", 171),
    Entry("CCTV", "Closed Circuit Television", 173),
    Entry("CJS", "Criminal Justice System", 175),
    Entry("CSP", "Community Safety Partnership", 177),
    Entry("CVP", "Community and Voluntary Partners", 179),
    Entry("DCC", "Derbyshire County Council", 181, local=True),
    Entry("DFRS", "Derbyshire Fire and Rescue Service", 183, local=True),
    Entry("DV", "Domestic Violence", 185),
    Entry("EE", "Eastern European", 187),
    Entry("IOM", "Integrated Offender Management", 189),
    Entry("MARAC", "Multi Agency Risk Assessment Conferences", 191),
    Entry("NDDSAAG", "North Derbyshire Domestic and Sexual Abuse Action Group", 193, local=True),
    Entry("NW", "Neighbourhood Watch", 195),
    Entry("PSH", "Persons Susceptible to Harm", 197),
    Entry("RSLs", "Registered Social Landlords", 199),
    Entry("SNT", "Safer Neighbourhood Teams", 201),
    Entry("SV", "Sexual Violence", 203),
    Entry("VAL", "Violence Alcohol and Licensing", 205),
)


# Where the NSDC 2026-27 plan (001) spells an acronym out differently, its own words win:
# Bolsover's "SV – Sexual Violence" would mislead a reader of "Serious Violence (SV)".
NSDC_OWN = (Entry("SV", "Serious Violence", 65),)


def glossary_for_partnership_elsewhere() -> list[Entry]:
    """Both glossaries' general entries, Bolsover's wording first where both define one (it is
    a district CSP plan, as the demo partnership's is), and the NSDC plan's own before both."""
    entries = list(NSDC_OWN)
    for source in (BOLSOVER, NORFOLK):
        known = {e.acronym for e in entries}
        entries += [e for e in source if not e.local and e.acronym not in known]
    return entries
