"""Plan workbooks at scale: export, unchanged import and edited import of a 5,000-action plan.

Ratios are to the export measured in the same run, so "import ÷ export" is the figure to
watch; each import runs in a transaction that is rolled back, so every repeat does the same work.
"""

from __future__ import annotations

import io

from django.db import transaction
from openpyxl import load_workbook

from apps.importers.domain.workbook.layout import COLUMN
from apps.importers.selectors.workbook_export import plan_workbook
from apps.importers.services.workbooks import workbook_import
from apps.partnerships.models import Membership
from bench.harness import Measurement, measure, report
from tests import builders

ACTIONS = 5_000
EDITED_ROWS = 100  # rows given a new method, and as many given a new update


def _edited(data: bytes) -> bytes:
    book = load_workbook(io.BytesIO(data))
    sheet = book["Actions"]
    for row in range(2, 2 + EDITED_ROWS):
        sheet.cell(row=row, column=COLUMN["method"].index).value = f"Method {row}"
        sheet.cell(row=row + EDITED_ROWS, column=COLUMN["update_text"].index).value = "News"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def run() -> None:
    partnership = builders.partnership(name="Workbook bench CSP")
    user = builders.member(partnership=partnership, role=Membership.Role.MANAGER)
    plan = builders.large_plan(partnership=partnership, actions=ACTIONS)
    unchanged = plan_workbook(plan=plan)
    edited = _edited(unchanged)

    def import_rolled_back(data: bytes, expected: int) -> None:
        with transaction.atomic():
            changes = workbook_import(plan=plan, data=data, user=user)
            assert changes.ok and len(changes.changes) == expected, changes.problems[:3]
            transaction.set_rollback(True)

    results: list[Measurement] = [
        measure(f"export, {ACTIONS:,} actions", lambda: plan_workbook(plan=plan), repeat=3,
                memory=True),
        measure("import, unchanged", lambda: import_rolled_back(unchanged, 0), repeat=3,
                memory=True),
        measure(f"import, {2 * EDITED_ROWS} rows edited", lambda: import_rolled_back(
            edited, 2 * EDITED_ROWS), repeat=3, memory=True),
    ]  # fmt: skip
    report("Plan workbook", results, baseline=results[0])
    print(f"  workbook size: {len(unchanged) / 2**20:.2f} MiB for {ACTIONS:,} actions")
