"""Reads for performance pages and reports, prefetched so query counts do not grow with the
observations."""

from apps.performance.selectors.assessment import (
    Assessment,
    measure_assessment,
    measure_target,
    observation_rag,
    spc_options,
)
from apps.performance.selectors.exceptions import (
    NEGATIVE,
    OTHER,
    POSITIVE,
    ExceptionEntry,
    exception_for,
    exception_report,
    significant_change_percent,
)
from apps.performance.selectors.history import (
    HistoryLine,
    measure_history,
    priority_report_history,
)
from apps.performance.selectors.measures import (
    baseline_text,
    measure_detail,
    measure_observations,
    observation_detail,
    observations_as_rows,
    target_text,
)
from apps.performance.selectors.priorities import (
    PriorityTable,
    TableRow,
    alignment_detail,
    partnership_priorities,
    priorities_with_partnership,
    priority_detail,
    priority_report_latest,
    priority_reports,
    priority_table,
)
from apps.performance.selectors.summary import SummaryRow, performance_summary

__all__ = [
    "NEGATIVE",
    "OTHER",
    "POSITIVE",
    "Assessment",
    "ExceptionEntry",
    "HistoryLine",
    "PriorityTable",
    "SummaryRow",
    "TableRow",
    "alignment_detail",
    "baseline_text",
    "exception_for",
    "exception_report",
    "measure_assessment",
    "measure_detail",
    "measure_history",
    "measure_observations",
    "measure_target",
    "observation_detail",
    "observation_rag",
    "observations_as_rows",
    "partnership_priorities",
    "performance_summary",
    "priorities_with_partnership",
    "priority_detail",
    "priority_report_history",
    "priority_report_latest",
    "priority_reports",
    "priority_table",
    "significant_change_percent",
    "spc_options",
    "target_text",
]
