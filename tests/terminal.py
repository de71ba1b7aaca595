"""The app in a real pseudo-terminal (tmux), for what Pilot cannot see: a terminal handed to
an editor and given back, the colours a theme really paints."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
needs_tmux = pytest.mark.skipif(TMUX is None, reason="tmux is not installed: these tests need "
                                "a real pseudo-terminal")
ROOT = Path(__file__).parent.parent


class Terminal:
    """One app run in a private tmux server, read as text (and as escape codes)."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        return subprocess.run([TMUX or "tmux", "-S", str(self.socket), *args], check=True,
                              capture_output=True, text=True).stdout

    def start(self, arguments: Sequence[str], env: Mapping[str, str],
              size: tuple[int, int] = (120, 35)) -> None:
        command = " ".join(_quote(a) for a in (sys.executable, "-m", "tui", *arguments))
        settings = [f"{k}={_quote(v)}" for k, v in env.items()]
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", str(size[0]), "-y",
                  str(size[1]), f"cd {_quote(str(ROOT))} && env -u COLUMNS -u LINES {' '.join(settings)} {command}"
                  "; sleep 30")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def screen(self, escapes: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if escapes else []))

    def wait_for(self, pattern: str, seconds: float = 15.0, escapes: bool = False) -> str:
        """The screen once `pattern` (a regex) shows on it, or in a notification (its lines
        read as one); fails with the screen if it never does."""
        deadline = time.monotonic() + seconds
        while True:
            shown = self.screen(escapes)
            if re.search(pattern, shown) or re.search(pattern, toasts(self.screen())):
                return shown
            if time.monotonic() > deadline:
                pytest.fail(f"{pattern!r} never showed; the screen:\n{self.screen()}")
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run([TMUX or "tmux", "-S", str(self.socket), "kill-server"],
                       capture_output=True, check=False)


def toasts(screen: str) -> str:
    """The text of the notifications on `screen` (right of their `▌` edge), one line."""
    return " ".join(line.rsplit("▌", 1)[1].strip() for line in screen.splitlines()
                    if "▌" in line)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


@pytest.fixture
def terminal(tmp_path_factory):
    """A tmux server of the test's own (its socket in a short temporary path)."""
    folder = tmp_path_factory.mktemp("tmux")
    found = Terminal(folder / "s")
    yield found
    found.close()


def base_env(**extra: str) -> dict[str, str]:
    """A predictable terminal: 256 colours, UTF-8, no user settings."""
    env = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8",
           "HOME": os.environ.get("HOME", "/tmp"), "PATH": os.environ.get("PATH", ""),
           "TEXTUAL_ANIMATIONS": "none"}
    env.update(extra)
    return env
