"""Writing a report, shared by `diff` and `history`: the format (from -o's suffix, the
terminal, or --format), colour, and delivery to stdout or atomically to a file.

A report package (`tui.reports`, `tui.reports.history`) has one module per format:
`terminal.render(result, console, **options)`, `json_report.write(result, write)` (streamed,
never held whole) and `render(result, **options) -> str` in `text`, `markdown` and `html`
(`options`: what a human report may leave out, `cite=`).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from functools import partial
from importlib import import_module
from pathlib import Path

from tui.commands.options import add_color, add_width
from tui.files import Content, write_atomically
from tui.inputs import Source, UsageError
from tui.reports import BY_SUFFIX
from tui.terminal import console, is_terminal, report_width, wants_color

FORMATS = ("rich", "text", "markdown", "json", "html")
HUMAN = ("rich", "text", "markdown", "html")
"""The formats for a reader, which take `options` (`cite=`); the others are data."""
TEXT_MODULES = {"text": "text", "markdown": "markdown", "html": "html", "csv": "csv_report"}


def add_output(parser: argparse.ArgumentParser, formats: tuple[str, ...] = FORMATS) -> None:
    """--format (one of `formats`, those the command's report package renders), -o, --color
    and --width."""
    parser.add_argument("--format", choices=formats,
                        help="rich on a terminal, text when piped; with -o, from the file's suffix")
    parser.set_defaults(formats=formats)
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the report to FILE instead of stdout (atomically; a "
                             "regular file or a new name, never one of the files read)")
    add_color(parser)
    add_width(parser)


BRIEF_FORMATS = ("rich", "text")
"""The formats read as they come, where one line may stand for a report with nothing to show;
documents (Markdown, HTML) and data (JSON, CSV) are always whole."""


def report_format(args: argparse.Namespace) -> str:
    """The format asked for: `--format`, else -o's suffix, else the terminal's or a pipe's."""
    return args.format or default_format(args.output, args.color)


def deliver(result: object, package: str, args: argparse.Namespace, inputs: Sequence[Source],
            brief: str | None = None, **options: object) -> None:
    """Render `result` with the report package in the format asked for, to stdout or -o
    (never over one of the `inputs`); in BRIEF_FORMATS, `brief` (one line) instead when it
    is given. `options` go to the human formats' renderers (`cite=`); those left None keep
    each format's default."""
    chosen_format = report_format(args)
    if chosen_format not in args.formats:  # -o's suffix asked for it
        raise UsageError(f"-o {args.output}: this command has no {chosen_format} report (formats: "
                         f"{', '.join(args.formats)})")
    chosen = {name: value for name, value in options.items() if value is not None}
    if brief is not None and chosen_format in BRIEF_FORMATS:
        report: Content | None = brief + "\n"
    else:
        report = render(result, package, chosen_format, args.color, report_width(args.width),
                        to_terminal=not args.output, **chosen)
    if args.output:
        try:
            write_atomically(args.output, report or "",
                             kept={source.name: 0 if source.stdin else source.path
                                   for source in inputs})
        except OSError as error:
            raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
        sys.stderr.write(f"wrote {args.output} ({chosen_format})\n")
    elif callable(report):
        sys.stdout.flush()
        report(sys.stdout.buffer.write)
    elif report is not None:
        sys.stdout.write(report)


def default_format(output: str | None, color: str) -> str:
    """From -o's suffix; else rich on a terminal, or wherever colour is asked for (`--color
    always`, FORCE_COLOR: `| less -R`), and plain text when piped."""
    if output:
        return BY_SUFFIX.get(Path(output).suffix.lower(), "text")
    return "rich" if is_terminal(sys.stdout) or wants_color(color, sys.stdout) else "text"


def render(result: object, package: str, report_format: str, color: str, width: int,
           to_terminal: bool, **options: object) -> Content | None:
    """The report: text, or for JSON a writer that streams it; the rich format on a terminal
    prints itself and returns None, drawn `width` columns wide. Only the module of the
    format asked for is imported."""
    if report_format == "rich":
        terminal = import_module(f"{package}.terminal")
        if to_terminal:
            terminal.render(result, console(sys.stdout, wants_color(color, sys.stdout), width),
                            **options)
            return None
        buffer = io.StringIO()
        terminal.render(result, console(buffer, color == "always", width), **options)
        return buffer.getvalue()
    if report_format == "json":
        return partial(import_module(f"{package}.json_report").write, result)
    module = import_module(f"{package}.{TEXT_MODULES[report_format]}")
    return module.render(result, **options) if report_format in HUMAN else module.render(result)

