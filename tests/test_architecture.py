"""The import rule: proposals and diffing are pure; reports never pay for textual."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PURE = ("proposals", "diffing")


def _modules(package: str) -> list[str]:
    return sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / package).rglob("*.py")
    )


def _loaded_after(code: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", code + "\nimport sys, json\n"
                             "print(json.dumps(sorted(sys.modules)))"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def _third_party(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules} & {"rich", "textual"}


def test_the_pure_packages_import_neither_rich_nor_textual():
    imports = "\n".join(f"import {module}" for package in PURE for module in _modules(package))
    assert _third_party(_loaded_after(imports)) == set()


def test_the_pure_packages_do_not_even_mention_the_terminal():
    """No print, no input, no stdout: the core returns values and leaves I/O to tui."""
    for package in PURE:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(), str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                    assert node.func.id not in ("print", "input"), f"{path}:{node.lineno}"
                if isinstance(node, ast.Attribute):
                    assert node.attr not in ("stdout", "stderr"), f"{path}:{node.lineno}"


def test_imports_flow_one_way():
    """proposals imports neither diffing nor tui; diffing does not import tui."""
    forbidden = {"proposals": ("diffing", "tui"), "diffing": ("tui",)}
    for package, banned in forbidden.items():
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                for name in names:
                    assert name.split(".")[0] not in banned, f"{path} imports {name}"


@pytest.mark.parametrize("command", [
    ["check", "--example", "istanbul-2025-06-02"],
    ["diff", "--example", "istanbul-2025-06-02", "--format", "text"],
    ["diff", "--example", "istanbul-2025-06-02", "--format", "rich", "--color", "always"],
    ["diff", "--example", "istanbul-2025-06-02", "--format", "html"],
    ["topics"],
])
def test_reports_and_checks_never_import_textual(command):
    code = ("import io, contextlib\nfrom tui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main({command!r})")
    assert "textual" not in {name.split(".")[0] for name in _loaded_after(code)}
