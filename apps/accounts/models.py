"""History of the users who sign in: who changed a user's name, email, or active and staff
flags, and when (django-simple-history on Django's own User model)."""

from django.contrib.auth.models import User
from simple_history import register

# The password hash never goes into history (a copy of every old hash is a gift to an attacker),
# nor the time of each sign-in, which the security log records.
register(User, app="apps.accounts", excluded_fields=["password", "last_login"])
