"""What a reload changed: the rows whose positions moved, came or went, and in which files.

A row counts as changed when what a party says there reads differently (its value, quote,
note or confidence); a clause that only moved to another line has not changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from diffing import Comparison, Position
from diffing.history_result import Move
from tui.reports.layout import position_text


@dataclass(frozen=True, slots=True)
class Reloaded:
    """The rows a reload changed, added and removed, and the files they are in."""

    changed: frozenset[str]
    added: frozenset[str]
    removed: frozenset[str]
    files: tuple[str, ...]
    marks: dict[tuple[str, str], Move]  # (row id, party id) → how that cell moved

    def message(self) -> str:
        """`ukraine.yaml reloaded: 2 rows changed, 1 added`."""
        counts = [f"{len(ids)} {word}" for ids, word in
                  ((self.changed, "changed"), (self.added, "added"), (self.removed, "removed"))
                  if ids]
        if counts:
            noun = "row" if len(next(ids for ids in (self.changed, self.added, self.removed)
                                     if ids)) == 1 else "rows"
            counts[0] = counts[0].replace(" ", f" {noun} ", 1)
        files = ", ".join(self.files) or "Files"
        return f"{files} reloaded: " + (", ".join(counts) if counts else "no row changed")


def _says(position: Position | None) -> tuple[object, ...] | None:
    if position is None:
        return None
    return (position_text(position), position.quote, position.note, position.confidence)


def reloaded(before: Comparison, after: Comparison, edited: Sequence[str] = ()) -> Reloaded:
    """How `after` differs from `before`, row by row and party by party; the files named are
    those of the changed rows, else the `edited` ones (a comment changed, a file readable
    again)."""
    old = {row.id: row for row in before.rows}
    new = {row.id: row for row in after.rows}
    marks: dict[tuple[str, str], Move] = {}
    files: list[str] = []
    for row in after.rows:
        was = old.get(row.id)
        for party, position in row.positions.items():
            earlier = was.positions.get(party) if was is not None else None
            if _says(earlier) == _says(position):
                continue
            marks[row.id, party] = Move.ADDED if earlier is None else \
                Move.DROPPED if position is None else Move.CHANGED
            _note(files, _file(after, party, position))
    for row_id in old.keys() - new.keys():
        for party, position in old[row_id].positions.items():
            if position is not None:
                _note(files, _file(before, party, position))
    changed = frozenset(row for row, _ in marks if row in old)
    return Reloaded(changed, frozenset(new.keys() - old.keys()),
                    frozenset(old.keys() - new.keys()),
                    tuple(files) or tuple(Path(name).name for name in edited), marks)


def _file(comparison: Comparison, party: str, position: Position | None) -> str:
    name = position.file if position is not None and position.file else \
        comparison.party(party).file
    return Path(name).name


def _note(files: list[str], name: str) -> None:
    if name not in files:
        files.append(name)


def neighbour(order: Sequence[str], row: str | None, present: Sequence[str]) -> str | None:
    """The row to select when `row` is no longer shown: the next one of `order` (the rows
    shown before) still present, else the one before it, else the first present."""
    if not present:
        return None
    if row in order:
        kept = set(present)
        index = order.index(row)
        for candidate in [*order[index + 1:], *reversed(order[:index])]:
            if candidate in kept:
                return candidate
    return present[0]
