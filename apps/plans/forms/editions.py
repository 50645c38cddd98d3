"""Forms of the edition pages: rolling a plan forward and choosing an action's predecessor."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.core.forms import GovukFormMixin
from apps.plans.models import Action
from apps.plans.services.editions import PREDECESSOR_NOT_IN_EARLIER_EDITION
from apps.plans.services.rollover import NOT_A_COMPLETED_ACTION, PERIOD_MISSING, TITLE_MISSING

PERIOD_TOO_LONG = "The period must be 50 characters or fewer"
NEW_ACTION = "new"


def _shortened(text: str) -> str:
    return text if len(text) <= 90 else text[:89].rstrip() + "…"


def action_label(action: Action) -> str:
    return f"Objective {action.objective.number}, action {action.number} {_shortened(action.text)}"


class RollForwardForm(GovukFormMixin, forms.Form):
    title = forms.CharField(
        label="Title of the new plan",
        max_length=300,
        error_messages={"required": TITLE_MISSING},
    )
    period_label = forms.CharField(
        label="Period the new plan covers",
        max_length=50,
        help_text="For example 2027-28.",
        error_messages={"required": PERIOD_MISSING, "max_length": PERIOD_TOO_LONG},
    )
    all_completed = forms.BooleanField(label="All completed actions", required=False)
    completed = forms.MultipleChoiceField(
        label="Completed actions to carry forward",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": NOT_A_COMPLETED_ACTION},
    )

    def __init__(self, *args: Any, completed: list[Action], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._completed = {str(a.pk): a for a in completed}
        field = self.fields["completed"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(pk, action_label(a)) for pk, a in self._completed.items()]

    def chosen_actions(self) -> list[Action]:
        """Every completed action when "All" is ticked, else the ones ticked one by one."""
        if self.cleaned_data["all_completed"]:
            return list(self._completed.values())
        return [self._completed[pk] for pk in self.cleaned_data["completed"]]


class PredecessorForm(GovukFormMixin, forms.Form):
    predecessor = forms.ChoiceField(
        label="Which action in the earlier edition is this the same as?",
        error_messages={"invalid_choice": PREDECESSOR_NOT_IN_EARLIER_EDITION},
    )

    def __init__(self, *args: Any, earlier_actions: list[Action], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._actions = {str(a.pk): a for a in earlier_actions}
        groups: dict[str, list[tuple[str, str]]] = {}
        for pk, action in self._actions.items():
            group = f"Objective {action.objective.number}"
            groups.setdefault(group, []).append((pk, f"{action.number} {_shortened(action.text)}"))
        field = self.fields["predecessor"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (NEW_ACTION, "None: this action is new in this edition"),
            *groups.items(),
        ]
        self.groups = groups

    def chosen(self) -> Action | None:
        value = self.cleaned_data["predecessor"]
        return None if value == NEW_ACTION else self._actions[value]
