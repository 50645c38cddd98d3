"""Small helpers shared by the workbook tests: find a row, count what an import writes."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook

from apps.importers.domain.workbook.layout import COLUMN
from apps.partnerships.models import Organisation, Person
from apps.plans.models import Action, Objective, Plan, Theme, Update


def set_cell(book: Workbook, row: int, key: str, value: Any) -> None:
    # Assigned, not passed to cell(): openpyxl ignores value=None there, and None must clear.
    book["Actions"].cell(row=row, column=COLUMN[key].index).value = value


def get_cell(book: Workbook, row: int, key: str) -> Any:
    return book["Actions"].cell(row=row, column=COLUMN[key].index).value


def action_in_row(plan: Plan, book_row_key: int) -> Action:
    return Action.objects.get(pk=book_row_key, objective__theme__plan=plan)


def snapshot() -> dict[str, int]:
    """How many rows of each kind exist, history included: any write shows up here."""
    models: list[Any] = [Action, Update, Theme, Objective, Plan, Person, Organisation]
    counts = {m.__name__: m.objects.count() for m in models}
    for model in (Action, Update, Plan):
        counts[f"history of {model.__name__}"] = model.history.count()
    counts["leads"] = Action.lead_people.through.objects.count()
    counts["lead agencies"] = Action.lead_organisations.through.objects.count()
    return counts


def fingerprint(plan: Plan) -> list[tuple[Any, ...]]:
    """Every field an import may change, for every action of the plan."""
    return [
        (
            a.pk,
            a.objective_id,
            a.number,
            a.method,
            a.text,
            tuple(a.sub_items),
            a.due_text,
            a.due_date,
            a.status,
            a.rating_id,
            tuple(sorted(a.lead_people.values_list("pk", flat=True))),
            tuple(sorted(a.lead_organisations.values_list("pk", flat=True))),
            tuple(a.updates.values_list("pk", "text")),
        )
        for a in Action.objects.filter(objective__theme__plan=plan).order_by("pk")
    ]


def key_of(plan: Plan, row: int) -> int:
    """The action key the plan's exported workbook holds on a row."""
    import io

    from openpyxl import load_workbook

    from apps.importers.selectors.workbook_export import plan_workbook

    book = load_workbook(io.BytesIO(plan_workbook(plan=plan)), read_only=True)
    value = book["Actions"].cell(row=row, column=COLUMN["key"].index).value
    book.close()
    assert isinstance(value, int)
    return value
