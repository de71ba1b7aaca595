"""`ceasefire diff`: the clause-by-clause report, exit 0 no gaps, 1 gaps, 2 trouble."""

from __future__ import annotations

import argparse

from diffing import ComparisonError, compare
from diffing.filters import restrict
from tui.commands.options import (
    add_baseline,
    add_filters,
    add_inputs,
    add_option_choice,
    excluded,
    limits,
    refuse_unmatched,
    statuses,
    topic_patterns,
)
from tui.commands.output import FORMATS, add_output, deliver
from tui.inputs import (
    UsageError,
    current,
    find_party,
    input_sources,
    load_valid,
    option_choices,
    read_inputs,
)


EXAMPLES = """\
  ceasefire diff --example istanbul-2025-06-02             # a bundled example
  ceasefire diff ukraine.yaml russia.yaml                  # your own files
  ceasefire diff ukraine.yaml russia.yaml --only conflict,partial
  ceasefire diff ukraine.yaml russia.yaml --topics 'humanitarian.*'
  ceasefire diff --example istanbul-2025-06-02 --baseline agreed
  ceasefire diff --example istanbul-2025-06-02 --option russia=option-2
  ceasefire diff ukraine.yaml russia.yaml -o report.html   # offline HTML
  ceasefire diff ukraine.yaml russia.yaml --format json    # for scripts
"""


def configure(parser: argparse.ArgumentParser) -> None:
    add_inputs(parser)
    add_filters(parser)
    add_baseline(parser)
    add_option_choice(parser)
    add_output(parser, (*FORMATS, "csv"))


def run(args: argparse.Namespace) -> int:
    only = statuses(args)
    topics = topic_patterns(args)
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
    refuse_unmatched(args, ((row.topic, row.label) for row in comparison.rows))
    shown = restrict(comparison, only, topics, exclude=excluded(args))
    deliver(shown, "tui.reports", args)
    return 1 if shown.has_gaps else 0
