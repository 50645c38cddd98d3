"""Nottinghamshire PCC's headline measures, 2019 update report (seeds/003_…, section 5, the
table at lines 50–63; exceptions in sections 6–7, lines 65–110).

They are loaded into the demo partnership (Bassetlaw, Newark & Sherwood CSP), which sits inside
Nottinghamshire and reports against the PCC's Police and Crime Plan, one priority per theme.
"Baseline" and "Current" are the two observations a year apart, so trend and year-on-year
exceptions come from the stored figures. Measures whose values are words (PEEL grades,
"Pending") keep the words as their baseline label and have no figures; the budget line (two
values in one cell) is left out.
"""

from __future__ import annotations

from datetime import date

from apps.demo.performance.data import MeasureSeed, PrioritySeed
from apps.demo.performance.data import observation as _o

JAN_2018, JAN_2019 = date(2018, 1, 1), date(2019, 1, 1)
JUN_2018, DEC_2018 = date(2018, 6, 1), date(2018, 12, 1)
NO_REPORT = (0, 0, 0, 0, 0, 0)


def _pair(
    code: str,
    title: str,
    unit: str,
    polarity: str,
    before: str,
    after: str,
    line: int,
    comment: str,
    labels: tuple[str, str] = ("Jan 2018", "Jan 2019"),
    starts: tuple[date, date] = (JAN_2018, JAN_2019),
) -> tuple[MeasureSeed, str]:
    seed = MeasureSeed(
        code,
        title,
        unit,
        polarity,
        "rolling_12_months",
        "",
        "",
        line=line,
        baseline_value=before,
        baseline_label=labels[0],
        observations=(
            _o(labels[0], starts[0], before, line),
            _o(labels[1], starts[1], after, line),
        ),
    )
    return seed, comment


def _words(
    code: str, title: str, baseline: str, line: int, comment: str
) -> tuple[MeasureSeed, str]:
    seed = MeasureSeed(
        code, title, "count", "neither", "annual", "", "", line=line, baseline_label=baseline
    )
    return seed, comment


THEMES: tuple[tuple[str, str, tuple[tuple[MeasureSeed, str], ...]], ...] = (
    (
        "1",
        "Protecting people from harm",
        (
            _words(
                "1a",
                "Police Effectiveness: Protecting vulnerable people",
                "Requires Improvement (2017)",
                52,
                "HMICFRS PEEL Assessment 2017. Areas for improvement including consistency of "
                "response to victims of domestic abuse",
            ),
            _pair(
                "1b",
                "Adult and child safeguarding referrals",
                "count",
                "up",
                "4872",
                "5369",
                53,
                "Ongoing improvements in identification, recording and referral of safeguarding "
                "concerns. Additional 500 police safeguarding referrals made over the last year.",
            ),
            _pair(
                "1c",
                "Violent knife crime recorded by police",
                "count",
                "down",
                "806",
                "881",
                54,
                "Police recorded violent knife crimes increased between April and August 2018, "
                "before showing a steady reducing trend. This will be monitored closely "
                "throughout 2019.",
            ),
        ),
    ),
    (
        "2",
        "Helping and supporting victims",
        (
            _words(
                "2a",
                "Victim Services: Improvement in cope/recover outcomes",
                "89.4% (Sep 2018)",
                55,
                "PCC Commissioned victim services MOJ return. Notable improvement in health "
                "and wellbeing (92.9%). 82.6% reported feeling 'better able to cope'.",
            ),
            _pair(
                "2b",
                "Repeat victims of domestic abuse presenting to police",
                "percentage",
                "down",
                "33.2",
                "32.7",
                56,
                "Despite a 33% increase in domestic abuse disclosure to police over the last year, "
                "repeat victimisation rates remain relatively stable at 32.7%.",
            ),
            _pair(
                "2c",
                "Positive outcome rate for serious sexual offences",
                "percentage",
                "up",
                "11.6",
                "8.9",
                57,
                "Positive outcomes rates for serious sexual offences have declined steadily "
                "following increases in disclosure over recent years. Volume of positive outcomes "
                "remains stable.",
            ),
            _pair(
                "2d",
                "Positive outcome rate for victim-based crime",
                "percentage",
                "up",
                "14.4",
                "12.1",
                105,
                "Steady reduction over the previous year, falling from 14.4% to 12.1% (7.4).",
            ),
        ),
    ),
    (
        "3",
        "Tackling Crime and ASB",
        (
            _words(
                "3a",
                "Police Effectiveness: Preventing / tackling crime and ASB",
                "Good (2017)",
                58,
                "HMICFRS PEEL Assessment 2017 recognised need to minimise neighbourhood policing "
                "abstractions and improve resource-modelling and understanding of demand",
            ),
            _pair(
                "3b",
                "% residents experiencing crime in last 12 months",
                "percentage",
                "down",
                "17.3",
                "19.4",
                59,
                "Police & Crime Survey: Robust data available from Jun 2018. Nottingham City saw "
                "the most notable rise during this period (+4% pts) while Mansfield & Ashfield saw "
                "a 1.1% pt reduction",
                labels=("Jun 2018", "Dec 2018"),
                starts=(JUN_2018, DEC_2018),
            ),
            # Printed as "-78.4% (Jun 2018)" then "-76.8% (Jan 2018)": the second date is taken as
            # Jan 2019, the report's month, since the figure is described as the current one.
            _pair(
                "3c",
                "Integrated Offender Management – reduction in reoffending risk",
                "percentage",
                "down",
                "-78.4",
                "-76.8",
                60,
                "77% reduction in reoffending among the 187 (40% of cohort) removed from the "
                "scheme since Jan 2016. IOM continues to be adapted to take account of changing "
                "risk profile",
                labels=("Jun 2018", "Jan 2019"),
                starts=(JUN_2018, JAN_2019),
            ),
        ),
    ),
    (
        "4",
        "Transformation and quality policing",
        (
            _words(
                "4a",
                "Police efficiency: Reducing crime and keeping people safe",
                "Requires Improvement (2017)",
                61,
                "HMICFRS PEEL Assessment 2017. Areas for improvement include risk-led planning, "
                "workforce development and leadership in meeting current and future demand.",
            ),
            _pair(
                "4b",
                "% residents feeling the police 'do a good job'",
                "percentage",
                "up",
                "45.6",
                "46.0",
                62,
                "Police & Crime Survey: No significant change since June 2018. Positive "
                "perceptions remain strongest in the city (53%) and lowest in BNS (39%).",
                labels=("Jun 2018", "Dec 2018"),
                starts=(JUN_2018, DEC_2018),
            ),
            _pair(
                "4c",
                "Urgent (Grade 2) incidents attended within 1 hour",
                "percentage",
                "up",
                "55.9",
                "51.2",
                108,
                "Steady (-4.7% point) deterioration over the previous 12 months (7.6).",
            ),
        ),
    ),
)


def priorities() -> list[tuple[PrioritySeed, tuple[str, ...]]]:
    """Each theme as a priority, with the analyst's comment for each of its measures."""
    return [
        (
            PrioritySeed(
                code, title, "", "", (0, 0), (0, 0), NO_REPORT, "", tuple(seed for seed, _ in rows)
            ),
            tuple(comment for _, comment in rows),
        )
        for code, title, rows in THEMES
    ]
