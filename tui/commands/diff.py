"""`ceasefire diff`: the clause-by-clause report, exit 0 no gaps, 1 gaps, 2 trouble."""

from __future__ import annotations

import argparse
import io
import os
import sys
from functools import partial
from pathlib import Path

from diffing import Comparison, ComparisonError, GapStatus, compare
from diffing.filters import restrict
from proposals.model import Proposal
from tui.commands.options import add_color, add_inputs, add_option_choice, limits
from tui.files import Content, write_atomically
from tui.inputs import (
    Input,
    UsageError,
    find_party,
    input_sources,
    option_choices,
    problems,
    read_inputs,
    valid_proposals,
)
from tui.reports import render_text
from tui.terminal import console, is_terminal, literal, wants_color

FORMATS = ("rich", "text", "markdown", "json", "html")
BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html",
             ".htm": "html", ".txt": "text"}


def configure(parser: argparse.ArgumentParser) -> None:
    add_inputs(parser)
    parser.add_argument("--format", choices=FORMATS,
                        help="rich on a terminal, text when piped; with -o, from the file's suffix")
    parser.add_argument("--only", metavar="STATUS[,STATUS]",
                        help="show only these statuses: " + ", ".join(s.value for s in GapStatus))
    parser.add_argument("--topics", action="append", default=[], metavar="PATTERN",
                        help="show only topics matching a glob on the key (ceasefire.*) or a word "
                        "of the label; repeat or separate with commas")
    parser.add_argument("--baseline", metavar="PARTY",
                        help="compare every party with this one (id or name)")
    add_option_choice(parser)
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the report to FILE (atomically) instead of stdout")
    add_color(parser)


def statuses(text: str | None) -> list[GapStatus] | None:
    if not text:
        return None
    chosen = []
    for word in text.split(","):
        try:
            chosen.append(GapStatus(word.strip().lower()))
        except ValueError:
            known = ", ".join(s.value for s in GapStatus)
            raise UsageError(f"--only: {word.strip()!r} is not a status ({known})") from None
    return chosen


def load(inputs: list[Input]) -> list[Proposal]:
    """The proposals, or exit 2 with every file's errors on stderr; warnings are shown too."""
    for problem in problems(inputs):
        sys.stderr.write(literal(str(problem)) + "\n")
    proposals = valid_proposals(inputs)
    if proposals is None:
        bad = sum(item.loaded.proposal is None for item in inputs)
        raise UsageError(f"{bad} file{'s' * (bad != 1)} could not be read as proposals "
                         "(details above; `ceasefire check` validates files)")
    return proposals


def run(args: argparse.Namespace) -> int:
    only = statuses(args.only)
    topics = [part for pattern in args.topics for part in pattern.split(",")]
    sources = input_sources(args.files, args.example)
    if len(sources) < 2:
        raise UsageError("a diff needs at least two proposal files")
    proposals = load(read_inputs(sources, limits(args)))
    baseline = find_party(proposals, args.baseline) if args.baseline else None
    try:
        comparison = compare(proposals, baseline=baseline,
                             options=option_choices(proposals, args.option))
    except ComparisonError as error:
        raise UsageError(str(error)) from None
    shown = restrict(comparison, only, topics)
    report_format = args.format or _default_format(args.output, args.color)
    report = render(shown, report_format, args.color, to_terminal=not args.output)
    if args.output:
        try:
            write_atomically(args.output, report or "")
        except OSError as error:
            raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
        sys.stderr.write(f"wrote {args.output} ({report_format})\n")
    elif callable(report):
        sys.stdout.flush()
        report(sys.stdout.buffer.write)
    elif report is not None:
        sys.stdout.write(report)
    return 1 if shown.has_gaps else 0


def _default_format(output: str | None, color: str) -> str:
    """From -o's suffix; else rich on a terminal, or wherever colour is asked for (`--color
    always`, FORCE_COLOR: `| less -R`), and plain text when piped."""
    if output:
        return BY_SUFFIX.get(Path(output).suffix.lower(), "text")
    return "rich" if is_terminal(sys.stdout) or wants_color(color, sys.stdout) else "text"


def render(comparison: Comparison, report_format: str, color: str,
           to_terminal: bool) -> Content | None:
    """The report: text, or for JSON a writer that streams it (never held whole); the rich
    format on a terminal prints itself and returns None."""
    if report_format == "rich":
        from tui.reports import terminal

        if to_terminal:
            width = None if is_terminal(sys.stdout) else _width()
            terminal.render(comparison, console(sys.stdout, wants_color(color, sys.stdout), width))
            return None
        buffer = io.StringIO()
        terminal.render(comparison, console(buffer, color == "always", width=_width()))
        return buffer.getvalue()
    if report_format == "json":
        from tui.reports import json_report

        return partial(json_report.write, comparison)
    return render_text(comparison, report_format)


def _width() -> int:
    try:
        return max(60, int(os.environ.get("COLUMNS", "120")))
    except ValueError:
        return 120
