"""The subcommands of `ceasefire`, declared in one place; each module has one command.

A command module offers NAME, SUMMARY, `configure(parser)` and `run(args) -> exit code`.
"""

from tui.commands import check, diff, examples, new, schema, topics, view

COMMANDS = (diff, view, check, new, schema, topics, examples)
