"""The security log page: a partnership administrator reads its members' sign-ins, sign-outs,
failed sign-ins and lock-outs."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from apps.accounts.selectors import security_event_list
from apps.core.forms import GovukFormMixin
from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.partnerships.models import Partnership
from apps.partnerships.selectors import member_user_ids

ADMINISTER = "partnerships.administer_partnership"
EVENTS_PER_PAGE = 50
DATE_INVALID = "Enter a date in the format 31/7/2026"
DATES_REVERSED = "The ‘from’ date must be the same as or before the ‘to’ date"


class SecurityLogFilterForm(GovukFormMixin, forms.Form):
    since = forms.DateField(
        label="From",
        required=False,
        help_text="For example, 1/4/2026",
        error_messages={"invalid": DATE_INVALID},
    )
    until = forms.DateField(
        label="To",
        required=False,
        help_text="For example, 30/6/2026",
        error_messages={"invalid": DATE_INVALID},
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", DATES_REVERSED)
        return cleaned


def security_log(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = object_get_or_403(
        Partnership, user=request.user, permission=ADMINISTER, pk=partnership_id
    )
    form = SecurityLogFilterForm(request.GET or None)
    since = until = None
    if form.is_bound and form.is_valid():
        since, until = form.cleaned_data["since"], form.cleaned_data["until"]
    events = security_event_list(
        user_ids=member_user_ids(partnership_id=partnership.pk), since=since, until=until
    )
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "partnership": partnership,
        "form": form,
        "page": page,
        "filter_query": query.urlencode(),
    }
    return render(request, "partnerships/security_log.html", context)
