"""The files a command works on: paths given, or a bundled example, read with the loader."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from proposals.examples import UnknownExample, scenario
from proposals.limits import Limits
from proposals.loader import Loaded, read_proposal
from proposals.problems import Code


class UsageError(Exception):
    """The command line asks for something impossible; exit 2 with this message."""


@dataclass(frozen=True, slots=True)
class Input:
    """One file and what reading it gave."""

    path: str
    loaded: Loaded

    @property
    def unreadable(self) -> bool:
        return any(p.code is Code.UNREADABLE for p in self.loaded.problems)


def input_paths(files: list[str], example: str | None) -> list[str]:
    """The paths to read: the files named, or every file of the example scenario."""
    if example and files:
        raise UsageError("give files or --example, not both")
    if example:
        try:
            return [str(path) for path in scenario(example).files]
        except UnknownExample as error:
            raise UsageError(str(error)) from None
    if not files:
        raise UsageError("no files: name proposal files, or use --example NAME "
                         "(`ceasefire examples` lists them)")
    return files


def read_inputs(paths: list[str], limits: Limits) -> list[Input]:
    return [Input(path, read_proposal(Path(path), limits)) for path in paths]
