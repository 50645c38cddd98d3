"""Invitation routes, kept apart so the partnership's other pages merge beside them.

``urlpatterns`` is the public accept page, mounted at /accounts/invitation/ (namespace
"invitations"); ``admin_urlpatterns`` are the administrators' pages, included in
apps/partnerships/urls.py under /partnerships/.
"""

from django.urls import path

from apps.partnerships.views import invitations as views

app_name = "invitations"

urlpatterns = [
    path("<slug:token>/", views.invitation_accept, name="accept"),
]

admin_urlpatterns = [
    path("<int:partnership_id>/invitations/", views.invitation_list, name="invitation-list"),
    path("<int:partnership_id>/invitations/new/", views.invitation_new, name="invitation-add"),
    path(
        "invitations/<int:invitation_id>/resend/",
        views.invitation_resend,
        name="invitation-resend",
    ),
    path(
        "invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
]
