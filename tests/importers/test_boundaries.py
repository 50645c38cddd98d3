"""The importer changes other apps' rows only through their services, and its domain stays pure.

A scan of the source, so the rule holds for code not yet written: the importer may read plans
and partnerships, but every write goes through ``apps.plans.services`` or
``apps.partnerships.leads``, where validation and the audit history live.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.apps import apps as registry

import apps.importers as importers_app

IMPORTERS = Path(importers_app.__file__).parent
OTHER_APPS = ("plans", "partnerships")
WRITES = {"create", "bulk_create", "get_or_create", "update_or_create", "update", "delete"}
RELATION_WRITES = {"add", "set", "remove", "clear", "create", "bulk_create", "get_or_create"}
# The importer's own model, DocumentUpload, which it saves itself (as ``upload``).
OWN_ROWS = {"upload"}
ALLOWED: set[tuple[str, str]] = set()


def _model_names() -> set[str]:
    return {
        model.__name__
        for label in OTHER_APPS
        for model in registry.get_app_config(label).get_models()
    }


def _relation_names() -> set[str]:
    """Many-to-many fields and reverse relations of the other apps' models (lead_people, …)."""
    names: set[str] = set()
    for label in OTHER_APPS:
        for model in registry.get_app_config(label).get_models():
            for field in model._meta.get_fields():
                if field.many_to_many or field.one_to_many:
                    accessor = getattr(field, "get_accessor_name", None)
                    names.add(accessor() if accessor and field.auto_created else field.name)
    return names


def _chain(node: ast.expr) -> list[str]:
    """``a.b.c`` as ["a", "b", "c"]; calls in the chain (``x.filter(...).update``) are skipped."""
    parts: list[str] = []
    while True:
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            if isinstance(node, ast.Name):
                parts.append(node.id)
            return parts[::-1]


def _functions(tree: ast.Module) -> dict[ast.AST, str]:
    """Each node's enclosing top-level function name, for the allowance above."""
    owner: dict[ast.AST, str] = {}
    for top in tree.body:
        if isinstance(top, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(top):
                owner[node] = top.name
    return owner


def _violations(source: str, where: str, models: set[str], relations: set[str]) -> Iterator[str]:
    tree = ast.parse(source, filename=where)
    owner = _functions(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or (where, owner.get(node)) in ALLOWED:
            continue
        chain = _chain(node.func)
        line = f"{where}:{node.lineno}"
        if isinstance(node.func, ast.Name) and node.func.id in models:
            yield f"{line} builds a {node.func.id} itself"
        if not isinstance(node.func, ast.Attribute) or not chain:
            continue
        method, root = node.func.attr, chain[0]
        if root in models and "objects" in chain and method in WRITES:
            yield f"{line} writes {root} rows with .objects…{method}()"
        # ExcelWriter(...).save() writes a file, not a row: a save on a new non-model object.
        made_here = isinstance(node.func.value, ast.Call) and root not in models
        if method in ("save", "delete") and root not in OWN_ROWS and not made_here:
            yield f"{line} calls .{method}() on {'.'.join(chain[:-1])}"
        related = len(chain) >= 3 and chain[-2] in relations and root not in OWN_ROWS
        if method in RELATION_WRITES and related:
            yield f"{line} changes {'.'.join(chain[:-1])} with .{method}()"


def test_the_importer_writes_other_apps_rows_only_through_their_services() -> None:
    models, relations = _model_names(), _relation_names()
    found = [
        problem
        for path in sorted(IMPORTERS.rglob("*.py"))
        if "migrations" not in path.parts
        for problem in _violations(
            path.read_text(), path.relative_to(IMPORTERS).as_posix(), models, relations
        )
    ]
    assert found == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Theme.objects.create(plan=plan)", "writes Theme rows"),
        ("Tag.objects.bulk_create(tags)", "writes Tag rows"),
        ("Partnership.objects.get_or_create(name=n)", "writes Partnership rows"),
        ("Action.objects.filter(pk=1).update(status='x')", "writes Action rows"),
        ("theme.save()", "calls .save() on theme"),
        ("Person(initials='JW')", "builds a Person itself"),
        ("action.lead_people.set(people)", "changes action.lead_people"),
    ],
)
def test_the_scan_catches_direct_writes(source: str, expected: str) -> None:
    probe = f"def probe():\n    {source}\n"
    problems = list(_violations(probe, "probe.py", _model_names(), _relation_names()))
    assert len(problems) == 1 and expected in problems[0]


def test_the_domain_imports_no_models_and_no_database() -> None:
    """domain/ is pure Python: the parsers and workbook rules run without Django's ORM."""
    found = []
    for path in sorted((IMPORTERS / "domain").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = node.module
                if module.endswith(".models") or module.startswith("django.db"):
                    found.append(f"{path.relative_to(IMPORTERS)}: {module}")
    assert found == []
