"""Invitation pages: administrators invite, resend and revoke; the invitee accepts through the
public link page (ADR 10)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from apps.accounts.models import IdentityProvider
from apps.accounts.single_sign_on.backend import PENDING_PROVIDER_SESSION_KEY
from apps.accounts.single_sign_on.selectors import provider_for_email, provider_origins
from apps.accounts.single_sign_on.views import LOGIN_HINT_SESSION_KEY
from apps.core.permissions import object_get_or_403
from apps.partnerships import selectors, services
from apps.partnerships.domain.invitations import EXPIRED
from apps.partnerships.forms.invitations import InvitationAcceptForm, InvitationForm
from apps.partnerships.invitation_sign_on import INVITATION_SIGN_ON_SESSION_KEY
from apps.partnerships.models import Invitation, Partnership

ADMINISTER = "partnerships.administer_partnership"


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def invitation_list(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = object_get_or_403(
        Partnership, user=request.user, permission=ADMINISTER, pk=partnership_id
    )
    return _list_render(request, partnership)


def _list_render(request: HttpRequest, partnership: Partnership, error: str = "") -> HttpResponse:
    now = timezone.now()
    invitations = [
        (invitation, invitation.state_at(now) == EXPIRED)
        for invitation in selectors.invitation_list_open(partnership_id=partnership.pk)
    ]
    context = {"partnership": partnership, "invitations": invitations, "error": error}
    return render(
        request, "partnerships/invitations_list.html", context, status=400 if error else 200
    )


def invitation_new(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = object_get_or_403(
        Partnership, user=request.user, permission=ADMINISTER, pk=partnership_id
    )
    people = selectors.people_to_invite(partnership_id=partnership.pk)
    form = InvitationForm(
        request.POST or None,
        people=people,
        organisations=selectors.organisations_active(partnership_id=partnership.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.invitation_create(
                partnership=partnership,
                by=request.user,  # type: ignore[arg-type]
                site_url=_site_url(request),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Invitation sent to {sent.invitation.email}")
            return redirect("partnerships:invitation-list", partnership_id=partnership.pk)
    context = {"form": form, "partnership": partnership}
    return render(request, "partnerships/invitations_new.html", context)


def _invitation_post(request: HttpRequest, invitation_id: int) -> Invitation | HttpResponse:
    """The invitation, if the user administers its partnership (404/403) and this is a POST."""
    invitation = object_get_or_403(
        Invitation.objects.select_related("partnership"),
        user=request.user,
        permission=ADMINISTER,
        pk=invitation_id,
    )
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return invitation


def invitation_resend(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = _invitation_post(request, invitation_id)
    if isinstance(invitation, HttpResponse):
        return invitation
    try:
        services.invitation_resend(
            invitation=invitation,
            by=request.user,  # type: ignore[arg-type]
            site_url=_site_url(request),
        )
    except ValidationError as error:
        return _list_render(request, invitation.partnership, error=error.messages[0])
    messages.success(request, f"Invitation sent again to {invitation.email}")
    return redirect("partnerships:invitation-list", partnership_id=invitation.partnership_id)


def invitation_revoke(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = _invitation_post(request, invitation_id)
    if isinstance(invitation, HttpResponse):
        return invitation
    try:
        services.invitation_revoke(invitation=invitation, by=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        return _list_render(request, invitation.partnership, error=error.messages[0])
    messages.success(request, f"Invitation to {invitation.email} cancelled")
    return redirect("partnerships:invitation-list", partnership_id=invitation.partnership_id)


def _refused(request: HttpRequest, error: ValidationError) -> HttpResponse:
    status = 404 if error.code == "not_found" else 410
    context = {"message": error.messages[0]}
    return render(request, "partnerships/invitations_refused.html", context, status=status)


@login_not_required
@never_cache
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the email: public, since the invitee has no account yet."""
    response = _accept(request, token)
    # The token is in the address: never send it on to another site. (Not no-referrer: the
    # browser would then post the form with "Origin: null", which CSRF protection refuses.)
    response["Referrer-Policy"] = "same-origin"
    return response


def _single_sign_on_start(
    request: HttpRequest, token: str, invitation: Invitation, provider: IdentityProvider
) -> HttpResponse:
    """Off to the organisation's identity provider, to come back here signed in and join."""
    request.session[PENDING_PROVIDER_SESSION_KEY] = provider.pk
    request.session[LOGIN_HINT_SESSION_KEY] = invitation.email
    request.session[INVITATION_SIGN_ON_SESSION_KEY] = token
    start = reverse("accounts:single-sign-on-start")
    return redirect(f"{start}?{urlencode({'next': request.path})}")


def _accept(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_check(token=token)
    except ValidationError as error:
        return _refused(request, error)
    user = request.user
    signed_in = user.is_authenticated
    has_account = not signed_in and User.objects.filter(email__iexact=invitation.email).exists()
    provider = None if signed_in or has_account else provider_for_email(invitation.email)
    if provider is not None and request.method == "POST" and "single_sign_on" in request.POST:
        return _single_sign_on_start(request, token, invitation, provider)
    form = InvitationAcceptForm(request.POST or None) if not signed_in else None
    if request.method == "POST" and not has_account and (form is None or form.is_valid()):
        try:
            membership = services.invitation_accept(
                token=token, user=user, password=form.cleaned_data["password"] if form else ""
            )
        except ValidationError as error:
            if form is not None and hasattr(error, "error_dict"):
                form.add_service_error(error)
            else:
                return _refused(request, error)
        else:
            if not signed_in:
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            request.session.pop(INVITATION_SIGN_ON_SESSION_KEY, None)
            messages.success(request, f"You have joined {membership.partnership.name}")
            return redirect("plans:home")
    context = {
        "invitation": invitation,
        "form": form,
        "has_account": has_account,
        "sign_in_url": reverse("accounts:sign-in") + "?next=" + request.path,
        "other_user": signed_in and user.email.lower() != invitation.email.lower(),  # type: ignore[union-attr]
        "provider": provider,
    }
    response = render(request, "partnerships/invitations_accept.html", context)
    if provider is not None:
        # The form's redirects lead to the provider's sign-in page: allowed by the page's
        # Content-Security-Policy form-action (read by django-csp).
        response._csp_update = {"form-action": ["'self'", *provider_origins()]}  # type: ignore[attr-defined]
    return response
