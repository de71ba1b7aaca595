"""The files a command works on: paths given, or a bundled example, read with the loader."""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from diffing.rounds import Arrangement, arrange
from proposals.examples import UnknownExample, scenario
from proposals.limits import Limits
from proposals.loader import Loaded, read_proposal
from proposals.model import Proposal
from proposals.problems import Code, Problem
from tui.terminal import literal


class UsageError(Exception):
    """The command line asks for something impossible; exit 2 with this message."""


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read and the name it is shown under (`scenario/file.yaml` for examples);
    `stdin` for `-`, shown as `<stdin>`."""

    path: Path
    name: str
    stdin: bool = False


CHUNK = 1 << 20

STDIN_NAME = "-"
"""The file name that means stdin, as for cat, diff and grep."""


@dataclass(frozen=True, slots=True)
class Input:
    """One file and what reading it gave."""

    source: Source
    loaded: Loaded

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def unreadable(self) -> bool:
        return any(p.code is Code.UNREADABLE for p in self.loaded.problems)


def input_sources(files: list[str], examples: list[str] | None = None) -> list[Source]:
    """The files named (a folder: its YAML files; `-`: stdin, once), then every file of each
    example."""
    if files.count(STDIN_NAME) > 1:
        raise UsageError("- (stdin) is named more than once: it can be read only once")
    sources = [source for file in files for source in _named(file)]
    for name in examples or ():
        try:
            found = scenario(name)
        except UnknownExample as error:
            raise UsageError(str(error)) from None
        sources += [Source(path, f"{found.name}/{path.name}") for path in found.files]
    if not sources:
        raise UsageError("no files: name proposal files or folders, or use --example NAME "
                         "(`ceasefire examples` lists them)")
    return sources


def _named(file: str) -> list[Source]:
    """A file as named, or a folder's `*.yaml` and `*.yml` files by name (a name ending in
    .yaml is a file, and said to be a folder if it is one)."""
    if file == STDIN_NAME:
        return [Source(Path(file), "<stdin>", stdin=True)]
    path = Path(file)
    if path.suffix in (".yaml", ".yml") or not path.is_dir():
        return [Source(path, file)]
    found = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if not found:
        raise UsageError(f"{file}: a folder with no .yaml files")
    return [Source(p, str(p)) for p in found]


def once(sources: list[Source]) -> list[Source]:
    """The sources, refused when one file is named twice: a history of a text against
    itself would only say that its own round holds it twice."""
    seen: dict[Path | str, str] = {}
    for source in sources:
        key = STDIN_NAME if source.stdin else source.path.resolve()
        if key in seen:
            again = "" if seen[key] == source.name else f" (as {seen[key]} and {source.name})"
            raise UsageError(f"{source.name} is given twice{again}: name each text once")
        seen[key] = source.name
    return sources


def read_inputs(sources: list[Source], limits: Limits) -> list[Input]:
    """Each source read and checked; stdin within the same limits as a file."""
    return [Input(source, read_proposal(_stdin() if source.stdin else source.path, limits,
                                        source.name)) for source in sources]


def contents(path: os.PathLike[str] | str, limits: Limits) -> bytes | None:
    """What the loader reads of a regular file (a byte past the limit tells it is over);
    None when it cannot be read or is not a regular file (a FIFO is never opened to wait)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as file:
        try:
            if not stat.S_ISREG(os.fstat(handle).st_mode):
                return None
            chunks, left = [], limits.file_bytes + 1
            while left > 0:  # by the megabyte: a high limit allocates nothing in advance
                chunk = file.read(min(left, CHUNK))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
            return b"".join(chunks)
        except OSError:
            return None


def digest(data: bytes | None) -> str | None:
    """A hash of what was read, to tell an edited file from a touched one (None: unread).
    hashlib is imported here: it loads OpenSSL (~3 MB), which reports never need."""
    import hashlib

    return hashlib.blake2b(data, digest_size=16).hexdigest() if data is not None else None


def _stdin() -> BinaryIO:
    if sys.stdin is None:  # started with stdin closed (`<&-`)
        raise UsageError("- names stdin, and stdin is closed")
    return sys.stdin.buffer


def problems(inputs: list[Input]) -> list[Problem]:
    return [problem for item in inputs for problem in item.loaded.problems]


def valid_proposals(inputs: list[Input]) -> list[Proposal] | None:
    """The proposals when every file is valid; otherwise None."""
    proposals = [item.loaded.proposal for item in inputs]
    if any(p is None for p in proposals):
        return None
    return [p for p in proposals if p is not None]


def load_valid(inputs: list[Input]) -> list[Proposal]:
    """The proposals, or exit 2 with every file's errors on stderr; warnings are shown too."""
    for problem in problems(inputs):
        sys.stderr.write(literal(str(problem)) + "\n")
    proposals = valid_proposals(inputs)
    if proposals is None:
        bad = sum(item.loaded.proposal is None for item in inputs)
        raise UsageError(f"{bad} file{'s' * (bad != 1)} could not be read as proposals "
                         "(details above; `ceasefire check` validates files)")
    return proposals


def current(proposals: list[Proposal]) -> Arrangement:
    """What a comparison shows of these texts: each party's latest, or the versions of the
    one party given (`diffing.rounds.arrange`), with names told apart."""
    arranged = arrange(proposals)
    return replace(arranged, proposals=distinct(arranged.proposals))


def distinct(proposals: list[Proposal]) -> list[Proposal]:
    """Two parties with one name (and different ids) are told apart by the date, round or
    file of their texts."""
    names = [p.party for p in proposals]
    result = []
    for proposal in proposals:
        if names.count(proposal.party) > 1:
            label = proposal.date.isoformat() if proposal.date else (
                proposal.round or Path(proposal.file).name)
            proposal = replace(proposal, party=f"{proposal.party} ({label})")
        result.append(proposal)
    return result


def find_party(proposals: list[Proposal], wanted: str, purpose: str = "to use as baseline") -> str:
    """The id of the party called `wanted` (by id or by name, any case)."""
    for proposal in proposals:
        if wanted.casefold() in (proposal.id.casefold(), proposal.party.casefold()):
            return proposal.id
    from proposals.suggestions import suggest

    close = suggest(wanted, [name for p in proposals for name in (p.id, p.party)])
    known = ", ".join(p.id for p in proposals)
    raise UsageError(f"no party {wanted!r} {purpose}{close} (parties: {known})")


def option_choices(proposals: list[Proposal], settings: list[str]) -> dict[str, str]:
    """`--option PARTY=OPTION` settings as {party id: option id}, the party by id or name."""
    chosen: dict[str, str] = {}
    for setting in settings:
        party, sep, option = setting.partition("=")
        if not sep or not party.strip() or not option.strip():
            raise UsageError(f"--option {setting!r}: write PARTY=OPTION, e.g. russia=option-1")
        chosen[find_party(proposals, party.strip(), "to choose an option for")] = option.strip()
    return chosen
