"""Writes that set up a performance framework: priorities, their alignments and measures.

Kept apart from services.py (figures and narratives) so each stays readable. Every check the
forms make is repeated here in words an officer can act on, each against the field at fault,
so a command or a test calling a service gets the same answers as the pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from apps.core.history import history_user_set
from apps.partnerships.models import Organisation, Partnership
from apps.performance.models import Measure, Priority, PriorityAlignment
from apps.performance.rag import TargetKind
from apps.performance.trend import Polarity
from apps.plans.models import Action, Objective

CODE_MISSING = "Enter the priority's code, for example A"
CODE_TAKEN = "There is already a priority {code} in this partnership: choose another code"
TITLE_MISSING = "Enter the title"
SPONSOR_NOT_IN_PARTNERSHIP = "Choose a sponsor agency from this partnership's organisations"
OBJECTIVE_NOT_IN_PARTNERSHIP = "Choose objectives from this partnership's own plans"
ACTION_NOT_IN_PARTNERSHIP = "Choose actions from this partnership's own plans"
OTHER_PLAN_MISSING = "Enter the other plan's name, for example Police and Crime Plan"
OTHER_PRIORITY_MISSING = "Enter the other plan's priority that this one lines up with"
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
TOLERANCE_NEGATIVE = "Tolerances cannot be negative"
TOO_LARGE = "The number is too large"
LIMIT = Decimal("9999999999")


def _text(value: str | None) -> str:
    return (value or "").strip()


def _check_links(
    partnership: Partnership,
    sponsor: Organisation | None,
    objectives: Iterable[Objective],
    actions: Iterable[Action],
) -> dict[str, str]:
    errors = {}
    if sponsor is not None and sponsor.partnership_id != partnership.pk:
        errors["sponsor_organisation"] = SPONSOR_NOT_IN_PARTNERSHIP
    objective_ids = [o.pk for o in objectives]
    found = Objective.objects.filter(pk__in=objective_ids, theme__plan__partnership=partnership)
    if found.count() != len(set(objective_ids)):
        errors["plan_objectives"] = OBJECTIVE_NOT_IN_PARTNERSHIP
    action_ids = [a.pk for a in actions]
    found_actions = Action.objects.filter(
        pk__in=action_ids, objective__theme__plan__partnership=partnership
    )
    if found_actions.count() != len(set(action_ids)):
        errors["plan_actions"] = ACTION_NOT_IN_PARTNERSHIP
    return errors


@transaction.atomic
def priority_save(
    *,
    partnership: Partnership,
    user: Any,
    priority: Priority | None = None,
    code: str,
    title: str,
    sponsor_organisation: Organisation | None = None,
    sponsor_name: str = "",
    lead_officer: str = "",
    why: str = "",
    objectives: str = "",
    plan_objectives: Iterable[Objective] = (),
    plan_actions: Iterable[Action] = (),
) -> Priority:
    """Create a priority, or change one, with its links to the partnership's plans. The code
    must be unique in the partnership because pages and reports name priorities by it."""
    plan_objectives, plan_actions = list(plan_objectives), list(plan_actions)
    code, title = _text(code), _text(title)
    errors = _check_links(partnership, sponsor_organisation, plan_objectives, plan_actions)
    if not code:
        errors["code"] = CODE_MISSING
    else:
        taken = Priority.objects.filter(partnership=partnership, code__iexact=code)
        if priority is not None:
            taken = taken.exclude(pk=priority.pk)
        if taken.exists():
            errors["code"] = CODE_TAKEN.format(code=code)
    if not title:
        errors["title"] = TITLE_MISSING
    if errors:
        raise ValidationError(errors)
    priority = priority or Priority(partnership=partnership)
    priority.code, priority.title = code, title
    priority.sponsor_organisation = sponsor_organisation
    priority.sponsor_name = _text(sponsor_name)
    priority.lead_officer = _text(lead_officer)
    priority.why, priority.objectives = _text(why), _text(objectives)
    history_user_set(priority, user)
    priority.save()
    priority.plan_objectives.set(plan_objectives)
    priority.plan_actions.set(plan_actions)
    return priority


def alignment_save(
    *,
    priority: Priority,
    user: Any,
    alignment: PriorityAlignment | None = None,
    our_wording: str = "",
    other_plan: str,
    other_priority: str,
    comment: str = "",
) -> PriorityAlignment:
    """Add a row to the priority's alignment table (at the end), or change one."""
    errors = {}
    if not _text(other_plan):
        errors["other_plan"] = OTHER_PLAN_MISSING
    if not _text(other_priority):
        errors["other_priority"] = OTHER_PRIORITY_MISSING
    if errors:
        raise ValidationError(errors)
    if alignment is None:
        last = priority.alignments.aggregate(last=Max("position"))["last"]
        alignment = PriorityAlignment(priority=priority, position=(last or 0) + 1)
    alignment.our_wording, alignment.comment = _text(our_wording), _text(comment)
    alignment.other_plan, alignment.other_priority = _text(other_plan), _text(other_priority)
    history_user_set(alignment, user)
    alignment.save()
    return alignment


def alignment_remove(*, alignment: PriorityAlignment, user: Any) -> None:
    """Remove a row; its history keeps what it said and who removed it."""
    history_user_set(alignment, user)
    alignment.delete()


def _check_numbers(fields: dict[str, Any]) -> dict[str, str]:
    errors = {}
    for name in ("baseline_value", "target_value", "target_percent"):
        if fields.get(name) is not None and abs(fields[name]) > LIMIT:
            errors[name] = TOO_LARGE
    for name in ("amber_band_percent", "slight_worsening_percent"):
        if fields.get(name) is None:
            errors[name] = TOLERANCE_MISSING
        elif fields[name] < 0:
            errors[name] = TOLERANCE_NEGATIVE
        elif fields[name] > 1000:
            errors[name] = TOO_LARGE
    return errors


def _has_period_targets(measure: Measure | None) -> bool:
    if measure is None:
        return False
    return measure.observations.filter(target_value__isnull=False).exists()


def _check_target(fields: dict[str, Any]) -> dict[str, str]:
    """What each kind of target needs, as rag.Target needs it to rate the measure. A value
    target may go without a level when each period's figure has its own (Norfolk's quarterly
    targets), since the rating then uses those."""
    kind, errors = fields["target_kind"], {}
    if kind and fields["polarity"] == Polarity.NEITHER:
        errors["polarity"] = POLARITY_FOR_TARGET
    if (
        kind == TargetKind.VALUE
        and fields.get("target_value") is None
        and not _has_period_targets(fields["measure"])
    ):
        errors["target_value"] = TARGET_VALUE_MISSING
    if kind == TargetKind.CHANGE_FROM_BASELINE:
        percent = fields.get("target_percent")
        if percent is None:
            errors["target_percent"] = TARGET_PERCENT_MISSING
        elif percent <= 0:
            errors["target_percent"] = TARGET_PERCENT_NOT_POSITIVE
        if fields.get("baseline_value") is None:
            errors["baseline_value"] = BASELINE_FOR_CHANGE
        elif fields["baseline_value"] == 0:
            errors["baseline_value"] = BASELINE_ZERO_FOR_CHANGE
    if kind == TargetKind.COMPARATOR and not _text(fields.get("target_comparator_name")):
        errors["target_comparator_name"] = COMPARATOR_MISSING
    return errors


@transaction.atomic
def measure_save(
    *,
    priority: Priority,
    user: Any,
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
) -> Measure:
    """Create a measure at the end of the priority, or change one. `target_value` is the level
    to reach (a VALUE target); `target_percent` the change wanted on the baseline (10 for 10%);
    whether that is a reduction or an increase, or below or above the comparator, follows the
    polarity. Fields a kind does not use are cleared so nothing stale is shown or rated."""
    fields = dict(locals())
    errors: dict[str, str] = {}
    if not _text(title):
        errors["title"] = TITLE_MISSING
    for name, choices in (
        ("unit", Measure.Unit.values),
        ("polarity", [p.value for p in Polarity]),
        ("frequency", Measure.Frequency.values),
        ("target_kind", ["", *(k.value for k in TargetKind)]),
    ):
        if fields[name] not in choices:
            errors[name] = CHOICE_INVALID
    if not errors:
        errors.update(_check_target(fields))
    errors.update(_check_numbers(fields))
    if errors:
        raise ValidationError(errors)
    kind = target_kind
    if measure is None:
        last = priority.measures.aggregate(last=Max("position"))["last"]
        measure = Measure(priority=priority, position=(last or 0) + 1)
    measure.code, measure.title = _text(code), _text(title)
    measure.unit, measure.polarity, measure.frequency = unit, polarity, frequency
    measure.baseline_value, measure.baseline_label = baseline_value, _text(baseline_label)
    measure.target_kind = kind
    measure.target_value = (
        target_value
        if kind == TargetKind.VALUE
        else target_percent
        if kind == TargetKind.CHANGE_FROM_BASELINE
        else None
    )
    has_date = kind in (TargetKind.VALUE, TargetKind.CHANGE_FROM_BASELINE)
    measure.target_due = target_due if has_date else None
    comparator = _text(target_comparator_name) if kind == TargetKind.COMPARATOR else ""
    measure.target_comparator_name = comparator
    measure.target_text = _text(target_text)
    assert amber_band_percent is not None and slight_worsening_percent is not None
    measure.amber_band_percent = amber_band_percent
    measure.slight_worsening_percent = slight_worsening_percent
    history_user_set(measure, user)
    measure.save()
    return measure
