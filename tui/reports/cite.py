"""Citations, worded once for every human report (`--cite`): each source a clause or a
reading names, numbered in the order the report first shows it, a `[1]` mark after the
value, the quote and the note under it, and the numbered list of sources at the end.

Read from the comparison (each party's declared sources, `Party.sources`, and each clause's
`source`, `quote` and `note`); strings here are raw, each renderer escapes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from diffing.result import Comparison, Party, Position, Row, SourceInfo
from tui.reports.layout import groups


@dataclass(frozen=True, slots=True)
class Cited:
    """A source as the list at the end shows it: its number, the id a file names it by, and
    what the file says of it."""

    number: int
    key: str
    source: SourceInfo
    parties: tuple[str, ...]


class Citations:
    """The sources a report cites, numbered in report order; two parties that declare the
    very same source share its number."""

    def __init__(self, shown: Iterable[tuple[Party, Position | None]],
                 order: Sequence[str]) -> None:
        """`shown`: every (party, clause) in the order the report shows them; `order`: the
        parties' names as the list of sources names them."""
        self._numbers: dict[tuple[str | None, ...], int] = {}
        self._sources: dict[int, tuple[str, SourceInfo]] = {}
        self._parties: dict[int, list[str]] = {}
        self._by_clause: dict[tuple[str, str, str], int] = {}
        self._order = list(order)
        for party, position in shown:
            for key, title in _named(position):
                self._add(party, key, title)

    @classmethod
    def of(cls, comparison: Comparison) -> Citations:
        """A comparison's citations, row by row in report order, party by party."""
        return cls(((party, row.positions.get(party.id)) for _, rows in groups(comparison)
                    for row in rows for party in comparison.parties),
                   [party.name for party in comparison.parties])

    def _add(self, party: Party, key: str, title: str | None) -> None:
        source = party.sources.get(key) or SourceInfo(title=title or key)
        same = (key, source.title, source.publisher, source.date, source.url)
        number = self._numbers.setdefault(same, len(self._numbers) + 1)
        self._sources.setdefault(number, (key, source))
        self._by_clause[party.id, party.file, key] = number
        names = self._parties.setdefault(number, [])
        if party.name not in names:
            names.append(party.name)

    def marks(self, party: Party, position: Position | None) -> str:
        """`[1]`, `[1, 2]` (a clause and its readings' sources), or empty."""
        numbers = self.numbers(party, position)
        return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""

    def numbers(self, party: Party, position: Position | None) -> list[int]:
        """The numbers of the sources a clause and its readings name, in order."""
        return sorted({self.number(party, key) for key, _ in _named(position)})

    def number(self, party: Party, key: str) -> int:
        """The number of the source `party`'s file names `key`."""
        return self._by_clause[party.id, party.file, key]

    def listed(self) -> list[Cited]:
        return [Cited(number=n, key=key, source=source,
                      parties=tuple(sorted(self._parties[n], key=self._rank)))
                for n, (key, source) in sorted(self._sources.items())]

    def _rank(self, name: str) -> int:
        """A party's place in `order` (a name it does not hold comes last, as first cited)."""
        return self._order.index(name) if name in self._order else len(self._order)


def _named(position: Position | None) -> list[tuple[str, str | None]]:
    """The (source id, title) a clause names, then each of its readings'."""
    if position is None:
        return []
    named = [(position.source, position.source_title)] if position.source else []
    return named + [(reading.source, reading.source_title)
                    for reading in position.readings if reading.source]


def source_text(cited: Cited) -> str:
    """`[1] Peace talks yield limited progress — ICARO Media Group, 2025-06-02 · https://…
    (icaro, cited by Ukraine)`."""
    source = cited.source
    said = ", ".join(part for part in (source.publisher, source.date) if part)
    return (f"[{cited.number}] {source.title}" + (f" — {said}" if said else "")
            + (f" · {source.url}" if source.url else "")
            + f" ({cited.key}, cited by {', '.join(cited.parties)})")


def clause_words(position: Position | None) -> list[str]:
    """What the clause quotes and notes, a line each: `“…”` for a quote, `note: …`, then
    each reading's (`reading 'at least 30 days': “…”`)."""
    if position is None:
        return []
    out = []
    if position.quote:
        out.append(f"“{position.quote}”")
    if position.note:
        out.append(f"note: {position.note}")
    for reading in position.readings:
        if reading.quote:
            out.append(f"reading '{reading.text}': “{reading.quote}”")
        if reading.note:
            out.append(f"reading '{reading.text}': note: {reading.note}")
    return out


def cited_cell(citations: Citations | None, row: Row, party: Party) -> tuple[str, list[str]]:
    """A party's citation mark and quoted lines on a row; nothing without `--cite`."""
    return cited(citations, party, row.positions.get(party.id))


def cited(citations: Citations | None, party: Party,
          position: Position | None) -> tuple[str, list[str]]:
    """A clause's citation mark and quoted lines; nothing without `--cite`."""
    if citations is None:
        return "", []
    return citations.marks(party, position), clause_words(position)
