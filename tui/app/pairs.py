"""The comparison seen pair by pair: what the pairs view and a baseline show, read from the
engine's pairs (`Comparison.pairs`), never measured again here.

No widgets, so what a baseline does to the grid is tested without a screen.
"""

from __future__ import annotations

from dataclasses import replace

from diffing import Comparison, GapStatus, Pair


def baseline_first(comparison: Comparison) -> Comparison:
    """With a baseline, its column first and the others in their order: every pair the
    engine made starts with it, and so do the grid and the detail."""
    if comparison.baseline is None:
        return comparison
    first = comparison.party(comparison.baseline)
    return replace(comparison, parties=(first, *(p for p in comparison.parties
                                                 if p.id != first.id)))


def against_baseline(comparison: Comparison) -> dict[tuple[str, str], GapStatus]:
    """With a baseline: each other party's status against it, by (row id, party id), as
    `diff --baseline` gives them in its pairs; empty without one."""
    if comparison.baseline is None:
        return {}
    marks: dict[tuple[str, str], GapStatus] = {}
    for pair in comparison.pairs:
        base, other = pair.parties
        if base == comparison.baseline:
            marks.update(((row.id, other), row.status) for row in pair.rows)
    return marks


def pair_name(comparison: Comparison, pair: Pair) -> str:
    """`US 28-point plan vs European counter-proposal`, as the reports name a pair."""
    first, second = (comparison.party(party).name for party in pair.parties)
    return f"{first} vs {second}"
