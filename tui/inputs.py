"""The files a command works on: paths given, or a bundled example, read with the loader."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from proposals.examples import UnknownExample, scenario
from proposals.limits import Limits
from proposals.loader import Loaded, read_proposal
from proposals.model import Proposal
from proposals.problems import Code, Problem


class UsageError(Exception):
    """The command line asks for something impossible; exit 2 with this message."""


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read and the name it is shown under (`scenario/file.yaml` for examples)."""

    path: Path
    name: str


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


def input_sources(files: list[str], example: str | None) -> list[Source]:
    """The files named, or every file of the example scenario."""
    if example and files:
        raise UsageError("give files or --example, not both")
    if example:
        try:
            found = scenario(example)
        except UnknownExample as error:
            raise UsageError(str(error)) from None
        return [Source(path, f"{found.name}/{path.name}") for path in found.files]
    if not files:
        raise UsageError("no files: name proposal files, or use --example NAME "
                         "(`ceasefire examples` lists them)")
    return [Source(Path(file), file) for file in files]


def read_inputs(sources: list[Source], limits: Limits) -> list[Input]:
    return [Input(source, read_proposal(source.path, limits, source.name)) for source in sources]


def problems(inputs: list[Input]) -> list[Problem]:
    return [problem for item in inputs for problem in item.loaded.problems]


def valid_proposals(inputs: list[Input]) -> list[Proposal] | None:
    """The proposals, made distinct, when every file is valid; otherwise None."""
    proposals = [item.loaded.proposal for item in inputs]
    if any(p is None for p in proposals):
        return None
    return distinct([p for p in proposals if p is not None])


def distinct(proposals: list[Proposal]) -> list[Proposal]:
    """The proposals with unique ids and names, so one party's texts from two rounds can be
    compared: a repeated id gets `-2`, `-3`…, a repeated name its date, round or file."""
    seen_ids: dict[str, int] = {}
    names = [p.party for p in proposals]
    result = []
    for proposal in proposals:
        count = seen_ids.get(proposal.id, 0) + 1
        seen_ids[proposal.id] = count
        changes: dict[str, str] = {}
        if count > 1:
            changes["id"] = f"{proposal.id}-{count}"
        if names.count(proposal.party) > 1:
            label = proposal.date.isoformat() if proposal.date else (
                proposal.round or Path(proposal.file).name)
            changes["party"] = f"{proposal.party} ({label})"
        result.append(replace(proposal, **changes) if changes else proposal)
    return result


def find_party(proposals: list[Proposal], wanted: str, purpose: str = "to use as baseline") -> str:
    """The id of the party called `wanted` (by id or by name, any case)."""
    for proposal in proposals:
        if wanted.casefold() in (proposal.id.casefold(), proposal.party.casefold()):
            return proposal.id
    known = ", ".join(p.id for p in proposals)
    raise UsageError(f"no party {wanted!r} {purpose} (parties: {known})")


def option_choices(proposals: list[Proposal], settings: list[str]) -> dict[str, str]:
    """`--option PARTY=OPTION` settings as {party id: option id}, the party by id or name."""
    chosen: dict[str, str] = {}
    for setting in settings:
        party, sep, option = setting.partition("=")
        if not sep or not party.strip() or not option.strip():
            raise UsageError(f"--option {setting!r}: write PARTY=OPTION, e.g. russia=option-1")
        chosen[find_party(proposals, party.strip(), "to choose an option for")] = option.strip()
    return chosen
