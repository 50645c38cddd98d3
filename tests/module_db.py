"""`module_db`: data built once for a test module and rolled back when the module ends (and
`outer_transaction`, to do the same for a package)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from django.db import transaction

ModuleDb = Callable[[], AbstractContextManager[None]]


@contextmanager
def outer_transaction(django_db_blocker: Any) -> Iterator[ModuleDb]:
    """A transaction around every test run inside it, rolled back at the end, whatever they did.

    Yields the way in to the database (`with unblock(): ...`) for fixtures that build data in it.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield django_db_blocker.unblock
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_db(django_db_setup: None, django_db_blocker: Any) -> Iterator[ModuleDb]:
    """An outer transaction around the whole module, rolled back when the module ends.

    A module-scoped fixture builds costly data once, inside `with module_db():` (which lets it
    reach the database). Each test of the module then runs in pytest-django's own transaction,
    nested in this one as a savepoint and rolled back after the test, so a test that changes
    the shared rows leaves them as they were for the next. Fixtures should hand each test
    fresh instances (`Plan.objects.get(pk=...)`), so no changed attribute outlives a test
    either. Not for modules with `transaction=True` tests, nor for tests that need an empty
    database: they see the module's rows.
    """
    with outer_transaction(django_db_blocker) as unblock:
        yield unblock
