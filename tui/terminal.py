"""Decisions about the terminal: whether to colour, and how to show untrusted text safely."""

from __future__ import annotations

import os
import sys
from functools import cache
from typing import TYPE_CHECKING, TextIO

from proposals.hidden import reveal

if TYPE_CHECKING:
    from rich.console import Console

COLOR_CHOICES = ("auto", "always", "never")


def wants_color(choice: str, stream: TextIO) -> bool:
    """`--color` first; in `auto`, NO_COLOR wins over FORCE_COLOR, then whether it is a terminal."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


DEFAULT_WIDTH = 80


def report_width(asked: int | None = None) -> int:
    """The columns to draw a report for: `--width`, else COLUMNS, else the terminal of
    stdout, then of stderr or stdin (so `| less -R` gets the width of the terminal it shows
    on), else 80."""
    if asked:
        return asked
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            width = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            continue
        if width > 0:
            return width
    return DEFAULT_WIDTH


@cache
def _console_class() -> type[Console]:
    """rich's Console, but a closed pipe is left to `tui.cli.main` (exit 141), where rich
    would exit 1, which reads as "gaps found"."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return PipeConsole


def not_a_terminal() -> str | None:
    """Which of stdin and stdout is not a terminal (None when both are): a full-screen app
    given a file or a pipe would write its escape codes there, or wait on keys that never come."""
    for name, stream in (("stdout", sys.stdout), ("stdin", sys.stdin)):
        if not is_terminal(stream):
            return name
    return None


def console(stream: TextIO, color: bool, width: int | None = None) -> Console:
    """A rich console that never interprets markup or emoji codes in what it prints."""
    return _console_class()(
        file=stream,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        markup=False,
        emoji=False,
        highlight=False,
        width=width,
        soft_wrap=False,
    )


def literal(text: str) -> str:
    """Untrusted text made safe to print: controls, bidi overrides and invisibles shown as
    <U+XXXX>."""
    return reveal(text)


def one_line(text: str) -> str:
    """Untrusted text on one line: hidden characters shown, line breaks folded."""
    return " ".join(literal(text).split())
