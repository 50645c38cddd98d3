"""The importer's domain stays pure: its parsers and workbook rules run without the ORM.

That the importer changes other apps' rows only through their services is checked for every
app, the importer included, in tests/test_boundaries.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import apps.importers as importers_app

IMPORTERS = Path(importers_app.__file__).parent


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
