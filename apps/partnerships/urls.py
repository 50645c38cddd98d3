"""The partnership's own pages: its people, agencies, members, invitations, security log and
two-factor requirement, for its administrators."""

from django.urls import path

from apps.partnerships import security_urls, views
from apps.partnerships.invitation_urls import admin_urlpatterns as invitation_urlpatterns
from apps.partnerships.views import two_factor

app_name = "partnerships"

urlpatterns = [
    path("<int:partnership_id>/", views.people_and_agencies, name="people-and-agencies"),
    path(
        "<int:partnership_id>/organisations/",
        views.organisation_list,
        name="organisation-list",
    ),
    path(
        "<int:partnership_id>/organisations/new/",
        views.organisation_add,
        name="organisation-add",
    ),
    path(
        "organisations/<int:organisation_id>/edit/",
        views.organisation_edit,
        name="organisation-edit",
    ),
    path(
        "organisations/<int:organisation_id>/active/",
        views.organisation_active,
        name="organisation-active",
    ),
    path("<int:partnership_id>/people/", views.person_list, name="person-list"),
    path("<int:partnership_id>/people/new/", views.person_add, name="person-add"),
    path("people/<int:person_id>/edit/", views.person_edit, name="person-edit"),
    path("people/<int:person_id>/active/", views.person_active, name="person-active"),
    path("<int:partnership_id>/members/", views.member_list, name="member-list"),
    path("members/<int:membership_id>/role/", views.member_role, name="member-role"),
    path(
        "members/<int:membership_id>/administrator/",
        views.member_administrator,
        name="member-administrator",
    ),
    path("members/<int:membership_id>/end/", views.member_end, name="member-end"),
    *security_urls.urlpatterns,
    *invitation_urlpatterns,
    *two_factor.urlpatterns,
]
