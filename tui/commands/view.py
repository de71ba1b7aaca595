"""`ceasefire view`: the interactive gap explorer (the only command that imports textual)."""

from __future__ import annotations

import argparse

from diffing.scope import UnknownOption, chosen_options
from tui.app.settings import THEMES
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
from tui.inputs import (
    Source,
    UsageError,
    current,
    find_party,
    input_sources,
    option_choices,
    read_inputs,
    valid_proposals,
)
from tui.terminal import not_a_terminal


EXAMPLES = """\
  ceasefire view --example minsk-2015-02-12
  ceasefire view ukraine.yaml russia.yaml    # follows your edits
"""


def configure(parser: argparse.ArgumentParser) -> None:
    add_inputs(parser)
    add_filters(parser)
    add_baseline(parser)
    add_option_choice(parser)
    parser.add_argument("--theme", metavar="NAME",
                        help=f"colour theme for this run ({', '.join(THEMES)}, or any of "
                        "Textual's; c switches and remembers it)")
    parser.add_argument("--no-watch", action="store_true",
                        help="do not reload when the files change (r reloads by hand)")


def chosen_parties(sources: list[Source], args: argparse.Namespace
                   ) -> tuple[dict[str, str], str | None]:
    """`--option PARTY=OPTION` as {party id: option id} and `--baseline` as a party id,
    refused (exit 2) when the files do not offer them, as is a --topics or --exclude that
    names no topic they address; the files are read for this only when one is asked for."""
    if not (args.option or args.baseline or args.topics or args.exclude):
        return {}, None
    given = valid_proposals(read_inputs(sources, limits(args)))
    if given is None:
        raise UsageError("--option, --baseline, --topics and --exclude need files that read "
                         "as proposals (`ceasefire check` lists their problems)")
    proposals = current(given).proposals
    refuse_unmatched(args, ((c.topic, c.label) for p in proposals for c in p.clauses))
    chosen = option_choices(proposals, args.option)
    try:
        chosen_options(proposals, chosen)
    except UnknownOption as error:
        raise UsageError(f"--option: {error}") from None
    return chosen, find_party(proposals, args.baseline) if args.baseline else None


def run(args: argparse.Namespace) -> int:
    if not args.files and not args.example:
        raise UsageError("name two or more proposal files, e.g. `ceasefire view ukraine.yaml "
                         "russia.yaml`, or try a bundled scenario: `ceasefire view --example "
                         "istanbul-2025-06-02` (`ceasefire examples` lists them)")
    sources = input_sources(args.files, args.example)
    if any(source.stdin for source in sources):
        raise UsageError("the app takes its keys from stdin and follows files as they change, "
                         "so it cannot read a proposal from - (save it to a file)")
    if len(sources) < 2:
        raise UsageError("the app compares at least two proposal files")
    reading = limits(args)  # refused (exit 2) before the app starts, as every option is
    only, topics = statuses(args), topic_patterns(args)
    options, baseline = chosen_parties(sources, args)
    from textual.theme import BUILTIN_THEMES

    if args.theme is not None and args.theme not in BUILTIN_THEMES:
        raise UsageError(f"--theme: no theme {args.theme!r} (themes: "
                         f"{', '.join(sorted(BUILTIN_THEMES))})")
    stream = not_a_terminal()
    if stream is not None:
        raise UsageError(f"the app needs a terminal and {stream} is not one; for a report in a "
                         "file or a pipe use `ceasefire diff` (same options, -o FILE)")
    from tui.app.app import CeasefireApp
    from tui.app.background import exit_if_reading

    app = CeasefireApp(sources, reading, watch=not args.no_watch, options=options,
                       baseline=baseline, only=only, topics=topics, exclude=excluded(args),
                       theme=args.theme)
    app.run()
    status = app.return_code or 0  # 143 / 129 when ended by SIGTERM / SIGHUP
    exit_if_reading(status)  # quit during a load: the reading is dropped, not waited for
    return status
