"""Writes for a priority's measures: what is measured and its target (set-up), and the analyst's
comment, RAG tolerances and chart settings. Each kind of target is checked for what it needs,
against the field at fault, so a command or a test gets the same answers as the pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.history import history_user_set
from apps.performance.domain.rag import TOLERANCE_NEGATIVE, TargetKind
from apps.performance.domain.trend import Polarity
from apps.performance.domain.units import AMOUNT_LIMIT, TOO_LARGE, amount_round
from apps.performance.models import Measure, Priority
from apps.performance.services.priorities import TITLE_MISSING, position_after_last

CHOICE_INVALID = "Choose one of the options"
POLARITY_FOR_TARGET = (
    "A target needs a better direction: choose higher or lower is better, or choose no target"
)
TARGET_VALUE_MISSING = (
    "Enter the value to reach, for example 125 (it may be left blank only when the figures "
    "already carry each period's own target)"
)
TARGET_PERCENT_MISSING = "Enter the change wanted as a percentage, for example 10"
TARGET_PERCENT_NOT_POSITIVE = "Enter the change wanted as a percentage greater than zero"
BASELINE_FOR_CHANGE = "A percentage change target needs a baseline: enter the baseline value"
BASELINE_ZERO_FOR_CHANGE = "A percentage change cannot be measured from a baseline of zero"
COMPARATOR_MISSING = "Enter what the measure is compared with, for example the national rate"
TOLERANCE_MISSING = "Enter the tolerance as a percentage, for example 5"
TOLERANCE_LIMIT = Decimal(1000)
TOLERANCE_PLACES = 2
BASELINE_TOO_SHORT = "Fix the limits after at least 12 points, or leave it blank"
BASELINE_POINTS_FEWEST = 12
REBASE_UNKNOWN = "There is no figure for {label}: name periods that have figures"


def _choices_check(*, unit: str, polarity: str, frequency: str, target_kind: str) -> dict[str, str]:
    errors = {}
    for name, value, choices in (
        ("unit", unit, Measure.Unit.values),
        ("polarity", polarity, [p.value for p in Polarity]),
        ("frequency", frequency, Measure.Frequency.values),
        ("target_kind", target_kind, ["", *(k.value for k in TargetKind)]),
    ):
        if value not in choices:
            errors[name] = CHOICE_INVALID
    return errors


def _has_period_targets(measure: Measure | None) -> bool:
    if measure is None:
        return False
    return measure.observations.filter(target_value__isnull=False).exists()


def _target_check(
    *,
    measure: Measure | None,
    polarity: str,
    target_kind: str,
    target_value: Decimal | None,
    target_percent: Decimal | None,
    baseline_value: Decimal | None,
    target_comparator_name: str,
) -> dict[str, str]:
    """What each kind of target needs, as rag.Target needs it to rate the measure. A value
    target may go without a level when each period's figure has its own (Norfolk's quarterly
    targets), since the rating then uses those."""
    errors = {}
    if target_kind and polarity == Polarity.NEITHER:
        errors["polarity"] = POLARITY_FOR_TARGET
    if (
        target_kind == TargetKind.VALUE
        and target_value is None
        and not _has_period_targets(measure)
    ):
        errors["target_value"] = TARGET_VALUE_MISSING
    if target_kind == TargetKind.CHANGE_FROM_BASELINE:
        if target_percent is None:
            errors["target_percent"] = TARGET_PERCENT_MISSING
        elif target_percent <= 0:
            errors["target_percent"] = TARGET_PERCENT_NOT_POSITIVE
        if baseline_value is None:
            errors["baseline_value"] = BASELINE_FOR_CHANGE
        elif baseline_value == 0:
            errors["baseline_value"] = BASELINE_ZERO_FOR_CHANGE
    if target_kind == TargetKind.COMPARATOR and not target_comparator_name.strip():
        errors["target_comparator_name"] = COMPARATOR_MISSING
    return errors


def _numbers_check(
    *,
    amounts: dict[str, Decimal | None],
    tolerances: dict[str, Decimal | None],
) -> dict[str, str]:
    errors = {}
    for name, amount in amounts.items():
        if amount is not None and abs(amount) > AMOUNT_LIMIT:
            errors[name] = TOO_LARGE
    for name, tolerance in tolerances.items():
        if tolerance is None:
            errors[name] = TOLERANCE_MISSING
        elif tolerance < 0:
            errors[name] = TOLERANCE_NEGATIVE
        elif tolerance > TOLERANCE_LIMIT:
            errors[name] = TOO_LARGE
    return errors


@transaction.atomic
def measure_save(
    *,
    priority: Priority,
    measure: Measure | None = None,
    code: str = "",
    title: str,
    unit: str,
    polarity: str,
    frequency: str,
    baseline_value: Decimal | None = None,
    baseline_label: str = "",
    target_kind: str = "",
    target_value: Decimal | None = None,
    target_percent: Decimal | None = None,
    target_due: date | None = None,
    target_comparator_name: str = "",
    target_text: str = "",
    amber_band_percent: Decimal | None = Decimal(5),
    slight_worsening_percent: Decimal | None = Decimal(5),
    user: User | None,
) -> Measure:
    """Create a measure at the end of the priority, or change one. `target_value` is the level
    to reach (a VALUE target); `target_percent` the change wanted on the baseline (10 for 10%);
    whether that is a reduction or an increase, or below or above the comparator, follows the
    polarity. Fields a kind does not use are cleared so nothing stale is shown or rated."""
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = TITLE_MISSING
    errors.update(
        _choices_check(unit=unit, polarity=polarity, frequency=frequency, target_kind=target_kind)
    )
    if not errors:
        errors.update(
            _target_check(
                measure=measure,
                polarity=polarity,
                target_kind=target_kind,
                target_value=target_value,
                target_percent=target_percent,
                baseline_value=baseline_value,
                target_comparator_name=target_comparator_name,
            )
        )
    errors.update(
        _numbers_check(
            amounts={
                "baseline_value": baseline_value,
                "target_value": target_value,
                "target_percent": target_percent,
            },
            tolerances={
                "amber_band_percent": amber_band_percent,
                "slight_worsening_percent": slight_worsening_percent,
            },
        )
    )
    if errors:
        raise ValidationError(errors)
    assert amber_band_percent is not None and slight_worsening_percent is not None
    kind = target_kind
    if measure is None:
        position = position_after_last(priority.measures.all())
        measure = Measure(priority=priority, position=position)
    measure.code, measure.title = code.strip(), title.strip()
    measure.unit, measure.polarity, measure.frequency = unit, polarity, frequency
    measure.baseline_value = amount_round(baseline_value)
    measure.baseline_label = baseline_label.strip()
    measure.target_kind = kind
    measure.target_value = amount_round(
        target_value
        if kind == TargetKind.VALUE
        else target_percent
        if kind == TargetKind.CHANGE_FROM_BASELINE
        else None
    )
    has_date = kind in (TargetKind.VALUE, TargetKind.CHANGE_FROM_BASELINE)
    measure.target_due = target_due if has_date else None
    comparator = target_comparator_name.strip() if kind == TargetKind.COMPARATOR else ""
    measure.target_comparator_name = comparator
    measure.target_text = target_text.strip()
    measure.amber_band_percent = amount_round(amber_band_percent, TOLERANCE_PLACES)
    measure.slight_worsening_percent = amount_round(slight_worsening_percent, TOLERANCE_PLACES)
    history_user_set(measure, user)
    measure.full_clean()
    measure.save()
    return measure


def measure_settings_save(
    *,
    measure: Measure,
    spc_baseline_points: int | None,
    comment: str | None = None,
    amber_band_percent: Decimal | None = None,
    slight_worsening_percent: Decimal | None = None,
    spc_run_length: int | None = None,
    spc_two_of_three_counts_beyond_limits: bool | None = None,
    spc_rebase_periods: str | None = None,
    user: User | None = None,
) -> Measure:
    """The analyst's comment, RAG tolerances and chart settings; a setting given as None is left
    as it is (`spc_baseline_points` None uses every point). Rebase periods must name periods
    that have figures, so the chart never fails on a typing slip."""
    errors: dict[str, str] = {}
    if spc_baseline_points is not None and spc_baseline_points < BASELINE_POINTS_FEWEST:
        errors["spc_baseline_points"] = BASELINE_TOO_SHORT
    for name, tolerance in (
        ("amber_band_percent", amber_band_percent),
        ("slight_worsening_percent", slight_worsening_percent),
    ):
        if tolerance is not None and tolerance < 0:
            errors[name] = TOLERANCE_NEGATIVE
    labels = [p.strip() for p in (spc_rebase_periods or "").split(",") if p.strip()]
    held = set(measure.observations.values_list("period_label", flat=True))
    unknown = [label for label in labels if label not in held]
    if unknown:
        errors["spc_rebase_periods"] = REBASE_UNKNOWN.format(label=unknown[0])
    if errors:
        raise ValidationError(errors)
    measure.spc_baseline_points = spc_baseline_points
    if comment is not None:
        measure.comment = comment
    if amber_band_percent is not None:
        measure.amber_band_percent = amount_round(amber_band_percent, TOLERANCE_PLACES)
    if slight_worsening_percent is not None:
        measure.slight_worsening_percent = amount_round(slight_worsening_percent, TOLERANCE_PLACES)
    if spc_run_length is not None:
        measure.spc_run_length = spc_run_length
    if spc_two_of_three_counts_beyond_limits is not None:
        measure.spc_two_of_three_counts_beyond_limits = spc_two_of_three_counts_beyond_limits
    if spc_rebase_periods is not None:
        measure.spc_rebase_periods = ", ".join(labels)
    history_user_set(measure, user)
    measure.full_clean()
    measure.save()
    return measure
