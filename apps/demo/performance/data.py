"""The shapes of the demo data: priorities, measures and figures as plain literals, each with
the line of the seed document it comes from, so a reader can check them against the source."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from apps.demo.seeds import NORFOLK_2013

# Norfolk's quarters: the financial year's, so Q1 2013/14 starts 1 April 2013.
Q1, Q2 = date(2013, 4, 1), date(2013, 7, 1)
Q4_2012 = date(2013, 1, 1)


@cache
def _seed_lines() -> list[str]:
    return NORFOLK_2013.read_text(encoding="utf-8").splitlines()


def lines(first: int, last: int) -> str:
    """Seed lines first..last (1-based, inclusive), blank lines dropped, bullets kept as •."""
    out = []
    for raw in _seed_lines()[first - 1 : last]:
        text = raw.strip().lstrip("•-\uf0b7\uf0a7 ").strip()
        if text:
            bullet = raw.strip()[:1] in {"•", "-", "\uf0b7", "\uf0a7"}
            numbered = text[:1].isdigit()
            out.append(f"• {text}" if bullet and not numbered else text)
    return "\n".join(out)


@dataclass(frozen=True)
class Obs:
    label: str
    start: date
    value: str
    line: int
    comparator: str | None = None
    target: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    note: str = ""


@dataclass(frozen=True)
class MeasureSeed:
    code: str
    title: str
    unit: str
    polarity: str
    frequency: str
    target_kind: str
    target_text: str
    line: int
    target_value: str | None = None
    comparator_name: str = ""
    baseline_value: str | None = None
    baseline_label: str = ""
    observations: tuple[Obs, ...] = ()


@dataclass(frozen=True)
class PrioritySeed:
    code: str
    title: str
    sponsor: str
    lead_officer: str
    why: tuple[int, int]  # line range of "Why is this a Priority?" in the CSP plan
    objectives: tuple[int, int]  # line range of "Objectives for 2013/16"
    report: tuple[int, int, int, int, int, int]  # headings of the Appendix 2 narrative, end
    traffic_light: str
    measures: tuple[MeasureSeed, ...]
    light_comment: tuple[int, int] | None = None
    alignments: tuple[tuple[str, str, str], ...] = field(default=())


def observation(label: str, start: date, value: str, line: int, **kw: str) -> Obs:
    return Obs(label, start, value, line, **kw)
