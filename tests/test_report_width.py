"""Rich reports fit the terminal: at 40, 80, 120 and 200 columns, with two parties and a
reference (the Istanbul example) and with six, no word is broken across lines, no value is
cut with `…`, and no line is wider than asked; piped with colour, the report takes the
width of the terminal it will be read on (COLUMNS, then stderr's or stdin's terminal), and
`--width N` overrides it.

A broken word shows as a piece that is no whole word of the same report drawn 1000 columns
wide (`ceasefir` / `e.type`); a cut value as `…` or as a value word missing from the output.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from rich.cells import cell_len

from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
WIDTHS = (40, 80, 120, 200)
ISTANBUL = ["--example", "istanbul-2025-06-02"]
ISTANBUL_ROUNDS = ["--example", "istanbul-2025-05-16", "--example", "istanbul-2025-06-02"]
BOX = re.compile(r"[\u2500-\u257f\s]+")  # box-drawing characters and whitespace
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")

# Six parties on the same topics, with the values the issue saw cut or broken.
SIX = {
    "north": ("full", "at least 30 days", "[united-states, third-countries]", "all-for-all"),
    "south": ("humanitarian truce", "2-3 days", "[osce]", "one-for-one"),
    "east": ("local truce", "90 days", "[united-nations, third-countries]", "all-for-all"),
    "west": ("partial", "60 days", "[united-states]", "one-for-one"),
    "centre": ("pause", "unspecified", "[osce, united-nations]", "all-for-all"),
    "islands": ("full", "indefinite", "[third-countries]", "one-for-one"),
}


def _six(tmp_path: Path) -> list[str]:
    """Six proposals in `tmp_path`, named relative to it (the working directory)."""
    files = []
    for name, (kind, duration, monitors, exchange) in SIX.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(
            f"ceasefire: 2\nparty: {name.title()} delegation\nclauses:\n"
            f"  ceasefire.type: {kind}\n  ceasefire.duration: {duration}\n"
            f"  ceasefire.monitoring: {monitors}\n"
            f"  humanitarian.prisoner_exchange: {exchange}\n"
            f"  forces.demobilisation: {{value: required, by: {name.title()}}}\n"
            f"  ceasefire.violations: Violations go to the joint monitoring commission of "
            f"the {name} delegation within 24 hours\n",
            encoding="utf-8")
        files.append(path.name)
    return files


def _values(files: list[str], examples: list[str]) -> set[str]:
    """Every topic key and every word of every party's value, as a reader looks for them."""
    from diffing import compare
    from proposals.limits import DEFAULT_LIMITS
    from tui.inputs import input_sources, read_inputs, valid_proposals
    from tui.reports.layout import value_text

    comparison = compare(valid_proposals(read_inputs(input_sources(files, examples),
                                                     DEFAULT_LIMITS)))
    words = {row.id for row in comparison.rows}
    for row in comparison.rows:
        for position in row.positions.values():
            if position is not None:
                words |= set(re.findall(r"[\w.'-]*\w", value_text(position)))
    return words


def _report(capsys, argv: list[str], width: int) -> str:
    main([*argv, "--format", "rich", "--color", "never", "--width", str(width)])
    return capsys.readouterr().out


def _tokens(report: str) -> set[str]:
    """The report's words, without the punctuation around them (a stacked label's `:`)."""
    return {word.strip(":;,.()") for word in BOX.split(report)} - {""}


def _assert_fits(report: str, wide: str, width: int, values: set[str]) -> None:
    lines = report.splitlines()
    assert max(cell_len(line.rstrip()) for line in lines) <= width
    assert "…" not in report, [line for line in lines if "…" in line][:3]
    broken = _tokens(report) - _tokens(wide)
    assert not broken, f"words broken at {width} columns: {sorted(broken)[:10]}"
    missing = {word for word in values if not re.search(
        rf"(?<![\w-]){re.escape(word)}(?![\w-])", report)}
    assert not missing, f"values cut at {width} columns: {sorted(missing)}"


@pytest.mark.parametrize("width", WIDTHS)
def test_two_parties_and_a_reference_fit_with_every_word_whole(capsys, width):
    wide = _report(capsys, ["diff", *ISTANBUL], 1000)
    _assert_fits(_report(capsys, ["diff", *ISTANBUL], width), wide, width,
                 _values([], ["istanbul-2025-06-02"]))


@pytest.mark.parametrize("width", WIDTHS)
def test_six_parties_fit_with_every_word_whole(capsys, tmp_path, monkeypatch, width):
    monkeypatch.chdir(tmp_path)
    files = _six(tmp_path)
    wide = _report(capsys, ["diff", *files], 1000)
    report = _report(capsys, ["diff", *files], width)
    _assert_fits(report, wide, width, _values(files, []))
    assert {"humanitarian", "third-countries", "forces.demobilisation@south"} <= _tokens(report)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_history_report_fits_with_every_word_whole(capsys, width):
    wide = _report(capsys, ["history", *ISTANBUL_ROUNDS], 1000)
    _assert_fits(_report(capsys, ["history", *ISTANBUL_ROUNDS], width), wide, width, set())


@pytest.mark.parametrize("width", WIDTHS)
def test_topics_fit_with_every_key_whole(capsys, width):
    from proposals.registry import registry

    main(["topics", "--color", "never", "--width", "1000"])
    wide = capsys.readouterr().out
    main(["topics", "--color", "never", "--width", str(width)])
    report = capsys.readouterr().out
    _assert_fits(report, wide, width, {topic.key for topic in registry().topics})


def test_a_narrow_terminal_stacks_each_row_with_a_partys_value_a_line(capsys):
    report = _report(capsys, ["diff", *ISTANBUL], 80)
    assert "┃" not in report.split("Options:")[0]  # no table for the rows
    assert re.search(r"Duration ceasefire\.duration\n  Russia: 2-3 days\n"
                     r"  Ukraine: at least 30 days / 90 days \(disputed\)\n", report)
    wide = _report(capsys, ["diff", *ISTANBUL], 200)
    assert "┃ Status" in wide  # wide enough: side by side


def test_width_below_twenty_is_refused(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["diff", *ISTANBUL, "--width", "12"])
    assert exit_.value.code == 2
    assert "too narrow" in capsys.readouterr().err


def _run(argv: list[str], env: dict[str, str], **streams) -> str:
    done = subprocess.run([sys.executable, "-m", "tui", *argv], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, timeout=60, **streams)
    return ESCAPE.sub("", done.stdout.decode("utf-8"))


def _widest(report: str) -> int:
    return max(cell_len(line.rstrip()) for line in report.splitlines())


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    return {**env, **extra}


def test_piped_with_colour_the_report_takes_columns(tmp_path):
    report = _run(["diff", *ISTANBUL, "--color", "always"], _env(COLUMNS="80"),
                  stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    assert 60 < _widest(report) <= 80


@pytest.mark.parametrize("on", ["stderr", "stdin"])
def test_piped_with_colour_the_report_takes_the_width_of_the_terminal(on):
    """`ceasefire diff … --color always | less -R` on a 100-column terminal: stdout is a
    pipe; stderr (or, with stderr redirected too, stdin) is the terminal."""
    leader, follower = pty.openpty()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
        streams = {"stderr": subprocess.DEVNULL, "stdin": subprocess.DEVNULL, on: follower}
        report = _run(["diff", *ISTANBUL, "--color", "always"], _env(), **streams)
    finally:
        os.close(follower)
        os.close(leader)
    assert 90 < _widest(report) <= 100


def test_piped_without_a_terminal_the_report_is_80_wide_and_width_overrides():
    env = _env()
    quiet = {"stderr": subprocess.DEVNULL, "stdin": subprocess.DEVNULL}
    assert 70 < _widest(_run(["diff", *ISTANBUL, "--format", "rich"], env, **quiet)) <= 80
    assert 130 < _widest(_run(["diff", *ISTANBUL, "--format", "rich", "--width", "140"],
                              _env(COLUMNS="80"), **quiet)) <= 140


def test_piped_topics_take_columns():
    report = _run(["topics"], _env(COLUMNS="80"), stderr=subprocess.DEVNULL,
                  stdin=subprocess.DEVNULL)
    assert _widest(report) <= 80
