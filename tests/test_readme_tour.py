"""The README's tour works as printed: every command in it, on the bundled examples or on
the files it copies out of one, exits as documented, and the history sentence it quotes
is what the tool says."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from proposals.examples import scenario
from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
TOUR = re.search(r"## A tour\n\n```sh\n(.*?)```", README, re.S).group(1)
COMMANDS = [shlex.split(line, comments=True) for line in TOUR.splitlines() if line.strip()]
COPIES = [argv[1:] for argv in COMMANDS if "--copy" in argv]


@pytest.fixture(scope="module")
def tour(tmp_path_factory) -> Path:
    """A folder where the tour's `examples --copy` lines have run, as a reader runs them."""
    folder = tmp_path_factory.mktemp("tour")
    for argv in COPIES:
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(folder)
            assert main(argv) == 0
    return folder


def test_the_tour_copies_out_the_files_it_then_compares():
    named = {word for argv in COMMANDS for word in argv if word.endswith(".yaml")}
    assert COPIES and named
    assert named <= {path.name for path in scenario(COPIES[0][2]).files}


@pytest.mark.parametrize("argv", [c[1:] for c in COMMANDS if c[1] != "view" and c[1:] not in COPIES],
                         ids=lambda argv: " ".join(argv))
def test_every_tour_command_runs(argv, tour, monkeypatch, capsys):
    monkeypatch.chdir(tour)  # `-o report.html` writes here
    assert main(argv) in (0, 1), capsys.readouterr().err


def test_the_history_the_readme_quotes_is_what_the_tool_says(capsys):
    quoted = re.search(r'\("(Against Russia[^"]+)"\)', README.replace("\n", " ")).group(1)
    main(shlex.split("history --example istanbul-2025-05-16 --example istanbul-2025-06-02 "
                     "--format text"))
    assert quoted in capsys.readouterr().out
