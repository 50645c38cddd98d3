"""What a partner's tracker would change in a plan that already exists, worked out without
writing anything, so the manager can read it, tick what needs a decision, and confirm.

Each row of the tracker is matched to one of the plan's actions by
``apps.importers.domain.tracker_matching``: by its reference first ("1.2", "1.2." and "(1.2)"
are one reference), then by its wording with the rules edition matching uses. A matched row
may bring a new update, and a status, RAG or by-when different from the plan's; a row
matching nothing becomes a new action when its objective can be found by title.

Conflicts. A cell is a *conflict* when SaferPlan changed that value after the tracker was
saved, so the tracker cannot have seen it: the action's history (django-simple-history) says
when status, RAG and by-when were last changed, and an update added in SaferPlan (by a lead,
a manager or an earlier tracker, so with the user who added it) says when the updates last
changed. The value an action was created with is not a change: it came from the plan's
document or was typed when it was added, and trackers are copies of it. When the tracker
does not say when it was saved (CSV and text files do not), the reference is the last time
the plan took a document (its import or an earlier tracker), and any change SaferPlan made
since then is a conflict; with no such document, any change since the action was created is.
Whatever the dates, a row giving back the very value a SaferPlan change replaced is a conflict
too: its partner never saw the change, and applying it would undo it.
Conflicts, update texts already recorded (*duplicates*) and rows that match nothing are left
alone unless the manager ticks them; everything else is applied.

A fixed number of queries, however many rows the tracker has.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from django.db.models import F, Prefetch
from django.utils import timezone

from apps.core.rag import rag_parse
from apps.core.text import label_key, text_plain
from apps.importers.domain.parsed import ParsedAction, ParsedPlan
from apps.importers.domain.tracker_matching import (
    PlanAction,
    PlanObjective,
    RowMatches,
    TrackerLine,
    match_rows,
)
from apps.importers.domain.trackers import same_by_when, says_something, update_check
from apps.importers.models import DocumentUpload
from apps.partnerships.services import LeadResolver
from apps.plans.models import Action, Objective, Plan, Rating, Status, Update

BY_WHEN_LIMIT = 100  # Action.due_text's length
# Values a reader may give for "the document does not say"
NOT_GIVEN = {None, "", "not_recorded"}

RATING_UNKNOWN = (
    "RAG ‘{found}’ is not one of this plan’s ratings ({choices}), so it is left as it is"
)
STATUS_UNKNOWN = "status ‘{found}’ is not one SaferPlan knows, so it is left as it is"
BY_WHEN_TOO_LONG = (
    "the by-when is longer than {limit} characters, so it is not taken; enter it in SaferPlan"
)
ACTION_RETIRED = "action {number} has been retired, so this row is left alone"
NOTHING_TO_ADD = "it matches no action and has no action text, so nothing is added"
NO_OBJECTIVE = "it matches no action and the plan has no objective to add it to"
CHANGED_IN_SAFERPLAN = "SaferPlan changed it from {before} to {after} on {when}, {tail}"
UPDATED_IN_SAFERPLAN = "SaferPlan recorded an update on {when}, {tail}"
AFTER_SAVING = "after this tracker was saved"
SINCE_LAST_DOCUMENT = (
    "since the plan last took a document on {when}, and this tracker does not say when it was saved"
)
NO_SAVE_DATE = "and this tracker does not say when it was saved"
STILL_SHOWS = "and this tracker still shows {value}"
TICK_TO_APPLY = "; {conflict} — tick to apply"
TICK_TO_ADD = "; {conflict} — tick to add it"
DUPLICATE = "update {text} is already recorded — tick to add it again"
ROW_REPEATED = (
    "it names the same action as row {row}, so it is left alone; put each action’s update in "
    "one row"
)

Kind = Literal["update", "status", "rag", "by_when", "new_action"]


@dataclass
class TrackerChange:
    """One change a row proposes. ``id`` is stable for the same tracker and plan, and names the
    value too, so a tick given on the preview never applies a different value."""

    id: str
    kind: Kind
    row: int
    description: str  # in words, naming the row: "Row 7 (action 2.3): new update ‘…’"
    value: Any  # what would be written: an update's (text, date), a status, a Rating, a by-when
    conflict: str = ""  # why SaferPlan's value may be the newer one, or ""
    duplicate: bool = False
    unmatched: bool = False  # a new action for a row that matched nothing

    @property
    def needs_tick(self) -> bool:
        return bool(self.conflict) or self.duplicate or self.unmatched

    def chosen(self, ticked: set[str]) -> bool:
        """Whether this change is to be applied: always, or only when ticked."""
        return not self.needs_tick or self.id in ticked


@dataclass
class TrackerRow:
    """A row of the tracker and what it was matched to."""

    index: int  # reading order in the tracker, from 0
    row: int  # as the document numbers it
    parsed: ParsedAction
    action: Action | None
    matched_by: str  # "reference", "wording" or "" for none
    reason: str = ""  # how the wording matched, in words
    objective: Objective | None = None  # where a new action would go
    changes: list[TrackerChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what is left alone and why
    new_leads: list[str] = field(default_factory=list)  # leads a new action would add
    unmatched: bool = False  # matched no action and no objective by title
    status: str | None = None  # the status the row gives, if SaferPlan knows it
    rating: Rating | None = None  # the plan's rating the row's RAG names

    @property
    def label(self) -> str:
        label = row_label(self.row, self.action, self.parsed.number)
        if self.matched_by == "wording":
            return label.removesuffix(")") + ", matched by its wording)"
        return label


@dataclass
class TrackerChanges:
    plan: Plan
    rows: list[TrackerRow]
    modified_at: datetime | None
    since: datetime | None  # without modified_at, when the plan last took a document

    @property
    def changes(self) -> list[TrackerChange]:
        return [change for row in self.rows for change in row.changes]

    @property
    def plain(self) -> list[TrackerChange]:
        """Changes applied without a tick."""
        return [change for change in self.changes if not change.needs_tick]

    @property
    def to_decide(self) -> list[TrackerChange]:
        """Conflicts, duplicates and rows matching nothing: left alone unless ticked."""
        return [change for change in self.changes if change.needs_tick]

    @property
    def left_alone(self) -> list[TrackerRow]:
        """Rows with something to say but nothing to tick (a retired action, an unknown RAG)."""
        return [row for row in self.rows if row.notes]

    def chosen(self, ticked: set[str]) -> list[TrackerChange]:
        return [change for change in self.changes if change.chosen(ticked)]

    @property
    def counts(self) -> dict[str, int]:
        plain = Counter(change.kind for change in self.plain)
        unmatched_rows = sum(1 for row in self.rows if row.unmatched)
        return {
            "updates": plain["update"],
            "status": plain["status"],
            "rag": plain["rag"],
            "by_when": plain["by_when"],
            "new_actions": plain["new_action"],
            "conflicts": sum(1 for change in self.changes if change.conflict),
            "duplicates": sum(1 for change in self.changes if change.duplicate),
            "unmatched": unmatched_rows,
        }


def row_label(row: int, action: Action | None, printed: str) -> str:
    """ "Row 7 (action 2.3)": the action as the plan numbers it, with its objective when the
    number alone does not say which one ("1)" is in every objective)."""
    if action is None:
        number = text_plain(printed)
        return f"Row {row} (‘{number}’)" if number else f"Row {row}"
    number = text_plain(action.number)
    if "." in number.strip("."):
        return f"Row {row} (action {number})"
    return f"Row {row} (objective {action.objective.number}, action {number})"


def _when(moment: datetime | date) -> str:
    if isinstance(moment, datetime):
        moment = timezone.localtime(moment).date()
    return f"{moment:%-d %B %Y}"


def _quote(text: str, limit: int = 120) -> str:
    plain = text_plain(text)
    return f"‘{plain if len(plain) <= limit else plain[: limit - 1].rstrip() + '…'}’"


def _digest(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode(), usedforsecurity=False).hexdigest()[:10]


# --- what the plan holds -------------------------------------------------------------------


@dataclass
class _FieldChange:
    """The last change SaferPlan made to one field of an action (not counting its creation)."""

    when: datetime
    before: Any
    after: Any


@dataclass
class _Plan:
    plan: Plan
    actions: list[Action]
    objectives: list[Objective]
    ratings: dict[str, Rating]  # label_key of code and of label → rating
    rating_labels: list[str]
    changed: dict[tuple[int, str], _FieldChange]  # (action pk, field) → last change
    resolver: LeadResolver


HISTORY_FIELDS = ("status", "rating_id", "due_text")


def _last_changes(plan: Plan) -> dict[tuple[int, str], _FieldChange]:
    """When each of the plan's actions last had its status, RAG and by-when changed, in one
    query (its actions' ids as a subquery, so a plan of thousands sends no long list)."""
    actions = Action.objects.filter(objective__theme__plan=plan).values("pk")
    records = (
        Action.history.filter(id__in=actions)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_date", *HISTORY_FIELDS)
    )
    changed: dict[tuple[int, str], _FieldChange] = {}
    previous: dict[int, tuple[Any, ...]] = {}
    for action_id, when, *values in records:
        before = previous.get(action_id)
        if before is not None:
            for name, old, new in zip(HISTORY_FIELDS, before, values, strict=True):
                if old != new:
                    changed[(action_id, name)] = _FieldChange(when=when, before=old, after=new)
        previous[action_id] = tuple(values)
    return changed


def _load(plan: Plan) -> _Plan:
    updates = Update.objects.order_by(F("reported_on").asc(nulls_last=True), "pk").only(
        "action_id", "text", "created_at", "created_by_id", "reported_on"
    )
    actions = list(
        Action.objects.filter(objective__theme__plan=plan)
        .select_related("objective__theme", "rating")
        .prefetch_related(
            Prefetch("updates", queryset=updates), "lead_people", "lead_organisations", "tags"
        )
        .order_by("objective__theme__position", "objective__number", "position", "pk")
    )
    ratings = list(plan.ratings.all())
    by_key = {label_key(r.code): r for r in ratings}
    by_key.update({label_key(r.label): r for r in ratings if label_key(r.label) not in by_key})
    return _Plan(
        plan=plan,
        actions=actions,
        objectives=list(
            Objective.objects.filter(theme__plan=plan)
            .select_related("theme")
            .order_by("theme__position", "number")
        ),
        ratings=by_key,
        rating_labels=[r.label for r in ratings],
        changed=_last_changes(plan),
        resolver=LeadResolver(plan.partnership),
    )


def _since(plan: Plan, exclude: DocumentUpload | None) -> datetime | None:
    """When the plan last took a document: its import or an earlier tracker's."""
    uploads = DocumentUpload.objects.filter(plans=plan, imported_at__isnull=False)
    if exclude is not None:
        uploads = uploads.exclude(pk=exclude.pk)
    latest = uploads.order_by("-imported_at").values_list("imported_at", flat=True).first()
    return latest


# --- matching rows to actions --------------------------------------------------------------


def _lines(parsed: ParsedPlan) -> list[tuple[TrackerLine, ParsedAction]]:
    """The tracker's rows in reading order, each with the objective and theme it is under."""
    lines: list[tuple[TrackerLine, ParsedAction]] = []
    objective_key = -1  # negative, as the plan's objectives' keys are their primary keys
    for theme in parsed.themes:
        for objective in theme.objectives:
            for action in objective.actions:
                line = TrackerLine(
                    index=len(lines),
                    objective_key=objective_key,
                    objective_number=objective.number,
                    objective_title=objective.title,
                    theme_title=theme.title,
                    number=action.number,
                    text=action.text,
                )
                lines.append((line, action))
            objective_key -= 1
    return lines


def _match(lines: list[TrackerLine], context: _Plan) -> RowMatches:
    return match_rows(
        lines,
        [
            PlanAction(
                key=a.pk,
                objective_key=a.objective_id,
                objective_number=a.objective.number,
                number=a.number,
                text=a.text,
                retired=a.retired_at is not None,
            )
            for a in context.actions
        ],
        [
            PlanObjective(
                key=o.pk,
                number=o.number,
                title=o.title,
                theme_key=o.theme_id,
                theme_title=o.theme.title,
            )
            for o in context.objectives
        ],
    )


# --- what each row changes -----------------------------------------------------------------


@dataclass
class _Reference:
    """What a SaferPlan change is compared with: the tracker's save date, or without one the
    last time the plan took a document (None: any change since the action was created)."""

    modified_at: datetime | None
    since: datetime | None

    def after(self, when: datetime) -> bool:
        if self.modified_at is not None:
            return when > self.modified_at
        return self.since is None or when > self.since

    def tail(self) -> str:
        if self.modified_at is not None:
            return AFTER_SAVING
        if self.since is not None:
            return SINCE_LAST_DOCUMENT.format(when=_when(self.since))
        return NO_SAVE_DATE


def _rating_word(rating_id: Any, ratings: dict[int, Rating]) -> str:
    rating = ratings.get(rating_id) if rating_id else None
    return rating.label if rating is not None else "not rated"


def _status_word(value: Any) -> str:
    return str(dict(Status.choices).get(value, value or "not recorded"))


def _conflict(
    action: Action,
    name: str,
    word: Callable[[Any], str],
    context: _Plan,
    reference: _Reference,
    restores: Callable[[Any], bool],
) -> str:
    """Why SaferPlan's value of this field may be newer than the tracker's, or "".

    Besides a change after the reference time, a tracker giving back the very value SaferPlan
    replaced is a conflict whenever it was saved: a partner who never saw the change would
    otherwise undo it.
    """
    change = context.changed.get((action.pk, name))
    if change is None:
        return ""
    if reference.after(change.when):
        tail = reference.tail()
    elif restores(change.before):
        tail = STILL_SHOWS.format(value=word(change.before))
    else:
        return ""
    return CHANGED_IN_SAFERPLAN.format(
        before=word(change.before), after=word(change.after), when=_when(change.when), tail=tail
    )


def _rating(parsed: ParsedAction, context: _Plan) -> tuple[Rating | None, str]:
    """The plan's rating the row gives (None: not given), or a note saying why it is unknown."""
    found = text_plain(parsed.rag)
    if not found:
        return None, ""
    rating = context.ratings.get(label_key(found))
    if rating is None:
        word = rag_parse(found)
        rating = context.ratings.get(label_key(word.code)) if word else None
        rating = rating or (context.ratings.get(label_key(word.word)) if word else None)
    if rating is None:
        choices = ", ".join(context.rating_labels) or "none"
        return None, RATING_UNKNOWN.format(found=found, choices=choices)
    return rating, ""


def _status(parsed: ParsedAction) -> tuple[str | None, str]:
    if parsed.status in NOT_GIVEN:
        return None, ""
    if parsed.status not in Status.values:
        return None, STATUS_UNKNOWN.format(found=parsed.status)
    return parsed.status, ""


def _due_text(parsed: ParsedAction) -> str:
    text = text_plain(parsed.due_text)
    if not text and parsed.due_date is not None:
        text = f"{parsed.due_date:%-d/%-m/%Y}"
    return text


def _change(
    row: TrackerRow, kind: Kind, words: str, value: Any, *, key: object = "", **flags: Any
) -> TrackerChange:
    change = TrackerChange(
        id=f"{row.index}-{kind}-{_digest(row.index, kind, key, value_key(value))}",
        kind=kind,
        row=row.row,
        description=f"{row.label}: {words}",
        value=value,
        **flags,
    )
    row.changes.append(change)
    return change


def value_key(value: Any) -> object:
    """What a change's id is made from: stable across reads of the same plan."""
    if isinstance(value, Rating):
        return ("rating", value.code)
    if isinstance(value, ParsedAction):
        return (value.number, value.text)
    return value


def _updates(row: TrackerRow, action: Action, context: _Plan, reference: _Reference) -> None:
    recorded = [u.text for u in action.updates.all()]
    added = [u for u in action.updates.all() if u.created_by_id is not None]
    latest = max((u.created_at for u in added), default=None)
    conflict = ""
    if latest is not None and reference.after(latest):
        conflict = UPDATED_IN_SAFERPLAN.format(when=_when(latest), tail=reference.tail())
    for position, update in enumerate(row.parsed.updates):
        if not says_something(update.text):
            continue
        check = update_check(update.text, recorded)
        dated = f" dated {_when(update.date)}" if update.date else ""
        if check.duplicate:
            words = DUPLICATE.format(text=_quote(update.text))
            _change(
                row,
                "update",
                words,
                (update.text.strip(), update.date),
                key=position,
                duplicate=True,
            )
            continue
        rest = " (the rest of the cell repeats updates already recorded)" if check.repeats else ""
        words = f"new update{dated} {_quote(check.text)}{rest}"
        if conflict:
            words += TICK_TO_ADD.format(conflict=conflict)
        _change(row, "update", words, (check.text, update.date), key=position, conflict=conflict)
        recorded.append(check.text)


def _fields(row: TrackerRow, action: Action, context: _Plan, reference: _Reference) -> None:
    parsed = row.parsed
    ratings_by_pk = {r.pk: r for r in context.ratings.values()}
    status = row.status
    if status is not None and status != action.status:
        conflict = _conflict(
            action, "status", _status_word, context, reference, lambda before: before == status
        )
        words = f"status {_status_word(action.status)} → {_status_word(status)}"
        _change(
            row,
            "status",
            words + (TICK_TO_APPLY.format(conflict=conflict) if conflict else ""),
            status,
            conflict=conflict,
        )
    rating = row.rating
    if rating is not None and rating.pk != action.rating_id:

        def word(value: Any) -> str:
            return _rating_word(value, ratings_by_pk)

        conflict = _conflict(
            action, "rating_id", word, context, reference, lambda before: before == rating.pk
        )
        words = f"RAG {word(action.rating_id)} → {rating.label}"
        _change(
            row,
            "rag",
            words + (TICK_TO_APPLY.format(conflict=conflict) if conflict else ""),
            rating,
            conflict=conflict,
        )
    due_text = _due_text(parsed)
    if due_text and not same_by_when(action.due_text, action.due_date, due_text, parsed.due_date):
        if len(due_text) > BY_WHEN_LIMIT:
            row.notes.append(BY_WHEN_TOO_LONG.format(limit=BY_WHEN_LIMIT))
            return

        def by_when_word(value: Any) -> str:
            return f"‘{value}’" if value else "not given"

        def restores(before: Any) -> bool:
            return bool(before) and same_by_when(before, None, due_text, parsed.due_date)

        conflict = _conflict(action, "due_text", by_when_word, context, reference, restores)
        words = f"by when {by_when_word(text_plain(action.due_text))} → ‘{due_text}’"
        _change(
            row,
            "by_when",
            words + (TICK_TO_APPLY.format(conflict=conflict) if conflict else ""),
            due_text,
            conflict=conflict,
        )


def _new_action(row: TrackerRow, context: _Plan, unmatched: bool) -> None:
    parsed = row.parsed
    objective = row.objective
    assert objective is not None
    count = sum(1 for u in parsed.updates if says_something(u.text))
    extra = f", with {count} update{'s' if count != 1 else ''}" if count else ""
    where = f"under objective {objective.number}"
    given = [
        f"status {_status_word(row.status)}" if row.status else "",
        f"RAG {row.rating.label}" if row.rating else "",
        f"by when ‘{_due_text(parsed)}’" if 0 < len(_due_text(parsed)) <= BY_WHEN_LIMIT else "",
    ]
    if any(given):
        where += f" ({', '.join(part for part in given if part)})"
    row.new_leads = [
        f"{lead} ({'agency' if decision.is_organisation else 'person'})"
        for lead in dict.fromkeys(text_plain(lead) for lead in parsed.leads)
        if lead and (decision := context.resolver.decide(lead)).is_new
    ]
    if len(_due_text(parsed)) > BY_WHEN_LIMIT:
        row.notes.append(BY_WHEN_TOO_LONG.format(limit=BY_WHEN_LIMIT))
    leads = f"; adds {', '.join(row.new_leads)} to the partnership" if row.new_leads else ""
    if unmatched:
        words = (
            f"matches no action in the plan — tick to add it as a new action {where}{extra}: "
            f"{_quote(parsed.text)}{leads}"
        )
    else:
        words = f"new action {where}{extra}: {_quote(parsed.text)}{leads}"
    _change(row, "new_action", words, parsed, key=objective.pk, unmatched=unmatched)


def _neighbour_objectives(
    rows: list[TrackerRow], objectives: list[Objective]
) -> dict[int, Objective]:
    """Row index → the objective of the nearest matched row above it (else below it, else the
    plan's first), where a ticked row that matched nothing is added."""
    found: dict[int, Objective] = {}
    last: Objective | None = None
    for row in rows:
        if row.action is not None:
            last = row.action.objective
        elif last is not None:
            found[row.index] = last
    following: Objective | None = None
    for row in reversed(rows):
        if row.action is not None:
            following = row.action.objective
        elif row.index not in found and following is not None:
            found[row.index] = following
    first = objectives[0] if objectives else None
    for row in rows:
        if row.action is None and row.index not in found and first is not None:
            found[row.index] = first
    return found


def tracker_changes(
    *,
    plan: Plan,
    parsed: ParsedPlan,
    modified_at: datetime | None = None,
    upload: DocumentUpload | None = None,
) -> TrackerChanges:
    """Match the tracker's rows to the plan's actions and say what each row would change.

    ``modified_at`` is when the tracker was saved, as its file says (None when it does not);
    ``upload`` is the kept document the tracker came from, which does not count as a document
    the plan took before it.
    """
    context = _load(plan)
    since = _since(plan, upload) if modified_at is None else None
    reference = _Reference(modified_at=modified_at, since=since)
    lines = _lines(parsed)
    matches = _match([line for line, _ in lines], context)
    actions = {a.pk: a for a in context.actions}
    objectives = {o.pk: o for o in context.objectives}
    result: list[TrackerRow] = []
    for line, row in lines:
        number = row.line or line.index + 1
        tracker_row = TrackerRow(line.index, number, row, None, "")
        if line.index in matches.by_reference:
            tracker_row.action = actions[matches.by_reference[line.index]]
            tracker_row.matched_by = "reference"
        elif line.index in matches.by_wording:
            key, tracker_row.reason = matches.by_wording[line.index]
            tracker_row.action = actions[key]
            tracker_row.matched_by = "wording"
        elif line.index in matches.repeated:
            first = lines[matches.repeated[line.index]]
            tracker_row.notes.append(ROW_REPEATED.format(row=first[1].line or first[0].index + 1))
        elif line.objective_key in matches.objectives:
            tracker_row.objective = objectives[matches.objectives[line.objective_key]]
        result.append(tracker_row)
    neighbours = _neighbour_objectives(result, context.objectives)
    for tracker_row in result:
        action = tracker_row.action
        if tracker_row.index in matches.repeated:
            continue
        if action is None or action.retired_at is None:
            tracker_row.status, status_note = _status(tracker_row.parsed)
            tracker_row.rating, rating_note = _rating(tracker_row.parsed, context)
            tracker_row.notes += [note for note in (status_note, rating_note) if note]
        if action is not None and action.retired_at is not None:
            tracker_row.notes.append(ACTION_RETIRED.format(number=text_plain(action.number)))
        elif action is not None:
            _updates(tracker_row, action, context, reference)
            _fields(tracker_row, action, context, reference)
        elif not text_plain(tracker_row.parsed.text):
            tracker_row.unmatched = True
            tracker_row.notes.append(NOTHING_TO_ADD)
        elif tracker_row.objective is not None:
            _new_action(tracker_row, context, unmatched=False)
        elif tracker_row.index in neighbours:
            tracker_row.unmatched = True
            tracker_row.objective = neighbours[tracker_row.index]
            _new_action(tracker_row, context, unmatched=True)
        else:
            tracker_row.unmatched = True
            tracker_row.notes.append(NO_OBJECTIVE)
    return TrackerChanges(plan=plan, rows=result, modified_at=modified_at, since=since)
