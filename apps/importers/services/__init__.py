"""Writes for bringing plans in: documents (parse, preview, confirm) and workbooks (apply, create),
and performance reports' indicators (measures and their figures).

Rows of other apps are written only through their services (``apps.plans.services``,
``apps.partnerships.services.leads``); tests/importers/test_boundaries.py keeps it so.
"""

from apps.importers.services.documents import (
    column_choice_remember,
    column_choices_remember,
    document_upload_choose,
    document_upload_create,
    document_upload_import,
    plan_create_from_parsed,
)
from apps.importers.services.indicators import (
    IndicatorResult,
    indicator_choices_remember,
    indicator_upload_import,
    indicators_import,
)
from apps.importers.services.trackers import tracker_apply
from apps.importers.services.workbooks import plan_create_from_workbook, workbook_import

__all__ = [
    "IndicatorResult",
    "column_choice_remember",
    "column_choices_remember",
    "document_upload_choose",
    "document_upload_create",
    "document_upload_import",
    "indicator_choices_remember",
    "indicator_upload_import",
    "indicators_import",
    "plan_create_from_parsed",
    "plan_create_from_workbook",
    "tracker_apply",
    "workbook_import",
]
