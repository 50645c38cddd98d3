"""Sign-in pages: the sign-in form, the lock-out answer and the keep-alive a page posts to."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from apps.accounts.forms import SIGN_IN_LOCKED_OUT, SignInForm
from apps.core.sessions import SIGNED_OUT_REASON, session_time_left


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Why the last session ended (idle or too long), told once.
        context["signed_out_reason"] = self.request.session.pop(SIGNED_OUT_REASON, "")
        return context


# django-axes' own answer's status: Too Many Requests.
LOCKED_OUT_STATUS = 429


def lockout_minutes() -> int:
    return round(float(settings.AXES_COOLOFF_TIME) * 60)


def sign_in_locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """django-axes' answer to a locked-out account or address: the sign-in page, saying so."""
    username = str((credentials or {}).get("username") or request.POST.get("username", ""))
    context = {
        "form": SignInForm(request, initial={"username": username}),
        "locked_out_message": SIGN_IN_LOCKED_OUT.format(minutes=lockout_minutes()),
        "next": request.POST.get("next", ""),
    }
    return render(request, "accounts/sign_in.html", context, status=LOCKED_OUT_STATUS)


@require_POST
def keep_alive(request: HttpRequest) -> HttpResponse:
    """The "Stay signed in" button: the request itself restarts the idle clock
    (apps.core.sessions); the answer says how long is left now."""
    return HttpResponse(str(session_time_left(request)), content_type="text/plain")
