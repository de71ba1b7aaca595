"""`ceasefire view`: the interactive gap explorer (the only command that imports textual)."""

from __future__ import annotations

import argparse

from diffing.scope import UnknownOption, chosen_options
from tui.commands.options import add_inputs, add_option_choice, limits
from tui.inputs import (
    Source,
    UsageError,
    current,
    input_sources,
    option_choices,
    read_inputs,
    valid_proposals,
)


def configure(parser: argparse.ArgumentParser) -> None:
    add_inputs(parser)
    add_option_choice(parser)
    parser.add_argument("--no-watch", action="store_true",
                        help="do not reload when the files change (r reloads by hand)")


def options_asked(sources: list[Source], args: argparse.Namespace) -> dict[str, str]:
    """`--option PARTY=OPTION` as {party id: option id}, refused (exit 2) when the files do
    not offer it; the files are read for this only when an option is asked for."""
    if not args.option:
        return {}
    given = valid_proposals(read_inputs(sources, limits(args)))
    if given is None:
        raise UsageError("--option needs files that read as proposals "
                         "(`ceasefire check` lists their problems)")
    proposals = current(given).proposals
    chosen = option_choices(proposals, args.option)
    try:
        chosen_options(proposals, chosen)
    except UnknownOption as error:
        raise UsageError(f"--option: {error}") from None
    return chosen


def run(args: argparse.Namespace) -> int:
    if not args.files and not args.example:
        raise UsageError("name two or more proposal files, e.g. `ceasefire view ukraine.yaml "
                         "russia.yaml`, or try a bundled scenario: `ceasefire view --example "
                         "istanbul-2025-06-02` (`ceasefire examples` lists them)")
    sources = input_sources(args.files, args.example)
    if len(sources) < 2:
        raise UsageError("the app compares at least two proposal files")
    options = options_asked(sources, args)
    from tui.app.app import CeasefireApp

    CeasefireApp(sources, limits(args), watch=not args.no_watch, options=options).run()
    return 0
