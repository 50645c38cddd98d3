"""The reports demo's glossaries, transcribed from the seeds (the saved definitions are checked
in tests/demo/test_load_demo.py, on the one demo load)."""

from __future__ import annotations

import pytest

from apps.demo.glossary_data import (
    BOLSOVER,
    NORFOLK,
    NSDC_OWN,
    SOURCES,
    glossary_for_partnership_elsewhere,
)


@pytest.mark.parametrize("name", list(SOURCES))
def test_each_glossary_entry_is_on_the_line_it_cites(name: str) -> None:
    entries = {"NORFOLK": NORFOLK, "BOLSOVER": BOLSOVER, "NSDC_OWN": NSDC_OWN}[name]
    lines = SOURCES[name].read_text(encoding="utf-8").splitlines()
    misplaced = [e for e in entries if e.acronym not in lines[e.line - 1]]
    assert misplaced == []
    # The first words of each meaning are printed on that line too.
    assert [e for e in entries if e.meaning.split()[0] not in lines[e.line - 1]] == []


def test_glossaries_hold_every_entry_the_seeds_print() -> None:
    assert len(NORFOLK) == 69  # line 2033 (a garbled repeat of DHR) left out
    assert len(BOLSOVER) == 22
    merged = glossary_for_partnership_elsewhere()
    assert len({e.acronym for e in merged}) == len(merged)
    assert next(e for e in merged if e.acronym == "SV").meaning == "Serious Violence"
    assert not any(e.local for e in merged)
