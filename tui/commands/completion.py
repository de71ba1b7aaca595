"""`ceasefire completion bash|zsh|fish`: print a completion script for that shell."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from tui.completion import SHELLS, Command, Option, script

EXAMPLES = """\
  eval "$(ceasefire completion bash)"                # in ~/.bashrc
  eval "$(ceasefire completion zsh)"                 # in ~/.zshrc
  ceasefire completion fish > ~/.config/fish/completions/ceasefire.fish
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")


def run(args: argparse.Namespace) -> int:
    from tui.cli import PROG

    sys.stdout.write(script(args.shell, PROG, commands()))
    return 0


def commands() -> list[Command]:
    """Every command with its options, read from the parser each command configures."""
    from tui.commands import COMMANDS

    found = []
    for name, summary in COMMANDS.items():
        parser = argparse.ArgumentParser(add_help=True)
        import_module(f"tui.commands.{name}").configure(parser)
        options = tuple(_option(action) for action in parser._actions if action.option_strings)
        found.append(Command(name, summary, options))
    return found


def _option(action: argparse.Action) -> Option:
    words = tuple(action.choices) if action.choices else _words_for(action.dest)
    help_text = (action.help or "").split(";")[0].split(" (")[0]
    return Option(tuple(action.option_strings), action.nargs != 0, words,
                  action.metavar == "FILE", help_text)


def _words_for(dest: str) -> tuple[str, ...]:
    """The values an option names: example names, topic keys and areas, statuses."""
    if dest in ("example", "copy"):
        from proposals.examples import names

        return tuple(names())
    if dest in ("topics", "exclude"):
        from proposals.registry import registry

        reg = registry()
        return (*(f"{area}.*" for area in reg.areas), *(t.key for t in reg.topics))
    if dest == "only":
        from diffing.result import GapStatus

        return tuple(status.value for status in GapStatus)
    return ()
