"""What importing a performance report would do to a partnership's measures, read without
writing: the measures created or updated, the figures added, those already recorded, and the
figures that differ from what SaferPlan holds (conflicts, left alone unless ticked).

The import (``services/indicators.py``) acts on this same plan, so the preview is what happens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from django.db.models import Prefetch, QuerySet

from apps.core.text import text_key
from apps.importers.domain.tables.indicators import (
    SIGNATURE_PREFIX,
    FigureRead,
    IndicatorChoices,
    IndicatorReading,
    IndicatorRow,
    IndicatorTable,
    indicators_read,
    section_code,
)
from apps.importers.models import ColumnChoice, DocumentUpload
from apps.importers.selectors.documents import upload_document
from apps.partnerships.models import Partnership
from apps.performance.domain.rag import TargetKind
from apps.performance.domain.trend import Polarity
from apps.performance.domain.units import amount_round, format_value
from apps.performance.models import Measure, Observation, Priority
from apps.performance.selectors import target_text

INDICATOR_TWICE = "{where}: the indicator “{name}” is already read from {first}"
NEW_PRIORITY_TITLE = "Measures from {name}"
TARGET_NEEDS_POLARITY = (
    "target kept as printed: say which way is better for SaferPlan to rate against it"
)

FigureStatus = Literal["new", "same", "conflict"]


@dataclass
class FigurePlan:
    figure: FigureRead
    status: FigureStatus
    held: Observation | None = None
    key: str = ""  # names a conflict in the form: the measure and the period's first day

    @property
    def held_text(self) -> str:
        return "" if self.held is None else format_value(self.held.value, self.held.measure.unit)


@dataclass
class PriorityPlan:
    """Where a new measure goes: a priority of the partnership, or one to create."""

    code: str
    title: str
    priority: Priority | None = None  # None: created by the import
    fallback: bool = False  # for rows that name no priority, when none was chosen

    @property
    def label(self) -> str:
        return f"{self.code}. {self.title}" if self.code else self.title


@dataclass
class MeasurePlan:
    table: IndicatorTable
    row: IndicatorRow
    measure: Measure | None  # the partnership's measure of the same name, if any
    priority: PriorityPlan | None  # for a new measure
    polarity: str
    target_kind: str
    changes: list[str] = field(default_factory=list)  # to an existing measure's set-up
    comment: str | None = None  # the notes, when they change the measure's comment
    figures: list[FigurePlan] = field(default_factory=list)
    cautions: list[str] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        return self.measure is None

    def of(self, status: FigureStatus) -> list[FigurePlan]:
        return [plan for plan in self.figures if plan.status == status]

    @property
    def added(self) -> list[FigurePlan]:
        return self.of("new")

    @property
    def conflicts(self) -> list[FigurePlan]:
        return self.of("conflict")

    @property
    def same(self) -> list[FigurePlan]:
        return self.of("same")


@dataclass
class IndicatorPreview:
    measures: list[MeasurePlan]
    new_priorities: list[PriorityPlan]  # named by the rows or sections
    problems: list[str]
    fallback: PriorityPlan | None = None  # for rows naming none, unless a priority is chosen

    @property
    def created(self) -> list[MeasurePlan]:
        return [plan for plan in self.measures if plan.is_new]

    @property
    def updated(self) -> list[MeasurePlan]:
        return [plan for plan in self.measures if not plan.is_new]

    @property
    def figures_added(self) -> int:
        return sum(len(plan.added) for plan in self.measures)

    @property
    def conflicts(self) -> list[tuple[MeasurePlan, FigurePlan]]:
        return [(plan, figure) for plan in self.measures for figure in plan.conflicts]


def indicator_upload_detail() -> QuerySet[DocumentUpload]:
    """Uploads of performance reports, with the partnership their pages name."""
    return DocumentUpload.objects.filter(purpose=DocumentUpload.Purpose.INDICATORS).select_related(
        "partnership"
    )


def priorities_for_choice(*, partnership: Partnership) -> list[Priority]:
    """The partnership's priorities, to choose where new measures go."""
    return list(partnership.priorities.order_by("code"))


def indicator_choices_remembered(*, partnership: Partnership) -> dict[str, list[str]]:
    """The partnership's earlier column choices for indicator tables, by header signature."""
    rows = ColumnChoice.objects.filter(
        partnership=partnership, signature__startswith=SIGNATURE_PREFIX
    ).values_list("signature", "uses")
    return {signature: [str(use) for use in uses] for signature, uses in rows}


def indicator_upload_reading(*, upload: DocumentUpload) -> IndicatorReading:
    """Read the kept report with the choices made on it and the partnership's remembered
    ones, exactly as the import will. ImportFormatError if the readers no longer read it."""
    choices = IndicatorChoices.from_json(upload.choices)
    return indicators_read(
        upload_document(upload=upload),
        uses=choices.uses,
        skip=choices.skip,
        years=choices.years,
        remembered=indicator_choices_remembered(partnership=upload.partnership),
    )


def conflict_key(measure: Measure, figure: FigureRead) -> str:
    assert figure.start_date is not None
    return f"m{measure.pk}-{figure.start_date.isoformat()}"


def name_key(name: str) -> str:
    """Measures are matched by name, whatever the case and spacing."""
    return text_key(name)


class _Priorities:
    """The partnership's priorities by code and title, and those the import would add."""

    def __init__(self, priorities: list[Priority], default: Priority | None, name: str) -> None:
        self.by_code = {p.code.upper(): p for p in priorities}
        self.by_title = {name_key(p.title): p for p in priorities}
        self.new: dict[str, PriorityPlan] = {}
        self.default = default
        self.document_name = name
        self.fallback: PriorityPlan | None = None

    def _free_code(self) -> str:
        planned = [*self.new.values(), *([self.fallback] if self.fallback else [])]
        taken = set(self.by_code) | {plan.code.upper() for plan in planned}
        number = 1
        while str(number) in taken:
            number += 1
        return str(number)

    def plan_for(self, printed: str) -> PriorityPlan:
        if not printed.strip():
            if self.default is not None:
                return PriorityPlan(self.default.code, self.default.title, self.default)
            if self.fallback is None:
                title = NEW_PRIORITY_TITLE.format(name=self.document_name)[:300]
                self.fallback = PriorityPlan(self._free_code(), title, fallback=True)
            return self.fallback
        code, title = section_code(printed)
        found = self.by_code.get(code.upper()) if code else None
        found = found or self.by_title.get(name_key(title)) or self.by_title.get(name_key(printed))
        if found is not None:
            return PriorityPlan(found.code, found.title, found)
        key = name_key(title)
        if key not in self.new:
            if not code or code.upper() in self.by_code:
                code = self._free_code()
            self.new[key] = PriorityPlan(code, title[:300])
        return self.new[key]


def _amount_text(value: Decimal | None, unit: str) -> str:
    return format_value(value, unit) if value is not None else "none"


def _polarity_and_target(row: IndicatorRow, measure: Measure | None) -> tuple[str, str, list[str]]:
    """The polarity to save, and the kind of target: a target needs a better direction, so
    without one it is kept as printed only."""
    polarity = row.polarity or (measure.polarity if measure is not None else Polarity.NEITHER)
    kind = row.target_kind
    cautions = []
    if kind and polarity == Polarity.NEITHER:
        kind = ""
        cautions.append(TARGET_NEEDS_POLARITY)
    return polarity, kind, cautions


def _comment(row: IndicatorRow) -> str:
    if len(row.notes) == 1:
        return row.notes[0][1]
    return "\n".join(f"{heading}: {text}" for heading, text in row.notes)


def _changes(plan: MeasurePlan) -> None:
    measure, row = plan.measure, plan.row
    assert measure is not None
    unit = measure.unit
    if row.baseline is not None and amount_round(row.baseline) != measure.baseline_value:
        before, after = _amount_text(measure.baseline_value, unit), _amount_text(row.baseline, unit)
        plan.changes.append(f"Baseline: {before} → {after}")
    if row.target_text and row.target_text != measure.target_text:
        amount = row.target if plan.target_kind == TargetKind.VALUE else row.target_percent
        same = (
            plan.target_kind == measure.target_kind and amount_round(amount) == measure.target_value
            if plan.target_kind
            else False
        )
        if not same:
            plan.changes.append(f"Target: {target_text(measure)} → {row.target_text}")
    if row.polarity is not None and row.polarity != measure.polarity:
        before_words = measure.get_polarity_display()
        after_words = dict(Measure._meta.get_field("polarity").flatchoices)[row.polarity]
        plan.changes.append(f"Which way is better: {before_words} → {after_words}")
    if row.code and not measure.code:
        plan.changes.append(f"Number: {row.code}")
    comment = _comment(row)
    if comment and comment != measure.comment:
        plan.comment = comment
        plan.changes.append("Comment replaced by the report's")


def _figures(plan: MeasurePlan, held: dict[date, Observation]) -> None:
    for figure in plan.row.present_figures:
        assert figure.value is not None
        assert figure.start_date is not None
        observation = held.get(figure.start_date)
        if observation is None or plan.measure is None:
            plan.figures.append(FigurePlan(figure, "new"))
        elif amount_round(figure.value) == observation.value:
            plan.figures.append(FigurePlan(figure, "same", observation))
        else:
            key = conflict_key(plan.measure, figure)
            plan.figures.append(FigurePlan(figure, "conflict", observation, key))


def indicators_preview(
    *, partnership: Partnership, reading: IndicatorReading, priority: Priority | None = None
) -> IndicatorPreview:
    """The plan for every indicator of the chosen tables. New measures go under the priority
    their row or section names (matched by code or title, else created), else ``priority``,
    else a new priority named after the document. Three queries, however many indicators."""
    priorities = list(partnership.priorities.all())
    measures = list(
        Measure.objects.filter(priority__partnership=partnership)
        .order_by("priority__code", "position", "pk")
        .prefetch_related(Prefetch("observations", queryset=Observation.objects.all()))
    )
    by_name: dict[str, Measure] = {}
    for each in measures:
        by_name.setdefault(name_key(each.title), each)
    places = _Priorities(priorities, priority, reading.name)
    plans: list[MeasurePlan] = []
    problems: list[str] = []
    first_seen: dict[str, IndicatorRow] = {}
    for table in reading.tables_read:
        for row in table.indicators:
            key = name_key(row.name)
            if key in first_seen:
                first = first_seen[key].where
                problems.append(INDICATOR_TWICE.format(where=row.where, name=row.name, first=first))
                continue
            first_seen[key] = row
            measure = by_name.get(key)
            polarity, kind, cautions = _polarity_and_target(row, measure)
            plan = MeasurePlan(
                table=table,
                row=row,
                measure=measure,
                priority=None if measure is not None else places.plan_for(row.priority),
                polarity=polarity,
                target_kind=kind,
                cautions=cautions,
            )
            held: dict[date, Observation] = {}
            if measure is not None:
                _changes(plan)
                held = {o.period_start: o for o in measure.observations.all()}
                for observation in held.values():
                    observation.measure = measure  # for its unit, without a query
            else:
                plan.comment = _comment(row) or None
            _figures(plan, held)
            plans.append(plan)
    return IndicatorPreview(
        measures=plans,
        new_priorities=list(places.new.values()),
        problems=problems,
        fallback=places.fallback,
    )


def target_kind_words(kind: str) -> str:
    return {
        TargetKind.VALUE.value: "a value to reach",
        TargetKind.CHANGE_FROM_BASELINE.value: "a change on the baseline",
        TargetKind.DIRECTION.value: "a direction of travel",
        TargetKind.COMPARATOR.value: "better than a comparator",
    }.get(kind, "no target SaferPlan can rate against")
