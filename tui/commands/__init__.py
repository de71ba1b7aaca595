"""The subcommands of `ceasefire`, declared in one place; each module has one command.

A command module offers `configure(parser)` and `run(args) -> exit code`. Modules are
imported only for the command being run, so `ceasefire diff` never pays for the others.
"""

COMMANDS: dict[str, str] = {
    "diff": "compare proposals clause by clause (exit 0 no gaps, 1 gaps, 2 trouble)",
    "history": "follow the parties round by round: who moved, how far, toward whom "
               "(exit 0 nothing moved, 1 moved, 2 trouble)",
    "view": "explore the gaps side by side in an interactive app that follows file changes",
    "check": "validate proposal files (exit 0 valid, 1 invalid, 2 trouble)",
    "new": "write a commented proposal template (to stdout, or -o FILE)",
    "schema": "print the JSON Schema (draft 2020-12) of the proposal format, or "
              "(--output-of) of the JSON that diff or history writes",
    "topics": "list the topics a proposal can address",
    "examples": "list the bundled example scenarios (use them with --example NAME)",
    "docs": "print the documentation pages installed with the package",
    "completion": "print a shell completion script: bash, zsh or fish",
}
