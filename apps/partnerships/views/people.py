"""The partnership's people: list, add, edit (including who signs in as them), deactivate and
reactivate."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.core.http import AuthenticatedHttpRequest
from apps.core.permissions import object_get_or_403
from apps.partnerships import services
from apps.partnerships.forms import PersonForm
from apps.partnerships.models import Partnership, Person
from apps.partnerships.selectors import person_list as people_of
from apps.partnerships.views.shared import (
    ADMINISTER,
    confirm_page,
    form_page,
    partnership_for_administrator,
)


def _person(request: AuthenticatedHttpRequest, person_id: int) -> Person:
    return object_get_or_403(
        Person.objects.select_related("partnership", "organisation", "user"),
        user=request.user,
        permission=ADMINISTER,
        pk=person_id,
    )


def _back(partnership: Partnership) -> dict[str, str]:
    return {
        "back": reverse("partnerships:person-list", args=[partnership.pk]),
        "back_text": "Back to people",
    }


def person_list(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = partnership_for_administrator(request, partnership_id)
    context = {"partnership": partnership, "people": people_of(partnership=partnership)}
    return render(request, "partnerships/people.html", context)


def person_add(request: AuthenticatedHttpRequest, partnership_id: int) -> HttpResponse:
    partnership = partnership_for_administrator(request, partnership_id)
    form = PersonForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                person = services.person_create(
                    partnership=partnership, user=request.user, **form.person_arguments()
                )
                signs_in_as = form.signs_in_as()
                if signs_in_as is not None:
                    services.person_set_user(
                        person=person, signs_in_as=signs_in_as, user=request.user
                    )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"{person} added")
            return redirect("partnerships:person-list", partnership_id=partnership.pk)
    return form_page(
        request,
        form=form,
        title="Add a person",
        partnership=partnership,
        button="Add person",
        **_back(partnership),
    )


def person_edit(request: AuthenticatedHttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id)
    partnership = person.partnership
    form = PersonForm(request.POST or None, partnership=partnership, person=person)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.person_update(person=person, user=request.user, **form.person_arguments())
                signs_in_as = form.signs_in_as()
                if signs_in_as != person.user:
                    services.person_set_user(
                        person=person, signs_in_as=signs_in_as, user=request.user
                    )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"{person} saved")
            return redirect("partnerships:person-list", partnership_id=partnership.pk)
    return form_page(
        request,
        form=form,
        title=f"Edit {person}",
        partnership=partnership,
        button="Save person",
        **_back(partnership),
    )


def person_active(request: AuthenticatedHttpRequest, person_id: int) -> HttpResponse:
    """Deactivate an active person or reactivate a deactivated one, after asking."""
    person = _person(request, person_id)
    partnership = person.partnership
    if request.method == "POST":
        services.person_set_active(person=person, active=not person.active, user=request.user)
        done = "reactivated" if person.active else "deactivated"
        messages.success(request, f"{person} {done}")
        return redirect("partnerships:person-list", partnership_id=partnership.pk)
    if person.active:
        title = f"Deactivate {person}?"
        lines = [
            "They will no longer be offered as a lead for actions.",
            "The actions they lead, the updates they wrote and their name in reports stay as "
            "they are.",
        ]
        button = "Deactivate person"
    else:
        title = f"Reactivate {person}?"
        lines = ["They will be offered as a lead for actions again."]
        button = "Reactivate person"
    return confirm_page(
        request,
        title=title,
        partnership=partnership,
        lines=lines,
        button=button,
        warning=person.active,
        **_back(partnership),
    )
