"""Dependencies point one way: the core knows no app, no app imports another's views or forms,
and no two apps import each other (directly or round a longer cycle).

An app shows another app's data through the core's registries (panels, slots, figures);
this test reads every module's imports (also the ones inside functions) with ``ast``.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
CORE = "inclusie"
APPS = sorted(
    name
    for name in settings.INSTALLED_APPS
    if "." not in name and (BASE / name / "apps.py").exists()
)
# The project's URL configuration and settings wire the apps together; nothing else in the core.
CORE_MAY_IMPORT_APPS = {"inclusie/urls.py", "inclusie/settings.py"}


def imports() -> list[tuple[str, str, str]]:
    """(importing app, imported module, where) for every import of another app."""
    found = []
    for app in APPS:
        for path in (BASE / app).rglob("*.py"):
            rel = path.relative_to(BASE)
            if "migrations" in rel.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(rel))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    modules = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                else:
                    continue
                for module in modules:
                    target = module.split(".")[0]
                    if target in APPS and target != app:
                        found.append((app, module, f"{rel}:{node.lineno}"))
    return found


def test_the_apps_are_found():
    assert {CORE, "deal", "pijlers", "bijeenkomsten", "monitoring"} <= set(APPS)
    assert imports(), "the walk found no imports at all"


def test_no_app_imports_another_apps_views_or_forms():
    """The core's shared form and view bases are for everyone; an app's own are not."""
    wrong = [
        f"{where}: {module}"
        for app, module, where in imports()
        if module.split(".")[0] != CORE and module.split(".")[1:2] in (["views"], ["forms"])
    ]
    assert wrong == []


def test_the_core_imports_no_app():
    wrong = [
        f"{where}: {module}"
        for app, module, where in imports()
        if app == CORE and where.split(":")[0] not in CORE_MAY_IMPORT_APPS
    ]
    assert wrong == []


def test_no_cycle_between_apps():
    graph: dict[str, set[str]] = defaultdict(set)
    for app, module, where in imports():
        if where.split(":")[0] in CORE_MAY_IMPORT_APPS:
            continue
        graph[app].add(module.split(".")[0])
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        for nxt in sorted(graph[node]):
            if nxt == path[0]:
                cycles.append(" -> ".join([*path, nxt]))
            elif nxt not in path and nxt > path[0]:  # each cycle once, from its smallest app
                visit(nxt, [*path, nxt])

    for app in APPS:
        visit(app, [app])
    assert cycles == []


def test_the_pijler_page_shows_deal_and_meetings_through_the_slot_registry():
    from inclusie.registry import _slot_panels

    templates = {p.template for p in _slot_panels if p.slot == "pijler"}
    assert {"deal/panels/pijler.html", "bijeenkomsten/panels/pijler.html"} <= templates
