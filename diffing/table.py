"""What every row of one comparison needs to know about the parties, worked out once, and
how a row is decided among them (the proposals decide; an agreed text is their measure).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from diffing.align import Line, group_topics
from diffing.lines import Cast, phasing, split
from diffing.result import Phasing
from diffing.scope import Scope
from proposals.model import Proposal, Status
from proposals.timeline import Timeline

SETTLED = (Status.AGREED, Status.IMPLEMENTED)


def deciders(parties: Sequence[Proposal]) -> list[Proposal]:
    """The parties whose positions decide a row's status.

    All of them, unless agreed (or implemented) texts sit beside two or more proposals:
    then the proposals decide, and the agreed text is the outcome they are measured
    against, in each row's explanation and in the pairs.
    """
    proposing = [p for p in parties if p.status not in SETTLED]
    return proposing if 2 <= len(proposing) < len(parties) else list(parties)


@dataclass(frozen=True, slots=True)
class Table:
    """What every row of one comparison needs to know about the parties, worked out once."""

    parties: list[Proposal]  # as given: the order of the columns, so explanations name
    # the parties in it (statuses and distances do not depend on it)
    deciding: list[Proposal]
    agreed: Proposal | None  # the one agreed text, when there is exactly one
    order: list[str]  # ids as given: the order positions are listed in
    by_id: dict[str, Proposal]
    scopes: dict[str, Scope]
    cast: Cast
    plan: Phasing
    timelines: dict[str, Timeline]
    names: dict[str, str]

    @property
    def reference(self) -> bool:
        """Whether the agreed text stands beside the deciding parties rather than among them."""
        return self.agreed is not None and self.agreed not in self.deciding

    @classmethod
    def of(cls, proposals: Sequence[Proposal], scopes: dict[str, Scope],
           stand_ins: Mapping[str, str] | None = None) -> Table:
        """`stand_ins`: texts standing for another party's (see `Cast.of`)."""
        parties = list(proposals)
        settled = [p for p in parties if p.status in SETTLED]
        deciding = deciders(parties)
        return cls(parties, deciding, settled[0] if len(settled) == 1 else None,
                   [p.id for p in proposals], {p.id: p for p in proposals}, scopes,
                   Cast.of(proposals, [p.id for p in deciding], stand_ins), phasing(proposals),
                   {party: s.timeline for party, s in scopes.items()},
                   {p.id: p.party for p in proposals})

    def lines(self, scopes: Mapping[str, Scope] | None = None,
              topics: frozenset[str] | None = None) -> list[Line]:
        """The rows to judge (only on `topics`, when given), each party as `scopes` has it."""
        scopes = scopes or self.scopes
        clauses = {p.id: scopes[p.id].clauses if topics is None else
                   [c for c in scopes[p.id].clauses if c.topic in topics] for p in self.parties}
        order = {p.id: tuple(phase.id for phase in p.phases) for p in self.parties}
        return [row for line in group_topics(clauses)
                for row in split(line, self.cast, self.plan, order)]


def deciding(line: Line, table: Table) -> list[Proposal]:
    """Who decides a row: the deciding parties, on every row one of them addresses; all the
    parties on a row only an agreed text addresses."""
    parties = table.deciding
    if len(parties) < len(table.parties) and not any(p.id in line.clauses for p in parties):
        return table.parties
    return parties
