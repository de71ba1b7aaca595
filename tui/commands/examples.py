"""`ceasefire examples`: the bundled scenarios, to try every command on real texts, and
`--copy NAME DIR` to take one out to edit (the installed package's files are never edited)."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from proposals.examples import UnknownExample, scenario, scenarios
from proposals.loader import read_proposal
from tui.inputs import Source, UsageError
from tui.terminal import literal


EXAMPLES = """\
  ceasefire examples
  ceasefire examples --copy istanbul-2025-06-02 talks  # its files, to edit
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--copy", nargs=2, metavar=("NAME", "DIR"),
                        help="copy example NAME's files into DIR (made if missing) to edit "
                             "them; never overwrites a file")


def run(args: argparse.Namespace) -> int:
    if args.copy:
        return _copy(*args.copy)
    for item in scenarios():
        parties = []
        for path in item.files:
            proposal = read_proposal(path).proposal
            parties.append(f"{proposal.party} ({path.name})" if proposal else path.name)
        sys.stdout.write(f"{item.name}\n  " + "\n  ".join(parties) + "\n")
    sys.stdout.write("\nTry: ceasefire diff --example NAME, or ceasefire view --example NAME;"
                     "\n     ceasefire examples --copy NAME DIR to edit one\n")
    return 0


def _copy(name: str, folder: str) -> int:
    from tui.copies import copy_bundled

    try:
        files = scenario(name).files
    except UnknownExample as error:
        raise UsageError(str(error)) from None
    try:
        copies = copy_bundled([Source(path, path.name) for path in files], Path(folder))
    except FileExistsError as error:
        raise UsageError(f"{error}: nothing copied (choose another DIR)") from None
    except OSError as error:
        raise UsageError(f"cannot copy to {folder}: {error.strerror or error}") from None
    written = [str(copy.path) for copy in copies]
    sys.stderr.write(literal(f"copied {name} to {folder}: {', '.join(p.name for p in files)}\n"
                             f"Try: ceasefire diff {shlex.join(written)}") + "\n")
    return 0
