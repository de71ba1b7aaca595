"""The bundled example scenarios: real 2025 negotiation texts, shipped as package data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from proposals.loader import read_proposal
from proposals.model import Status
from proposals.values import suggest

_ROOT = "examples"


@dataclass(frozen=True, slots=True)
class Scenario:
    """One folder of proposals from the same talks, compared together."""

    name: str
    files: tuple[Path, ...]


class UnknownExample(LookupError):
    """No scenario has the asked-for name; the message lists or suggests the real ones."""


def _folder() -> Path:
    return Path(__file__).parent / _ROOT


def _settled_last(path: Path) -> tuple[bool, str]:
    """Proposals first, by file name; agreed outcomes after them, as the column to read last."""
    proposal = read_proposal(path).proposal
    return (proposal is not None and proposal.status in (Status.AGREED, Status.IMPLEMENTED),
            path.name)


def scenarios() -> tuple[Scenario, ...]:
    """Every bundled scenario, by name."""
    folder = _folder()
    return tuple(
        Scenario(name=entry.name, files=tuple(sorted(entry.glob("*.yaml"), key=_settled_last)))
        for entry in sorted(folder.iterdir())
        if entry.is_dir() and any(entry.glob("*.yaml"))
    )


def scenario(name: str) -> Scenario:
    """The scenario called `name`; raises UnknownExample with a suggestion."""
    known = scenarios()
    for candidate in known:
        if candidate.name == name:
            return candidate
    names = [s.name for s in known]
    hint = suggest(name, names) or f" (bundled: {', '.join(names)})"
    raise UnknownExample(f"no example called {name!r}{hint}")
