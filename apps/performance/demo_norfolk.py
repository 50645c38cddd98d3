"""Norfolk County CSP's priorities A–F (A–C here, D–F in demo_norfolk_d_to_f) and their 2013/14
performance data, from the scrutiny pack (demo/seeds/002_…, NORFOLK_2013). Figures are Python
literals with the line of the source they come from; long narrative is read from the seed by
line range so it stays word for word.

Quarters are the financial year's: Q1 2013/14 starts 1 April 2013. Figures printed as "n/a",
"N/A" or garbled in the source are left out rather than guessed (B (i)'s baseline, D (iii) Q1).
"""

from __future__ import annotations

from datetime import date

from apps.performance.demo_data import Q1, Q2, MeasureSeed, PrioritySeed
from apps.performance.demo_data import observation as _q
from apps.performance.demo_norfolk_d_to_f import PRIORITIES_D_TO_F

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

PRIORITIES = PRIORITIES_A_TO_C + PRIORITIES_D_TO_F
