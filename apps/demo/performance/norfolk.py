"""Norfolk County CSP's priorities A–F and their 2013/14
performance data, from the scrutiny pack (apps/demo/seeds/002_…, NORFOLK_2013). Figures are Python
literals with the line of the source they come from; long narrative is read from the seed by
line range so it stays word for word.

Quarters are the financial year's: Q1 2013/14 starts 1 April 2013. Figures printed as "n/a",
"N/A" or garbled in the source are left out rather than guessed (B (i)'s baseline, D (iii) Q1).
"""

from __future__ import annotations

from datetime import date

from apps.demo.performance.data import Q1, Q2, Q4_2012, MeasureSeed, PrioritySeed
from apps.demo.performance.data import observation as _q

PARTNERSHIP = "Norfolk County Community Safety Partnership"
POLICE_AND_CRIME_PLAN = "Police and Crime Plan 2013/17"


PRIORITIES_A_TO_C: tuple[PrioritySeed, ...] = (
    PrioritySeed(
        "A",
        "Reduce the incidence of crime and ASB",
        "Norfolk Constabulary",  # line 446
        "ACC Nick Dean",
        why=(1061, 1069),
        objectives=(1082, 1088),
        report=(457, 463, 487, 493, 497, 500),
        traffic_light="green",  # line 499
        measures=(
            MeasureSeed(
                "(i)",
                "Maintain Priority Crime levels of 2012/13 (and reduce by 18% over period 2011/16)",
                "count",
                "down",
                "quarterly",
                "value",
                "Maintain 2012/13 levels: quarterly targets 2274, 2329, 2448, 2343; "
                "2013/14 year to date 4408 against 4585",  # line 451
                line=451,
                baseline_label="2012/13 levels (the quarterly targets)",  # line 455
                observations=(
                    _q("Q1 2013/14", Q1, "2162", 451, target="2274"),
                    _q("Q2 2013/14", Q2, "2246", 451, target="2329"),
                ),
            ),
            MeasureSeed(
                "(ii)",
                "Reduce ASB reported to the police by 2.5% (by 40% over period 2011/16)",
                "count",
                "down",
                "quarterly",
                "value",
                "−2.5% on 2012/13: quarterly targets 8129, 9754, 6471, 6466",  # line 452
                line=452,
                baseline_label="2012/13 levels (the quarterly targets)",
                observations=(
                    _q("Q1 2013/14", Q1, "7671", 452, target="8129"),
                    _q("Q2 2013/14", Q2, "8847", 452, target="9754"),
                ),
            ),
            MeasureSeed(
                "(iii)",
                "ASB targets under development",
                "count",
                "neither",
                "quarterly",
                "",
                "Under development (see text)",
                line=453,
            ),
        ),
        alignments=(
            (
                "Reduce the incidence of crime: crimes which are a high risk to public safety "
                "('Priority Crime'), 18% reduction over period 2011/16",
                "Reduce the number of priority crimes: crimes which are a high risk to public "
                "safety, 18% reduction over period 2011/16",
                "Aligned – common targets to be ensured",  # line 402
            ),
            (
                "Reduce the incidence of ASB: under development – focus on reducing risk and "
                "addressing vulnerability by reducing repeat victimisation",
                "Reduce the impact of ASB: number of ASB incidents reported to the police, 40% "
                "reduction",
                "CCSP targets will focus on reducing vulnerability and repeat victimisation rather "
                "than absolute reduction. ASB is under reported so improvements in how we tackle "
                "this in Norfolk is likely to increase amount reported",  # line 412
            ),
        ),
    ),
    PrioritySeed(
        "B",
        "Protect vulnerable people, particularly young people",
        "Norfolk YOT",  # line 503
        "Chris Small, Service Manager - Youth Justice",  # lines 503-505
        why=(1133, 1137),
        objectives=(1153, 1160),
        report=(514, 530, 538, 542, 546, 549),
        traffic_light="amber",  # line 548
        measures=(
            MeasureSeed(
                "(i)",
                "Downward trend in reoffending rate of young people",
                "percentage",
                "down",
                "rolling_12_months",
                "direction",
                "Downward trend",
                line=510,
                baseline_label="Oct 09 to Sep 10",  # the rate printed is garbled, so left out
                observations=(
                    _q("Oct 10 to Sep 11", date(2010, 10, 1), "34.4", 510, numerator="412"),
                ),
            ),
            MeasureSeed(
                "(ii)",
                "Downward trend in FTEs into the YJS",
                "rate_per_1000",
                "down",
                "annual",
                "direction",
                "Downward trend",
                line=511,
                baseline_value="723",
                baseline_label="Apr 11 to Mar 12",
                observations=(
                    _q("Apr 11 to Mar 12", date(2011, 4, 1), "723", 511, numerator="554"),
                    _q("Apr 12 to Mar 13", date(2012, 4, 1), "628", 511, numerator="470"),
                ),
            ),
            MeasureSeed(
                "(iii)",
                "Reduction in the use of custody for sentencing or on remand",
                "rate_per_1000",
                "down",
                "rolling_12_months",
                "direction",
                "Reduced use of custody",
                line=512,
                baseline_value="0.45",
                baseline_label="Jul11 to Jun12",
                observations=(
                    _q("Jul 11 to Jun 12", date(2011, 7, 1), "0.45", 512, numerator="34"),
                    _q("Jul 12 to Jun 13", date(2012, 7, 1), "0.23", 512, numerator="17"),
                ),
            ),
        ),
        alignments=(
            (
                "Protect vulnerable people, particularly young people: rate of proven "
                "re-offending by young offenders (downward trend); first time entrants into the "
                "YJS aged 10-17 (downward trend); use of custody (reduced)",
                "Reduce vulnerability, promote equality and support victims",
                "Consistent. Review needed of CCSP Priority to ensure partner involvement on "
                "Early Intervention properly reflected",  # lines 434-436
            ),
        ),
    ),
    PrioritySeed(
        "C",
        "Protect vulnerable people, particularly people vulnerable to domestic abuse",
        "Victim Support",  # line 551
        "Lucy MacLeod, Director of Public Health",
        why=(1201, 1210),
        objectives=(1228, 1235),
        report=(557, 571, 579, 584, 589, 592),
        traffic_light="amber",  # line 591
        measures=(
            MeasureSeed(
                "(i)",
                "Repeat incidents of DV kept below national rate (24%)",
                "percentage",
                "down",
                "quarterly",
                "comparator",
                "Below the national rate (24%)",
                line=555,
                comparator_name="the national rate",
                observations=(
                    _q("Q1 2013/14", Q1, "15", 555, comparator="24"),
                    _q("Q2 2013/14", Q2, "15", 555, comparator="24"),
                ),
            ),
            MeasureSeed(
                "(ii)",
                "Proportion of non-police referrals to MARACs increased from 10% to 15%",
                "percentage",
                "up",
                "quarterly",
                "value",
                "15%",
                line=556,
                target_value="15",
                baseline_value="10",
                baseline_label="Where the target starts (increased from 10% to 15%)",  # line 556
                observations=(
                    _q("Q1 2013/14", Q1, "10", 556),
                    _q("Q2 2013/14", Q2, "9", 556),
                ),
            ),
        ),
        alignments=(
            (
                "Repeat incidents of domestic abuse (NI32): the rate of repeat referrals to MARAC "
                "at below the national rate (currently 24%)",
                "Reduce vulnerability, promote equality and support victims: detection rate for "
                "incidents of domestic abuse, increase to 55%",
                "The published Police & Crime Plan only includes the police target for increasing "
                "the detection rate for domestic abuse. However, discussions have confirmed that "
                "the overall context for domestic abuse work across partners is for a reduction "
                "in repeat victimisation.",  # lines 423-424
            ),
            (
                "Self referrals to the Sexual Assault Referral Centre (SARC) increased by 50% "
                "from 2010/11",
                "Increase serious sexual offence detection rate: increase to 35%",
                "Constabulary focus; supported by SARC",  # line 431
            ),
        ),
    ),
)

# D–F: Appendix 2 lines 593–741; plan lines 1298–1476.
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

PRIORITIES = PRIORITIES_A_TO_C + PRIORITIES_D_TO_F
