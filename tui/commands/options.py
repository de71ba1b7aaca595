"""Options several commands share, declared once."""

from __future__ import annotations

import argparse
import dataclasses
from typing import TYPE_CHECKING

from proposals.limits import DEFAULT_LIMITS, Limits
from tui.inputs import UsageError
from tui.terminal import COLOR_CHOICES

if TYPE_CHECKING:
    from diffing.result import GapStatus


def add_inputs(parser: argparse.ArgumentParser) -> None:
    """FILE... or --example NAME, and the reading limits."""
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="proposal files (YAML), or folders of them; - reads one from stdin")
    parser.add_argument("--example", action="append", default=[], metavar="NAME",
                        help="use a bundled example scenario (see `ceasefire examples`); "
                        "repeat to add another round")
    parser.add_argument("--limit", action="append", default=[], metavar="NAME=N",
                        help="raise a reading limit (defaults: " + ", ".join(
                            f"{field.name}={getattr(DEFAULT_LIMITS, field.name):_}"
                            for field in dataclasses.fields(DEFAULT_LIMITS)) + ")")


def add_color(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                        help="colour output: auto (on a terminal, unless NO_COLOR is set), "
                        "always, never")


MIN_WIDTH = 20


def add_width(parser: argparse.ArgumentParser) -> None:
    """--width, for every command that draws a report for the terminal."""
    parser.add_argument("--width", type=_width, metavar="N",
                        help="draw the report N columns wide (default: COLUMNS, else the "
                        "terminal's width, even when piped, else 80)")


def _width(text: str) -> int:
    try:
        width = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of columns: {text!r}") from None
    if width < MIN_WIDTH:
        raise argparse.ArgumentTypeError(f"{width} columns is too narrow (at least {MIN_WIDTH})")
    return width


def limits(args: argparse.Namespace) -> Limits:
    try:
        return DEFAULT_LIMITS.with_overrides(args.limit)
    except ValueError as error:
        raise UsageError(str(error)) from None


def add_option_choice(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--option", action="append", default=[], metavar="PARTY=OPTION",
                        help="show this option of a proposal that offers several (by default "
                        "its first; the report scores them all); repeat for other parties")


def add_filters(parser: argparse.ArgumentParser) -> None:
    """--only and --topics: which rows a report (or the app) shows."""
    from diffing.result import GapStatus  # only the commands that compare pay for the engine

    parser.add_argument("--only", metavar="STATUS[,STATUS]",
                        help="show only these statuses: " + ", ".join(s.value for s in GapStatus))
    parser.add_argument("--topics", action="append", default=[], metavar="PATTERN",
                        help="show only topics matching a glob on the key (ceasefire.*) or a word "
                        "of the label; repeat or separate with commas")


def add_baseline(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--baseline", metavar="PARTY",
                        help="compare every party with this one (id or name)")


def statuses(args: argparse.Namespace) -> list[GapStatus] | None:
    """--only as statuses (None: all), refused (exit 2) when a word is not a status."""
    from diffing.result import GapStatus

    if not args.only:
        return None
    chosen = []
    for word in args.only.split(","):
        try:
            chosen.append(GapStatus(word.strip().lower()))
        except ValueError:
            known = ", ".join(s.value for s in GapStatus)
            raise UsageError(f"--only: {word.strip()!r} is not a status ({known})") from None
    return chosen


def topic_patterns(args: argparse.Namespace) -> list[str]:
    """--topics, each repeat split at its commas."""
    return [part for pattern in args.topics for part in pattern.split(",")]
