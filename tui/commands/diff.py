"""`ceasefire diff`: the clause-by-clause report, exit 0 no gaps, 1 gaps, 2 trouble."""

from __future__ import annotations

import argparse

from diffing import ComparisonError, GapStatus, compare
from diffing.filters import restrict
from tui.commands.options import add_inputs, add_option_choice, limits
from tui.commands.output import add_output, deliver
from tui.inputs import (
    UsageError,
    current,
    find_party,
    input_sources,
    load_valid,
    option_choices,
    read_inputs,
)


def configure(parser: argparse.ArgumentParser) -> None:
    add_inputs(parser)
    parser.add_argument("--only", metavar="STATUS[,STATUS]",
                        help="show only these statuses: " + ", ".join(s.value for s in GapStatus))
    parser.add_argument("--topics", action="append", default=[], metavar="PATTERN",
                        help="show only topics matching a glob on the key (ceasefire.*) or a word "
                        "of the label; repeat or separate with commas")
    parser.add_argument("--baseline", metavar="PARTY",
                        help="compare every party with this one (id or name)")
    add_option_choice(parser)
    add_output(parser)


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


def run(args: argparse.Namespace) -> int:
    only = statuses(args.only)
    topics = [part for pattern in args.topics for part in pattern.split(",")]
    sources = input_sources(args.files, args.example)
    if len(sources) < 2:
        raise UsageError("a diff needs at least two proposal files")
    arranged = current(load_valid(read_inputs(sources, limits(args))))
    proposals = arranged.proposals
    baseline = find_party(proposals, args.baseline) if args.baseline else None
    try:
        comparison = compare(proposals, baseline=baseline,
                             options=option_choices(proposals, args.option),
                             earlier=arranged.earlier, versions_of=arranged.versions_of)
    except ComparisonError as error:
        raise UsageError(str(error)) from None
    shown = restrict(comparison, only, topics)
    deliver(shown, "tui.reports", args)
    return 1 if shown.has_gaps else 0
