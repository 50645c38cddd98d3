"""Norfolk priorities D–F (demo/seeds/002_…, Appendix 2 lines 593–741; plan lines 1298–1476),
in the same shapes and with the same line references as demo_norfolk (A–C)."""

from __future__ import annotations

from datetime import date

from apps.performance.demo_data import Q1, Q2, Q4_2012, MeasureSeed, PrioritySeed
from apps.performance.demo_data import observation as _q

PRIORITIES_D_TO_F: tuple[PrioritySeed, ...] = (
    PrioritySeed(
        "D",
        "Reduce the harm caused by the misuse of drugs and alcohol, with improved focus on "
        "recovery and abstinence",
        "Norfolk DAP",  # line 597
        "Stephanie Butcher, DAAT Strategy Manager",  # lines 599-601
        why=(1307, 1321),
        objectives=(1338, 1342),
        report=(615, 625, 630, 634, 638, 644),
        traffic_light="amber",
        light_comment=(641, 643),
        measures=(
            MeasureSeed(
                "(i)",
                "70% young people leaving treatment in an agreed & planned way",
                "percentage",
                "up",
                "quarterly",
                "value",
                "70%",
                line=605,
                target_value="70",
                baseline_value="84",
                baseline_label="Q4 2012/13 (National = 79%)",
                observations=(
                    _q("Q4 2012/13", Q4_2012, "84", 605, comparator="79"),
                    _q("Q1 2013/14", Q1, "88", 605, comparator="80"),
                ),
            ),
            MeasureSeed(
                "(ii)",
                "% of family based interventions delivered meets or exceeds national average",
                "percentage",
                "up",
                "quarterly",
                "comparator",
                "Meets or exceeds the national average",
                line=606,
                comparator_name="the national average",
                baseline_value="24",
                baseline_label="Q4 2012/13 (National = 9%)",
                observations=(
                    _q("Q4 2012/13", Q4_2012, "24", 606, comparator="9"),
                    _q("Q1 2013/14", Q1, "21", 606, comparator="12"),
                ),
            ),
            MeasureSeed(
                "(iii)",
                "Test purchasing results for underage sales in areas covered by a "
                "Community Alcohol Partnership",
                "percentage",
                "down",
                "quarterly",
                "value",
                "Improvement on the 2012/13 baseline of 28%",
                line=607,
                target_value="28",
                baseline_value="28",
                baseline_label="2012/13",
                observations=(
                    _q(
                        "Q2 2013/14",
                        Q2,
                        "0",
                        607,
                        numerator="0",
                        denominator="4",
                        note="4 attempts. Rest of Norfolk 16%",
                    ),
                ),
            ),
            MeasureSeed(
                "(iv)",
                "% adult opiate clients completing treatment meets or exceeds national "
                "top quartile",
                "percentage",
                "up",
                "quarterly",
                "comparator",
                "Meets or exceeds the national top quartile",
                line=608,
                comparator_name="the national figure",
                baseline_value="8.1",
                baseline_label="Q4 2012/13 (National = 9.3%)",
                observations=(
                    _q("Q4 2012/13", Q4_2012, "8.1", 608, comparator="9.3"),
                    _q("Q1 2013/14", Q1, "7.8", 608, comparator="8.2"),
                ),
            ),
            MeasureSeed(
                "(v)",
                "% adult non-opiate clients completing treatment meets or exceeds "
                "national top quartile",
                "percentage",
                "up",
                "quarterly",
                "comparator",
                "Meets or exceeds the national top quartile",
                line=609,
                comparator_name="the national figure",
                baseline_label='N/A as "all drugs" category has been abandoned',
                observations=(_q("Q1 2013/14", Q1, "40.8", 609, comparator="40.2"),),
            ),
            MeasureSeed(
                "(vi)",
                "% CARAT (Prison) to CJIT (Community) transfer rate meets or exceeds "
                "national top quartile",
                "percentage",
                "up",
                "quarterly",
                "",
                "Meets or exceeds the national top quartile (no data available)",
                line=610,
            ),
            MeasureSeed(
                "(vii)",
                "DRR and ATR completion rates to be agreed with Probation",
                "percentage",
                "up",
                "quarterly",
                "",
                "To be agreed with Probation",
                line=613,
            ),
        ),
        alignments=(
            (
                "Reduce drug & alcohol related crime/ASB, with improved focus on recovery and "
                "abstinence",
                "Reduce the number of priority crimes – see above",
                "Supports Prevention and treatment to reduce drug and alcohol related crime & "
                "ASB. CCSP targets under review following agreement of county objectives for "
                "the Norfolk Drug & Alcohol Partnership (NDAP)",  # line 415
            ),
        ),
    ),
    PrioritySeed(
        "E",
        "Reduce the harm caused by the misuse of drugs and alcohol, within the Night-time Economy",
        "Norfolk Constabulary",  # line 648
        "ACC Nick Dean",
        why=(1371, 1375),
        objectives=(1389, 1403),
        report=(657, 667, 685, 689, 693, 696),
        traffic_light="green",  # line 695
        measures=(
            MeasureSeed(
                "(i)",
                "Reduce Alcohol related crime & disorder in Norwich, GY & KL centres to "
                "no more than 450 crimes per year by 2015/16",
                "count",
                "down",
                "quarterly",
                "value",
                "125 a quarter (500 a year); no more than 450 a year by 2015/16",
                line=655,
                target_value="125",
                baseline_label="Target of 500 total Violent and Sexual offences",
                observations=(
                    _q("Q1 2013/14", Q1, "98", 655),
                    _q("Q2 2013/14", Q2, "143", 655),
                ),
            ),
            MeasureSeed(
                "(ii)",
                "Number of referrals to ADS Scheme (Norfolk)",
                "count",
                "up",
                "quarterly",
                "",
                "No target set",
                line=656,
                baseline_label="Scheme not yet established as at Q1",
                observations=(_q("Q2 2013/14", Q2, "19", 656),),
            ),
        ),
        alignments=(
            (
                "Reduce drug & alcohol related Crime/ASB within the Night-time Economy: no more "
                "than 450 crimes per year by 2015/16",
                "Reduce violent & sexual crime within the key Night-time Economy areas: no more "
                "than 450 crimes per year by 2015/16",
                "Aligned for the 3 key urban centres. CCSP targets under development for rest "
                "of Norfolk",  # lines 403-405
            ),
        ),
    ),
    PrioritySeed(
        "F",
        "Improve support to offenders to prevent them from re-offending, particularly PPOs",
        "Norfolk & Suffolk Probation",  # line 699
        "Martin Graham",
        why=(1444, 1449),
        objectives=(1461, 1468),
        report=(707, 713, 728, 732, 738, 741),
        traffic_light="green",  # line 740
        measures=(
            MeasureSeed(
                "(i)",
                "Reduce the number of priority crimes committed by prolific offenders "
                "being managed by the 180° Norfolk team by 50%",
                "percentage",
                "up",
                "monthly",
                "value",
                "50% reduction",
                line=704,
                target_value="50",
                observations=tuple(
                    _q(label, date(2013, month, 1), value, 704)
                    for label, month, value in (
                        ("Apr 2013", 4, "60"),
                        ("May 2013", 5, "61"),
                        ("Jun 2013", 6, "59"),
                        ("Jul 2013", 7, "60"),
                        ("Aug 2013", 8, "59"),
                        ("Sep 2013", 9, "60"),
                    )
                ),
            ),
            MeasureSeed(
                "(ii)",
                "Other reoffending targets under development",
                "count",
                "neither",
                "quarterly",
                "",
                "Under development",
                line=705,
            ),
        ),
        alignments=(
            (
                "Number of priority crimes committed by prolific offenders being managed by the "
                "180° Norfolk team: reduce by 50%",
                "Reduce reoffending of the most prolific offenders: number of priority crimes "
                "committed by prolific offenders being managed by the 180° Norfolk team, reduce "
                "by 50%",
                "Aligned",  # lines 419-420
            ),
        ),
    ),
)
