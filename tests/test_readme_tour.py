"""The README's tour works as printed: every command in it that runs on the bundled
examples exits as documented, and the history sentence it quotes is what the tool says."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
TOUR = re.search(r"## A tour\n\n```sh\n(.*?)```", README, re.S).group(1)
COMMANDS = [line.split("#")[0].split() for line in TOUR.splitlines()
            if "--example" in line or line.startswith("ceasefire examples")]


@pytest.mark.parametrize("argv", [c[1:] for c in COMMANDS if c[1] != "view"],
                         ids=lambda argv: " ".join(argv))
def test_every_tour_command_on_the_examples_runs(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # `-o report.html` writes here
    assert main(argv) in (0, 1), capsys.readouterr().err


def test_the_history_the_readme_quotes_is_what_the_tool_says(capsys):
    quoted = re.search(r'\("(Against Russia[^"]+)"\)', README.replace("\n", " ")).group(1)
    main(shlex.split("history --example istanbul-2025-05-16 --example istanbul-2025-06-02 "
                     "--format text"))
    assert quoted in capsys.readouterr().out
