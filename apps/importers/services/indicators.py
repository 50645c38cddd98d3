"""Bringing a performance report's indicators in: the partnership's measures created or updated
and their figures added, all through the performance services, all of it or none of it.

A figure already recorded with the same value is left alone; a different value for a recorded
period is a conflict, changed only when the manager ticks it. Every problem names the row and
column it comes from.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.importers.domain.tables.indicators import (
    FigureRead,
    IndicatorReading,
    IndicatorRow,
)
from apps.importers.models import ColumnChoice, DocumentUpload
from apps.importers.selectors.indicators import (
    FigurePlan,
    IndicatorPreview,
    MeasurePlan,
    PriorityPlan,
    indicators_preview,
)
from apps.importers.services.documents import column_choice_remember
from apps.partnerships.models import Partnership
from apps.performance.domain.rag import TargetKind
from apps.performance.domain.trend import Polarity
from apps.performance.models import Measure, Priority
from apps.performance.services import (
    Figure,
    measure_save,
    measure_settings_save,
    observations_add_many,
    priority_save,
)
from apps.performance.services.observations import observation_fill

NOTHING_TO_IMPORT = "The document has no indicators to import: choose a column for the indicators"
ALREADY_IMPORTED = "This report has already been imported. Upload it again to import it anew."
PRIORITY_NOT_IN_PARTNERSHIP = "Choose one of this partnership's priorities"
ROW_PROBLEM = "{where}: {message}"
CELL_PROBLEM = "{where}, column {column}: {message}"


@dataclass
class IndicatorResult:
    created: list[Measure] = field(default_factory=list)
    updated: list[Measure] = field(default_factory=list)
    priorities_created: list[Priority] = field(default_factory=list)
    figures_added: int = 0
    figures_replaced: int = 0
    figures_unchanged: int = 0
    conflicts_left: int = 0


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [m for messages in error.message_dict.values() for m in messages]
    return list(error.messages)


def _figure_note(row: IndicatorRow, figure: FigureRead, latest: bool) -> str:
    """The RAG and direction of travel the report gives are as at its latest figure."""
    parts = [figure.note] if figure.note else []
    if latest and row.rag:
        parts.append(f"RAG in the report: {row.rag}")
    if latest and row.direction:
        parts.append(f"Direction of travel in the report: {row.direction}")
    return ". ".join(parts)


def _measure_fields(plan: MeasurePlan, measure: Measure | None) -> dict[str, Any]:
    """The measure's set-up with what the row gives in place of what it held."""
    row = plan.row
    if measure is None:
        fields: dict[str, Any] = {
            "code": row.code[:10],
            "title": row.name[:300],
            "unit": row.unit,
            "frequency": row.frequency,
            "baseline_value": None,
            "baseline_label": "",
            "target_kind": "",
            "target_value": None,
            "target_percent": None,
            "target_due": None,
            "target_comparator_name": "",
            "target_text": "",
        }
    else:
        held_kind = measure.target_kind
        fields = {
            "code": measure.code or row.code[:10],
            "title": measure.title,
            "unit": measure.unit,
            "frequency": measure.frequency,
            "baseline_value": measure.baseline_value,
            "baseline_label": measure.baseline_label,
            "target_kind": held_kind,
            "target_value": measure.target_value if held_kind == TargetKind.VALUE else None,
            "target_percent": measure.target_value
            if held_kind == TargetKind.CHANGE_FROM_BASELINE
            else None,
            "target_due": measure.target_due,
            "target_comparator_name": measure.target_comparator_name,
            "target_text": measure.target_text,
            "amber_band_percent": measure.amber_band_percent,
            "slight_worsening_percent": measure.slight_worsening_percent,
        }
    fields["polarity"] = plan.polarity
    if row.baseline is not None:
        fields["baseline_value"] = row.baseline
        fields["baseline_label"] = row.baseline_label[:200]
    elif row.baseline_label and measure is None:
        fields["baseline_label"] = row.baseline_label[:200]
    if row.target_text:
        fields["target_text"] = row.target_text[:300]
        if plan.target_kind or measure is None:
            fields["target_kind"] = plan.target_kind
            fields["target_value"] = row.target
            fields["target_percent"] = row.target_percent
    return fields


class _Import:
    def __init__(self, *, user: User | None, ticked: Collection[str]) -> None:
        self.user = user
        self.ticked = set(ticked)
        self.result = IndicatorResult()
        self.priorities: dict[int, Priority] = {}  # by id() of the PriorityPlan
        self.problems: list[str] = []

    def priority(self, plan: PriorityPlan, partnership: Partnership) -> Priority:
        if plan.priority is not None:
            return plan.priority
        if id(plan) not in self.priorities:
            made = priority_save(
                partnership=partnership, code=plan.code, title=plan.title, user=self.user
            )
            self.priorities[id(plan)] = made
            self.result.priorities_created.append(made)
        return self.priorities[id(plan)]

    def _cell(self, row: IndicatorRow, figure: FigureRead, error: ValidationError) -> None:
        column = figure.heading or str(figure.column + 1)
        self.problems += [
            CELL_PROBLEM.format(where=row.where, column=column, message=message)
            for message in _messages(error)
        ]

    def figures(self, plan: MeasurePlan, measure: Measure) -> None:
        row = plan.row
        present = row.present_figures
        latest = present[-1] if present else None
        for figure_plan in plan.figures:
            figure = figure_plan.figure
            assert figure.value is not None
            note = _figure_note(row, figure, figure is latest)
            try:
                if figure_plan.status == "new":
                    figure_to_add = Figure(
                        period_label=figure.period_label,
                        period_start=figure.start_date,
                        value=figure.value,
                        target_value=figure.target,
                        note=note,
                    )
                    observations_add_many(measure=measure, figures=[figure_to_add], user=self.user)
                    self.result.figures_added += 1
                elif figure_plan.status == "same":
                    self.result.figures_unchanged += 1
                elif figure_plan.key in self.ticked:
                    self._replace(figure_plan, figure, note)
                else:
                    self.result.conflicts_left += 1
            except ValidationError as error:
                self._cell(row, figure, error)

    def _replace(self, figure_plan: FigurePlan, figure: FigureRead, note: str) -> None:
        held = figure_plan.held
        assert held is not None and figure.value is not None
        observation_fill(
            observation=held,
            period_label=held.period_label,
            period_start=held.period_start,
            value=figure.value,
            comparator_value=held.comparator_value,
            target_value=figure.target if figure.target is not None else held.target_value,
            numerator=held.numerator,
            denominator=held.denominator,
            note=note or held.note,
            user=self.user,
        )
        self.result.figures_replaced += 1

    def measure(self, plan: MeasurePlan, partnership: Partnership) -> None:
        row = plan.row
        existing = plan.measure
        if existing is None:
            assert plan.priority is not None
            priority = self.priority(plan.priority, partnership)
        else:
            priority = existing.priority
        fields = _measure_fields(plan, existing)
        # A target of each period's own, with no level for the year, is set once the figures
        # are in (measure_save checks the figures carry it), as the set-up pages do.
        period_targets = (
            not row.target_text
            and plan.polarity != Polarity.NEITHER
            and any(f.target is not None for f in row.figures)
            and not (existing is not None and existing.target_kind)
        )
        if existing is None or plan.changes or period_targets:
            try:
                measure = measure_save(
                    priority=priority, measure=existing, user=self.user, **fields
                )
            except ValidationError as error:
                self.problems += [
                    ROW_PROBLEM.format(where=row.where, message=m) for m in _messages(error)
                ]
                return
        else:
            measure = existing
        if plan.comment:
            measure_settings_save(
                measure=measure,
                spc_baseline_points=measure.spc_baseline_points,
                comment=plan.comment,
                user=self.user,
            )
        self.figures(plan, measure)
        if period_targets:
            fields["target_kind"] = TargetKind.VALUE.value
            measure_save(priority=priority, measure=measure, user=self.user, **fields)
        (self.result.created if existing is None else self.result.updated).append(measure)


@transaction.atomic
def indicators_import(
    *,
    partnership: Partnership,
    reading: IndicatorReading,
    user: User | None,
    ticked: Collection[str] = (),
    priority: Priority | None = None,
) -> IndicatorResult:
    """Create or update the measures of every chosen table, with their figures, or nothing.

    ``ticked`` names the conflicts (``FigurePlan.key``) whose figure in the report replaces the
    one held; ``priority`` receives new measures whose row names no priority of its own.
    ``user`` is None from the command line. Raises ValidationError listing every problem.
    """
    if priority is not None and priority.partnership_id != partnership.pk:
        raise ValidationError({"priority": PRIORITY_NOT_IN_PARTNERSHIP})
    if reading.problems:
        raise ValidationError(reading.problems)
    preview: IndicatorPreview = indicators_preview(
        partnership=partnership, reading=reading, priority=priority
    )
    if preview.problems:
        raise ValidationError(preview.problems)
    if not preview.measures:
        raise ValidationError(NOTHING_TO_IMPORT)
    work = _Import(user=user, ticked=ticked)
    for plan in preview.measures:
        work.measure(plan, partnership)
    if work.problems:
        raise ValidationError(work.problems)  # the transaction rolls back: nothing is kept
    return work.result


def indicator_choices_remember(
    *, partnership: Partnership, reading: IndicatorReading, user: User | None
) -> list[ColumnChoice]:
    """Remember how each table that gave indicators was read, by its headings, so next
    quarter's copy of the same report needs no choices."""
    return [
        column_choice_remember(
            partnership=partnership,
            signature=table.signature,
            headings=table.headings,
            uses=table.uses,
            user=user,
        )
        for table in reading.tables_read
        if table.indicators
    ]


@transaction.atomic
def indicator_upload_import(
    *,
    upload: DocumentUpload,
    reading: IndicatorReading,
    user: User,
    ticked: Collection[str] = (),
    priority: Priority | None = None,
) -> IndicatorResult:
    """Import a kept report once: a second confirmation (a double click, a reloaded page) is
    refused rather than adding the figures twice."""
    upload = DocumentUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.imported_at is not None:
        raise ValidationError(ALREADY_IMPORTED)
    result = indicators_import(
        partnership=upload.partnership, reading=reading, user=user, ticked=ticked, priority=priority
    )
    indicator_choices_remember(partnership=upload.partnership, reading=reading, user=user)
    upload.imported_at = timezone.now()
    upload.save(update_fields=["imported_at"])
    return result
