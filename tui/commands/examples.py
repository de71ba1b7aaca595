"""`ceasefire examples`: the bundled scenarios, to try every command on real texts."""

from __future__ import annotations

import argparse
import sys

from proposals.examples import scenarios
from proposals.loader import read_proposal


def configure(parser: argparse.ArgumentParser) -> None:
    """No options."""


def run(args: argparse.Namespace) -> int:
    for item in scenarios():
        parties = []
        for path in item.files:
            proposal = read_proposal(path).proposal
            parties.append(f"{proposal.party} ({path.name})" if proposal else path.name)
        sys.stdout.write(f"{item.name}\n  " + "\n  ".join(parties) + "\n")
    sys.stdout.write("\nTry: ceasefire diff --example NAME, or ceasefire view --example NAME\n")
    return 0
