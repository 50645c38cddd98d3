"""The performance sections of a report: the summary table, exceptions and priority pages,
from the performance selectors' answers (no queries here: measures are prefetched)."""

from __future__ import annotations

from dataclasses import dataclass

from apps.core.rag import rag_parse
from apps.performance.domain.chart import ChartPoint, spc_chart_svg
from apps.performance.domain.rag import Rating as PerformanceRating
from apps.performance.domain.rag import TargetKind
from apps.performance.domain.units import format_value
from apps.performance.models import Priority, PriorityReport, TrafficLight
from apps.performance.selectors import (
    NEGATIVE,
    OTHER,
    POSITIVE,
    Assessment,
    ExceptionEntry,
    SummaryRow,
    exception_for,
    priority_table,
)
from apps.reports.builder.content import (
    ROW_GROUP,
    TABLE_CHART_DATA,
    TABLE_EXCEPTIONS,
    TABLE_PERFORMANCE,
    TABLE_QUARTERS,
    Block,
    Cell,
    Chart,
    DefinitionList,
    Heading,
    Note,
    Paragraph,
    Rag,
    Row,
    Table,
    text_lines,
)

NO_EXCEPTIONS = "No measure changed enough to be reported as an exception."
EXCEPTION_HEADINGS = {
    POSITIVE: "Positive exceptions",
    NEGATIVE: "Negative exceptions",
    OTHER: "Other significant changes",
}
EXCEPTION_CAPTIONS = {
    POSITIVE: "Measures improving significantly",
    NEGATIVE: "Measures worsening significantly",
    OTHER: "Measures changing significantly where neither direction is better",
}


def performance_rag(value: str) -> Rag:
    """A measure's rating or a narrative's traffic light ("green") as the report prints it."""
    word = rag_parse(value)
    if word is None:
        raise ValueError(f"Not a RAG rating: {value!r}")
    return Rag(word.code, word.word, word.colour, word.text_colour)


def _assessment_rag(assessment: Assessment) -> Rag | None:
    rating = assessment.rag.rating if assessment.rag is not None else None
    return performance_rag(PerformanceRating(rating).value) if rating is not None else None


def _rag_cell(assessment: Assessment) -> Cell:
    rag = _assessment_rag(assessment)
    return Cell(lines=[rag.word] if rag else ["Not rated"], rag=rag, value=rag.code if rag else "")


@dataclass
class PerformanceData:
    priorities: list[Priority]
    summary: list[tuple[Priority, list[SummaryRow]]]
    reports: dict[int, PriorityReport | None]  # each priority's latest narrative to print
    public: bool


def summary_blocks(data: PerformanceData) -> list[Block]:
    """The 003 section 5 table: measure, baseline, current, trend, RAG and comment."""
    table = Table(
        caption="Performance against each priority's measures",
        header=["Measure", "Baseline", "Current", "Trend", "RAG", "Comment"],
        kind=TABLE_PERFORMANCE,
        widths=[24, 14, 14, 18, 8, 22],
    )
    for priority, rows in data.summary:
        table.rows.append(Row([Cell.of(str(priority))], kind=ROW_GROUP, level=2))
        for row in rows:
            latest = row.assessment.latest
            table.rows.append(
                Row(
                    [
                        Cell.of(str(row.measure)),
                        Cell.of(row.baseline, value=row.measure.baseline_value),
                        Cell.of(row.current, value=latest.value if latest else None),
                        Cell.of(row.trend),
                        _rag_cell(row.assessment),
                        Cell.of(row.measure.comment),
                    ]
                )
            )
    return [table]


def _exception_table(kind: str, entries: list[ExceptionEntry]) -> Table:
    table = Table(
        caption=EXCEPTION_CAPTIONS[kind],
        header=["Priority", "Measure", "Current", "Change on last year", "Why it is reported"],
        kind=TABLE_EXCEPTIONS,
        widths=[18, 24, 16, 12, 30],
    )
    for entry in entries:
        table.rows.append(
            Row(
                [
                    Cell.of(str(entry.priority)),
                    Cell.of(str(entry.measure)),
                    Cell.of(entry.current),
                    Cell.of(entry.change_text),
                    Cell(lines=entry.reasons),
                ]
            )
        )
    return table


def exception_blocks(data: PerformanceData) -> list[Block]:
    """Positive and negative exceptions (003 sections 6–7)."""
    found: dict[str, list[ExceptionEntry]] = {POSITIVE: [], NEGATIVE: [], OTHER: []}
    for priority, rows in data.summary:
        for row in rows:
            entry = exception_for(priority, row.assessment)
            if entry is not None:
                found[entry.kind].append(entry)
    blocks: list[Block] = []
    for kind in (POSITIVE, NEGATIVE, OTHER):
        if kind == OTHER and not found[kind]:
            continue
        blocks.append(Heading(EXCEPTION_HEADINGS[kind], f"exceptions-{kind}"))
        blocks.append(_exception_table(kind, found[kind]) if found[kind] else Note(NO_EXCEPTIONS))
    return blocks


def has_exceptions(data: PerformanceData) -> bool:
    return any(exception_for(p, row.assessment) for p, rows in data.summary for row in rows)


def measure_chart(assessment: Assessment, chart_id: str) -> Chart | None:
    """The measure's SPC chart as vectors, its description in words and its figures."""
    measure, observations = assessment.measure, list(assessment.observations)
    if not observations:
        return None
    title = f"Statistical process control chart: {measure}"
    description = (
        f"{len(observations)} figures from {observations[0].period_label} to "
        f"{observations[-1].period_label}. {assessment.variation_words}."
    )
    special = (
        {p.index for p in assessment.spc.points if p.special_cause} if assessment.spc else set()
    )
    target = measure.target_value if measure.target_kind == TargetKind.VALUE else None
    svg = spc_chart_svg(
        title=title,
        points=[ChartPoint(o.period_label, o.value) for o in observations],
        spc=assessment.spc,
        target=target,
        period_targets=[o.target_value for o in observations],
        description=description,
        chart_id=chart_id,
    )
    data = Table(
        caption=f"Figures behind the chart: {measure}",
        header=["Period", "Value", "Special cause"],
        kind=TABLE_CHART_DATA,
        rows=[
            Row(
                [
                    Cell.of(o.period_label, value=o.period_start),
                    Cell.of(format_value(o.value, measure.unit), value=o.value),
                    Cell.of("Yes" if i in special else "No"),
                ]
            )
            for i, o in enumerate(observations)
        ],
    )
    return Chart(title, svg, description, data)


def _narrative_blocks(report: PriorityReport, anchor: str) -> list[Block]:
    blocks: list[Block] = [Heading(f"Narrative for {report.period_label}", anchor, level=4)]
    parts = [
        ("Summary", report.summary),
        ("Milestones reached", report.milestones_reached),
        ("Milestones missed", report.milestones_missed),
        ("Prospects and risks", report.prospects_and_risks),
    ]
    for label, text in parts:
        if text.strip():
            blocks.append(Paragraph(label, emphasis=True))
            blocks += [Paragraph(line) for line in text_lines(text)]
    if report.traffic_light:
        word = str(TrafficLight(report.traffic_light).label)
        blocks.append(
            DefinitionList(
                [("Traffic light", f"{word}. {report.traffic_light_comment}".strip())],
                rags=[performance_rag(report.traffic_light)],
            )
        )
    return blocks


def priority_blocks(data: PerformanceData) -> list[Block]:
    """A page per priority: who leads it, the quarterly table, narrative, light and charts."""
    blocks: list[Block] = []
    for priority in data.priorities:
        anchor = f"priority-{priority.pk}"
        blocks.append(Heading(str(priority), anchor))
        about = [("Sponsor", priority.sponsor)]
        if not data.public:  # a lead officer is a named person
            about.append(("Lead officer", priority.lead_officer))
        about += [("Why it is a priority", priority.why), ("Objectives", priority.objectives)]
        about = [(term, text) for term, text in about if text]
        if about:
            blocks.append(DefinitionList(about))
        table = priority_table(priority=priority)
        quarters = Table(
            caption=f"Quarterly figures {table.year_label}".strip(),
            header=["Measure", "Target", "Baseline", "Q1", "Q2", "Q3", "Q4", "RAG"],
            kind=TABLE_QUARTERS,
            widths=[22, 12, 12, 11, 11, 11, 11, 10],
        )
        for row in table.rows:
            cells = [Cell(lines=q) for q in row.quarter_cells]
            if row.outside_year:
                cells[-1] = Cell(lines=[row.outside_year])
            quarters.rows.append(
                Row(
                    [
                        Cell.of(str(row.measure)),
                        Cell.of(row.target),
                        Cell.of(row.baseline),
                        *cells,
                        _rag_cell(row.assessment),
                    ]
                )
            )
        if quarters.rows:
            blocks.append(quarters)
        report = data.reports.get(priority.pk)
        if report is not None:
            blocks += _narrative_blocks(report, f"{anchor}-narrative")
        for row in table.rows:
            chart = measure_chart(row.assessment, f"chart-{row.measure.pk}")
            if chart is not None:
                blocks.append(chart)
    return blocks


def latest_report(priority: Priority, *, public: bool) -> PriorityReport | None:
    """The newest narrative (prefetched newest first); none in the public variant when the
    newest is internal, since an older one would pass for this period's."""
    report = next(iter(priority.reports.all()), None)
    return None if report is None or (public and report.internal) else report
