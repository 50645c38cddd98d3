"""A document's glossary says what its abbreviations stand for; other lines are not entries."""

from __future__ import annotations

from apps.importers.domain.glossary import glossary_agencies


def test_entries_in_the_forms_plans_print_them() -> None:
    lines = [
        "## Glossary",
        "*BDC* – Bolsover District Council",
        "NSDC - Newark & Sherwood District Council",
        "**DFRS**: Derbyshire Fire and Rescue Service",
        "CCGs – Clinical Commissioning Groups",
        "ASB – Anti-Social Behaviour - The definition under the Crime and Disorder Act 1998 is …",
        "BDC – Bassetlaw District Council",  # the first definition wins
    ]
    assert glossary_agencies(lines) == {
        "BDC": "Bolsover District Council",
        "NSDC": "Newark & Sherwood District Council",
        "DFRS": "Derbyshire Fire and Rescue Service",
        "CCGS": "Clinical Commissioning Groups",
        "ASB": "Anti-Social Behaviour",
    }


def test_lines_that_only_look_like_entries_are_left_out() -> None:
    lines = [
        "NB: The information given above relates only to the 2013/14 target",
        "AMBER – NDAP faces another year of change",
        "Objective 1 - Reduce harm",
        "1) Review the ASB policy – JW",
    ]
    assert glossary_agencies(lines) == {}
