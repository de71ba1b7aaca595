"""The `ceasefire` command line: parses arguments and hands over to one command module.

Kept light on purpose: only the command being run is imported, reports never import
textual (only `view` does, when it runs), and the version is looked up only when asked.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module

from tui.commands import COMMANDS
from tui.inputs import UsageError
from tui.terminal import literal

PROG = "ceasefire"
BROKEN_PIPE = 141
"""Exit code when stdout is closed early: 128 + SIGPIPE (13), as a shell reports it."""
DESCRIPTION = (
    "Compare ceasefire proposals clause by clause: where the parties agree, overlap and "
    "conflict, by how much, and what only one side addresses."
)


class _Version(argparse.Action):
    """`--version`, reading the installed package's metadata only when it is asked for."""

    def __call__(self, parser, namespace, values, option_string=None):
        from tui.reports.stamp import tool_version

        sys.stdout.write(f"{PROG} {tool_version()}\n")  # on stdout, as `git --version` does
        parser.exit(0)


def _chosen(argv: list[str]) -> str | None:
    """The command named on the command line, if any (the first word that is one)."""
    return next((word for word in argv if word in COMMANDS), None)


EXAMPLES = """\
examples:
  ceasefire examples                                  # the bundled scenarios
  ceasefire diff --example istanbul-2025-06-02        # two proposals compared
  ceasefire examples --copy istanbul-2025-06-02 talks # its files, to edit
  ceasefire new --party Ukraine -o ukraine.yaml       # your own proposal
  ceasefire check ukraine.yaml                        # problems, file:line:col
  ceasefire COMMAND --help                            # options and examples

The proposal format: `ceasefire topics` lists every topic and its words,
`ceasefire schema` prints the whole format as JSON Schema, and `ceasefire docs`
lists the manual's pages (`ceasefire docs format` explains every field).
"""


class _Help(argparse.RawDescriptionHelpFormatter):
    """Descriptions wrapped to the terminal as usual; the examples in the epilog kept as
    written, one command a line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n  ceasefire " in text:
            return super()._fill_text(text, width, indent)
        return argparse.HelpFormatter._fill_text(self, text, width, indent)


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION, epilog=EXAMPLES,
                                     formatter_class=_Help)
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _chosen(argv)
    for name, summary in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=summary, formatter_class=_Help)
        if name == chosen:
            module = import_module(f"tui.commands.{name}")
            module.configure(sub)
            sub.set_defaults(run=module.run)
            sub.epilog = "examples:\n" + module.EXAMPLES
    return parser


def _unknown_command(argv: list[str]) -> str | None:
    """The refusal of a first word that is not a command (`ceasefire dif`), with the
    closest commands; None when the first word is one (or there is none)."""
    word = next((word for word in argv if not word.startswith("-")), None)
    if word is None or word in COMMANDS:
        return None
    from proposals.suggestions import suggest

    return (f"{PROG}: {literal(word)!r} is not a command{suggest(word, list(COMMANDS))} "
            f"(commands: {', '.join(COMMANDS)})")


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except BrokenPipeError:
        # The reader went away (`ceasefire diff ... | head -1`): stop without a word, with the
        # code a shell gives a command killed by SIGPIPE, so that it is not read as "gaps".
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE


def _run(argv: list[str]) -> int:
    refusal = _unknown_command(argv)
    if refusal is not None:
        sys.stderr.write(refusal + "\n")
        return 2
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        code = args.run(args)
        sys.stdout.flush()  # a closed pipe is found here, not at exit
        return code
    except UsageError as error:
        sys.stderr.write(f"{PROG} {args.command}: {literal(str(error))}\n")
        return 2
    except KeyboardInterrupt:
        return 130
