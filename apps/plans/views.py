"""Plan pages. Views parse the request, check permission, call a selector or service, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from apps.plans.selectors import action_list_for_user


@login_required
def my_actions(request: HttpRequest) -> HttpResponse:
    # Only the signed-in person's own actions are listed, so membership is the permission.
    actions = action_list_for_user(user=request.user)
    return render(request, "plans/my_actions.html", {"actions": actions})
