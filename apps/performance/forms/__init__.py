"""Forms for performance pages. They parse what is typed; the services make every rule."""

from apps.performance.forms.fields import NumberField
from apps.performance.forms.measures import MeasureForm, MeasureSettingsForm
from apps.performance.forms.narratives import PriorityReportForm
from apps.performance.forms.observations import ImportForm, ObservationForm
from apps.performance.forms.priorities import AlignmentForm, PriorityForm

__all__ = [
    "AlignmentForm",
    "ImportForm",
    "MeasureForm",
    "MeasureSettingsForm",
    "NumberField",
    "ObservationForm",
    "PriorityForm",
    "PriorityReportForm",
]
