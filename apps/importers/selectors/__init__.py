"""Reads for bringing plans in: document previews, workbook exports and workbook change checks."""

from apps.importers.selectors.documents import (
    PlanPreview,
    UploadReview,
    column_choices_remembered,
    document_upload_detail,
    document_upload_preview,
    document_upload_reading,
    partnership_named,
    partnerships_user_manages,
)
from apps.importers.selectors.indicators import (
    FigurePlan,
    IndicatorPreview,
    MeasurePlan,
    indicator_choices_remembered,
    indicator_upload_detail,
    indicator_upload_reading,
    indicators_preview,
    priorities_for_choice,
)
from apps.importers.selectors.tracker_changes import (
    TrackerChange,
    TrackerChanges,
    TrackerRow,
    tracker_changes,
)
from apps.importers.selectors.workbook_checks import Changes, RowChange, workbook_changes
from apps.importers.selectors.workbook_export import (
    blank_workbook,
    plan_workbook,
    workbook_filename,
)
from apps.importers.selectors.workbook_rows import plan_actions

__all__ = [
    "Changes",
    "FigurePlan",
    "IndicatorPreview",
    "MeasurePlan",
    "PlanPreview",
    "RowChange",
    "TrackerChange",
    "TrackerChanges",
    "TrackerRow",
    "UploadReview",
    "blank_workbook",
    "column_choices_remembered",
    "document_upload_detail",
    "document_upload_preview",
    "document_upload_reading",
    "indicator_choices_remembered",
    "indicator_upload_detail",
    "indicator_upload_reading",
    "indicators_preview",
    "partnership_named",
    "partnerships_user_manages",
    "plan_actions",
    "plan_workbook",
    "priorities_for_choice",
    "tracker_changes",
    "workbook_changes",
    "workbook_filename",
]
