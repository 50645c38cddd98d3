"""SPC over 1,000 measures × 60 points: apps.performance.domain.spc against plain pandas.

The pandas version applies the same rules (mean, moving ranges, outlier-screened mR̄, limits,
beyond limits, trend, run, two of three beyond two sigma) the way an analyst would write them
with Series operations. Before anything is timed, both must flag the same rules on every point
of every series, and every rule must fire somewhere, so the ratio compares equal work.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import numpy as np
import pandas as pd  # type: ignore[import-untyped]  # no stubs: a bench-only dependency

from apps.performance.domain.spc import spc_calculate
from bench.harness import measure, report

SERIES, POINTS, SEED = 1_000, 60, 20131
RUN_LENGTH = TREND_LENGTH = 7
RULES = ("beyond_limits", "trend", "two_of_three", "run")
Flags = list[tuple[str, ...]]


def make_series(count: int = SERIES, points: int = POINTS, seed: int = SEED) -> list[list[int]]:
    """Whole-number series (counts, as most measures are) with the shapes that raise signals:
    noise, a step change, a steady climb, and a one-off spike."""
    rng = random.Random(seed)
    series = []
    for n in range(count):
        level, spread = rng.randint(50, 500), rng.randint(3, 30)
        values = [level + round(rng.gauss(0, spread)) for _ in range(points)]
        shape = n % 4
        if shape == 1:  # a shift part-way through
            at = rng.randint(20, 50)
            values[at:] = [v + 2 * spread for v in values[at:]]
        elif shape == 2:  # a steady climb over a stretch
            at = rng.randint(0, points - 10)
            for k in range(at, at + 9):
                values[k] = values[at] + (k - at) * spread
        elif shape == 3:  # a one-off spike
            values[rng.randrange(points)] += 6 * spread
        series.append(values)
    return series


def with_spc(series: list[list[int]]) -> list[Flags]:
    return [
        [tuple(rule.value for rule in p.rules) for p in spc_calculate(values).points]
        for values in series
    ]


def _runs(side: pd.Series, length: int) -> pd.Series:
    group = (side != side.shift()).cumsum()
    size = side.groupby(group).transform("size")
    return (side != 0) & (size >= length)


def _trends(values: pd.Series, length: int) -> pd.Series:
    steps = np.sign(values.diff()).iloc[1:]
    group = (steps != steps.shift()).cumsum()
    size = steps.groupby(group).transform("size")
    rising_or_falling = ((steps != 0) & (size >= length - 1)).reindex(
        values.index, fill_value=False
    )
    # A step joins the point before it and the point after it.
    return rising_or_falling | rising_or_falling.shift(-1, fill_value=False)


def _two_of_three(side: pd.Series, counting: pd.Series) -> pd.Series:
    same_side = side.rolling(3).sum().abs() == 3
    window = same_side & (counting.astype(int).rolling(3).sum() >= 2)
    in_window = window | window.shift(-1, fill_value=False) | window.shift(-2, fill_value=False)
    return counting & in_window


def pandas_flags(raw: list[int]) -> Flags:
    values = pd.Series(raw, dtype="float64")
    mean = values.mean()
    moving_ranges = values.diff().abs().iloc[1:]
    mr_bar = moving_ranges.mean()
    if mr_bar > 0:
        mr_bar = moving_ranges[moving_ranges < 3.267 * mr_bar].mean()
    upper, lower = mean + 2.66 * mr_bar, mean - 2.66 * mr_bar
    upper_2s, lower_2s = mean + 2.66 * 2 / 3 * mr_bar, mean - 2.66 * 2 / 3 * mr_bar
    side = np.sign(values - mean)
    beyond = (values > upper) | (values < lower)
    counting = (values > upper_2s) | (values < lower_2s)  # beyond limits counts (Nov 2023)
    table = pd.DataFrame(
        {
            "beyond_limits": beyond,
            "trend": _trends(values, TREND_LENGTH),
            "two_of_three": _two_of_three(side, counting),
            "run": _runs(side, RUN_LENGTH),
        }
    )
    return [
        tuple(rule for rule, flagged in zip(RULES, row, strict=True) if flagged)
        for row in table.to_numpy()
    ]


def with_pandas(series: list[list[int]]) -> list[Flags]:
    return [pandas_flags(values) for values in series]


def check_agreement(series: list[list[int]]) -> dict[str, int]:
    """How many series each rule fires in; raises if the two versions disagree anywhere."""
    ours, theirs = with_spc(series), with_pandas(series)
    for n, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        if a != b:
            first = next(i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
            raise AssertionError(f"series {n}, point {first}: spc {a[first]} ≠ pandas {b[first]}")
    fired = {rule: sum(any(rule in p for p in flags) for flags in ours) for rule in RULES}
    silent = [rule for rule, count in fired.items() if count == 0]
    assert not silent, f"no series raised {silent}: the comparison would not test them"
    return fired


def run() -> None:
    series = make_series()
    fired = check_agreement(series)

    def timed(work: Callable[[list[list[int]]], object]) -> Callable[[], object]:
        return lambda: work(series)

    baseline = measure(f"pandas, {SERIES:,} × {POINTS}", timed(with_pandas), repeat=3)
    ours = measure(f"apps.performance.domain.spc, {SERIES:,} × {POINTS}", timed(with_spc), repeat=3)
    report("SPC (XmR) over many measures", [baseline, ours], baseline=baseline)
    print(
        "  Identical flags on every point of every series; series with each rule: "
        + ", ".join(f"{rule} {count:,}" for rule, count in fired.items())
    )
