"""`ceasefire history`: who moved, how far, toward whom, round by round (exit 0 nothing
moved, 1 something did, 2 trouble)."""

from __future__ import annotations

import argparse

from diffing import ComparisonError
from diffing.history import history
from tui.commands.options import (
    add_brevity, add_cite, add_inputs, add_option_choice, limits, refuse_report_options,
)
from tui.commands.output import add_output, deliver, report_format
from tui.inputs import (
    UsageError, input_sources, load_valid, once, option_choices, read_inputs,
)


EXAMPLES = """\
  ceasefire history --example istanbul-2025-05-16 --example istanbul-2025-06-02
  ceasefire history --example peace-plans-2025-11  # drafts of one text
  ceasefire history --example peace-plans-2025-11 --format markdown
  ceasefire history --example peace-plans-2025-11 -q     # exit status only
"""


def configure(parser: argparse.ArgumentParser) -> None:
    add_inputs(parser)
    add_option_choice(parser)
    add_brevity(parser, stat=False)
    add_output(parser)
    add_cite(parser)


def run(args: argparse.Namespace) -> int:
    refuse_report_options(args)
    sources = once(input_sources(args.files, args.example))
    proposals = load_valid(read_inputs(sources, limits(args)))
    try:
        result = history(proposals, options=option_choices(proposals, args.option),
                         words_at_once=not args.brief and report_format(args) == "json")
    except ComparisonError as error:
        raise UsageError(str(error)) from None
    if not args.brief:
        deliver(result, "tui.reports.history", args, sources, cite=args.cite)
    return 1 if result.moved else 0
