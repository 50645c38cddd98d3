"""A server-rendered SVG XmR chart: readable without JavaScript, printable, and accessible.

Special causes are told apart by shape as well as colour (circle: common cause; square:
improvement; triangle: concern; diamond: special cause where neither direction is better), with
a legend, a <title> and a <desc> in words. Colours and strokes are attributes, not CSS, so the
chart prints as it shows. The data table beneath it on the page carries the same figures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from html import escape

from apps.performance.domain.spc import Signal, SpcResult

WIDTH, HEIGHT = 760, 380
LEFT, RIGHT, TOP, BOTTOM = 72, 20, 20, 120
LEGEND_Y = HEIGHT - 34
COLOURS = {
    "common": "#505a5f",
    Signal.IMPROVEMENT: "#1d70b8",
    Signal.CONCERN: "#a34700",
    Signal.NEITHER: "#4c2c92",
    "mean": "#0b0c0c",
    "limit": "#505a5f",
    "target": "#00703c",
}
SHAPE_NAMES = {
    "common": "circle",
    Signal.IMPROVEMENT: "square",
    Signal.CONCERN: "triangle",
    Signal.NEITHER: "diamond",
}
LEGEND_WORDS = {
    "common": "Common cause",
    Signal.IMPROVEMENT: "Special cause: improvement",
    Signal.CONCERN: "Special cause: concern",
    Signal.NEITHER: "Special cause: neither better nor worse",
}


@dataclass(frozen=True)
class ChartPoint:
    period: str
    value: Decimal


def _f(number: float) -> str:
    return f"{number:.1f}"


def _shape(kind: str | Signal, x: float, y: float, label: str) -> str:
    colour = COLOURS[kind]
    name = SHAPE_NAMES[kind]
    common = f'fill="{colour}" stroke="#ffffff" stroke-width="1" data-shape="{name}"'
    tip = f"<title>{escape(label)}</title>" if label else ""
    if name == "circle":
        return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="5" {common}>{tip}</circle>'
    if name == "square":
        return f'<rect x="{_f(x - 6)}" y="{_f(y - 6)}" width="12" height="12" {common}>{tip}</rect>'
    if name == "triangle":
        points = f"{_f(x)},{_f(y - 8)} {_f(x + 7)},{_f(y + 5)} {_f(x - 7)},{_f(y + 5)}"
        return f'<polygon points="{points}" {common}>{tip}</polygon>'
    points = f"{_f(x)},{_f(y - 8)} {_f(x + 8)},{_f(y)} {_f(x)},{_f(y + 8)} {_f(x - 8)},{_f(y)}"
    return f'<polygon points="{points}" {common}>{tip}</polygon>'


def _ticks(low: float, high: float) -> list[float]:
    """Round values for the axis: steps of 1, 2, 2.5 or 5 times a power of ten."""
    rough = (high - low) / 4
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) / step) + 1)]


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def spc_chart_svg(
    *,
    title: str,
    points: Sequence[ChartPoint],
    spc: SpcResult | None,
    target: Decimal | None = None,
    period_targets: Sequence[Decimal | None] = (),
    description: str = "",
    chart_id: str = "spc-chart",
) -> str:
    """The chart as SVG markup (safe to mark safe: every text is escaped here). `target` is a
    level for the whole chart; `period_targets` gives each point its own (drawn as steps)."""
    values = [float(p.value) for p in points]
    extra: list[float] = [] if target is None else [float(target)]
    extra += [float(t) for t in period_targets if t is not None]
    if spc is not None:
        for segment in spc.segments:
            for line in (segment.mean, segment.upper_limit, segment.lower_limit):
                if line is not None:
                    extra.append(float(line))
    everything = values + extra or [0.0]
    low, high = min(everything), max(everything)
    pad = (high - low) * 0.1 or max(abs(high) * 0.1, 1.0)
    low, high = low - pad, high + pad
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    count = max(len(points), 1)

    def x_at(index: float) -> float:
        return LEFT + plot_w * ((index + 0.5) / count)

    def y_at(value: float | Fraction | Decimal) -> float:
        return TOP + plot_h * (1 - (float(value) - low) / (high - low))

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'class="app-spc-chart" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="Arial, sans-serif" font-size="12" id="{chart_id}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    for level in _ticks(low, high):
        y = y_at(level)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_f(y)}" y2="{_f(y)}" '
            f'stroke="#dddddd" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{_f(y + 4)}" text-anchor="end" fill="#0b0c0c">'
            f"{escape(_number(level))}</text>"
        )
    every = max(1, len(points) // 12)
    for index, point in enumerate(points):
        if index % every == 0 or index == len(points) - 1:
            x, y = x_at(index), HEIGHT - BOTTOM + 12
            parts.append(
                f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="end" fill="#0b0c0c" '
                f'transform="rotate(-40 {_f(x)} {_f(y)})">{escape(point.period)}</text>'
            )
    if spc is not None:
        for segment in spc.segments:
            x1, x2 = x_at(segment.start - 0.4), x_at(segment.end - 0.6)
            lines = [
                ("mean", segment.mean, COLOURS["mean"], ""),
                ("upper-limit", segment.upper_limit, COLOURS["limit"], ' stroke-dasharray="6 4"'),
                ("lower-limit", segment.lower_limit, COLOURS["limit"], ' stroke-dasharray="6 4"'),
            ]
            for role, position, colour, dash in lines:
                if position is not None:
                    y = y_at(position)
                    parts.append(
                        f'<line data-role="{role}" x1="{_f(x1)}" x2="{_f(x2)}" y1="{_f(y)}" '
                        f'y2="{_f(y)}" stroke="{colour}" stroke-width="1.5"{dash}/>'
                    )
    if target is not None:
        y = y_at(target)
        parts.append(
            f'<line data-role="target" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_f(y)}" '
            f'y2="{_f(y)}" stroke="{COLOURS["target"]}" stroke-width="2" '
            f'stroke-dasharray="2 3"/>'
        )
    for index, own_target in enumerate(period_targets):
        if own_target is not None and target is None:
            y = y_at(own_target)
            parts.append(
                f'<line data-role="target" x1="{_f(x_at(index - 0.45))}" '
                f'x2="{_f(x_at(index + 0.45))}" y1="{_f(y)}" y2="{_f(y)}" '
                f'stroke="{COLOURS["target"]}" stroke-width="2" stroke-dasharray="2 3"/>'
            )
    if len(points) > 1:
        path = " ".join(f"{_f(x_at(i))},{_f(y_at(v))}" for i, v in enumerate(values))
        parts.append(
            f'<polyline data-role="series" points="{path}" fill="none" '
            f'stroke="#6f777b" stroke-width="1.5"/>'
        )
    used: list[str | Signal] = []
    for index, point in enumerate(points):
        spc_point = spc.points[index] if spc is not None else None
        kind: str | Signal = "common"
        label = f"{point.period}: {_number(float(point.value))}"
        if spc_point is not None and spc_point.signal is not None:
            kind = spc_point.signal
            label += f" – {LEGEND_WORDS[kind].lower()}"
        if kind not in used:
            used.append(kind)
        parts.append(_shape(kind, x_at(index), y_at(point.value), label))
    has_target = target is not None or any(t is not None for t in period_targets)
    parts.append(_legend(used, has_limits=spc is not None, has_target=has_target))
    parts.append("</svg>")
    return "".join(parts)


def _legend(used: Sequence[str | Signal], *, has_limits: bool, has_target: bool) -> str:
    items = []
    x = LEFT
    entries: list[tuple[str, str]] = []
    if has_limits:
        entries.append(("mean", "Mean"))
        entries.append(("limit", "Process limits"))
    if has_target:
        entries.append(("target", "Target"))
    for role, words in entries:
        dash = {"limit": ' stroke-dasharray="6 4"', "target": ' stroke-dasharray="2 3"'}.get(
            role, ""
        )
        items.append(
            f'<line x1="{x}" x2="{x + 22}" y1="{LEGEND_Y}" y2="{LEGEND_Y}" '
            f'stroke="{COLOURS[role]}" stroke-width="2"{dash}/>'
            f'<text x="{x + 28}" y="{LEGEND_Y + 4}" fill="#0b0c0c">{words}</text>'
        )
        x += 40 + 7 * len(words)
    y = LEGEND_Y + 22
    x2 = LEFT
    for kind in ["common", Signal.IMPROVEMENT, Signal.CONCERN, Signal.NEITHER]:
        if kind not in used:
            continue
        words = LEGEND_WORDS[kind]
        items.append(_shape(kind, x2 + 8, y, ""))
        items.append(f'<text x="{x2 + 20}" y="{y + 4}" fill="#0b0c0c">{escape(words)}</text>')
        x2 += 40 + 7 * len(words)
    return f'<g data-role="legend">{"".join(items)}</g>'
