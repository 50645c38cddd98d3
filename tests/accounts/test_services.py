"""Writes for accounts: a user made with a username Django accepts, once."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from apps.accounts.services import USERNAME_MISSING, USERNAME_TAKEN, user_create

pytestmark = pytest.mark.django_db


def test_user_signs_in_with_the_password_given() -> None:
    user = user_create(username=" analyst ", password="demo")
    assert user.username == "analyst"
    assert user.check_password("demo") and not user.is_staff and not user.is_superuser
    assert User.objects.get() == user


def test_username_is_needed_once_and_in_djangos_letters() -> None:
    user_create(username="analyst", password="pw")
    with pytest.raises(ValidationError) as error:
        user_create(username="analyst", password="pw")
    assert error.value.message_dict == {"username": [USERNAME_TAKEN.format(username="analyst")]}
    with pytest.raises(ValidationError) as error:
        user_create(username="  ", password="pw")
    assert error.value.message_dict == {"username": [USERNAME_MISSING]}
    with pytest.raises(ValidationError) as error:
        user_create(username="no spaces please", password="pw")
    assert list(error.value.message_dict) == ["username"]
    assert User.objects.count() == 1
