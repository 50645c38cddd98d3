"""The partnership administrator's page: require two-factor sign-in of managers and
administrators. Its URLs are listed here and added to the partnerships namespace."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods

from apps.core.forms import GovukFormMixin
from apps.core.permissions import object_get_or_403
from apps.partnerships.models import Partnership
from apps.partnerships.services import partnership_two_factor_set


class TwoFactorRequirementForm(GovukFormMixin, forms.Form):
    required = forms.BooleanField(
        label="Require two-factor sign-in for managers and administrators",
        help_text=(
            "They will be asked for a code from an authenticator app after their password. "
            "Anyone without one is asked to set it up the next time they open a page."
        ),
        required=False,
    )


@require_http_methods(["GET", "POST"])
def two_factor_requirement(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = object_get_or_403(
        Partnership,
        user=request.user,
        permission="partnerships.administer_partnership",
        pk=partnership_id,
    )
    initial = {"required": partnership.require_two_factor_for_managers}
    form = TwoFactorRequirementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        required = form.cleaned_data["required"]
        partnership_two_factor_set(
            partnership=partnership,
            required=required,
            user=request.user,  # type: ignore[arg-type]
        )
        messages.success(
            request,
            "Managers and administrators must now use two-factor sign-in"
            if required
            else "Two-factor sign-in is now optional for managers and administrators",
        )
        return redirect("partnerships:two-factor", partnership_id=partnership.pk)
    context = {"form": form, "partnership": partnership}
    return render(request, "partnerships/two_factor.html", context)


urlpatterns = [
    path(
        "<int:partnership_id>/two-factor/",
        two_factor_requirement,
        name="two-factor",
    ),
]
