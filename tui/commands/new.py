"""`ceasefire new`: write a template (every example clause a comment), never over a file."""

from __future__ import annotations

import argparse
import sys

from proposals.template import template
from tui.files import write_atomically, write_new
from tui.inputs import UsageError
from tui.terminal import literal


EXAMPLES = """\
  ceasefire new --party Ukraine -o draft.yaml     # then uncomment clauses
  ceasefire new --party "Ukraine" > draft-2.yaml
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--party", default="Party name", help="the party's name")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    if not args.party.strip():
        raise UsageError("--party needs a name")
    if not args.output:
        sys.stdout.write(template(args.party))
        return 0
    text = template(args.party, args.output)
    try:
        if args.force:
            write_atomically(args.output, text)
        else:
            write_new(args.output, text)
    except FileExistsError:
        raise UsageError(f"{args.output} exists; nothing written (use --force to replace it)"
                         ) from None
    except OSError as error:
        raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
    sys.stderr.write(literal(f"wrote {args.output}; check it with `ceasefire check "
                             f"{args.output}`") + "\n")
    return 0
