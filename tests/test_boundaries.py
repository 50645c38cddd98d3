"""An app changes another app's models only through that app's services (issue 9).

A scan of the source of every app under apps/, so the rule holds for code not yet written. An
app may read any model it may import, but a write to another app's rows goes through the owning
app's services, where validation and the audit history live. A write is a manager or queryset
call (``Plan.objects.create``, ``…filter(...).update``), building the model (``Person(...)``),
``.save()`` or ``.delete()`` on an instance, or a change to a relation (``action.lead_people
.set``). ``User`` and the rest of django.contrib.auth count as the accounts app's.

What a name holds is read from its annotation, its assignment (``lead = Person.objects.get
(...)``), its loop (``for action in plan.actions.all()``) or relations followed from there;
a name the scan cannot place is taken, as people name them, to hold the model it is named
after (``theme``, ``priority_report``). Anything else it cannot see; review covers that.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from django.apps import apps as registry
from django.db.models import Manager, Model

import apps as apps_package

APPS = Path(apps_package.__file__).parent
APP_NAMES = sorted(p.name for p in APPS.iterdir() if (p / "apps.py").exists())
# django.contrib.auth's models (User above all) belong to accounts for this rule.
OWNER_BY_LABEL = {"auth": "accounts"}
ROW_WRITES = {
    "create",
    "bulk_create",
    "get_or_create",
    "update_or_create",
    "update",
    "delete",
    "bulk_update",
    "create_user",
    "create_superuser",
}
RELATION_WRITES = {"add", "set", "remove", "clear"}
INSTANCE_WRITES = {"save", "delete"}
ROWS_KEPT = {
    "all",
    "filter",
    "exclude",
    "order_by",
    "select_related",
    "prefetch_related",
    "distinct",
    "annotate",
    "alias",
    "select_for_update",
    "only",
    "defer",
    "using",
    "reverse",
    "none",
    "union",
}
ONE_ROW = {"get", "first", "last", "latest", "earliest", "create"}
PAIR_WITH_ROW = {"get_or_create", "update_or_create"}
COLLECTIONS = {"list", "tuple", "set", "frozenset", "Sequence", "Iterable", "Collection"}
COLLECTIONS |= {"Iterator", "QuerySet", "Manager"}


def owner(model: type[Model]) -> str | None:
    """The app under apps/ whose services write this model (None: a library's own)."""
    label = model._meta.app_label
    label = OWNER_BY_LABEL.get(label, label)
    return label if label in APP_NAMES else None


@dataclass(frozen=True)
class Kind:
    """What an expression holds: the model class, an instance, rows (a manager or queryset) or
    many instances (a list). A related manager (``action.lead_people``) also names the app
    whose rows its .add()/.set() change: the app of the model declaring the relation."""

    what: str  # "class" | "instance" | "rows" | "many"
    model: type[Model]
    relation_owner: str | None = None


@cache
def _models_by_import() -> dict[tuple[str, str], type[Model]]:
    return {(m.__module__, m.__name__): m for m in registry.get_models(include_auto_created=True)}


@cache
def _models_by_snake_name() -> dict[str, type[Model]]:
    found: dict[str, list[type[Model]]] = {}
    for model in registry.get_models():
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()
        found.setdefault(snake, []).append(model)
    return {name: models[0] for name, models in found.items() if len(models) == 1}


def _accessor(model: type[Model], name: str) -> Kind | None:
    """``instance.name``: a related instance or related rows, followed through the registry."""
    for field in model._meta.get_fields():
        reverse = field.auto_created and not field.concrete
        accessor = field.get_accessor_name() if reverse else field.name  # type: ignore[union-attr]
        if accessor != name or field.related_model is None:
            continue
        related = field.related_model
        if field.many_to_one or field.one_to_one:
            return Kind("instance", related)
        declared_on = field.field.model if reverse else field.model  # type: ignore[union-attr]
        return Kind("rows", related, relation_owner=owner(declared_on))
    return None


class _Scope:
    """What each name in one function (or the module's top level) holds."""

    def __init__(self, imports: dict[str, type[Model]]) -> None:
        self.imports = imports
        self.names: dict[str, Kind] = {}

    def kind(self, node: ast.expr | None) -> Kind | None:
        if isinstance(node, ast.Name):
            if node.id in self.names:
                return self.names[node.id]
            model = self.imports.get(node.id)
            return Kind("class", model) if model is not None else None
        if isinstance(node, ast.Attribute):
            base = self.kind(node.value)
            if base is None:
                return None
            if base.what == "class":
                manager = getattr(base.model, node.attr, None)
                return Kind("rows", manager.model) if isinstance(manager, Manager) else None
            return _accessor(base.model, node.attr) if base.what == "instance" else None
        if isinstance(node, ast.Call):
            func = node.func
            called = self.kind(func)
            if called is not None and called.what == "class":
                return Kind("instance", called.model)
            if isinstance(func, ast.Name) and func.id in {"list", "sorted", "tuple"} and node.args:
                inner = self.kind(node.args[0])
                return Kind("many", inner.model) if inner and inner.what != "instance" else None
            if isinstance(func, ast.Attribute):
                rows = self.kind(func.value)
                if rows is not None and rows.what == "rows":
                    if func.attr in ROWS_KEPT:
                        return Kind("rows", rows.model)
                    if func.attr in ONE_ROW:
                        return Kind("instance", rows.model)
            return None
        if isinstance(node, ast.Subscript):
            base = self.kind(node.value)
            if base is not None and base.what in {"rows", "many"}:
                sliced = isinstance(node.slice, ast.Slice)
                return Kind("rows", base.model) if sliced else Kind("instance", base.model)
            return None
        if isinstance(node, ast.BoolOp):
            return next((k for k in map(self.kind, node.values) if k is not None), None)
        if isinstance(node, ast.IfExp):
            return self.kind(node.body) or self.kind(node.orelse)
        if isinstance(node, ast.NamedExpr):
            return self.kind(node.value)
        return None

    def annotation(self, node: ast.expr | None) -> Kind | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return self.annotation(ast.parse(node.value, mode="eval").body)
        if isinstance(node, ast.BinOp):  # Person | None
            return self.annotation(node.left) or self.annotation(node.right)
        if isinstance(node, ast.Subscript):
            container = node.value
            name = container.attr if isinstance(container, ast.Attribute) else None
            name = container.id if isinstance(container, ast.Name) else name
            if name == "Optional":
                return self.annotation(node.slice)
            inner = self.annotation(node.slice)
            if name in COLLECTIONS and inner is not None and inner.what == "instance":
                return Kind("many", inner.model)
            return None
        found = self.kind(node)
        return Kind("instance", found.model) if found and found.what == "class" else None

    def element(self, node: ast.expr) -> Kind | None:
        """What iterating over `node` gives."""
        found = self.kind(node)
        if found is not None and found.what in {"rows", "many"}:
            return Kind("instance", found.model)
        return None

    def bind(self, target: ast.expr, kind: Kind | None) -> None:
        if isinstance(target, ast.Name) and kind is not None:
            self.names.setdefault(target.id, kind)

    def learn(self, node: ast.AST) -> None:
        """Record the names `node` binds (assignments, loops, parameters)."""
        if isinstance(node, ast.arg):
            self.bind(ast.Name(node.arg), self.annotation(node.annotation))
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            for target in targets:
                if isinstance(target, ast.Tuple) and isinstance(value, ast.Call):
                    func = value.func
                    if isinstance(func, ast.Attribute) and func.attr in PAIR_WITH_ROW:
                        rows = self.kind(func.value)
                        if rows is not None and rows.what == "rows":
                            self.bind(target.elts[0], Kind("instance", rows.model))
                else:
                    self.bind(target, self.kind(value))
            if isinstance(node, ast.AnnAssign):
                self.bind(node.target, self.annotation(node.annotation))
        elif isinstance(node, ast.For | ast.comprehension):
            self.bind(node.target, self.element(node.iter))
        elif isinstance(node, ast.NamedExpr):
            self.bind(node.target, self.kind(node.value))

    def receiver(self, node: ast.expr) -> Kind | None:
        """What a method is called on; an unplaced name is taken to hold its namesake."""
        found = self.kind(node)
        if found is not None:
            return found
        name = node.id if isinstance(node, ast.Name) else None
        name = node.attr if isinstance(node, ast.Attribute) else name
        model = _models_by_snake_name().get(name or "")
        if model is not None:
            return Kind("instance", model)
        if isinstance(node, ast.Attribute):
            base = self.receiver(node.value)
            if base is not None and base.what == "instance":
                return _accessor(base.model, node.attr)
        return None


def _imports(tree: ast.Module) -> dict[str, type[Model]]:
    known = _models_by_import()
    names: dict[str, type[Model]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                model = known.get((node.module, alias.name))
                if model is not None:
                    names[alias.asname or alias.name] = model
    return names


def _scopes(tree: ast.Module) -> Iterator[list[ast.AST]]:
    """The nodes of each function (methods included, nested functions with their parent),
    then the module's own statements."""
    top: list[ast.AST] = []
    for statement in tree.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            yield list(ast.walk(statement))
        elif isinstance(statement, ast.ClassDef):
            for member in statement.body:
                if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef):
                    yield list(ast.walk(member))
                else:
                    top += ast.walk(member)
        else:
            top += ast.walk(statement)
    yield top


def _call_problem(call: ast.Call, scope: _Scope, app: str) -> str | None:
    line = call.lineno
    called = scope.kind(call.func)
    if called is not None and called.what == "class":
        model = called.model
        return None if owner(model) in {app, None} else f"{line}: builds a {model.__name__} itself"
    if not isinstance(call.func, ast.Attribute):
        return None
    method, receiver = call.func.attr, call.func.value
    found = scope.receiver(receiver)
    if found is None:
        return None
    if found.relation_owner is not None and method in RELATION_WRITES:
        if found.relation_owner != app:
            return f"{line}: changes {ast.unparse(receiver)} with .{method}()"
        return None
    if owner(found.model) in {app, None}:
        return None
    if found.what == "rows" and method in ROW_WRITES:
        return f"{line}: writes {found.model.__name__} rows with .{method}()"
    if found.what == "instance" and method in INSTANCE_WRITES:
        return f"{line}: calls .{method}() on {ast.unparse(receiver)}"
    return None


def violations(source: str, app: str) -> Iterator[str]:
    """Each write in `source` (a module of `app`) to another app's models, as "line: what"."""
    tree = ast.parse(source)
    imports = _imports(tree)
    for nodes in _scopes(tree):
        scope = _Scope(imports)
        for _ in range(2):  # twice, so a name bound from another name bound later is known
            for node in nodes:
                scope.learn(node)
        for node in nodes:
            if isinstance(node, ast.Call):
                problem = _call_problem(node, scope, app)
                if problem is not None:
                    yield problem


def _app_sources(app: str) -> Iterator[tuple[str, str]]:
    for path in sorted((APPS / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path.relative_to(APPS).as_posix(), path.read_text()


@pytest.mark.parametrize("app", APP_NAMES)
def test_an_app_writes_other_apps_models_only_through_their_services(app: str) -> None:
    found = [
        f"{where}:{problem}"
        for where, source in _app_sources(app)
        for problem in violations(source, app)
    ]
    assert found == []


def test_every_app_is_scanned() -> None:
    layers = {"core", "accounts", "partnerships", "plans", "importers", "performance", "reports"}
    assert layers | {"demo"} <= set(APP_NAMES)


def _probe(body: str, app: str = "importers") -> list[str]:
    """`body` as a function of `app`, with every model imported as the apps import them."""
    imports = "\n".join(
        f"from {model.__module__} import {model.__name__}" for model in registry.get_models()
    )
    lines = "\n".join(f"    {line}" for line in body.splitlines())
    return list(violations(f"{imports}\ndef probe(partnership: Partnership):\n{lines}\n", app))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # The importer's first scan caught these.
        ("Theme.objects.create(plan=plan)", "writes Theme rows"),
        ("Tag.objects.bulk_create(tags)", "writes Tag rows"),
        ("Partnership.objects.get_or_create(name=n)", "writes Partnership rows"),
        ("Action.objects.filter(pk=1).update(status='x')", "writes Action rows"),
        ("theme.save()", "calls .save() on theme"),
        ("Person(initials='JW')", "builds a Person itself"),
        ("action.lead_people.set(people)", "changes action.lead_people"),
        # What the demo loaders did before their writes went through services.
        ("User.objects.create_user(username='demo', password=p)", "writes User rows"),
        ("Membership.objects.get_or_create(user=u)", "writes Membership rows"),
        ("Observation.objects.bulk_create(rows)", "writes Observation rows"),
        ("GlossaryEntry.objects.bulk_create(new)", "writes GlossaryEntry rows"),
        ("lead = Person.objects.get(initials='YS')\nlead.save()", "calls .save() on lead"),
        (
            "definition = ReportDefinition.objects.get(slug='x')\ndefinition.plans.add(live)",
            "changes definition.plans",
        ),
        ("partnership.people.filter(initials='YS').update(name='Y')", "writes Person rows"),
        ("for action in Action.objects.all():\n    action.delete()", "calls .delete() on action"),
        ("def f(priority: Priority | None) -> None:\n    priority.save()", "calls .save()"),
    ],
)
def test_the_scan_catches_direct_writes(source: str, expected: str) -> None:
    problems = _probe(source, app="demo" if "User" in source else "importers")
    assert len(problems) == 1 and expected in problems[0]


@pytest.mark.parametrize(
    "source",
    [
        "Plan.objects.filter(partnership=partnership).exists()",
        "list(partnership.glossary_entries.values_list('acronym', flat=True))",
        "person = Person.objects.get(initials='YS')\nperson_edit(person=person, name='Y')",
    ],
)
def test_reads_and_service_calls_pass(source: str) -> None:
    assert _probe(source) == []


def test_an_app_may_write_its_own_models() -> None:
    assert _probe("theme.save()\nTheme.objects.create(plan=plan)", app="plans") == []
