"""`ceasefire view`: the interactive gap explorer (the only command that imports textual)."""

from __future__ import annotations

import argparse

from tui.commands.options import add_inputs, limits
from tui.inputs import UsageError, input_sources


def configure(parser: argparse.ArgumentParser) -> None:
    add_inputs(parser)
    parser.add_argument("--no-watch", action="store_true",
                        help="do not reload when the files change (r reloads by hand)")


def run(args: argparse.Namespace) -> int:
    if not args.files and not args.example:
        raise UsageError("name two or more proposal files, e.g. `ceasefire view ukraine.yaml "
                         "russia.yaml`, or try a bundled scenario: `ceasefire view --example "
                         "istanbul-2025-06-02` (`ceasefire examples` lists them)")
    sources = input_sources(args.files, args.example)
    if len(sources) < 2:
        raise UsageError("the app compares at least two proposal files")
    from tui.app.app import CeasefireApp

    CeasefireApp(sources, limits(args), watch=not args.no_watch).run()
    return 0
