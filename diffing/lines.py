"""Splitting each topic into the rows that are judged: one for each party that acts, and
one for each point of the agreement where the parties' phases say different things.

Who acts: a clause's `by:` names parties (matched by id or name across files), `both
sides` means each of the proposal's `sides:` (or, without them, each negotiating party),
and a clause that names nobody holds for whoever acts. Positions that oblige different
parties land in different rows, so they can never be "agreed" with each other.

When: with phases, a row stands for one phase when every party that has phases has the
same ones; otherwise for each party's first phase and for its end state. Where every
party says the same thing throughout, the topic stays one row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from diffing.align import Line
from diffing.result import Phasing, PhaseInfo
from proposals.model import Clause, Proposal
from proposals.names import actor_key
from proposals.registry import Topic

FIRST, FINAL = "first", "final"


@dataclass(frozen=True, slots=True)
class Cast:
    """Who is who in one comparison: which party a name in `by:` means, what each name is
    shown as, and whom `both sides` covers in each proposal."""

    party_of: dict[str, str]  # actor key -> party id, for names that are a party's
    names: dict[str, str]  # actor key (party ids for parties) -> display name
    sides: dict[str, tuple[str, ...]]  # party id -> the actors `both sides` means there
    rank: dict[str, int]  # actor key -> place among the sides, for the order of rows

    @classmethod
    def of(cls, proposals: Sequence[Proposal], negotiating: Sequence[str],
           stand_ins: Mapping[str, str] | None = None) -> Cast:
        """`stand_ins`: ids of texts that stand for another party (a party's earlier text,
        beside its later one in a history): names and `both sides` mean that party."""
        stand_ins = stand_ins or {}
        negotiating = [party for party in negotiating if party not in stand_ins]
        party_of: dict[str, str] = dict(stand_ins)
        for proposal in proposals:
            party_of.setdefault(proposal.id, proposal.id)
            party_of.setdefault(actor_key(proposal.party), stand_ins.get(proposal.id, proposal.id))
        names = {p.id: p.party for p in proposals}
        for proposal in proposals:
            for key, name in proposal.actors.items():
                names.setdefault(party_of.get(key, key), name)
        for proposal in proposals:  # a key written for a party shows as the party
            for key in proposal.actors:
                names.setdefault(key, names[party_of.get(key, key)])
        sides = {p.id: tuple(party_of.get(k, k) for k in p.sides) if p.sides
                 else tuple(negotiating) for p in proposals}
        declared = next((sides[p.id] for p in sorted(proposals, key=lambda p: p.id) if p.sides),
                        ())
        return cls(party_of, names, sides, {key: i for i, key in enumerate(declared)})

    def acting(self, party: str, clause: Clause) -> tuple[str, ...]:
        """Who the clause obliges, as actor keys; () when it names nobody."""
        if clause.mutual:
            return self.sides[party]
        return tuple(self.party_of.get(key, key) for key in clause.by)


def phasing(proposals: Sequence[Proposal]) -> Phasing:
    """How phases are compared: by id when every party with phases has the same ones."""
    phased = [p for p in proposals if p.phases]
    if not phased:
        return Phasing(mode="none")
    shapes = {tuple(phase.id for phase in p.phases) for p in phased}
    if len(shapes) == 1:
        first = phased[0]
        return Phasing(mode="by-id", points=tuple(
            PhaseInfo(id=phase.id, label=phase.label) for phase in first.phases))
    return Phasing(mode="first-and-final", points=(
        PhaseInfo(id=FIRST, label="first phase"), PhaseInfo(id=FINAL, label="end state")))


def split(line: Line, cast: Cast, plan: Phasing,
          phase_order: Mapping[str, tuple[str, ...]]) -> list[Line]:
    """The rows of one topic (`phase_order`: each party's phase ids, in order)."""
    if line.several is None:  # one clause each, for nobody in particular, throughout
        return [line]
    acting = {party: [(clause, cast.acting(party, clause)) for clause in clauses]
              for party, clauses in line.several.items()}
    actors = sorted({a for given in acting.values() for _, acts in given for a in acts},
                    key=lambda a: (cast.rank.get(a, len(cast.rank)), a))
    lines = []
    for actor in actors or [None]:
        by_phase = {party: _for_actor(given, actor) for party, given in acting.items()}
        lines += _points(line, actor, by_phase, plan, phase_order)
    return lines


def _for_actor(given: list[tuple[Clause, tuple[str, ...]]],
               actor: str | None) -> dict[str | None, Clause]:
    """A party's clauses that hold for `actor`, by phase: the one naming it, else the one
    naming nobody."""
    found: dict[str | None, Clause] = {}
    named: set[str | None] = set()
    for clause, acts in given:
        if actor is not None and actor in acts:
            found[clause.phase] = clause
            named.add(clause.phase)
        elif not acts and clause.phase not in named:
            found.setdefault(clause.phase, clause)
    return found


def _points(group: Line, actor: str | None, by_phase: dict[str, dict[str | None, Clause]],
            plan: Phasing, phase_order: Mapping[str, tuple[str, ...]]) -> list[Line]:
    points = [point.id for point in plan.points] or [None]
    held = {point: {party: clause for party, phases in by_phase.items()
                    if (clause := _holds(phases, point, plan, phase_order.get(party, ())))}
            for point in points}
    first = held[points[0]]
    if all(held[point].keys() == first.keys() and
           all(held[point][party] is first[party] for party in first) for point in points):
        return [_row_line(group, first, actor, None)] if first else []
    return [_row_line(group, clauses, actor, point) for point, clauses in held.items() if clauses]


def _row_line(group: Line, clauses: dict[str, Clause], actor: str | None,
              phase: str | None) -> Line:
    """One row of a topic that was split: its clauses decide whether only values count."""
    values_only = not any(c.when is not None or c.conditions or c.readings or
                          c.phase is not None for c in clauses.values())
    return Line(group.topic, clauses, actor, phase, group.confidence, values_only)


def _holds(phases: dict[str | None, Clause], point: str | None, plan: Phasing,
           order: tuple[str, ...]) -> Clause | None:
    """The clause that holds at `point` for one party: its clause for that phase, else its
    clause for the whole agreement."""
    whole = phases.get(None)
    if plan.mode == "by-id":
        return phases.get(point, whole)
    if plan.mode == "first-and-final":
        if point == FIRST:
            return phases.get(order[0], whole) if order else whole
        for phase in reversed(order):
            if phase in phases:
                return phases[phase]
    return whole
