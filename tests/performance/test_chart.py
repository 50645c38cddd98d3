"""The SVG chart: well-formed, labelled, with mean, limits, target and shaped special causes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

from apps.performance.domain.chart import ChartPoint, spc_chart_svg
from apps.performance.domain.spc import SpcOptions, spc_calculate
from apps.performance.domain.trend import Polarity

SVG = "{http://www.w3.org/2000/svg}"
STEADY = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12, 11, 13]


def _chart(values: list[int], polarity: Polarity = Polarity.DOWN) -> ET.Element:
    periods = [f"P{i + 1}" for i in range(len(values))]
    spc = spc_calculate(values, periods=periods, options=SpcOptions(polarity=polarity))
    markup = spc_chart_svg(
        title="Priority crime <Norfolk>",
        points=[ChartPoint(p, Decimal(v)) for p, v in zip(periods, values, strict=True)],
        spc=spc,
        target=Decimal(12),
        description="12 figures & one spike",
    )
    return ET.fromstring(markup)


def _roles(root: ET.Element) -> list[str]:
    return [e.get("data-role", "") for e in root.iter() if e.get("data-role")]


def _point_shapes(root: ET.Element) -> list[str]:
    legend = root.find(f"{SVG}g[@data-role='legend']")
    assert legend is not None
    in_legend = set(legend.iter())
    return [
        e.get("data-shape", "") for e in root.iter() if e.get("data-shape") and e not in in_legend
    ]


def test_chart_has_title_description_and_lines() -> None:
    root = _chart([*STEADY, 30])
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == "Priority crime <Norfolk>"
    assert desc is not None and desc.text == "12 figures & one spike"
    assert root.get("aria-labelledby") == "spc-chart-title spc-chart-desc"
    roles = _roles(root)
    for role in ("mean", "upper-limit", "lower-limit", "target", "series", "legend"):
        assert role in roles


def test_a_spike_is_a_triangle_when_lower_is_better() -> None:
    shapes = _point_shapes(_chart([*STEADY, 30], Polarity.DOWN))
    assert shapes == ["circle"] * 12 + ["triangle"]


def test_a_spike_is_a_square_when_higher_is_better() -> None:
    shapes = _point_shapes(_chart([*STEADY, 30], Polarity.UP))
    assert shapes == ["circle"] * 12 + ["square"]


def test_legend_names_each_shape_used() -> None:
    root = _chart([*STEADY, 30], Polarity.DOWN)
    legend = root.find(f"{SVG}g[@data-role='legend']")
    assert legend is not None
    words = [t.text for t in legend.iter(f"{SVG}text")]
    assert words == ["Mean", "Process limits", "Target", "Common cause", "Special cause: concern"]


def test_a_steady_series_has_only_circles() -> None:
    assert set(_point_shapes(_chart(STEADY))) == {"circle"}


def test_point_titles_name_the_period_and_the_signal() -> None:
    root = _chart([*STEADY, 30], Polarity.DOWN)
    tips = [t.text for shape in root.iter(f"{SVG}polygon") for t in shape.iter(f"{SVG}title")]
    assert tips == ["P13: 30 – special cause: concern"]


def test_each_period_can_have_its_own_target() -> None:
    values, targets = [2162, 2246], [Decimal(2274), Decimal(2329)]
    markup = spc_chart_svg(
        title="Priority crime",
        points=[ChartPoint(f"Q{i + 1}", Decimal(v)) for i, v in enumerate(values)],
        spc=spc_calculate(values),
        period_targets=targets,
    )
    root = ET.fromstring(markup)
    steps = [e for e in root.iter(f"{SVG}line") if e.get("data-role") == "target"]
    assert len(steps) == 2
    assert float(steps[0].get("y1", 0)) > float(steps[1].get("y1", 0))  # 2,329 is drawn higher


def test_axis_values_are_round_numbers() -> None:
    root = _chart([*STEADY, 30])
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    numbers = [float(text) for text in labels if text and text.replace(".", "").isdigit()]
    assert numbers == [10, 20, 30]
