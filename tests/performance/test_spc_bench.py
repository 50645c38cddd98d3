"""The benchmark's pandas comparison: it must agree with spc on every point, and notice if not."""

from __future__ import annotations

import pytest

from bench import spc_bench


def test_pandas_version_flags_the_same_points_and_every_rule_fires() -> None:
    series = spc_bench.make_series(count=40)
    fired = spc_bench.check_agreement(series)
    assert set(fired) == set(spc_bench.RULES) and all(fired.values())
    assert spc_bench.pandas_flags([5] * 12) == [()] * 12  # a constant series: no signal


def test_a_disagreement_is_caught_before_anything_is_timed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spc_bench, "RUN_LENGTH", 6)  # the pandas version only
    with pytest.raises(AssertionError, match=r"spc \(.*\) ≠ pandas"):
        spc_bench.check_agreement(spc_bench.make_series(count=40))
