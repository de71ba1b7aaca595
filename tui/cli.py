"""The `ceasefire` command line: parses arguments and hands over to one command module.

Kept light on purpose: only the command being run is imported, reports never import
textual (only `view` does, when it runs), and the version is looked up only when asked.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from contextlib import suppress
from importlib import import_module
from typing import IO

from tui.commands import COMMANDS
from tui.stopping import received, stopped_by_signals

PROG = "ceasefire"
BROKEN_PIPE = 141
"""Exit code when stdout is closed early: 128 + SIGPIPE (13), as a shell reports it."""
WRITE_FAILED = 2
"""Exit code when stdout cannot be written (a full disk, EIO): trouble, as in GNU diff."""
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


class _Parser(argparse.ArgumentParser):
    """argparse, except that a help or usage text that cannot be written (a full disk) is
    an error, where argparse ignores it and exits 0."""

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        if message:
            (file or sys.stderr).write(message)


class _Help(argparse.RawDescriptionHelpFormatter):
    """Descriptions wrapped to the terminal as usual; the examples in the epilog kept as
    written, one command a line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n  ceasefire " in text:
            return super()._fill_text(text, width, indent)
        return argparse.HelpFormatter._fill_text(self, text, width, indent)


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description=DESCRIPTION, epilog=EXAMPLES, formatter_class=_Help)
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
    from tui.terminal import literal

    return (f"{PROG}: {literal(word)!r} is not a command{suggest(word, list(COMMANDS))} "
            f"(commands: {', '.join(COMMANDS)})")


def main(argv: list[str] | None = None) -> int:
    """The command line; with no `argv`, the process's own (it ends when this returns)."""
    process_ends = argv is None
    argv = sys.argv[1:] if argv is None else argv
    command = _chosen(argv)
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        _closed_stdout()
    try:
        if command == "view":  # the app reads ctrl+c as a key, and restores the terminal
            return _run(argv)
        with stopped_by_signals(process_ends):
            try:
                return _run(argv)
            finally:
                sys.stdout.flush()  # a full disk or a closed pipe is found here, not at exit
    except BaseException as error:
        code = _failed(error, command)
        if code is None:
            raise
        return code


def _failed(error: BaseException, command: str | None) -> int | None:
    """The exit status for a run that ended in `error`, its one line said on stderr; None
    for an error that is a bug (its traceback is wanted). Stopped by a signal, whatever
    the exception it became: 128 + its number, quietly (130 ctrl+c, 143 SIGTERM)."""
    signum = received()
    if signum is not None or isinstance(error, KeyboardInterrupt):
        _drop_stdout()
        return 128 + (signum or signal.SIGINT)
    if isinstance(error, BrokenPipeError):
        # The reader went away (`ceasefire diff ... | head -1`): stop without a word, with the
        # code a shell gives a command killed by SIGPIPE, so that it is not read as "gaps".
        _drop_stdout()
        return BROKEN_PIPE
    if isinstance(error, OSError) and command != "view":
        # Reading a proposal never raises (a problem at its place instead) and -o's errors
        # are usage errors: one without a file name is writing stdout (a full disk, EIO).
        from tui.terminal import literal

        _drop_stdout()
        what = error.filename if error.filename is not None else "to stdout"
        with suppress(OSError, AttributeError, ValueError):
            sys.stderr.write(literal(f"{PROG}{' ' + command if command else ''}: cannot "
                                     f"write {what}: {error.strerror or error}") + "\n")
        return WRITE_FAILED
    return None


def _closed_stdout() -> None:
    """A stdout that was closed fails when written, as the closed fd would (EBADF): fd 1
    made a read-only /dev/null, so that no file this run opens takes its number."""
    with suppress(OSError):
        os.fstat(1)
        return  # fd 1 is taken by something else: leave it
    os.dup2(os.open(os.devnull, os.O_RDONLY), 1)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 (lives to exit)


def _drop_stdout() -> None:
    """What is still buffered for stdout is thrown away, so that leaving Python does not
    try to write it again (and print "Exception ignored ...")."""
    with suppress(OSError, AttributeError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _run(argv: list[str]) -> int:
    # imported here, once the signal handlers are set: they load the core, and a ctrl+c
    # while they load stops as quietly as one later
    from tui.inputs import UsageError
    from tui.terminal import literal

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
        return args.run(args)
    except UsageError as error:
        sys.stderr.write(f"{PROG} {args.command}: {literal(str(error))}\n")
        return 2
