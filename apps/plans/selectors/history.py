"""An action's audit history, for its page: each change field by field, and each update added."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from apps.partnerships.domain.display import organisation_label, person_label
from apps.partnerships.models import Organisation, Person
from apps.plans.models import Action, Status, Update


@dataclass(frozen=True)
class HistoryChange:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    """One event in an action's audit history: who, when, what kind, and what changed."""

    when: datetime
    who: str
    kind: str
    changes: list[HistoryChange] = field(default_factory=list)
    note: str = ""


# Labels as the plan's users say them, where a model field's own label would not do.
_FIELD_LABELS = {
    "rating": "RAG rating",
    "due_text": "By when",
    "due_date": "By when (as a date)",
    "position": "Position in the objective",
    "retired_at": "Retired on",
    "retired_reason": "Reason for retiring",
    "sub_items": "Sub-items",
}


def _who(user: User | None, people: dict[int, Person]) -> str:
    if user is None:
        return "the system"
    person = people.get(user.pk)
    return f"{person_label(person)} – {user.get_username()}" if person else user.get_username()


def _named(obj: Any) -> str:
    """A lead as every page names it ("Jane Smith (JS)", "Nottinghamshire Police (Police)")."""
    if isinstance(obj, Person):
        return person_label(obj)
    if isinstance(obj, Organisation):
        return organisation_label(obj)
    return str(obj)


def _people_of(partnership_id: int, users: list[User | None]) -> dict[int, Person]:
    """Who these users are in the partnership, in one query (a user may be a person in several
    partnerships)."""
    ids = {user.pk for user in users if user is not None}
    people = Person.objects.filter(partnership_id=partnership_id, user_id__in=ids)
    return {person.user_id: person for person in people if person.user_id is not None}


def _display(model_field: Any, value: Any) -> str:
    if value in (None, "", []):
        return "(blank)"
    if model_field.many_to_many:
        model = model_field.related_model
        key = model._meta.model_name
        ids = [row.get(key) for row in value if isinstance(row, dict)]
        return ", ".join(_named(o) for o in model.objects.filter(pk__in=ids)) or "(blank)"
    if model_field.is_relation:
        obj = model_field.related_model.objects.filter(pk=value).first()
        return _named(obj) if obj is not None else str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%-d %B %Y}"
    if isinstance(value, date):
        return f"{value:%-d %B %Y}"
    return str(value)


def _label(model_field: Any) -> str:
    name = model_field.name
    return _FIELD_LABELS.get(name) or str(model_field.verbose_name).capitalize()


def action_history(*, action: Action) -> list[HistoryEntry]:
    """The action's audit history, newest first: each change to the action, field by field
    ("Status changed from Not started to On-going"), and each update added to it."""
    records = list(
        action.history.select_related("history_user").order_by("history_date", "history_id")
    )
    created = list(
        Update.history.filter(action_id=action.pk, history_type="+").select_related(
            "history_user", "rating"
        )
    )
    people = _people_of(action.owner_partnership_id, [r.history_user for r in [*records, *created]])
    entries = []
    previous = None
    for record in records:
        changes: list[HistoryChange] = []
        if previous is not None:
            for change in record.diff_against(previous).changes:
                model_field = Action._meta.get_field(change.field)
                changes.append(
                    HistoryChange(
                        field=_label(model_field),
                        old=_display(model_field, change.old),
                        new=_display(model_field, change.new),
                    )
                )
        previous = record
        kind = {"+": "Created", "~": "Changed", "-": "Deleted"}[record.history_type]
        if kind == "Changed" and not changes:
            continue  # a save that changed nothing tells the reader nothing
        entries.append(
            HistoryEntry(record.history_date, _who(record.history_user, people), kind, changes)
        )
    for record in created:
        parts = [f"status {Status(record.status).label}" if record.status else ""]
        parts.append(f"RAG {record.rating}" if record.rating_id else "")
        note = ", ".join(p for p in parts if p)
        entries.append(
            HistoryEntry(
                record.history_date,
                _who(record.history_user, people),
                "Update added",
                note=f"Set {note}" if note else "",
            )
        )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries
