"""How long each seed document takes to read, and to read and save, as ratios to the smallest.

Reading is what the upload preview does on every visit; saving is the confirm step. Saving runs
inside a transaction that is rolled back so each repeat starts from the same database.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from django.db import transaction

from apps.demo.seeds import BOLSOVER_2017, NORFOLK_2013, NOTTS_PCC_2019, NSDC_2025, NSDC_2026
from apps.importers.domain.documents import decode_document, parse_plan_documents
from apps.importers.services import plan_create_from_parsed
from apps.partnerships.services import partnership_get_or_create
from bench.harness import Measurement, measure, report

SEEDS = [NSDC_2025, NSDC_2026, NORFOLK_2013, NOTTS_PCC_2019, BOLSOVER_2017]


class _RolledBack(Exception):
    pass


def _read(path: Path) -> int:
    plans = parse_plan_documents(decode_document(path.read_bytes()))
    return sum(plan.action_count for plan in plans)


def _read_and_save(path: Path) -> None:
    try:
        with transaction.atomic():
            partnership = partnership_get_or_create(name="Bench import CSP")
            for parsed in parse_plan_documents(decode_document(path.read_bytes())):
                plan_create_from_parsed(parsed=parsed, partnership=partnership)
            raise _RolledBack
    except _RolledBack:
        pass


def run() -> None:
    results: list[Measurement] = []
    for path in SEEDS:
        actions = _read(path)
        label = f"{path.name[:3]} ({path.stat().st_size // 1024} KiB, {actions} actions)"
        results.append(measure(f"read {label}", partial(_read, path), memory=True))
        results.append(measure(f"read and save {label}", partial(_read_and_save, path), repeat=3))
    report("Plan document import (seed documents)", results, baseline=results[0])
