"""The partnership's agencies: list, add, edit, deactivate and reactivate."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.partnerships import services
from apps.partnerships.forms import OrganisationForm
from apps.partnerships.models import Organisation
from apps.partnerships.selectors import organisation_list as organisations_of
from apps.partnerships.views.shared import (
    ADMINISTER,
    confirm_page,
    form_page,
    partnership_for_administrator,
)


def _organisation(request: AuthenticatedHttpRequest, organisation_id: int) -> Organisation:
    return object_get_or_403(
        Organisation.objects.select_related("partnership"),
        user=request.user,
        permission=ADMINISTER,
        pk=organisation_id,
    )


def organisation_list(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = partnership_for_administrator(request, partnership_id)
    context = {
        "partnership": partnership,
        "organisations": organisations_of(partnership=partnership),
    }
    return render(request, "partnerships/organisations.html", context)


def organisation_add(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = partnership_for_administrator(request, partnership_id)
    form = OrganisationForm(request.POST or None, initial={"kind": Organisation.Kind.OTHER})
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(
                partnership=partnership, user=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"{organisation.name} added")
            return redirect("partnerships:organisation-list", partnership_id=partnership.pk)
    return form_page(
        request,
        form=form,
        title="Add an organisation",
        partnership=partnership,
        back=reverse("partnerships:organisation-list", args=[partnership.pk]),
        back_text="Back to organisations",
        button="Add organisation",
    )


def organisation_edit(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    organisation = _organisation(request, organisation_id)
    partnership = organisation.partnership
    form = OrganisationForm(
        request.POST or None, initial=OrganisationForm.initial_for(organisation)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_edit(
                organisation=organisation, user=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"{organisation.name} saved")
            return redirect("partnerships:organisation-list", partnership_id=partnership.pk)
    return form_page(
        request,
        form=form,
        title=f"Edit {organisation.short_name}",
        partnership=partnership,
        back=reverse("partnerships:organisation-list", args=[partnership.pk]),
        back_text="Back to organisations",
        button="Save organisation",
    )


def organisation_active(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    """Deactivate an active organisation or reactivate a deactivated one, after asking."""
    organisation = _organisation(request, organisation_id)
    partnership = organisation.partnership
    if request.method == "POST":
        services.organisation_set_active(
            organisation=organisation, active=not organisation.active, user=request.user
        )
        done = "reactivated" if organisation.active else "deactivated"
        messages.success(request, f"{organisation.name} {done}")
        return redirect("partnerships:organisation-list", partnership_id=partnership.pk)
    if organisation.active:
        title = f"Deactivate {organisation.name}?"
        lines = [
            "It will no longer be offered as a lead for actions.",
            "The actions it leads, their updates and its name in reports stay as they are. "
            "A document that prints its name still matches it.",
        ]
        button = "Deactivate organisation"
    else:
        title = f"Reactivate {organisation.name}?"
        lines = ["It will be offered as a lead for actions again."]
        button = "Reactivate organisation"
    return confirm_page(
        request,
        title=title,
        partnership=partnership,
        lines=lines,
        back=reverse("partnerships:organisation-list", args=[partnership.pk]),
        back_text="Back to organisations",
        button=button,
        warning=organisation.active,
    )
