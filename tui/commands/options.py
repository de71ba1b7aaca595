"""Options several commands share, declared once."""

from __future__ import annotations

import argparse

from proposals.limits import DEFAULT_LIMITS, Limits
from tui.inputs import UsageError
from tui.terminal import COLOR_CHOICES


def add_inputs(parser: argparse.ArgumentParser) -> None:
    """FILE... or --example NAME, and the reading limits."""
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="proposal files (YAML), or folders of them")
    parser.add_argument("--example", action="append", default=[], metavar="NAME",
                        help="use a bundled example scenario (see `ceasefire examples`); "
                        "repeat to add another round")
    parser.add_argument("--limit", action="append", default=[], metavar="NAME=N",
                        help="raise a reading limit: file_bytes, depth, clauses, string_chars, "
                        "alias_nodes (see docs/limits.md)")


def add_color(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                        help="colour output: auto (on a terminal, unless NO_COLOR is set), "
                        "always, never")


def limits(args: argparse.Namespace) -> Limits:
    try:
        return DEFAULT_LIMITS.with_overrides(args.limit)
    except ValueError as error:
        raise UsageError(str(error)) from None


def add_option_choice(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--option", action="append", default=[], metavar="PARTY=OPTION",
                        help="show this option of a proposal that offers several (by default "
                        "its first; the report scores them all); repeat for other parties")
