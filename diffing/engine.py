"""`compare`: line proposals up and judge every row, for two parties or more.

Pure and deterministic: the same proposals give the same comparison whatever order
they come in (only the order of `parties`, which is how columns are shown, follows
the input).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import combinations
from typing import Any

from diffing.comparators.base import names
from diffing.align import Line, topic_of
from diffing.options import score_options
from diffing.result import (
    Alignment,
    Comparison,
    GapStatus,
    OptionInfo,
    Pair,
    PairRow,
    Party,
    PhaseInfo,
    Reference,
    Row,
    SourceInfo,
    Summary,
    defer,
)
from diffing.scope import UnknownOption, chosen_options, scope
from diffing.summary import summarize
from diffing.table import Table, deciding
from diffing.verdict import Verdict, judge, plainly, sides, valued
from proposals.limits import collector_paused
from proposals.model import Confidence, Proposal


class ComparisonError(ValueError):
    """The proposals cannot be compared as asked (too few, duplicate ids, unknown baseline
    or option)."""


def compare(proposals: Sequence[Proposal], baseline: str | None = None,
            options: Mapping[str, str] | None = None, *,
            earlier: Sequence[Proposal] = (), versions_of: str | None = None,
            words_at_once: bool = False) -> Comparison:
    """Compare two or more proposals row by row; `baseline` pairs every party with one;
    `options` picks, by party id, the option shown of a proposal that offers several.
    `earlier` and `versions_of` say how `diffing.rounds.arrange` chose the texts.

    Rows are measured at once and worded when first read (`row`), a third less work for
    the app and any caller after a few rows' words; a caller that reads every row's words
    (a report) asks for `words_at_once`, which makes the same words without measuring
    first (two 10,000-clause files: 0.29 s, against 0.20 s measured alone and 0.42 s
    measured, then every row's words read)."""
    if len(proposals) < 2:
        raise ComparisonError("a comparison needs at least two proposals")
    ids = [p.id for p in proposals]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ComparisonError(
            f"two proposals have the id {duplicates[0]!r}: two parties need ids of their own; "
            "one party's texts are compared as versions (`diffing.rounds.arrange`)")
    if baseline is not None and baseline not in ids:
        raise ComparisonError(f"no party has the id {baseline!r} (parties: {', '.join(ids)})")
    try:
        chosen = chosen_options(proposals, options)
    except UnknownOption as error:
        raise ComparisonError(str(error)) from None
    with collector_paused():
        table = Table.of(proposals, {p.id: scope(p, chosen[p.id]) for p in proposals})
        lines = table.lines()
        wording = None if words_at_once else partial(_row_words, table)
        rows = tuple(row(line, table, wording) for line in lines)
        summary = summarize(rows)
        pairings = _pairings(sorted(ids), baseline)
        if len(proposals) == 2:  # the one pair is the comparison itself, row for row
            pairs = (_whole(pairings[0], rows, summary, words_at_once),)
        else:
            pairs = _pairs(pairings, lines, table)
        scores = score_options(table, rows)
    return Comparison(
        parties=tuple(party_record(p, chosen[p.id]) for p in proposals),
        baseline=baseline,
        reference=table.agreed.id if table.agreed and table.reference else None,
        phasing=table.plan,
        summary=summary,
        rows=rows,
        pairs=pairs,
        options=scores,
        timelines={p.id: table.scopes[p.id].timeline.events for p in proposals},
        actors=dict(table.cast.names),
        versions_of=versions_of,
        earlier=tuple(party_record(p, None) for p in earlier),
    )


def _pairings(ids: list[str], baseline: str | None) -> list[tuple[str, str]]:
    if baseline is None:
        return list(combinations(ids, 2))
    return [(baseline, other) for other in ids if other != baseline]


def party_record(proposal: Proposal, option: str | None) -> Party:
    return Party(
        id=proposal.id, name=proposal.party, file=proposal.file,
        date=proposal.date.isoformat() if proposal.date else None,
        title=proposal.title, round=proposal.round, status=proposal.status.value,
        option=option,
        options=tuple(OptionInfo(id=o.id, label=o.label, note=o.note) for o in proposal.options),
        phases=tuple(PhaseInfo(id=ph.id, label=ph.label,
                               starts=ph.starts.text if ph.starts else None,
                               duration=ph.duration_text) for ph in proposal.phases),
        sources={key: SourceInfo(title=source.title, publisher=source.publisher,
                                 date=source.date.isoformat() if source.date else None,
                                 url=source.url) for key, source in proposal.sources.items()},
    )


def row(line: Line, table: Table,
        wording: Callable[[Row], Mapping[str, Any]] | None = None) -> Row:
    """One row of the comparison. A row two parties decide by their values alone (nearly
    every one) is measured now and worded when first read (`Deferred`): measuring costs
    under half of wording. Any other is judged whole now: among three parties or more, the
    comparators' measure already does most of what wording does (every pair of texts).
    `wording` (`_row_words` of the table) makes the deferred words; without it, every row
    is judged whole now."""
    parties = deciding(line, table)
    reference = _reference(line, table) if table.agreed and table.reference else None
    point = next((p for p in table.plan.points if p.id == line.phase), None) \
        if line.phase is not None else None
    measured = plainly(line, parties) if wording is not None and len(parties) == 2 else None
    if measured is None:
        verdict = judge(line, parties, table.timelines, table.names)
        status, distance = verdict.outcome.status, verdict.outcome.distance
        explanation, gap = _said(verdict, line, table, reference)
        aspects = verdict.aspects
    else:
        status, distance = measured
        explanation, gap, aspects = "", _UNMADE, ()
    made = Row(
        id=line.id,
        topic=line.topic.key,
        label=line.topic.label,
        area=line.topic.area,
        kind=line.topic.kind,  # a str enum: stored and written as its value
        status=status,
        distance=distance,
        explanation=explanation,
        positions={pid: line.clauses.get(pid) for pid in table.order},
        gap=gap,
        actor=line.actor,
        actor_name=table.cast.names.get(line.actor) if line.actor else None,
        phase=line.phase,
        phase_label=point.label if point else None,
        aspects=aspects,
        silent=tuple(p.id for p in table.deciding if p.id not in line.clauses)
        if len(line.clauses) < len(table.parties) else (),
        reference=reference,
        alignment=Alignment(keys=line.keys, confidence=line.confidence)
        if line.confidence is not None else None,
    )
    return made if measured is None else defer(made, wording)  # type: ignore[arg-type]


_UNMADE: dict[str, Any] = {}
"""What a deferred field holds for the instant before `defer` unsets it."""


def _said(verdict: Verdict, line: Line, table: Table,
          reference: Reference | None) -> tuple[str, dict[str, Any]]:
    """A row's explanation (among all the parties) and gap, from its verdict."""
    outcome = verdict.outcome
    return _worded(outcome.explanation, line, table, table.parties, reference), outcome.gap


def _row_words(table: Table, row: Row) -> dict[str, Any]:
    """A measured row's deferred fields, made from the row itself: its line as grouping
    gave it (a row its values alone decide needs only its topic, clauses, actor and phase),
    judged and worded as `row` would have at once."""
    given = {party: clause for party, clause in row.positions.items() if clause is not None}
    line = Line(topic_of(row), given, actor=row.actor, phase=row.phase)
    explanation, gap = _said(judge(line, deciding(line, table), table.timelines, table.names),
                             line, table, row.reference)
    return {"explanation": explanation, "gap": gap}


def _own_row_words(rows: Mapping[str, Row], pair_row: PairRow) -> dict[str, str]:
    """Two parties' one pair row's words: its row's own, read (and made) when the pair's are."""
    return {"explanation": rows[pair_row.id].explanation}


def _worded(said: str, line: Line, table: Table, parties: Sequence[Proposal],
            reference: Reference | None = None) -> str:
    """A verdict's words among `parties` and what it rests on: whose clauses name nobody
    (on a row of one party that acts), where the agreed text stands, and which positions
    are reported or disputed."""
    return (said + (_acting(line, table, parties) if line.actor else "")
            + (f" {reference.explanation}" if reference and reference.addresses else "")
            + _caveats(line, parties))


def _acting(line: Line, table: Table, parties: Sequence[Proposal]) -> str:
    """For a row of one party that acts: whose clauses name nobody, read as holding for it."""
    given = line.clauses
    unnamed = [p.party for p in parties if (clause := given.get(p.id)) is not None
               and not clause.by and not clause.mutual]  # in the columns' order
    if not unnamed:
        return ""
    verb = "does" if len(unnamed) == 1 else "do"
    return (f" {names(unnamed)} {verb} not say who acts; read as holding for "
            f"{table.cast.names.get(line.actor, line.actor)}.")


def _caveats(line: Line, parties: Sequence[Proposal]) -> str:
    """A sentence saying which positions of `parties` rest on reported or disputed
    information."""
    confirmed, doubted = Confidence.CONFIRMED, Confidence.DISPUTED
    given = line.clauses
    disputed: tuple[str, ...] = ()
    reported: tuple[str, ...] = ()
    for party in parties:  # one pass: every row of every comparison asks
        clause = given.get(party.id)
        if clause is not None and clause.confidence is not confirmed:
            if clause.confidence is doubted:
                disputed += (party.party,)
            else:
                reported += (party.party,)
    return _rests_on(disputed, reported) if disputed or reported else ""


@lru_cache(maxsize=1024)
def _rests_on(disputed: tuple[str, ...], reported: tuple[str, ...]) -> str:
    """The caveat for these parties: a comparison repeats the same few thousands of times."""
    parts = [f"{level} information ({names(who)})"
             for level, who in (("disputed", disputed), ("reported", reported)) if who]
    return f" Rests on {' and '.join(parts)}."


def _reference(line: Line, table: Table) -> Reference:
    """Where the agreed text stands: silent, or which negotiating party's position it took,
    or what it settled on against what each had."""
    agreed = table.agreed
    assert agreed is not None  # only asked with an agreed text beside the parties
    said = line.clauses.get(agreed.id)
    others = [p for p in table.deciding if p.id in line.clauses]
    if said is None:
        return Reference(party=agreed.id, addresses=False,
                         explanation=f"Not in the agreed text ({agreed.party}).")
    took = tuple(p.id for p in others if line.clauses[p.id].value == said.value)
    if took and len(took) == len(table.deciding):
        text = f"The agreed text ({agreed.party}) says the same: {said.text}."
    elif took:
        text = (f"The agreed text ({agreed.party}) took the position of "
                f"{names([table.names[p] for p in took])}: {said.text}.")
    else:
        had = "; ".join(f"{p.party} had {line.clauses[p.id].text!r}" for p in others)
        text = f"The agreed text ({agreed.party}) settled on {said.text!r}" + (
            f"; {had}." if had else ".")
    return Reference(party=agreed.id, addresses=True, took=took, explanation=text)


def _whole(parties: tuple[str, str], rows: tuple[Row, ...], summary: Summary,
           words_at_once: bool) -> Pair:
    """Two parties: their one pair is every row as it stands, its words included (made
    when first read, from the row's, unless the rows were worded at once)."""
    made = (PairRow(id=r.id, status=r.status, distance=r.distance,
                    explanation=r.explanation if words_at_once else "") for r in rows)
    if not words_at_once:
        wording = partial(_own_row_words, {r.id: r for r in rows})
        made = (defer(pair_row, wording) for pair_row in made)
    return Pair(parties=parties, summary=summary, rows=tuple(made))


def _pairs(pairings: list[tuple[str, str]], lines: list[Line], table: Table) -> tuple[Pair, ...]:
    """Two of three parties or more on every row either addresses, each row's verdict as
    `compare` of the two alone gives it, with its words (in the columns' order): a script
    reads every pair row the same way, however many parties there are. Judged row by row,
    every pair in turn, not pair by pair: a row's clauses are read by its forty-five pairs
    (ten parties) while they are at hand, which makes the matrix a quarter faster. Worded
    at once, unlike rows: measuring first and wording later cost a report of ten parties
    a fifth more (benchmark 4), for a matrix whose words nearly every reader reads."""
    matrix: list[tuple[str, str, list[Proposal], list[PairRow]]] = [
        (a, b, [p for p in table.parties if p.id in (a, b)], []) for a, b in pairings]
    for line in lines:
        given = line.clauses
        row_id = line.id
        made = sides(line, table.parties)
        for a, b, both, rows in matrix:
            if a not in given and b not in given:
                continue
            if a in made and b in made:
                first, second = both
                outcome = valued(line, [made[first.id], made[second.id]])
            else:
                outcome = judge(line, both, table.timelines, table.names).outcome
            rows.append(PairRow(id=row_id, status=outcome.status, distance=outcome.distance,
                                explanation=_worded(outcome.explanation, line, table, both)))
    return tuple(Pair(parties=(a, b), summary=summarize(rows), rows=tuple(rows))
                 for a, b, _, rows in matrix)
