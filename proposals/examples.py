"""The bundled example scenarios: real 2025 negotiation texts, shipped as package data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from proposals.suggestions import suggest

_ROOT = Path(__file__).parent / "examples"
_SETTLED = re.compile(r"^status:\s*(agreed|implemented)\b", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Scenario:
    """One folder of proposals from the same talks, compared together."""

    name: str
    files: tuple[Path, ...]


class UnknownExample(LookupError):
    """No scenario has the asked-for name; the message lists or suggests the real ones."""


def _settled_last(path: Path) -> tuple[bool, str]:
    """Proposals first, by file name; agreed outcomes after them, as the column to read last.
    (A look at the `status:` line is enough for the bundled files, which are known good.)"""
    return bool(_SETTLED.search(path.read_text(encoding="utf-8"))), path.name


def _scenario(folder: Path) -> Scenario:
    return Scenario(folder.name, tuple(sorted(folder.glob("*.yaml"), key=_settled_last)))


def names() -> list[str]:
    return sorted(p.name for p in _ROOT.iterdir() if p.is_dir() and any(p.glob("*.yaml")))


def scenarios() -> tuple[Scenario, ...]:
    """Every bundled scenario, by name."""
    return tuple(_scenario(_ROOT / name) for name in names())


def scenario(name: str) -> Scenario:
    """The scenario called `name`; raises UnknownExample with a suggestion."""
    known = names()
    if name in known:
        return _scenario(_ROOT / name)
    hint = suggest(name, known) or f" (bundled: {', '.join(known)})"
    raise UnknownExample(f"no example called {name!r}{hint}")


def bundled(path: Path) -> bool:
    """Whether `path` is one of the installed package's example files (never to be edited:
    an upgrade would replace them, and they may not be writable)."""
    return path.resolve().is_relative_to(_ROOT.resolve())
