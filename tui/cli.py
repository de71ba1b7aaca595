"""The `ceasefire` command line: parses arguments and hands over to one command module.

Kept light on purpose: reports never import textual; only `view` does, when run.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib.metadata import PackageNotFoundError, version

from tui.commands import COMMANDS
from tui.inputs import UsageError

PROG = "ceasefire"
DESCRIPTION = (
    "Compare ceasefire proposals clause by clause: where the parties agree, overlap and "
    "conflict, by how much, and what only one side addresses."
)


def _version() -> str:
    try:
        return version("ceasefire")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        sub = commands.add_parser(command.NAME, help=command.SUMMARY, description=command.SUMMARY)
        command.configure(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return args.run(args)
    except UsageError as error:
        sys.stderr.write(f"{PROG} {args.command}: {error}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`ceasefire topics | head`): stop quietly, as diff tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
