"""The import rule: proposals and diffing are pure; reports and checks never pay for textual.

Each import check runs in a fresh interpreter, so what another test imported cannot hide a
stray import.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PURE = ("proposals", "diffing")
UI_LIBRARIES = {"rich", "textual"}


def _modules(package: str) -> list[str]:
    return sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / package).rglob("*.py")
    )


def _loaded_after(code: str) -> set[str]:
    """The top-level names in sys.modules after running `code` in a fresh interpreter."""
    result = subprocess.run([sys.executable, "-c", code + "\nimport sys, json\n"
                             "print(json.dumps(sorted(sys.modules)))"],
                            check=False, capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return {name.split(".")[0] for name in json.loads(result.stdout.splitlines()[-1])}


def test_importing_every_proposals_module_loads_neither_rich_nor_textual():
    modules = _modules("proposals")
    assert "proposals.loader" in modules and "proposals.schema" in modules
    loaded = _loaded_after("\n".join(f"import {module}" for module in modules))
    assert "proposals" in loaded
    assert loaded & UI_LIBRARIES == set()


def test_importing_every_diffing_module_loads_neither_rich_nor_textual():
    modules = _modules("diffing")
    loaded = _loaded_after("\n".join(f"import {module}" for module in modules))
    assert "diffing" in loaded
    assert loaded & UI_LIBRARIES == set()


def test_the_pure_packages_do_not_even_mention_the_terminal():
    """No print, no input, no stdout: the core returns values and leaves I/O to tui."""
    for package in PURE:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
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
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                for name in names:
                    assert name.split(".")[0] not in banned, f"{path} imports {name}"


HISTORY = ["--example", "istanbul-2025-05-16", "--example", "istanbul-2025-06-02"]


def _main_code(argv: list[str]) -> str:
    return ("import io, contextlib\nfrom tui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    code = main({argv!r})\n"
            "assert code in (0, 1), code\n")


def test_checking_a_file_does_not_import_textual(tmp_path):
    proposal = tmp_path / "ukraine.yaml"
    proposal.write_text("ceasefire: 1\nparty: Ukraine\nclauses:\n  ceasefire.type: full\n",
                        encoding="utf-8")
    loaded = _loaded_after(_main_code(["check", "--color", "never", str(proposal)]))
    assert "tui" in loaded
    assert "textual" not in loaded


@pytest.mark.parametrize("command", [
    ["check", "--example", "istanbul-2025-06-02"],
    ["check", "--format", "json", "--example", "istanbul-2025-06-02"],
    ["diff", "--example", "istanbul-2025-06-02", "--format", "text"],
    ["diff", "--example", "istanbul-2025-06-02", "--format", "rich", "--color", "always"],
    ["diff", "--example", "istanbul-2025-06-02", "--format", "html"],
    ["history", *HISTORY, "--format", "rich", "--color", "always"],
    ["history", *HISTORY, "--format", "html"],
    ["topics"],
    ["schema"],
    ["new"],
])
def test_reports_and_checks_never_import_textual(command):
    loaded = _loaded_after(_main_code(command))
    assert "textual" not in loaded
    assert "_hashlib" not in loaded  # OpenSSL: ~3 MB of memory only the app's watcher uses
