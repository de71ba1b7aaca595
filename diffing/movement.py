"""How far one party's move closed the gap to another party's position, on one row.

A move is measured against where the other party stands in the round of the move: the
row's gap before (earlier text against the other) and after (later text against the
other). Numbers are measured in the topic's unit — a concession from 30 to 20 days against
an offer of 3 closes 10 of 27 days, 37% — everything else by the row's distance (0 to 1).
Only a changed row has a direction; an added or dropped one says where the other stands.
"""

from __future__ import annotations

from collections.abc import Mapping

from diffing.align import Line
from diffing.comparators.base import possessive
from diffing.comparators.spans import amount_for, apart
from diffing.history_result import Direction, Gap
from diffing.result import GapStatus
from diffing.verdict import measure
from proposals.model import Clause, Proposal, Span
from proposals.timeline import Timeline

EPSILON = 1e-9


def gap_to(line: Line, before: Proposal, after: Proposal, other: Proposal,
           timelines: Mapping[str, Timeline]) -> Gap:
    """The row between the moving party and `other`, before its move and after."""
    status_before, distance_before = measure(line, before, other, timelines)
    status_after, distance_after = measure(line, after, other, timelines)
    gap = Gap(party=other.id, status_before=status_before, status_after=status_after,
              distance_before=distance_before, distance_after=distance_after,
              direction=Direction.UNMEASURED)
    if before.id not in line.clauses or after.id not in line.clauses:
        return gap  # added or dropped: no direction, only where the other stands
    amounts = _amounts(line, before, after, other)
    if amounts is not None and max(amounts[:2]) > 0:
        gap.before, gap.after, gap.unit = amounts
        gap.direction, gap.closed = _direction(gap.before, gap.after)
    elif distance_before is not None and distance_after is not None:
        gap.direction, gap.closed = _direction(distance_before, distance_after)
    return gap


def _amounts(line: Line, before: Proposal, after: Proposal,
             other: Proposal) -> tuple[float, float, str] | None:
    """The numeric gap before and after, in the topic's unit, when the row is numbers alone
    (no time or condition counts); a disputed number counts its furthest reading, as the
    row's verdict does."""
    spans = [_numbers(line.clauses[p.id]) for p in (before, after, other)]
    if any(found is None for found in spans):
        return None
    was, now, theirs = spans
    gap_before, gap_after = _widest(was, theirs), _widest(now, theirs)  # type: ignore[arg-type]
    if gap_before is None or gap_after is None:
        return None
    return gap_before, gap_after, theirs[0].unit  # type: ignore[index]


def _numbers(clause: Clause) -> list[Span] | None:
    """The clause's number, or each of its readings' numbers; None when it is not numbers
    alone."""
    if clause.when is not None or clause.conditions:
        return None
    values = [reading.value for reading in clause.readings] or [clause.value]
    return values if all(isinstance(v, Span) for v in values) else None  # type: ignore[return-value]


def _widest(mine: list[Span], theirs: list[Span]) -> float | None:
    gaps = [apart(a, b) for a in mine for b in theirs]
    return None if any(gap is None for gap in gaps) else max(gaps)  # type: ignore[type-var]


def _direction(before: float, after: float) -> tuple[Direction, float | None]:
    """Toward when the gap shrank, away when it grew, and the share of the earlier gap."""
    closed = round((before - after) / before, 4) if before > EPSILON else None
    if after < before - EPSILON:
        return Direction.TOWARD, closed
    if after > before + EPSILON:
        return Direction.AWAY, closed
    return Direction.SIDEWAYS, closed


def gap_words(gap: Gap, other: str, theirs: str | None) -> str:
    """`Against Russia (2–3 days): closed 37% of the gap (27 → 17 days).`"""
    said = f"Against {other} ({theirs})" if theirs else f"Against {other}"
    if gap.direction is Direction.UNMEASURED:
        if gap.status_after is GapStatus.ONE_SIDED and gap.status_before is not GapStatus.ONE_SIDED:
            return f"{said}: was {_status(gap.status_before, gap.distance_before)}."
        return f"{said}: now {_status(gap.status_after, gap.distance_after)}."
    span = _span(gap)
    if gap.direction is Direction.TOWARD:
        if gap.closed == 1.0 or gap.status_after is GapStatus.AGREED:
            return f"{said}: the gap is closed; it now meets {possessive(other)} position{span}."
        share = f"closed {_share(gap.closed)} of the gap" if gap.closed is not None \
            else "closer"
        return f"{said}: {share}{span}."
    if gap.direction is Direction.AWAY:
        wider = f"the gap widened by {_share(-gap.closed)}" if gap.closed is not None \
            else "further apart"
        return f"{said}: {wider}{span}."
    return f"{said}: as far apart as before{span}, a move sideways."


def _span(gap: Gap) -> str:
    if gap.unit is not None and gap.before is not None and gap.after is not None:
        amount, scale = amount_for(gap.unit), max(gap.before, gap.after)
        return f" ({amount(gap.before, scale)} → {amount(gap.after, scale)})"
    if gap.distance_before is not None and gap.distance_after is not None:
        return f" (distance {gap.distance_before:.2f} → {gap.distance_after:.2f})"
    return ""


def _status(status: GapStatus, distance: float | None) -> str:
    return status.value + (f" ({distance:.2f})" if distance is not None else "")


def _share(share: float | None) -> str:
    """`37%`; a share that is not a whole number of percent keeps one decimal (`0.5%`)."""
    if share is None:
        return "an unmeasured share"
    percent = share * 100
    return f"{percent:.0f}%" if abs(percent) >= 1 or percent == 0 else f"{percent:.1f}%"
