"""Every command's `--help` ends with examples that run as printed, fits 80 columns, and
points at what a pip install has (`ceasefire topics`, `schema`), never at docs/ paths."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

import pytest

from tui.cli import main
from tui.commands import COMMANDS


def _help(*command: str) -> str:
    result = subprocess.run([sys.executable, "-m", "tui", *command, "--help"], text=True,
                            capture_output=True, env={**os.environ, "COLUMNS": "80"}, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _examples(text: str) -> list[list[str]]:
    """The example commands of a help page: the `ceasefire` part, before any comment, `>`,
    `|` or `||` (the shell's part)."""
    section = text.split("\nexamples:\n", 1)[1]
    found = []
    for line in section.splitlines():
        if line.startswith("  ceasefire "):
            words = shlex.split(line, comments=True)
            cut = next((i for i, word in enumerate(words) if word in (">", "|", "||")), None)
            found.append(words[:cut])
    return found


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)],
                         ids=lambda command: " ".join(command) or "ceasefire")
def test_help_shows_examples_fits_80_columns_and_names_no_docs_path(command):
    text = _help(*command)
    assert len(_examples(text)) >= 1
    assert all(example[1] == command[0] for example in _examples(text) if command)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "docs/" not in text


@pytest.fixture(scope="module")
def talks(tmp_path_factory):
    """A reader's folder: the Istanbul memoranda of 2 June, and both rounds as old/ and new/."""
    folder = tmp_path_factory.mktemp("talks")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        for name, into in (("istanbul-2025-06-02", "."), ("istanbul-2025-05-16", "old"),
                           ("istanbul-2025-06-02", "new")):
            assert main(["examples", "--copy", name, into]) == 0
    return folder


RUNNABLE = [example for name in COMMANDS if name != "view"
            for example in _examples(_help(name)) if "COMMAND" not in example]


@pytest.mark.parametrize("argv", RUNNABLE, ids=lambda argv: " ".join(argv[1:]))
def test_every_help_example_runs_as_printed(argv, talks, monkeypatch, capsys):
    monkeypatch.chdir(talks)  # beside ukraine.yaml and russia.yaml, as a reader would be
    assert main(argv[1:]) in (0, 1), capsys.readouterr().err
