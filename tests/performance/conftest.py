"""Fixtures for performance tests: a priority in the partnership, and a measure under it."""

from __future__ import annotations

import pytest

from apps.partnerships.models import Partnership
from apps.performance.models import Measure, Priority
from tests import builders


@pytest.fixture
def priority(partnership: Partnership) -> Priority:
    return builders.priority(partnership=partnership)


@pytest.fixture
def measure(priority: Priority) -> Measure:
    return builders.measure(priority=priority)
