"""The tracker rules without a database: references as partners retype them, by-whens written
another way, and update cells that repeat earlier quarters."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from apps.importers.domain.trackers import number_key, same_by_when, says_something, update_check


@pytest.mark.parametrize(
    "printed", ["1.2", "1.2.", " 1 . 2 ", "(1.2)", "1.2)", "1-2", "01.02", "1.2 ", "1:2"]
)
def test_one_reference_however_it_is_typed(printed: str) -> None:
    assert number_key(printed) == "1.2"


@pytest.mark.parametrize(("a", "b"), [("1.12", "11.2"), ("1.2", "12"), ("2a", "2b"), ("3", "")])
def test_different_references_stay_different(a: str, b: str) -> None:
    assert number_key(a) != number_key(b)


def test_letters_ignore_case_and_brackets() -> None:
    assert number_key("A)") == number_key("(a)") == "a"


@given(st.text(alphabet="0123456789.()- aB", max_size=12))
def test_a_key_is_its_own_key(printed: str) -> None:
    assert number_key(number_key(printed)) == number_key(printed)


@pytest.mark.parametrize(
    ("stored", "given_text", "given_date"),
    [
        ("31/03/2027", "31 March 2027", None),
        ("31/03/2027", "", date(2027, 3, 31)),
        ("On-going", "Ongoing", None),
        ("March 2027", "march 2027", None),
    ],
)
def test_the_same_by_when_written_another_way(
    stored: str, given_text: str, given_date: date | None
) -> None:
    assert same_by_when(stored, None, given_text, given_date)


@pytest.mark.parametrize(
    ("stored", "given_text"),
    [("31/03/2027", "30/06/2027"), ("On-going", "Completed"), ("March 2027", "31/03/2027")],
)
def test_a_different_by_when(stored: str, given_text: str) -> None:
    assert not same_by_when(stored, None, given_text, None)


RECORDED = ["Funding bid submitted to the Safer Streets fund.", "Ongoing"]


def test_an_update_recorded_already_is_a_duplicate() -> None:
    check = update_check(
        "  funding bid submitted to the ‘Safer Streets’ fund. ",
        ["Funding bid submitted to the 'Safer Streets' fund."],
    )
    assert check.duplicate and not check.repeats


def test_part_of_a_longer_recorded_update_is_a_duplicate() -> None:
    assert update_check("Funding bid submitted", ["Funding bid submitted to the fund."]).duplicate


def test_a_short_word_is_not_looked_for_inside_others() -> None:
    """ "Ongoing" is in many cells without the cell repeating that update."""
    check = update_check("Ongoing work with the police on the bid.", RECORDED)
    assert not check.duplicate and check.text == "Ongoing work with the police on the bid."


def test_a_cell_keeping_last_quarters_update_brings_only_the_rest() -> None:
    cell = "Funding bid submitted to the Safer Streets fund.\n\nQ3: bid approved; cameras ordered."
    check = update_check(cell, RECORDED)
    assert check == type(check)(
        text="Q3: bid approved; cameras ordered.", duplicate=False, repeats=True
    )


def test_a_cell_of_earlier_updates_only_is_a_duplicate() -> None:
    cell = "Funding bid submitted to the Safer Streets fund. - "
    assert update_check(cell, RECORDED).duplicate


def test_a_new_update_is_kept_as_written() -> None:
    cell = "Cameras installed.\nLive from 1 October."
    assert update_check(cell, RECORDED) == type(update_check(cell, []))(
        text=cell, duplicate=False, repeats=False
    )


SENTENCES = st.lists(
    st.text(alphabet="abcdefghij klmnop.,;:’-", min_size=1, max_size=40), min_size=1, max_size=4
)


@example(recorded=[":", ":" * 20], cell=[2, 1, 2])  # new text either side of a recorded one
@given(recorded=SENTENCES, cell=st.lists(st.sampled_from(range(8)), min_size=1, max_size=5))
def test_what_a_cell_adds_is_never_added_again(recorded: list[str], cell: list[int]) -> None:
    """Once what a cell brings is recorded, the same cell brings nothing: a tracker applied
    twice adds no update twice, however its cell mixes old and new text."""
    pool = [*recorded, "Patrols doubled in the town centre.", "Bid approved in September."]
    text = "\n".join(pool[i % len(pool)] for i in cell)
    if not text.strip():
        return
    check = update_check(text, recorded)
    after = [*recorded, check.text] if not check.duplicate else recorded
    assert update_check(text, after).duplicate


@pytest.mark.parametrize(
    ("cell", "says"), [("-", False), (" – ", False), ("", False), ("N/A", True), ("0", True)]
)
def test_a_dash_is_an_empty_cell(cell: str, says: bool) -> None:
    assert says_something(cell) is says
