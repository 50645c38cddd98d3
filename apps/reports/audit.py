"""Reads of a partnership's audit log: every recorded change to its plans, actions, updates,
agencies, people, memberships, priorities and measures between two dates, as CSV rows.

It sits in reports because reports is the lowest app that sees all those models (ADR 7). Each
historical table is read in one query, with the partnership's rows chosen by subqueries on the
parents' own history (so rows of deleted parents still count); names of users and parents are
looked up once per kind, never per row. Tags are shared by every partnership and so are not in
any one partnership's log.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Model, QuerySet
from django.utils import timezone

from apps.partnerships.domain.display import organisation_label, person_label
from apps.partnerships.models import Membership, Organisation, Partnership, Person
from apps.performance.models import Measure, Observation, Priority, PriorityReport
from apps.plans.models import Action, Objective, Plan, Rating, Tag, Theme, Update
from apps.reports.models import ReportDefinition

AUDIT_HEADER = ["When", "Username", "Person", "What", "Which", "Change", "Details"]
KIND_WORDS = {"+": "Created", "~": "Changed", "-": "Deleted"}
# Bookkeeping fields nobody changes by hand; a change to them alone is not worth a line.
_SKIPPED_FIELDS = {"id", "created_at"}


@dataclass(frozen=True)
class AuditRow:
    when: datetime
    username: str
    person: str
    what: str
    which: str
    change: str
    details: str

    def cells(self) -> list[str]:
        when = timezone.localtime(self.when).strftime("%Y-%m-%d %H:%M:%S")
        return [when, self.username, self.person, self.what, self.which, self.change, self.details]


@dataclass
class _Names:
    """Names looked up once per kind for the whole log: users, and each parent model's rows."""

    users: dict[int, User] = field(default_factory=dict)
    people: dict[int, Person] = field(default_factory=dict)
    related: dict[type[Model], dict[int, str]] = field(default_factory=dict)

    def of(self, model: type[Model], pk: Any) -> str:
        if pk is None:
            return "(blank)"
        return self.related.get(model, {}).get(pk, f"{model._meta.verbose_name} {pk} (deleted)")


def _scopes(partnership_id: int) -> list[tuple[type[Model], QuerySet[Any]]]:
    """Each audited model with the query of its historical rows that belong to the partnership."""
    plan_ids = Plan.history.filter(partnership_id=partnership_id).values("id")
    theme_ids = Theme.history.filter(plan_id__in=plan_ids).values("id")
    objective_ids = Objective.history.filter(theme_id__in=theme_ids).values("id")
    action_ids = Action.history.filter(objective_id__in=objective_ids).values("id")
    priority_ids = Priority.history.filter(partnership_id=partnership_id).values("id")
    measure_ids = Measure.history.filter(priority_id__in=priority_ids).values("id")
    return [
        (Plan, Plan.history.filter(partnership_id=partnership_id)),
        (Theme, Theme.history.filter(plan_id__in=plan_ids)),
        (Objective, Objective.history.filter(theme_id__in=theme_ids)),
        (Rating, Rating.history.filter(plan_id__in=plan_ids)),
        (Action, Action.history.filter(objective_id__in=objective_ids)),
        (Update, Update.history.filter(action_id__in=action_ids)),
        (Organisation, Organisation.history.filter(partnership_id=partnership_id)),
        (Person, Person.history.filter(partnership_id=partnership_id)),
        (Membership, Membership.history.filter(partnership_id=partnership_id)),
        (Priority, Priority.history.filter(partnership_id=partnership_id)),
        (Measure, Measure.history.filter(priority_id__in=priority_ids)),
        (Observation, Observation.history.filter(measure_id__in=measure_ids)),
        (PriorityReport, PriorityReport.history.filter(priority_id__in=priority_ids)),
        (ReportDefinition, ReportDefinition.history.filter(partnership_id=partnership_id)),
    ]


def _label(obj: Model) -> str:
    """A parent's name, as pages print it (none of these names needs another query)."""
    if isinstance(obj, Person):
        return person_label(obj)
    if isinstance(obj, Organisation):
        return organisation_label(obj)
    return str(obj)


def _which(model: type[Model], record: Any, names: _Names) -> str:
    """The object a historical row is about, named without a query of its own."""
    if model is Update:
        return f"Update on action {names.of(Action, record.action_id)}"
    if model is Membership:
        user = names.users.get(record.user_id)
        username = user.get_username() if user else f"user {record.user_id}"
        return f"{username} ({Membership.Role(record.role).label})"
    if model is Observation:
        return f"{names.of(Measure, record.measure_id)}: {record.period_label}"
    if model is PriorityReport:
        return f"{names.of(Priority, record.priority_id)} – {record.period_label}"
    if model is Person:
        return person_label(record)
    if model is Organisation:
        return organisation_label(record)
    # The others' names use their own fields only (a plan's title, an action's number and text).
    return str(record.instance)


def _value(model_field: Any, value: Any, names: _Names) -> str:
    if value in (None, "", [], {}):
        return "(blank)"
    if model_field.is_relation and model_field.many_to_one:
        related = model_field.related_model
        if related is User or related._meta.label == User._meta.label:
            user = names.users.get(value)
            return user.get_username() if user else str(value)
        return names.of(related, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _fields(model: type[Model]) -> list[Any]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in _SKIPPED_FIELDS and not f.auto_created
    ]


def _details(
    model: type[Model],
    record: Any,
    previous: Any | None,
    m2m: dict[tuple[str, int], set[int]],
    names: _Names,
) -> str:
    """ "Status: Not started → On-going; Lead people: (blank) → Jane Smith (JS)" for a change."""
    if previous is None or record.history_type != "~":
        return ""
    parts = []
    for model_field in _fields(model):
        old, new = getattr(previous, model_field.attname), getattr(record, model_field.attname)
        if old != new:
            old_text = _value(model_field, old, names)
            new_text = _value(model_field, new, names)
            parts.append(f"{str(model_field.verbose_name).capitalize()}: {old_text} → {new_text}")
    for name in _m2m_names(model):
        old_ids = m2m.get((name, previous.history_id), set())
        new_ids = m2m.get((name, record.history_id), set())
        if old_ids != new_ids:
            m2m_field: Any = model._meta.get_field(name)
            related = m2m_field.related_model
            old_text = ", ".join(sorted(names.of(related, i) for i in old_ids)) or "(blank)"
            new_text = ", ".join(sorted(names.of(related, i) for i in new_ids)) or "(blank)"
            label = str(m2m_field.verbose_name).capitalize()
            parts.append(f"{label}: {old_text} → {new_text}")
    return "; ".join(parts)


def _m2m_names(model: type[Model]) -> list[str]:
    """The many-to-many fields the model's history keeps (Action's leads and tags)."""
    history_model = model.history.model  # type: ignore[attr-defined]
    return [f.name for f in getattr(history_model, "_history_m2m_fields", [])]


def _m2m_rows(model: type[Model], history_ids: list[int]) -> dict[tuple[str, int], set[int]]:
    """(field, history id) → related ids, for every many-to-many field the history keeps: one
    query per field."""
    found: dict[tuple[str, int], set[int]] = {}
    for name in _m2m_names(model):
        history_model = model.history.model  # type: ignore[attr-defined]
        through = getattr(history_model, name).model
        m2m_field: Any = model._meta.get_field(name)
        target = m2m_field.related_model._meta.model_name
        rows = through.objects.filter(history_id__in=history_ids).values_list("history_id", target)
        for history_id, related_id in rows:
            found.setdefault((name, history_id), set()).add(related_id)
    return found


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """From the start of the first day to the end of the last, in the local time zone."""
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


_RELATED_FOR_NAMES: list[type[Model]] = [
    Plan,
    Theme,
    Objective,
    Rating,
    Action,
    Organisation,
    Person,
    Priority,
    Measure,
    Partnership,
]


def _names_for(partnership: Partnership, user_ids: set[int]) -> _Names:
    """Every name the log may print, one query per kind."""
    names = _Names()
    names.users = {u.pk: u for u in User.objects.filter(pk__in=user_ids)}
    names.people = {
        p.user_id: p
        for p in Person.objects.filter(partnership=partnership, user_id__in=user_ids)
        if p.user_id is not None
    }
    scope: dict[type[Model], QuerySet[Any]] = {
        Plan: Plan.objects.filter(partnership=partnership),
        Theme: Theme.objects.filter(plan__partnership=partnership),
        Objective: Objective.objects.filter(theme__plan__partnership=partnership),
        Rating: Rating.objects.filter(plan__partnership=partnership),
        Action: Action.objects.filter(objective__theme__plan__partnership=partnership),
        Organisation: Organisation.objects.filter(partnership=partnership),
        Person: Person.objects.filter(partnership=partnership),
        Priority: Priority.objects.filter(partnership=partnership),
        Measure: Measure.objects.filter(priority__partnership=partnership),
        Partnership: Partnership.objects.filter(pk=partnership.pk),
    }
    for model in _RELATED_FOR_NAMES:
        names.related[model] = {obj.pk: _label(obj) for obj in scope[model]}
    # Tags are shared by every partnership; an action's tags are named from all of them.
    names.related[Tag] = {t.pk: t.name for t in Tag.objects.all()}
    return names


def audit_rows(*, partnership: Partnership, start: date, end: date) -> list[AuditRow]:
    """Every recorded change to the partnership's rows from `start` to `end` (both whole days),
    oldest first. A change lists each field that changed, old → new."""
    since, until = _bounds(start, end)
    loaded: list[tuple[type[Model], list[Any], dict[tuple[str, int], set[int]]]] = []
    user_ids: set[int] = set()
    for model, history in _scopes(partnership.pk):
        # Rows in the range, with each one's earlier row (which may be before the range), in one
        # query: all rows up to the end for the objects changed in the range.
        changed_ids = history.filter(history_date__gte=since, history_date__lt=until).values("id")
        records = list(
            history.filter(id__in=changed_ids, history_date__lt=until).order_by(
                "id", "history_date", "history_id"
            )
        )
        in_range = [r for r in records if r.history_date >= since]
        if not in_range:
            continue
        m2m = _m2m_rows(model, [r.history_id for r in records]) if _m2m_names(model) else {}
        loaded.append((model, records, m2m))
        user_ids |= {r.history_user_id for r in in_range if r.history_user_id is not None}
        if model is Membership:
            user_ids |= {r.user_id for r in in_range}
    names = _names_for(partnership, user_ids)
    rows = []
    for model, records, m2m in loaded:
        what = str(model._meta.verbose_name).capitalize()
        previous = None
        for record in records:
            if previous is not None and previous.id != record.id:
                previous = None
            if record.history_date >= since:
                rows.append(_row(model, what, record, previous, m2m, names))
            previous = record
    rows.sort(key=lambda row: row.when)
    return rows


def _row(
    model: type[Model],
    what: str,
    record: Any,
    previous: Any | None,
    m2m: dict[tuple[str, int], set[int]],
    names: _Names,
) -> AuditRow:
    user = names.users.get(record.history_user_id) if record.history_user_id else None
    person = names.people.get(user.pk) if user is not None else None
    return AuditRow(
        when=record.history_date,
        username=user.get_username() if user is not None else "(system: import or command)",
        person=person_label(person) if person is not None else "",
        what=what,
        which=_which(model, record, names),
        change=KIND_WORDS[record.history_type],
        details=_details(model, record, previous, m2m, names),
    )


class _Echo:
    """A file-like object whose write returns what it was given, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


def audit_csv_lines(rows: Iterable[AuditRow]) -> Iterator[str]:
    """The CSV, a line at a time: the header, then each row. Cells a spreadsheet would take as
    a formula are prefixed with an apostrophe."""
    writer = csv.writer(_Echo())
    yield writer.writerow(AUDIT_HEADER)
    for row in rows:
        yield writer.writerow([_safe_cell(cell) for cell in row.cells()])


def _safe_cell(text: str) -> str:
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def audit_filename(partnership: Partnership, start: date, end: date) -> str:
    return f"{partnership.slug}-audit-log-{start:%Y-%m-%d}-to-{end:%Y-%m-%d}.csv"


# For tests and the command line: the whole CSV as text.
def audit_csv_text(*, partnership: Partnership, start: date, end: date) -> str:
    out = io.StringIO()
    for line in audit_csv_lines(audit_rows(partnership=partnership, start=start, end=end)):
        out.write(line)
    return out.getvalue()
