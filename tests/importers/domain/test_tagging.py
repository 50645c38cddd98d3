"""Thematic tags from the words and acronyms the plans use."""

from __future__ import annotations

import pytest

from apps.importers.domain.tagging import TAG_VOCABULARY, detect_tags


def test_vocabulary_order() -> None:
    assert TAG_VOCABULARY == [
        "ASB",
        "Domestic Abuse",
        "VAWG",
        "Prevent",
        "Modern Slavery",
        "Hate",
        "Serious Violence",
        "Fraud",
        "Neighbourhood Crime",
        "Safeguarding",
        "Substance Misuse",
        "Exploitation",
    ]


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Anti-social Behaviour (ASB)", ["ASB"]),
        ("deter anti-social behaviour", ["ASB"]),
        ("Domestic Abuse (DA)", ["Domestic Abuse"]),
        ("Bystander/Upstander (VAWG/DA/SV)", ["Domestic Abuse", "VAWG", "Serious Violence"]),
        ("Violence Against Women & Girls", ["VAWG"]),
        ("Prevent (Counter-Terrorism)", ["Prevent"]),
        ("Modern Slavery & Human Trafficking", ["Modern Slavery"]),
        ("Hate / Unconscious Bias.", ["Hate"]),
        ("Serious Violence (linked with VAWG)", ["VAWG", "Serious Violence"]),
        ("Fraud and Cybercrime.", ["Fraud"]),
        ("Neighbourhood Crime", ["Neighbourhood Crime"]),
        ("Contextual safeguarding.", ["Safeguarding"]),
        ("Substance Misuse.", ["Substance Misuse"]),
        ("tackle the normalisation of drug taking", ["Substance Misuse"]),
        ("CCE/CSE", ["Exploitation"]),
        ("at risk of exploitation in extra familial settings", ["Exploitation"]),
    ],
)
def test_detects(text: str, tags: list[str]) -> None:
    assert detect_tags(text) == tags


@pytest.mark.parametrize(
    "text",
    [
        "DAHA Accreditation and data",  # "DA" only as a whole word
        "prevent crime in the area",  # the verb, not the Prevent programme
        "whatever happens",  # "hate" inside another word
        "Target hardening",
        "",
    ],
)
def test_does_not_detect(text: str) -> None:
    assert detect_tags(text) == []
