"""Writes for one period's figure of a measure; errors are in words an officer can act on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.history import history_user_set
from apps.core.text import text_squash
from apps.performance.domain.periods import parse_period
from apps.performance.domain.units import AMOUNT_LIMIT, TOO_LARGE, amount_round
from apps.performance.models import Measure, Observation

PERIOD_MISSING = "Enter the period, for example Q1 2013/14 or Jan 2019"
PERIOD_TAKEN = "There is already a figure for {label} ({start:%B %Y}): change that one instead"
NEGATIVE_COUNT = "A count cannot be below zero"
DENOMINATOR_ZERO = "The denominator cannot be zero"
NUMERATOR_WITHOUT_DENOMINATOR = "Enter the denominator as well as the numerator, or neither"
PERIOD_START_DIFFERS = "{label} starts on {named}, not on {given}"


@dataclass(frozen=True)
class Figure:
    """One period's figure as a document prints it. `period_start` is needed only for a period
    SaferPlan cannot read, such as a rolling year "Oct 10 to Sep 11"."""

    period_label: str
    value: Decimal
    period_start: date | None = None
    comparator_value: Decimal | None = None
    target_value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    note: str = ""


def period_read(label: str) -> tuple[str, date]:
    """The period as it will be shown (spacing tidied) and the day it starts."""
    label = text_squash(label)
    if not label:
        raise ValidationError({"period_label": PERIOD_MISSING})
    try:
        return label, parse_period(label)
    except ValueError as error:
        raise ValidationError({"period_label": str(error)}) from error


def _figures_check(
    *,
    measure: Measure,
    value: Decimal,
    numerator: Decimal | None,
    denominator: Decimal | None,
) -> None:
    errors = {}
    if abs(value) > AMOUNT_LIMIT:
        errors["value"] = TOO_LARGE
    elif measure.unit == Measure.Unit.COUNT and value < 0:
        errors["value"] = NEGATIVE_COUNT
    if (numerator is None) != (denominator is None):
        errors["denominator"] = NUMERATOR_WITHOUT_DENOMINATOR
    elif denominator is not None and denominator == 0:
        errors["denominator"] = DENOMINATOR_ZERO
    if errors:
        raise ValidationError(errors)


def _period_free(*, measure: Measure, start: date, observation: Observation | None) -> None:
    clash = measure.observations.filter(period_start=start)
    if observation is not None:
        clash = clash.exclude(pk=observation.pk)
    held = clash.first()
    if held is not None:
        raise ValidationError(
            {"period_label": PERIOD_TAKEN.format(label=held.period_label, start=start)}
        )


def observation_fill(
    *,
    observation: Observation,
    period_label: str,
    period_start: date,
    value: Decimal,
    comparator_value: Decimal | None,
    target_value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    note: str,
    user: User | None,
) -> Observation:
    """Check the figures, then validate and save the observation with them (the period is
    already read and free). Shared by the form pages and the CSV import."""
    _figures_check(
        measure=observation.measure, value=value, numerator=numerator, denominator=denominator
    )
    observation.period_label, observation.period_start = period_label, period_start
    observation.value = amount_round(value)
    observation.comparator_value = amount_round(comparator_value)
    observation.target_value = amount_round(target_value)
    observation.numerator = amount_round(numerator)
    observation.denominator = amount_round(denominator)
    observation.note = note
    if user is not None and user.is_authenticated:
        observation.entered_by = user
    observation._change_reason = "entered"  # type: ignore[attr-defined]
    history_user_set(observation, user)
    observation.full_clean()
    observation.save()
    return observation


def observation_add(
    *,
    measure: Measure,
    period_label: str,
    value: Decimal,
    comparator_value: Decimal | None = None,
    target_value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    note: str = "",
    user: User | None,
) -> Observation:
    """Add one period's figure; a period is held once per measure."""
    figure = Figure(
        period_label=period_label,
        value=value,
        comparator_value=comparator_value,
        target_value=target_value,
        numerator=numerator,
        denominator=denominator,
        note=note,
    )
    return observations_add_many(measure=measure, figures=[figure], user=user)[0]


def _figure_period(figure: Figure) -> tuple[str, date]:
    """The figure's period as shown and the day it starts: read from the label, or as given
    when the label is not one SaferPlan reads (a label it reads must name the day given)."""
    if figure.period_start is None:
        return period_read(figure.period_label)
    label = text_squash(figure.period_label)
    if not label:
        raise ValidationError({"period_label": PERIOD_MISSING})
    try:
        named = parse_period(label)
    except ValueError:
        return label, figure.period_start
    if named != figure.period_start:
        given = figure.period_start
        message = PERIOD_START_DIFFERS.format(
            label=label, named=f"{named.day} {named:%B %Y}", given=f"{given.day} {given:%B %Y}"
        )
        raise ValidationError({"period_start": message})
    return label, named


@transaction.atomic
def observations_add_many(
    *, measure: Measure, figures: Sequence[Figure], user: User | None
) -> list[Observation]:
    """Add a series of figures, as transcribed from a document: all of them or none. Each is
    checked as `observation_add` checks one, and a period is held once per measure."""
    added = []
    for figure in figures:
        label, start = _figure_period(figure)
        _period_free(measure=measure, start=start, observation=None)
        added.append(
            observation_fill(
                observation=Observation(measure=measure),
                period_label=label,
                period_start=start,
                value=figure.value,
                comparator_value=figure.comparator_value,
                target_value=figure.target_value,
                numerator=figure.numerator,
                denominator=figure.denominator,
                note=figure.note,
                user=user,
            )
        )
    return added


@transaction.atomic
def observation_edit(
    *,
    observation: Observation,
    period_label: str,
    value: Decimal,
    comparator_value: Decimal | None = None,
    target_value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    note: str = "",
    user: User | None,
) -> Observation:
    """Change a figure, or move it to another period that has none."""
    label, start = period_read(period_label)
    _period_free(measure=observation.measure, start=start, observation=observation)
    return observation_fill(
        observation=observation,
        period_label=label,
        period_start=start,
        value=value,
        comparator_value=comparator_value,
        target_value=target_value,
        numerator=numerator,
        denominator=denominator,
        note=note,
        user=user,
    )
