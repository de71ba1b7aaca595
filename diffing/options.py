"""Scoring each option a party offers against the other parties' positions.

Only the rows an option's clauses touch can change (and the order of steps, when times
are involved), so each option is judged on those rows and summarised together with
every other row as it stands: the agreement index says how close each option comes,
and the rows say why.
"""

from __future__ import annotations

from collections.abc import Sequence

from diffing.result import OptionRow, OptionScore, Row, Summary
from diffing.scope import SEQUENCE_TOPIC, scope
from diffing.summary import summarize
from diffing.table import Table, deciding
from diffing.verdict import assess
from proposals.model import Proposal


def score_options(table: Table, rows: Sequence[Row]) -> tuple[OptionScore, ...]:
    """Every option of every party that offers some, the one shown and the closest marked."""
    scores: list[OptionScore] = []
    for party_id in table.order:
        proposal = table.by_id[party_id]
        if proposal.options:
            scores += _scores(table, rows, proposal)
    return tuple(scores)


def _touched(proposal: Proposal) -> frozenset[str]:
    """The topics an option can change: its own, and the order of steps when it has times."""
    topics = {c.topic for c in proposal.clauses if c.option is not None}
    if any(c.when is not None for c in proposal.clauses if c.option is not None):
        topics.add(SEQUENCE_TOPIC)
    return frozenset(topics)


def _scores(table: Table, rows: Sequence[Row], proposal: Proposal) -> list[OptionScore]:
    touched = _touched(proposal)
    kept = [row for row in rows if row.topic not in touched]
    shown = table.scopes[proposal.id].option
    results: list[tuple[str, str, Summary, dict[str, OptionRow]]] = []
    for option in proposal.options:
        scopes = dict(table.scopes)
        if option.id != shown:
            scopes[proposal.id] = scope(proposal, option.id)
        timelines = {party: s.timeline for party, s in scopes.items()}
        changed = {}
        for line in table.lines(scopes, touched):
            status, distance = assess(line, deciding(line, table), timelines)
            point = next((p for p in table.plan.points if p.id == line.phase), None)
            changed[line.id] = OptionRow(
                id=line.id, topic=line.topic.key, label=line.topic.label, area=line.topic.area,
                status=status, distance=distance,
                actor_name=table.cast.names.get(line.actor) if line.actor else None,
                phase_label=point.label if point else None)
        results.append((option.id, option.label, summarize([*kept, *changed.values()]), changed))
    best = max(range(len(results)), key=lambda i: _closeness(results[i][2], i))
    return [OptionScore(party=proposal.id, option=ident, label=label, shown=ident == shown,
                        closest=index == best, summary=summary, rows=changed)
            for index, (ident, label, summary, changed) in enumerate(results)]


def _closeness(summary: Summary, index: int) -> tuple[float, int, int, int]:
    """Higher is closer: the agreement index, then fewer conflicts, more agreed, first."""
    measured = summary.agreement_index if summary.agreement_index is not None else -1.0
    return measured, -summary.conflict, summary.agreed, -index
