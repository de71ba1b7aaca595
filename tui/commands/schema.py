"""`ceasefire schema`: the JSON Schema of the format, for editors."""

from __future__ import annotations

import argparse
import json
import sys

from proposals.schema import proposal_schema


EXAMPLES = """\
  ceasefire schema > ceasefire.schema.json  # for editor completion
"""


def configure(parser: argparse.ArgumentParser) -> None:
    """No options: redirect the output to a file (`ceasefire schema > ceasefire.schema.json`)."""


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(proposal_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0
