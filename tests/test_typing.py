"""The apps' services and selectors stay typed, and mypy (`make lint`) checks every one of them.

Reads the source with `ast` only: no Django, no database. `python tests/test_typing.py` prints the count.
"""

import ast
import glob
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE_NAMES = ("services.py", "selectors.py")
SKIPPED_DIRS = {".venv", "var", "tests", "bench", "node_modules", "static", "templates", "docs"}


def service_modules() -> list[Path]:
    """Every services.py and selectors.py of the project's apps (found on disk, so a new app is included)."""
    found = []
    for name in MODULE_NAMES:
        for path in ROOT.rglob(name):
            parts = path.relative_to(ROOT).parts
            if not SKIPPED_DIRS & set(parts) and not any(part.startswith(".") for part in parts):
                found.append(path)
    return sorted(found)


def public_functions(path: Path) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The module's top-level functions whose name does not start with an underscore."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("_")
    ]


def parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.arg]:
    args = function.args
    return [
        *args.posonlyargs,
        *args.args,
        *args.kwonlyargs,
        *([args.vararg] if args.vararg else []),
        *([args.kwarg] if args.kwarg else []),
    ]


def typing_report() -> dict:
    """Counts of parameters and return types of public service and selector functions, and what lacks a type."""
    report = {"modules": 0, "functions": 0, "parameters": 0, "untyped": []}
    for path in service_modules():
        report["modules"] += 1
        where = path.relative_to(ROOT)
        for function in public_functions(path):
            report["functions"] += 1
            for parameter in parameters(function):
                report["parameters"] += 1
                if parameter.annotation is None:
                    report["untyped"].append(f"{where}:{function.lineno} {function.name}(): parameter {parameter.arg}")
            if function.returns is None:
                report["untyped"].append(f"{where}:{function.lineno} {function.name}(): return type")
    return report


def mypy_checked_files() -> set[Path]:
    """The files `make lint` gives mypy: [tool.mypy] files of pyproject.toml, globs and packages expanded."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    checked: set[Path] = set()
    for entry in config["files"]:
        for match in glob.glob(entry, root_dir=ROOT, recursive=True):
            path = ROOT / match
            checked.update(path.rglob("*.py") if path.is_dir() else [path])
    return checked


def test_every_public_service_and_selector_function_is_typed():
    report = typing_report()
    print(
        f"\n{report['functions']} public functions in {report['modules']} services/selectors modules, "
        f"{report['parameters']} parameters; without a type: {len(report['untyped'])}"
    )
    assert report["modules"] >= 12, "the services and selectors modules were not found"
    assert not report["untyped"], "Give these a type annotation (README, Typing):\n" + "\n".join(report["untyped"])


def test_mypy_checks_every_services_and_selectors_module_and_the_search_package():
    checked = mypy_checked_files()
    missing = [str(path.relative_to(ROOT)) for path in service_modules() if path not in checked]
    assert not missing, "Add these to [tool.mypy] files in pyproject.toml: " + ", ".join(missing)
    search_modules = {path for path in (ROOT / "search").rglob("*.py") if "migrations" not in path.parts}
    assert search_modules <= checked, "mypy must check the whole search package"


def test_an_untyped_parameter_or_return_is_reported(tmp_path, monkeypatch):
    """The check finds what it must: a public function with an untyped parameter, or no return type."""
    app = tmp_path / "someapp"
    app.mkdir()
    (app / "services.py").write_text(
        "def typed(*, user: int) -> None: ...\n"
        "def _private(user): ...\n"
        "def untyped(*, user, count: int = 0) -> int: ...\n"
        "def no_return(name: str): ...\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    report = typing_report()
    assert report["parameters"] == 4
    assert report["untyped"] == [
        "someapp/services.py:3 untyped(): parameter user",
        "someapp/services.py:4 no_return(): return type",
    ]


if __name__ == "__main__":
    report = typing_report()
    typed = report["parameters"] - sum("parameter" in line for line in report["untyped"])
    print(f"{report['modules']} modules, {report['functions']} public functions")
    print(f"parameters typed: {typed} of {report['parameters']}")
    print(f"return types missing: {sum('return type' in line for line in report['untyped'])}")
    for line in report["untyped"]:
        print(line)
    sys.exit(1 if report["untyped"] else 0)
