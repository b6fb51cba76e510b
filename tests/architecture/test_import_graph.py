"""Apps depend one way: no import cycle between the project's apps, places import no other app, and search never
imports another app's models. The graph is printed (pytest -s) and kept in docs/architecture.md.

An edge A -> B is any import (at module level or inside a function) in a module of app A of a module of app B,
found by reading the source (ast), or a migration of A that depends on a migration of B. The `hub` package holds
three things, told apart here: the project's composition roots (settings, URLs, WSGI, the demo command), which may
import every app and are imported by none; shared helpers (text, uploads), which import no app; and the CMS app.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "hub.accounts",
    "hub.cooperation",
    "hub.places",
    "hub.review",
    "hub.statistics",
    "projects_db",
    "forum",
    "search",
    "hub",
)
MIGRATION_LABELS = {
    "hub": "hub",
    "accounts": "hub.accounts",
    "cooperation": "hub.cooperation",
    "places": "hub.places",
    "projects_db": "projects_db",
    "hub_forum": "forum",
    "hub_search": "search",
}
PROJECT = (
    "hub.settings",
    "hub.urls",
    "hub.wsgi",
    "hub.management.commands.load_demo_data",
    "hub.periodic",
    "hub.management.commands.run_periodic",
)
SHARED = (
    "hub.text",
    "hub.uploads",
    "hub.unsubscribe",
    "hub.redirects",
    "hub.caching",
    "hub.snippet_views",
    "hub.storage",
    "hub.storage_s3",
    "hub.site_address",
)
SKIP = {".venv", "var", "tests", "bench", "node_modules", "media", "static_collected"}


def _within(module: str, prefixes) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def node_of(module: str) -> str | None:
    if _within(module, PROJECT):
        return "project"
    if _within(module, SHARED):
        return "shared"
    return next((app for app in APPS if _within(module, (app,))), None)


def _modules():
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if SKIP & set(rel.parts):
            continue
        module = ".".join(rel.with_suffix("").parts).removesuffix(".__init__")
        if node_of(module):
            yield module, ast.parse(path.read_text(encoding="utf-8"), filename=str(rel))


def _imported(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _migration_dependencies(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "dependencies" for t in node.targets):
            for item in getattr(node.value, "elts", []):
                if isinstance(item, ast.Tuple) and isinstance(item.elts[0], ast.Constant):
                    yield item.elts[0].value
                elif isinstance(item, ast.Call) and "AUTH_USER_MODEL" in ast.unparse(item):
                    yield "accounts"


def import_graph() -> dict[tuple[str, str], set[str]]:
    """{(from, to): {modules of `from` that import `to`}}, between nodes (apps, "project", "shared")."""
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for module, tree in _modules():
        source = node_of(module)
        for name in _imported(tree):
            target = node_of(name)
            if target and target != source:
                edges[(source, target)].add(module)
        if ".migrations." in module:
            for label in _migration_dependencies(tree):
                target = MIGRATION_LABELS.get(label)
                if target and target != source:
                    edges[(source, target)].add(module)
    return edges


def _cycles(edges) -> list[list[str]]:
    graph = defaultdict(set)
    for source, target in edges:
        graph[source].add(target)
    found, state = [], {}

    def visit(node, path):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def describe(edges) -> str:
    lines = []
    for (source, target), modules in sorted(edges.items()):
        lines.append(f"{source} -> {target}    ({', '.join(sorted(modules))})")
    return "\n".join(lines)


def test_there_is_no_import_cycle_between_apps():
    edges = import_graph()
    print("\n" + describe(edges))
    assert _cycles(edges) == [], describe(edges)


def test_places_import_no_other_app_and_helpers_import_no_app():
    edges = import_graph()
    assert {t: m for (s, t), m in edges.items() if s == "hub.places"} == {}
    assert {t: m for (s, t), m in edges.items() if s == "shared"} == {}


def test_no_app_imports_the_project_settings_or_urls():
    importers = {s: m for (s, t), m in import_graph().items() if t == "project"}
    assert importers == {}


def test_search_never_imports_another_apps_models():
    offending = []
    for module, tree in _modules():
        if node_of(module) != "search":
            continue
        for name in _imported(tree):
            target = node_of(name)
            if target not in (None, "search", "shared") and ".models" in f".{name}.":
                offending.append(f"{module} imports {name}")
    assert offending == []


def test_the_checks_see_a_cycle_when_there_is_one():
    assert _cycles({("a", "b"): set(), ("b", "c"): set(), ("c", "a"): set()}) == [["a", "b", "c", "a"]]
    assert _cycles({("a", "b"): set(), ("a", "c"): set(), ("b", "c"): set()}) == []
