"""`ceasefire topics`: the topic registry as a table, JSON or Markdown."""

from __future__ import annotations

import argparse
import json
import sys

from proposals.reference import topic_record, topics_markdown, words
from proposals.registry import registry
from tui.commands.options import add_color
from tui.terminal import console, is_terminal, wants_color


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    add_color(parser)


def run(args: argparse.Namespace) -> int:
    reg = registry()
    if args.format == "json":
        records = [topic_record(topic) for topic in reg.topics]
        sys.stdout.write(json.dumps({"areas": reg.areas, "topics": records}, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(topics_markdown(reg))
    else:
        _table(wants_color(args.color, sys.stdout))
    return 0


def _table(color: bool) -> None:
    from rich.table import Table

    reg = registry()
    out = console(sys.stdout, color, width=None if is_terminal(sys.stdout) else 160)
    for area, title in reg.areas.items():
        table = Table(title=title, title_justify="left", expand=False, show_lines=False)
        table.add_column("Topic", style="bold", no_wrap=True)
        table.add_column("Kind", style="cyan", no_wrap=True)
        table.add_column("What it states")
        for topic in reg.in_area(area):
            detail = topic.label + ". " + topic.description
            vocabulary = words(topic)
            if vocabulary:
                detail += "\nWords: " + vocabulary
            if topic.unit:
                detail += f"\nUnit: {topic.unit}"
            table.add_row(topic.key, topic.kind.value, detail)
        out.print(table)
