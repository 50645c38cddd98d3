"""Property tests: whatever is done to a valid workbook, the import returns changes or clear
problems, never raises, never writes part of a change, and what it writes reads back unchanged."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from apps.importers.selectors.workbook_export import plan_workbook
from apps.importers.services.workbooks import workbook_import
from apps.plans.models import Plan
from tests import builders
from tests.importers.workbook.helpers import fingerprint, snapshot

pytestmark = pytest.mark.django_db
PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

readable_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n"),
    max_size=30,
)
cell_values = st.one_of(
    st.none(),
    readable_text,
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(
        ["Red", "amber", "On hold", "Completed", "CSP", "CSP; YS", "ZZ", "1", "2", "31/2/2026",
         "31/7/2026", "Summer 27", "• item", "", " "]
    ),
)  # fmt: skip

# One change to a workbook: set a cell, delete rows or columns, insert a column, rename a sheet.
mutations = st.one_of(
    st.tuples(st.just("cell"), st.integers(1, 8), st.integers(1, 15), cell_values),
    st.tuples(st.just("delete rows"), st.integers(1, 6), st.integers(1, 3)),
    st.tuples(st.just("delete column"), st.integers(1, 14)),
    st.tuples(st.just("insert column"), st.integers(1, 14)),
    st.tuples(st.just("rename"), st.sampled_from(["Actions", "Updates", "About"])),
)


def _mutate(book: Workbook, mutation: tuple[Any, ...]) -> None:
    sheet = book.worksheets[0]  # still the actions, even once renamed
    kind = mutation[0]
    if kind == "cell":
        sheet.cell(row=mutation[1], column=mutation[2]).value = mutation[3]
    elif kind == "delete rows":
        sheet.delete_rows(mutation[1], mutation[2])
    elif kind == "delete column":
        sheet.delete_cols(mutation[1])
    elif kind == "insert column":
        sheet.insert_cols(mutation[1])
    elif mutation[1] in book.sheetnames:
        book[mutation[1]].title = f"Old {mutation[1]}"


def _saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _check_import(plan: Plan, data: bytes, user: User) -> None:
    """The import either applies everything (and reads back unchanged) or nothing at all."""
    with transaction.atomic():
        before, state = snapshot(), fingerprint(plan)
        result = workbook_import(plan=plan, data=data, user=user)
        if result.problems:
            assert all(str(problem) for problem in result.problems)
            assert snapshot() == before
            assert fingerprint(plan) == state
        else:
            again = workbook_import(plan=plan, data=plan_workbook(plan=plan), user=user)
            assert again.ok and again.changes == []
        transaction.set_rollback(True)  # the next example starts from the same plan


@pytest.fixture
def plan_and_user(partnership: Any, importer: User) -> tuple[Plan, User]:
    return builders.small_plan(partnership=partnership).plan, importer


@PROPERTY
@given(changes=st.lists(mutations, min_size=1, max_size=4))
def test_mutated_workbook_gives_changes_or_problems(
    plan_and_user: tuple[Plan, User], changes: list[tuple[Any, ...]]
) -> None:
    plan, user = plan_and_user
    book = load_workbook(io.BytesIO(plan_workbook(plan=plan)))
    for mutation in changes:
        _mutate(book, mutation)
    _check_import(plan, _saved(book), user)


@PROPERTY
@given(data=st.binary(max_size=2000))
def test_garbage_bytes_are_refused(plan_and_user: tuple[Plan, User], data: bytes) -> None:
    plan, user = plan_and_user
    _check_import(plan, data, user)


@PROPERTY
@given(cut=st.integers(min_value=0), flips=st.lists(st.integers(min_value=0), max_size=5))
def test_damaged_workbook_is_refused_or_read(
    plan_and_user: tuple[Plan, User], cut: int, flips: list[int]
) -> None:
    """A truncated or bit-flipped file: refused as not a workbook, or read as what it holds."""
    plan, user = plan_and_user
    data = bytearray(plan_workbook(plan=plan))
    for flip in flips:
        data[flip % len(data)] ^= 0xFF
    _check_import(plan, bytes(data[: len(data) - cut % len(data)] if cut else data), user)


def test_property_helpers_detect_a_partial_write(
    plan_and_user: tuple[Plan, User], edit_workbook: Callable[..., bytes]
) -> None:
    """The fingerprint the properties rely on does see a change made by an import."""
    plan, user = plan_and_user
    state = fingerprint(plan)
    data = edit_workbook(plan, lambda b: b["Actions"].cell(row=2, column=6, value="Changed"))
    assert workbook_import(plan=plan, data=data, user=user).ok
    assert fingerprint(plan) != state
