"""Filters for report templates: colours from the database reach a style attribute only when
they are plain hex colours."""

from __future__ import annotations

import re

from django import template

register = template.Library()
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@register.filter
def hex_colour(value: str, fallback: str = "#ffffff") -> str:
    return value if isinstance(value, str) and HEX_COLOUR.fullmatch(value) else fallback
