"""`ceasefire schema`: the JSON Schema of the format, for editors; with `--output-of`, the
schema of a command's JSON output, for scripts that validate what they read."""

from __future__ import annotations

import argparse
import json
import sys

from proposals.schema import proposal_schema


EXAMPLES = """\
  ceasefire schema > ceasefire.schema.json              # for editor completion
  ceasefire schema --output-of diff > diff.schema.json  # for diff's JSON output
"""


def configure(parser: argparse.ArgumentParser) -> None:
    """Redirect the output to a file (`ceasefire schema > ceasefire.schema.json`)."""
    from tui.reports.contracts import CONTRACTS

    parser.add_argument("--output-of", metavar="COMMAND", choices=tuple(CONTRACTS),
                        help="print instead the JSON Schema of what COMMAND writes with "
                             "--format json: " + " or ".join(CONTRACTS))


def run(args: argparse.Namespace) -> int:
    if args.output_of:
        from tui.reports.contracts import schema_file

        sys.stdout.write(schema_file(args.output_of).read_text(encoding="utf-8"))
        return 0
    sys.stdout.write(json.dumps(proposal_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0
