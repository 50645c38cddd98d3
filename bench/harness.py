"""Timing helpers: best-of-N wall time and peak Python memory, reported as ratios to a baseline.

The machines are noisy, so absolute times are shown only for context; the ratio to a baseline
measured moments earlier in the same process is the figure to compare between runs.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Measurement:
    name: str
    seconds: float
    peak_mib: float | None = None


def measure(
    name: str, work: Callable[[], object], *, repeat: int = 5, memory: bool = False
) -> Measurement:
    """Best of `repeat` runs (the least disturbed by the rest of the machine)."""
    work()  # warm caches, templates and imports
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    peak = None
    if memory:
        tracemalloc.start()
        work()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return Measurement(name, best, peak)


def report(title: str, measurements: list[Measurement], *, baseline: Measurement) -> None:
    print(f"\n{title}")
    print(f"  {'case':<40} {'best time':>12} {'ratio':>8} {'peak MiB':>10}")
    for m in measurements:
        ratio = m.seconds / baseline.seconds if baseline.seconds else float("nan")
        peak = f"{m.peak_mib:10.1f}" if m.peak_mib is not None else f"{'':>10}"
        print(f"  {m.name:<40} {m.seconds * 1000:10.1f}ms {ratio:8.2f} {peak}")
    print(f"  (ratios are to “{baseline.name}”, measured in this run)")
