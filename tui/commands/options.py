"""Options several commands share, declared once."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING

from proposals.limits import CEILINGS, DEFAULT_LIMITS, Limits
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
                        help="raise a reading limit, in digits 0-9, no further than its "
                        "ceiling (default, ceiling: " + "; ".join(
                            f"{field.name} {getattr(DEFAULT_LIMITS, field.name):_}, "
                            f"{CEILINGS[field.name]:_}"
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


def add_cite(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cite", action=argparse.BooleanOptionalAction, default=None,
                        help="each clause's source ([1], listed at the end), quote and note: "
                        "on by default in markdown and html, off in rich and text")


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
                        help="show only topics matching a glob on the key or an alias "
                        "(ceasefire.*, ceasefire.length) or a part of the key or label "
                        "(prisoner); repeat or separate with commas; a pattern that matches "
                        "no topic shown is refused")
    parser.add_argument("--exclude", action="append", default=[], metavar="PATTERN",
                        help="leave out topics matching PATTERN (as --topics); repeatable")


def add_brevity(parser: argparse.ArgumentParser, stat: bool = True) -> None:
    """-q/--brief (the exit status, as `diff -q`) and, for `diff`, --stat (a summary)."""
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("-q", "--brief", action="store_true",
                       help="print no report: only the exit status and, when there are gaps, "
                       "one line saying so" if stat else
                       "print no report, only set the exit status")
    if stat:
        modes.add_argument("--stat", action="store_true",
                           help="print only a summary: counts by status and the agreement "
                           "index, for each pair of parties and for all of them")


def refuse_report_options(args: argparse.Namespace) -> None:
    """--brief and --stat print no report, so --format and -o would be silently ignored."""
    chosen = "--brief" if args.brief else "--stat" if getattr(args, "stat", False) else None
    if chosen and (args.format or args.output):
        other = "--format" if args.format else "-o"
        raise UsageError(f"{chosen} prints no report; {other} has nothing to write")


def add_sort(parser: argparse.ArgumentParser) -> None:
    from diffing.sorting import SORTS

    parser.add_argument("--sort", choices=SORTS, default=SORTS[0],
                        help="the order of the rows: area (registry order, the default), "
                        "distance (furthest apart first) or status (conflicts first)")


def add_baseline(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--baseline", metavar="PARTY",
                        help="compare every party with this one (id or name)")


def statuses(args: argparse.Namespace) -> list[GapStatus] | None:
    """--only as statuses (None: all), spelt as files may spell them (`one_sided`, `One
    sided`); refused (exit 2) with the closest status when a word is not one."""
    from diffing.result import GapStatus
    from proposals.registry import normalize_word
    from proposals.suggestions import suggest

    if not args.only:
        return None
    by_word = {normalize_word(status.value): status for status in GapStatus}
    chosen = []
    for word in filter(None, (part.strip() for part in args.only.split(","))):
        status = by_word.get(normalize_word(word))
        if status is None:
            known = [s.value for s in GapStatus]
            raise UsageError(f"--only: {word!r} is not a status{suggest(word, known)} "
                             f"(statuses: {', '.join(known)})")
        chosen.append(status)
    if not chosen:
        raise UsageError("--only: name a status (" + ", ".join(s.value for s in GapStatus) + ")")
    return chosen


def topic_patterns(args: argparse.Namespace) -> list[str]:
    """--topics, each repeat split at its commas."""
    return _split(args.topics)


def excluded(args: argparse.Namespace) -> list[str]:
    """--exclude, each repeat split at its commas."""
    return _split(args.exclude)


def _split(patterns: list[str]) -> list[str]:
    return [part.strip() for pattern in patterns for part in pattern.split(",") if part.strip()]


def refuse_unmatched(args: argparse.Namespace, topics: Iterable[tuple[str, str]]) -> None:
    """Exit 2 when a --topics or --exclude pattern names none of `topics` (key, label: the
    topics the proposals address), rather than print a report that silently shows nothing:
    the closest keys are suggested, or, for a topic of the registry, that no proposal
    addresses it."""
    from diffing.filters import pattern_matches, unmatched
    from proposals.registry import registry
    from proposals.suggestions import suggest

    topics = list(topics)
    for option, patterns in (("--topics", topic_patterns(args)), ("--exclude", excluded(args))):
        for pattern in unmatched(patterns, topics):
            named = [t for t in registry().topics if pattern_matches(pattern, t.key, t.label)]
            if named:
                listed = ", ".join(t.key for t in named[:3]) + (", …" if len(named) > 3 else "")
                raise UsageError(f"{option}: {pattern!r} names {listed}, which none of these "
                                 "proposals addresses")
            words = [*(word for t in registry().topics
                       for word in (t.key, *t.aliases, t.key.rsplit(".", 1)[-1])),
                     *(f"{area}.*" for area in registry().areas), *(key for key, _ in topics)]
            raise UsageError(f"{option}: no topic matches {pattern!r}{suggest(pattern, words)} "
                             "(`ceasefire topics` lists every key and alias)")
