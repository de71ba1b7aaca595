"""`ceasefire topics`: the topic registry as a table, JSON or Markdown."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from proposals.reference import topic_record, topics_markdown, words
from proposals.registry import registry
from tui.commands.options import add_color, add_width
from tui.terminal import console, report_width, wants_color

if TYPE_CHECKING:
    from rich.console import Console

    from proposals.registry import Topic


EXAMPLES = """\
  ceasefire topics                                # every topic, by area
  ceasefire topics --format markdown > topics.md
  ceasefire topics --format json
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    add_color(parser)
    add_width(parser)


def run(args: argparse.Namespace) -> int:
    reg = registry()
    if args.format == "json":
        records = [topic_record(topic) for topic in reg.topics]
        sys.stdout.write(json.dumps({"areas": reg.areas, "topics": records}, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(topics_markdown(reg))
    else:
        _table(console(sys.stdout, wants_color(args.color, sys.stdout), report_width(args.width)))
    return 0


def _table(out: Console) -> None:
    """The topics by area: tables with the same columns when they fit with every word
    whole, else a block per topic (its key and kind, then what it states, indented)."""
    from rich.text import Text

    from tui.reports.fit import Column, fit_tables, indented

    reg = registry()
    areas = [(title, [[Text(topic.key), Text(topic.kind.value), Text(_detail(topic))]
                      for topic in reg.in_area(area)]) for area, title in reg.areas.items()]
    tables = fit_tables(out, [Column("Topic", weight=0, style="bold"),
                              Column("Kind", weight=0, style="cyan"),
                              Column("What it states", floor=24)], areas, fill=False,
                        title_justify="left")
    if tables is not None:
        for table in tables:
            out.print(table)
        return
    for title, rows in areas:
        out.print(Text(title, style="bold italic"))
        for key, kind, detail in rows:
            out.print(Text.assemble((key.plain, "bold"), " ", (kind.plain, "cyan")))
            out.print(indented(out, detail))


def _detail(topic: Topic) -> str:
    """What a topic states: its label and description, its other names, words and unit."""
    detail = topic.label + ". " + topic.description
    if topic.aliases:
        detail += "\nAlso written: " + ", ".join(topic.aliases)
    vocabulary = words(topic)
    if vocabulary:
        detail += "\nWords: " + vocabulary
    if topic.unit:
        detail += f"\nUnit: {topic.unit}"
    return detail
