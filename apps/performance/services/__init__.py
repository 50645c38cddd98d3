"""Writes for performance: priorities and their alignments, measures, figures (one at a time or
imported from a file) and narratives. Each validates, then saves, and records who made it."""

from apps.performance.services.imports import ImportError_, ImportResult, observations_import_csv
from apps.performance.services.measures import measure_save, measure_settings_save
from apps.performance.services.narratives import priority_report_save
from apps.performance.services.observations import (
    Figure,
    observation_add,
    observation_edit,
    observations_add_many,
)
from apps.performance.services.priorities import alignment_remove, alignment_save, priority_save

__all__ = [
    "Figure",
    "ImportError_",
    "ImportResult",
    "alignment_remove",
    "alignment_save",
    "measure_save",
    "measure_settings_save",
    "observation_add",
    "observation_edit",
    "observations_add_many",
    "observations_import_csv",
    "priority_report_save",
    "priority_save",
]
