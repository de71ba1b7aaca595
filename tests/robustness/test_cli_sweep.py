"""Every command over every hostile or broken input: a message and an exit code, never a
traceback, always within the limits of time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.robustness.hostile import CATALOGUE, write_all

NAMES = [h.name for h in CATALOGUE] + ["directory", "missing", "no-permission"]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    paths = write_all(folder)
    (folder / "directory.yaml").mkdir()
    paths["directory"] = folder / "directory.yaml"
    paths["missing"] = folder / "missing.yaml"
    locked = folder / "no-permission.yaml"
    locked.write_text("ceasefire: 1\n")
    locked.chmod(0)
    paths["no-permission"] = locked
    return paths


def run(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True,
                            text=True, timeout=30, env={**os.environ, "NO_COLOR": "1"})
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-1500:]
    assert not re.search(r"\b[A-Z]\w*(Error|Exception)\b", result.stderr)  # no class names leak
    return result


@pytest.mark.parametrize("name", NAMES)
def test_check_reports_and_exits_1_or_2(inputs, name):
    result = run("check", str(inputs[name]))
    assert result.returncode in {1, 2}  # (as root, a file without permission is still read)
    assert f"{inputs[name]}:" in result.stdout  # file:line:col
    assert run("check", "--format", "json", str(inputs[name])).returncode == result.returncode


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("report_format", ["text", "markdown", "json", "html", "rich"])
def test_diff_refuses_with_the_place_and_exit_2(inputs, name, report_format):
    result = run("diff", "--format", report_format, str(inputs[name]), str(inputs["good"]))
    assert result.returncode == 2
    assert str(inputs[name]) in result.stderr
    assert result.stdout == ""  # no half report


def test_view_refuses_nothing_it_cannot_show_but_never_crashes_on_start(inputs):
    result = run("view")
    assert result.returncode == 2 and "--example" in result.stderr
    result = run("view", str(inputs["good"]))
    assert result.returncode == 2 and "at least two" in result.stderr


def test_every_other_command_takes_hostile_arguments_calmly(inputs, tmp_path):
    for args in (["new", "--party", "\x1b]52;c;aGk=\x07\u202e"], ["new", "--party", "  "],
                 ["new", "-o", str(inputs["directory"])],
                 ["topics", "--format", "nope"], ["examples", "extra"],
                 ["diff", "--only", "\x1b[31m"], ["diff", "--example", "\u202eevil"],
                 ["check", "--limit", "depth=\x1b[2J"]):
        result = run(*args)
        assert result.returncode in (0, 2)
        shown = result.stdout + result.stderr  # `new` prints the party into its template
        assert "\x1b" not in shown and "\u202e" not in shown
