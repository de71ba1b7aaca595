"""`compare`: line proposals up and judge every topic, for two parties or more.

Pure and deterministic: the same proposals give the same comparison whatever order
they come in (only the order of `parties`, which is how columns are shown, follows
the input).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from diffing.align import LineUp, line_up
from diffing.comparators import COMPARATORS, Side
from diffing.comparators.base import names
from diffing.result import (
    Alignment,
    Comparison,
    GapStatus,
    Outcome,
    Pair,
    PairRow,
    Party,
    Row,
    Summary,
)
from proposals.limits import collector_paused
from proposals.model import Clause, Confidence, Proposal, Status, Unspecified

MEASURED = (GapStatus.AGREED, GapStatus.PARTIAL, GapStatus.CONFLICT)
SETTLED = (Status.AGREED, Status.IMPLEMENTED)


class ComparisonError(ValueError):
    """The proposals cannot be compared as asked (too few, duplicate ids, unknown baseline)."""


def compare(proposals: Sequence[Proposal], baseline: str | None = None) -> Comparison:
    """Compare two or more proposals topic by topic; `baseline` pairs every party with one."""
    if len(proposals) < 2:
        raise ComparisonError("a comparison needs at least two proposals")
    ids = [p.id for p in proposals]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ComparisonError(f"two proposals have the id {duplicates[0]!r}: give one an 'id:'")
    if baseline is not None and baseline not in ids:
        raise ComparisonError(f"no party has the id {baseline!r} (parties: {', '.join(ids)})")
    table = _Table.of(proposals)
    with collector_paused():
        lined = line_up(table.parties)
        rows = tuple(_row(line, table) for line in lined)
        pairs: tuple[Pair, ...] = ()
        if baseline is not None or len(proposals) > 2:
            pairs = tuple(_pair(a, b, lined) for a, b in _pairings(sorted(ids), baseline))
    return Comparison(
        parties=tuple(_party(p) for p in proposals),
        baseline=baseline,
        summary=summarize(rows),
        rows=rows,
        pairs=pairs,
    )


def _pairings(ids: list[str], baseline: str | None) -> list[tuple[str, str]]:
    if baseline is None:
        return list(combinations(ids, 2))
    return [(baseline, other) for other in ids if other != baseline]


def _party(proposal: Proposal) -> Party:
    return Party(
        id=proposal.id, name=proposal.party, file=proposal.file,
        date=proposal.date.isoformat() if proposal.date else None,
        title=proposal.title, round=proposal.round, status=proposal.status.value,
    )


def _undecided(clauses: Sequence[Clause | None]) -> GapStatus | None:
    """The status silence, vagueness or mismatched kinds decide before any comparator:
    one-sided when a party is silent, else unclear for `unspecified` or differing kinds.
    (Plain loops: the pairwise matrix asks this for every topic of every pair.)"""
    for clause in clauses:
        if clause is None:
            return GapStatus.ONE_SIDED
    kind = None
    for clause in clauses:
        if clause.value.form == "unspecified" or (kind is not None and clause.kind is not kind):
            return GapStatus.UNCLEAR
        kind = clause.kind
    return None


def judge(line: LineUp, parties: Sequence[Proposal]) -> Outcome:
    """The outcome of one topic among `parties` (sorted by id): silence and unspecified
    positions first, then the comparator of the topic's kind."""
    given = [line.clauses.get(p.id) for p in parties]
    status = _undecided(given)
    if status is None:
        sides = [Side(p.id, p.party, c.value, c.text) for p, c in zip(parties, given) if c]
        return COMPARATORS[line.topic.kind].compare(line.topic, sides)
    if status is GapStatus.ONE_SIDED:
        present = [p for p in parties if p.id in line.clauses]
        silent = [p for p in parties if p.id not in line.clauses]
        return _one_sided(line, present, silent)
    clauses = [c for c in given if c]
    vague = [p.party for p, c in zip(parties, clauses) if isinstance(c.value, Unspecified)]
    if vague:
        return Outcome(
            status=GapStatus.UNCLEAR, distance=None, gap={"unspecified": [p.id for p in parties
                                                                          if p.party in vague]},
            explanation=f"{names(vague)} state{'s' * (len(vague) == 1)} a position without its "
            f"terms (unspecified){_stated(line, parties, vague)}.")
    declared = ", ".join(f"{p.party}: {c.kind.value}" for p, c in zip(parties, clauses))
    return Outcome(status=status, distance=None, gap={"kinds": sorted(
        {c.kind.value for c in clauses})}, explanation=f"Declared as different kinds "
        f"({declared}).")


def _stated(line: LineUp, parties: Sequence[Proposal], vague: list[str]) -> str:
    others = [f"{p.party}: {line.clauses[p.id].text}" for p in parties if p.party not in vague]
    return "; " + "; ".join(others) if others else ""


def _one_sided(line: LineUp, present: list[Proposal], silent: list[Proposal]) -> Outcome:
    speakers = names([p.party for p in present])
    quiet = names([p.party for p in silent])
    if len(present) == 1:
        what = f"Only {speakers} addresses this: {line.clauses[present[0].id].text}. "
    else:
        what = f"Only {speakers} address this. "
    explanation = f"{what}{quiet} {'is' if len(silent) == 1 else 'are'} silent."
    gap: dict[str, object] = {"addressed_by": [p.id for p in present],
                              "silent": [p.id for p in silent]}
    if len(present) > 1:
        among = judge(line, present)
        gap["among"] = {"status": among.status.value, "distance": among.distance}
        explanation += f" Between them: {among.explanation}"
    return Outcome(status=GapStatus.ONE_SIDED, distance=None, gap=gap, explanation=explanation)


def _caveats(line: LineUp, parties: Sequence[Proposal]) -> str:
    """A sentence saying which positions rest on reported or disputed information."""
    confirmed = Confidence.CONFIRMED
    given = line.clauses
    if all(c.confidence is confirmed for c in given.values()):
        return ""
    disputed, reported = [], []
    for party in parties:
        clause = given.get(party.id)
        if clause is not None and clause.confidence is not confirmed:
            (disputed if clause.confidence is Confidence.DISPUTED else reported).append(party.party)
    parts = [f"{level} information ({names(who)})"
             for level, who in (("disputed", disputed), ("reported", reported)) if who]
    return f" Rests on {' and '.join(parts)}."


def _settlement(line: LineUp, table: _Table, status: GapStatus) -> str:
    """Against an agreed text, what each other party gave up or what was left out."""
    agreed, parties = table.agreed, table.parties
    if agreed is None:
        return ""
    others = [p for p in parties if p is not agreed and p.id in line.clauses]
    if agreed.id not in line.clauses:
        return f" Left out of the agreed text ({agreed.party})." if others else ""
    if status is GapStatus.AGREED:
        return ""
    said = line.clauses[agreed.id].text
    moved = [f"{p.party} had {line.clauses[p.id].text!r}" for p in others
             if line.clauses[p.id].value != line.clauses[agreed.id].value]
    return f" The agreed text ({agreed.party}) says {said!r}; {'; '.join(moved)}." if moved else ""


def deciders(parties: Sequence[Proposal]) -> list[Proposal]:
    """The parties whose positions decide a row's status.

    All of them, unless agreed (or implemented) texts sit beside two or more proposals:
    then the proposals decide, and the agreed text is the outcome they are measured
    against, in each row's explanation and in the pairs.
    """
    proposing = [p for p in parties if p.status not in SETTLED]
    return proposing if 2 <= len(proposing) < len(parties) else list(parties)


@dataclass(frozen=True, slots=True)
class _Table:
    """What every row of one comparison needs to know about the parties, worked out once."""

    parties: list[Proposal]  # by id: the order every verdict is computed in
    deciding: list[Proposal]
    agreed: Proposal | None  # the one agreed text, when there is exactly one
    order: list[str]  # ids as given: the order positions are listed in
    by_id: dict[str, Proposal]

    @classmethod
    def of(cls, proposals: Sequence[Proposal]) -> _Table:
        parties = sorted(proposals, key=lambda p: p.id)
        settled = [p for p in parties if p.status in SETTLED]
        return cls(parties, deciders(parties), settled[0] if len(settled) == 1 else None,
                   [p.id for p in proposals], {p.id: p for p in proposals})


def _row(line: LineUp, table: _Table) -> Row:
    # The deciding parties judge every topic one of them addresses; a topic only an agreed
    # text addresses is judged among all.
    parties = table.deciding
    if len(parties) < len(table.parties) and not any(p.id in line.clauses for p in parties):
        parties = table.parties
    outcome = judge(line, parties)
    clauses = line.clauses
    return Row(
        topic=line.topic.key,
        label=line.topic.label,
        area=line.topic.area,
        kind=line.topic.kind,  # a str enum: stored and written as its value
        status=outcome.status,
        distance=outcome.distance,
        explanation=outcome.explanation + _settlement(line, table, outcome.status)
        + _caveats(line, table.parties),
        positions={pid: clauses.get(pid) for pid in table.order},
        gap=outcome.gap,
        alignment=Alignment(keys=line.keys, confidence=line.confidence)
        if line.confidence is not None else None,
    )


def _pair(a: str, b: str, lined: list[LineUp]) -> Pair:
    """Two parties on every topic either addresses: status and distance, no words (the
    matrix of ten parties asks for forty-five of these)."""
    rows = []
    for line in lined:
        first, second = line.clauses.get(a), line.clauses.get(b)
        if first is None and second is None:
            continue
        status, distance = _undecided((first, second)), None
        if status is None and first and second:
            status, distance = COMPARATORS[line.topic.kind].measure(
                line.topic, (first.value, second.value))
        rows.append(PairRow(topic=line.topic.key, status=status, distance=distance))
    return Pair(parties=(a, b), summary=summarize(rows), rows=tuple(rows))


def summarize(rows: Sequence[Row] | Sequence[PairRow]) -> Summary:
    """Counts per status; the agreement index is the mean of 1 - distance over the rows
    where every party takes a measurable position (agreed, partial or conflict)."""
    counts = {status: 0 for status in GapStatus}
    for row in rows:
        counts[row.status] += 1
    measured = [1 - row.distance for row in rows
                if row.status in MEASURED and row.distance is not None]
    return Summary(
        topics=len(rows),
        agreed=counts[GapStatus.AGREED],
        partial=counts[GapStatus.PARTIAL],
        conflict=counts[GapStatus.CONFLICT],
        one_sided=counts[GapStatus.ONE_SIDED],
        unclear=counts[GapStatus.UNCLEAR],
        agreement_index=round(sum(measured) / len(measured), 4) if measured else None,
        measured=len(measured),
    )
