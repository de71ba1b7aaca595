"""The app in tmux: the editor hands the terminal back whatever goes wrong."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.terminal import base_env, needs_tmux, terminal  # noqa: F401 (a fixture)

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
    terminal.start(["view", "--no-watch", str(ISTANBUL / "ukraine.yaml"),
                    str(ISTANBUL / "russia.yaml")], env)
    terminal.wait_for("Ukraine vs Russia")
    terminal.keys("e")
    shown = terminal.wait_for(reason)
    assert "Ukraine vs Russia" in shown  # the app is drawn again, not a blank terminal
    terminal.keys("?")  # and it still answers keys (they do not echo as text)
    terminal.wait_for("ceasefire — keys|Command palette")
