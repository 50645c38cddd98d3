"""Properties every XmR chart must have, whatever the data (hypothesis).

Values are fractions so that shifting and scaling are exact: the engine must then give exactly
the same flags, not merely nearly the same limits.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from apps.performance.domain.spc import Rule, SpcOptions, SpcResult, spc_calculate
from apps.performance.domain.trend import Polarity

values_st = st.lists(st.integers(min_value=-1000, max_value=1000), min_size=1, max_size=40)
options_st = st.builds(
    SpcOptions,
    polarity=st.sampled_from(list(Polarity)),
    run_length=st.sampled_from([6, 7]),
    trend_length=st.sampled_from([6, 7]),
    screen_outliers=st.booleans(),
    two_of_three_counts_beyond_limits=st.booleans(),
    fix_after_n_points=st.sampled_from([None, 12, 15]),
    rebase_at=st.sampled_from([(), (5,), (3, 20)]),
)


def flags(result: SpcResult) -> list[tuple[tuple[Rule, ...], object]]:
    return [(point.rules, point.signal) for point in result.points]


def _fit(options: SpcOptions, count: int) -> SpcOptions:
    """Drop rebase positions that fall outside a short series."""
    marks = tuple(m for m in options.rebase_at if isinstance(m, int) and m < count)
    return SpcOptions(**{**options.__dict__, "rebase_at": marks})


@given(values_st, options_st)
def test_limits_are_symmetric_about_the_mean(values: list[int], options: SpcOptions) -> None:
    for segment in spc_calculate(values, options=_fit(options, len(values))).segments:
        if segment.upper_limit is not None and segment.lower_limit is not None:
            assert segment.upper_limit - segment.mean == segment.mean - segment.lower_limit
            assert segment.lower_limit <= segment.mean <= segment.upper_limit


@given(st.integers(-1000, 1000), st.integers(1, 60), options_st)
def test_a_constant_series_has_no_special_cause(
    value: int, count: int, options: SpcOptions
) -> None:
    result = spc_calculate([value] * count, options=_fit(options, count))
    assert not any(point.special_cause for point in result.points)


@given(values_st, options_st)
def test_rules_only_ever_come_from_the_four(values: list[int], options: SpcOptions) -> None:
    result = spc_calculate(values, options=_fit(options, len(values)))
    order = list(Rule)
    for point in result.points:
        assert set(point.rules) <= {"beyond_limits", "run", "trend", "two_of_three"}
        assert [order.index(rule) for rule in point.rules] == sorted(
            order.index(rule) for rule in point.rules
        )
        assert point.special_cause == (point.signal is not None)


@settings(max_examples=200)
@given(values_st, options_st, st.fractions(min_value=-(10**6), max_value=10**6))
def test_shifting_shifts_mean_and_limits_and_keeps_flags(
    values: list[int], options: SpcOptions, shift: Fraction
) -> None:
    options = _fit(options, len(values))
    before = spc_calculate(values, options=options)
    after = spc_calculate([v + shift for v in values], options=options)
    assert flags(after) == flags(before)
    assert after.variation == before.variation
    for old, new in zip(before.segments, after.segments, strict=True):
        assert new.mean == old.mean + shift
        if old.upper_limit is not None:
            assert new.upper_limit == old.upper_limit + shift
            assert new.lower_limit == old.lower_limit + shift  # type: ignore[operator]


@settings(max_examples=200)
@given(values_st, options_st, st.fractions(min_value=Fraction(1, 1000), max_value=1000))
def test_scaling_scales_mean_and_limits_and_keeps_flags(
    values: list[int], options: SpcOptions, factor: Fraction
) -> None:
    options = _fit(options, len(values))
    before = spc_calculate(values, options=options)
    after = spc_calculate([v * factor for v in values], options=options)
    assert flags(after) == flags(before)
    assert after.variation == before.variation
    for old, new in zip(before.segments, after.segments, strict=True):
        assert new.mean == old.mean * factor
        if old.upper_limit is not None:
            assert new.upper_limit == old.upper_limit * factor
            assert new.lower_limit == old.lower_limit * factor  # type: ignore[operator]
