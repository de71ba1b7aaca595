"""The app in tmux: the editor hands the terminal back whatever goes wrong; each theme's
colours are its own on every row, and NO_COLOR stays legible."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.terminal import (  # noqa: F401 (terminal is a fixture)
    RGB,
    Cell,
    base_env,
    cells,
    contrast,
    needs_tmux,
    terminal,
    text_of,
)

pytestmark = needs_tmux
ISTANBUL = EXAMPLES / "istanbul-2025-06-02"


def broken_editor(tmp_path: Path, kind: str) -> str:
    """$EDITOR set to something that cannot edit: missing, not executable, failing at
    once, or unreadable as a command."""
    if kind == "missing":
        return "/nonexistent/editor"
    if kind == "quoting":
        return "vim 'unclosed"
    script = tmp_path / f"{kind}-editor"
    script.write_text("#!/bin/sh\nexit 3\n")
    if kind == "failing":
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


@pytest.mark.parametrize(("kind", "reason"), [
    ("missing", "no such program"), ("not-executable", "not executable"),
    ("failing", "exited with status 3"), ("quoting", "cannot be read as a command")])
def test_an_editor_that_cannot_edit_gives_the_app_back_with_the_reason(
        terminal, tmp_path, kind, reason):
    env = base_env(EDITOR=broken_editor(tmp_path, kind), VISUAL="")
    for name in ("ukraine.yaml", "russia.yaml"):  # copies: the package's files ask to be copied
        shutil.copy(ISTANBUL / name, tmp_path / name)
    terminal.start(["view", "--no-watch", str(tmp_path / "ukraine.yaml"),
                    str(tmp_path / "russia.yaml")], env)
    terminal.wait_for("Ukraine vs Russia")
    terminal.keys("e")
    shown = terminal.wait_for(reason)
    assert "Ukraine vs Russia" in shown  # the app is drawn again, not a blank terminal
    terminal.keys("?")  # and it still answers keys (they do not echo as text)
    terminal.wait_for("ceasefire — keys|Command palette")


# --- colours -------------------------------------------------------------------------------

STATUSES = ("agreed", "partial", "conflict", "one-sided", "unclear")
THEME_ORDER = ("textual-dark", "textual-light", "nord", "gruvbox", "tokyo-night")  # c steps


def status_colours(screen: list[list[Cell]]) -> dict[str, RGB | None]:
    """The colour of each status's word in the masthead's counts."""
    line = next(row for row in screen if all(word in text_of(row) for word in STATUSES))
    text = text_of(line)
    return {word: line[text.index(word)].fg for word in STATUSES}


def grid_rows(screen: list[list[Cell]]) -> list[list[Cell]]:
    return [row for row in screen if any(w in text_of(row) for w in (" conflict ", " one-sided "))]


def test_every_theme_paints_five_status_colours_of_its_own(terminal):
    terminal.start(["view", "--no-watch", "--example", "istanbul-2025-06-02"], base_env())
    terminal.wait_for("agreement index")
    seen: dict[str, tuple] = {}
    for index, theme in enumerate(THEME_ORDER):
        if index:
            terminal.keys("c")
            terminal.wait_for(f"Theme: {theme}")
        colours = status_colours(cells(terminal.screen(escapes=True)))
        assert len(set(colours.values())) == 5, (theme, colours)  # conflict is not unclear
        seen[theme] = tuple(colours.values())
    assert len(set(seen.values())) == len(THEME_ORDER), seen  # not one palette for all


def test_the_light_theme_paints_every_row_on_a_dark_terminal(terminal):
    terminal.start(["view", "--no-watch", "--example", "istanbul-2025-06-02"], base_env())
    terminal.wait_for("agreement index")
    terminal.keys("c")
    terminal.wait_for("Theme: textual-light")
    rows = grid_rows(cells(terminal.screen(escapes=True)))
    assert len(rows) > 10
    for row in rows:  # the zebra's other rows and the topic list too, not the terminal's black
        assert all(cell.bg is not None for cell in row), text_of(row)
    assert len({row[0].bg for row in rows}) <= 2  # the list's background, and the cursor's


def test_no_color_keeps_statuses_legible(terminal):
    terminal.start(["view", "--no-watch", "--example", "istanbul-2025-06-02"],
                   base_env(NO_COLOR="1"))
    terminal.wait_for("agreement index")
    screen = cells(terminal.screen(escapes=True))
    for row in grid_rows(screen):
        text = text_of(row)
        for word in ("conflict", "one-sided"):
            if f" {word} " in text:
                cell = row[text.index(f" {word} ") + 1]
                assert cell.bold and cell.fg and cell.bg
                assert contrast(cell.fg, cell.bg) >= 7, (text, cell.fg, cell.bg)


@pytest.mark.parametrize(("signal_name", "status"), [("TERM", 143), ("HUP", 129)])
def test_a_kill_ends_the_app_and_gives_the_terminal_back(terminal, signal_name, status):
    """`kill` (or a closed window's SIGHUP) quits as q does: the terminal leaves the app's
    screen; Python's default ended the process with the terminal still in it."""
    import subprocess

    terminal.start(["view", "--no-watch", str(ISTANBUL / "russia.yaml"),
                    str(ISTANBUL / "ukraine.yaml")], base_env())
    terminal.wait_for("Ceasefire terms")
    assert terminal.option("alternate_on") == "1"
    shell = terminal.option("pane_pid")
    [app] = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True,
                           check=True).stdout.split()
    subprocess.run(["kill", f"-{signal_name}", app], check=True)
    terminal.wait_for(rf"\[exit {status}\]")
    assert terminal.option("alternate_on") == "0"


def _running(pid: str) -> bool:
    """Whether the process is alive (a zombie awaiting its reaper has ended)."""
    import subprocess

    state = subprocess.run(["ps", "-o", "stat=", "-p", pid], capture_output=True,
                           text=True).stdout.strip()
    return bool(state) and not state.startswith("Z")


@pytest.mark.parametrize("editor", [False, True])
def test_closing_the_terminal_window_ends_the_app(terminal, tmp_path, editor):
    """A closed window (the terminal gone, SIGHUP) ends the app within seconds, also after
    the editor has had the terminal: Textual's shutdown then could wait for ever on a
    writer thread that had died with the terminal, and the app was left running, orphaned
    (three of the four editor tests left one behind in every run of the suite)."""
    import subprocess
    import time

    for name in ("ukraine.yaml", "russia.yaml"):
        shutil.copy(ISTANBUL / name, tmp_path / name)
    terminal.start(["view", "--no-watch", str(tmp_path / "ukraine.yaml"),
                    str(tmp_path / "russia.yaml")], base_env(EDITOR="/nonexistent/editor"))
    terminal.wait_for("Ukraine vs Russia")
    if editor:
        terminal.keys("e")
        terminal.wait_for("no such program")
        terminal.keys("?")
        terminal.wait_for("ceasefire — keys|Command palette")
    [app] = subprocess.run(["pgrep", "-P", terminal.option("pane_pid")], capture_output=True,
                           text=True, check=True).stdout.split()
    terminal.close()
    deadline = time.monotonic() + 15
    while _running(app) and time.monotonic() < deadline:
        time.sleep(0.1)
    running = _running(app)
    if running:
        subprocess.run(["kill", "-KILL", app], check=False)
    assert not running
