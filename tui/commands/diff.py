"""`ceasefire diff`: the clause-by-clause report, exit 0 no gaps, 1 gaps, 2 trouble."""

from __future__ import annotations

import argparse
import sys

from diffing import Comparison, ComparisonError, compare
from diffing.comparators.base import names
from diffing.filters import restrict
from diffing.sorting import sort_view
from tui.commands.options import (
    add_baseline,
    add_brevity,
    add_cite,
    add_filters,
    add_inputs,
    add_option_choice,
    add_sort,
    excluded,
    limits,
    refuse_report_options,
    refuse_unmatched,
    statuses,
    topic_patterns,
)
from tui.commands.output import FORMATS, add_output, deliver
from tui.inputs import (
    Source,
    UsageError,
    current,
    find_party,
    input_sources,
    load_valid,
    option_choices,
    read_inputs,
)
from tui.reports.layout import shown_option
from tui.terminal import literal, one_line


EXAMPLES = """\
  ceasefire diff --example istanbul-2025-06-02             # a bundled example
  ceasefire diff ukraine.yaml russia.yaml                  # your own files
  ceasefire diff ukraine.yaml russia.yaml --only conflict,partial
  ceasefire diff ukraine.yaml russia.yaml --topics 'humanitarian.*'
  ceasefire diff ukraine.yaml russia.yaml --exclude 'forces.*' --sort distance
  ceasefire diff --example peace-plans-2025-11 --stat      # counts per pair
  ceasefire diff ukraine.yaml russia.yaml -q             # exit status, one line
  ceasefire diff --example istanbul-2025-06-02 --baseline agreed
  ceasefire diff --example istanbul-2025-06-02 --option russia=option-2
  ceasefire diff ukraine.yaml russia.yaml -o report.html   # offline HTML
  ceasefire diff ukraine.yaml russia.yaml --format json    # for scripts
  ceasefire diff ukraine.yaml russia.yaml --cite          # sources and quotes
"""


def configure(parser: argparse.ArgumentParser) -> None:
    add_inputs(parser)
    add_filters(parser)
    add_sort(parser)
    add_baseline(parser)
    add_option_choice(parser)
    add_brevity(parser)
    add_output(parser, (*FORMATS, "csv"))
    add_cite(parser)


def run(args: argparse.Namespace) -> int:
    refuse_report_options(args)
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
                             earlier=arranged.earlier, versions_of=arranged.versions_of,
                             words_at_once=not (args.brief or args.stat))  # reports read all
    except ComparisonError as error:
        raise UsageError(str(error)) from None
    refuse_unmatched(args, ((row.topic, row.label) for row in comparison.rows))
    shown = sort_view(restrict(comparison, only, topics, exclude=excluded(args)), args.sort)
    if args.brief or args.stat:
        from tui.reports.stat import brief, render

        sys.stdout.write(brief(shown) if args.brief else render(shown))
    else:
        settled = not shown.has_gaps and only is None  # --only asks to see the rows
        deliver(shown, "tui.reports", args, sources,
                brief=no_gaps(shown, sources) if settled else None, cite=args.cite)
    return 1 if shown.has_gaps else 0


def no_gaps(shown: Comparison, sources: list[Source]) -> str:
    """The line that stands for a report without gaps, as GNU diff prints nothing for
    identical files: they are one file, or every topic shown is agreed."""
    if not any(source.stdin for source in sources) and len(
            {source.path.resolve() for source in sources}) == 1:
        return literal(names([source.name for source in sources])) + " are identical"
    topics = shown.summary.topics
    line = ("no gaps: no topic to compare" if topics == 0 else
            "no gaps: the one topic is agreed" if topics == 1 else
            f"no gaps: the {topics:,} topics are agreed")
    options = [f"{party.name}: {shown_option(party)}" for party in shown.parties if party.option]
    return one_line(line + (f" with the options shown ({', '.join(options)})" if options else ""))
