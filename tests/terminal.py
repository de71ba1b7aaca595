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

    def __init__(self, socket: Path, home: Path) -> None:
        self.socket = socket
        self.home = home  # HOME and XDG_CONFIG_HOME: no settings of the user's are read

    def tmux(self, *args: str) -> str:
        return subprocess.run([TMUX or "tmux", "-S", str(self.socket), *args], check=True,
                              capture_output=True, text=True).stdout

    def start(self, arguments: Sequence[str], env: Mapping[str, str],
              size: tuple[int, int] = (120, 35)) -> None:
        command = " ".join(_quote(a) for a in (sys.executable, "-m", "tui", *arguments))
        env = {"HOME": str(self.home), "XDG_CONFIG_HOME": str(self.home / ".config"), **env}
        settings = [f"{k}={_quote(v)}" for k, v in env.items()]
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", str(size[0]), "-y",
                  str(size[1]), f"cd {_quote(str(ROOT))} && env -u COLUMNS -u LINES "
                  f"{' '.join(settings)} {command}; echo \"[exit $?]\"; sleep 30")

    def option(self, name: str) -> str:
        """One of tmux's format variables for the pane (`alternate_on`, `pane_pid`, …)."""
        return self.tmux("display-message", "-p", f"#{{{name}}}").strip()

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
    (folder / "home").mkdir()
    found = Terminal(folder / "s", folder / "home")
    yield found
    found.close()


def base_env(**extra: str) -> dict[str, str]:
    """A predictable terminal: 256 colours, UTF-8, no user settings."""
    env = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8",
           "PATH": os.environ.get("PATH", ""),
           "TEXTUAL_ANIMATIONS": "none"}
    env.update(extra)
    return env


RGB = tuple[int, int, int]


class Cell:
    """One character cell as the terminal paints it: None is the terminal's default colour."""

    __slots__ = ("char", "fg", "bg", "bold", "reverse")

    def __init__(self, char: str, fg: RGB | None, bg: RGB | None, bold: bool,
                 reverse: bool) -> None:
        self.char, self.fg, self.bg, self.bold, self.reverse = char, fg, bg, bold, reverse


_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def cells(escaped: str) -> list[list[Cell]]:
    """`capture-pane -p -e` output read back into cells (truecolour and the SGR codes tmux
    writes; a 256-colour index is kept as (-1, -1, index))."""
    rows = []
    fg: RGB | None = None
    bg: RGB | None = None
    bold = reverse = False
    for line in escaped.split("\n"):
        row: list[Cell] = []
        position = 0
        for match in [*_SGR.finditer(line), None]:
            end = match.start() if match is not None else len(line)
            row += [Cell(char, fg, bg, bold, reverse) for char in line[position:end]]
            if match is None:
                break
            position = match.end()
            codes = [int(c) if c else 0 for c in match.group(1).split(";")]
            while codes:
                code = codes.pop(0)
                if code == 0:
                    fg = bg = None
                    bold = reverse = False
                elif code == 1:
                    bold = True
                elif code == 22:
                    bold = False
                elif code == 7:
                    reverse = True
                elif code == 27:
                    reverse = False
                elif code in (38, 48):
                    kind = codes.pop(0)
                    colour = (codes.pop(0), codes.pop(0), codes.pop(0)) if kind == 2 else \
                        (-1, -1, codes.pop(0))
                    fg, bg = (colour, bg) if code == 38 else (fg, colour)
                elif code == 39:
                    fg = None
                elif code == 49:
                    bg = None
                elif 30 <= code <= 37 or 90 <= code <= 97:
                    fg = (-1, -1, code)
                elif 40 <= code <= 47 or 100 <= code <= 107:
                    bg = (-1, -1, code)
        rows.append(row)
    return rows


def text_of(row: list[Cell]) -> str:
    return "".join(cell.char for cell in row)


def contrast(one: RGB, other: RGB) -> float:
    """The WCAG contrast ratio of two truecolour colours."""
    def luminance(rgb: RGB) -> float:
        r, g, b = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
                   for v in (c / 255 for c in rgb)]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
