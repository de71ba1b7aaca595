"""`history`: every party's texts round by round — what each new text kept, changed, added
and dropped, whether each change moved toward the others, and how the gap went.

Each round compares the positions standing in it (a party that gave no new text keeps its
last); each step of a party lines its earlier and later text up with the other parties'
positions of the later round in one table, so every row is named the same way for the
change and for the gaps. Pure and deterministic: the order of the files does not matter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from diffing.align import Line
from diffing.engine import ComparisonError, compare, party_record
from diffing.history_result import (
    Change,
    Counts,
    Direction,
    Gap,
    History,
    Move,
    PartyHistory,
    Round,
    Step,
    Trend,
)
from diffing.result import Comparison, GapStatus
from diffing.summary import MEASURED
from diffing.movement import gap_to, gap_words
from diffing.rounds import Round as GivenRound
from diffing.rounds import RoundsError, by_party, rounds, whole
from diffing.scope import chosen_options, scope
from diffing.table import SETTLED, Table
from diffing.verdict import measure
from proposals.limits import collector_paused
from proposals.model import Clause, Proposal

EARLIER = "~earlier"
"""Suffix of the id the earlier text takes in a step's table (no party id holds a `~`)."""


def history(proposals: Sequence[Proposal], options: Mapping[str, str] | None = None, *,
            words_at_once: bool = False) -> History:
    """Follow every party through the rounds; `options` picks, by party id, the option
    shown of every text of that party that offers it. `words_at_once` is `compare`'s, for
    every round's comparison (the JSON report writes every row of every round)."""
    proposals = whole(proposals)
    try:
        given = rounds(proposals)
    except RoundsError as error:
        raise ComparisonError(str(error)) from None
    round_of = {id(text): r.index for r in given for text in r.texts.values()}
    texts = by_party(proposals)
    _check_options(texts, options)
    order = sorted(texts, key=lambda party: (round_of[id(texts[party][0])], party))
    settled = {party for party in order if all(t.status in SETTLED for t in texts[party])}
    standing_by_round = _standing(given, order)
    result_rounds = _rounds(given, standing_by_round, options, words_at_once)
    parties = []
    for party in order:
        steps = []
        for earlier, later in zip(texts[party], texts[party][1:]):
            steps.append(_step(earlier, later, round_of, standing_by_round, settled, options))
        overall = _step(texts[party][0], texts[party][-1], round_of, standing_by_round,
                        settled, options) if len(texts[party]) >= 3 else None
        parties.append(PartyHistory(
            id=party, name=_name(texts[party]),
            texts=tuple(replace(party_record(t, _shown_option(t, party, options)),
                                round=given[round_of[id(t)]].label) for t in texts[party]),
            rounds=tuple(round_of[id(t)] for t in texts[party]),
            steps=tuple(steps), overall=overall))
    return History(parties=tuple(parties), rounds=result_rounds,
                   reference=tuple(p for p in order if p in settled))


def _shown_option(text: Proposal, party: str, options: Mapping[str, str] | None) -> str | None:
    """The option of `text` the rounds show: the one asked for when it offers it, else its first."""
    return chosen_options([text], _offered([(party, text)], options))[text.id]


def _name(texts: Sequence[Proposal]) -> str:
    """A party's name; drafts of one text by different hands are named by their id."""
    names = {text.party for text in texts}
    return texts[-1].party if len(names) == 1 else texts[-1].id


def _standing(given: Sequence[GivenRound], order: Sequence[str]) -> list[dict[str, Proposal]]:
    """For each round, every party's text standing then (its latest up to that round)."""
    standing: dict[str, Proposal] = {}
    result = []
    for r in given:
        standing.update(r.texts)
        result.append({party: standing[party] for party in order if party in standing})
    return result


def _rounds(given: Sequence[GivenRound], standing: Sequence[dict[str, Proposal]],
            options: Mapping[str, str] | None, words_at_once: bool) -> tuple[Round, ...]:
    result: list[Round] = []
    for r, texts in zip(given, standing):
        comparison = compare(list(texts.values()), options=_offered(texts.items(), options),
                             words_at_once=words_at_once) if len(texts) >= 2 else None
        round_of = {party: _given_in(given, party, text) for party, text in texts.items()}
        earlier = result[-1].comparison if result else None
        result.append(Round(
            index=r.index, label=r.label, date=r.date.isoformat() if r.date else None,
            given=tuple(party for party in texts if party in r.texts), standing=round_of,
            summary=comparison.summary if comparison else None, comparison=comparison,
            trend=trend(earlier, comparison) if earlier and comparison else None))
    return tuple(result)


def trend(earlier: Comparison, later: Comparison) -> Trend:
    """The agreement index of both rounds over the rows measured in both."""
    before, after = _closeness(earlier), _closeness(later)
    shared = sorted(before.keys() & after.keys())
    if not shared:
        return Trend(rows=0, before=None, after=None, change=None)
    was = sum(before[row] for row in shared) / len(shared)
    now = sum(after[row] for row in shared) / len(shared)
    return Trend(rows=len(shared), before=round(was, 4), after=round(now, 4),
                 change=round(now - was, 4))


def _closeness(comparison: Comparison) -> dict[str, float]:
    """1 - distance of every measured row, by id (as the agreement index counts them)."""
    return {row.id: 1 - row.distance for row in comparison.rows
            if row.status in MEASURED and row.distance is not None}


def _given_in(given: Sequence[GivenRound], party: str, text: Proposal) -> int:
    return next(r.index for r in given if r.texts.get(party) is text)


def _offered(texts: Iterable[tuple[str, Proposal]],
             options: Mapping[str, str] | None) -> dict[str, str]:
    """The options asked for (by party), by the id of each text that offers them: a
    party's earlier text may not have the option its later one offers."""
    asked = options or {}
    return {text.id: asked[party] for party, text in texts
            if party in asked and any(o.id == asked[party] for o in text.options)}


def _check_options(texts: Mapping[str, Sequence[Proposal]],
                   options: Mapping[str, str] | None) -> None:
    """Refuse an option no text of its party offers, or a party that gave no text."""
    for party, option in (options or {}).items():
        if party not in texts:
            raise ComparisonError(f"no party {party!r} to choose an option for "
                                  f"(parties: {', '.join(texts)})")
        offered = sorted({o.id for text in texts[party] for o in text.options})
        if option not in offered:
            listed = ", ".join(offered) if offered else "it offers none"
            raise ComparisonError(f"{texts[party][-1].party} has no option {option!r} "
                                  f"({listed})")


def _step(earlier: Proposal, later: Proposal, round_of: Mapping[int, int],
          standing: Sequence[dict[str, Proposal]], settled: set[str],
          options: Mapping[str, str] | None) -> Step:
    """One party from `earlier` to `later`, against the others standing in later's round."""
    since, now = round_of[id(earlier)], round_of[id(later)]
    before = replace(earlier, id=earlier.id + EARLIER)
    others = [text for party, text in standing[now].items()
              if party != later.id and party not in settled]
    table_parties = [later, before, *others]
    chosen = chosen_options(table_parties, _offered(
        [(earlier.id, before), (later.id, later), *((o.id, o) for o in others)], options))
    with collector_paused():
        table = Table.of(table_parties, {p.id: scope(p, chosen[p.id]) for p in table_parties},
                         stand_ins={before.id: later.id})
        changes, tally, kept = [], Counter[str](), 0
        for line in table.lines():
            was, now_said = line.clauses.get(before.id), line.clauses.get(later.id)
            if was is None and now_said is None:
                continue
            move = _move(line, was, now_said, before, later, table)
            if move is Move.KEPT:  # most rows: counted once at the end
                kept += 1
                continue
            tally[move.value] += 1
            gaps = tuple(gap_to(line, before, later, other, table.timelines)
                         for other in others if other.id in line.clauses)
            if move is Move.CHANGED:
                tally[_heading(gaps)] += 1
            changes.append(Change(
                id=line.id, topic=line.topic.key, label=line.topic.label, area=line.topic.area,
                move=move, explanation=_explain(move, later, was, now_said, gaps, line, table),
                before=was, after=now_said, gaps=gaps,
                actor_name=table.cast.names.get(line.actor) if line.actor else None,
                phase_label=next((p.label for p in table.plan.points if p.id == line.phase),
                                 None)))
    tally[Move.KEPT.value] = kept
    counts = Counts(**{field: tally[field] for field in Counts.__dataclass_fields__})
    return Step(party=later.id, since=since, round=now, counts=counts, changes=tuple(changes))


def _move(line: Line, was: Clause | None, now: Clause | None, before: Proposal,
          later: Proposal, table: Table) -> Move:
    """What `later` did to the row `before` said `was` on (None: silent) by saying `now`."""
    if was is None:
        return Move.ADDED
    if now is None:
        return Move.DROPPED
    if _said_alike(was, now):
        return Move.KEPT  # most rows stand from round to round: no need to measure them
    status, _ = measure(line, before, later, table.timelines)
    return Move.KEPT if status is GapStatus.AGREED else Move.CHANGED


def _said_alike(was: Clause, now: Clause) -> bool:
    """The same position in the same words, whatever the place it was written in."""
    # (most clauses have no time, condition or reading: those are compared only when given)
    return (was.value == now.value and was.by == now.by and was.mutual == now.mutual
            and (was.when is None and now.when is None or _when(was) == _when(now))
            and (not (was.conditions or now.conditions)
                 or [c.text for c in was.conditions] == [c.text for c in now.conditions])
            and (not (was.readings or now.readings)
                 or [r.value for r in was.readings] == [r.value for r in now.readings]))


def _heading(gaps: Sequence[Gap]) -> str:
    """Where a changed row went: toward when it closed the gap to every other party that
    addresses it, away when it widened the gap to any, sideways when it moved neither way
    (or toward some and level with others); unmeasured when no other party measures it."""
    directions = {gap.direction for gap in gaps} - {Direction.UNMEASURED}
    if not directions:
        return "unmeasured"
    if directions == {Direction.TOWARD}:
        return Direction.TOWARD.value
    return Direction.AWAY.value if Direction.AWAY in directions else Direction.SIDEWAYS.value


def _explain(move: Move, later: Proposal, was: Clause | None, now: Clause | None,
             gaps: Sequence[Gap], line: Line, table: Table) -> str:
    """What became of the row, in the author's words, then the gap to each other party."""
    who = later.party
    if move is Move.ADDED:
        text = f"{who} adds it: {_bare(now.text)}."  # type: ignore[union-attr]
    elif move is Move.DROPPED:
        text = f"{who} drops it; the earlier text had {_bare(was.text)}."  # type: ignore[union-attr]
    else:
        text = f"{who}: {'; '.join(changed_parts(was, now))}."  # type: ignore[arg-type]
    for gap in gaps:
        theirs = line.clauses.get(gap.party)
        text += " " + gap_words(gap, table.names[gap.party], _bare(theirs.text) if theirs else None)
    return text


def changed_parts(was: Clause, now: Clause) -> list[str]:
    """Each part of a clause that differs between two texts, as `before → after`; a value
    that stayed is said as kept, so a change of conditions alone does not read `full → full`."""
    parts = [f"{_bare(was.text)} → {_bare(now.text)}" if was.value != now.value
             else f"keeps {_bare(now.text)}"]
    for name, before, after in (
            ("when", _when(was), _when(now)),
            ("conditions", _listed(c.text for c in was.conditions),
             _listed(c.text for c in now.conditions)),
            ("readings", _listed(r.text for r in was.readings),
             _listed(r.text for r in now.readings)),
            ("who acts", was.by_text or "not said", now.by_text or "not said")):
        if before != after:
            parts.append(f"{name}: {before} → {after}")
    return parts


def _when(clause: Clause) -> str:
    return clause.when.text if clause.when else "not said"


def _listed(texts: Iterable[str]) -> str:
    written = [f"'{_bare(text)}'" for text in texts]
    return ", ".join(written) if written else "none"


def _bare(text: str) -> str:
    """A clause's words without a closing full stop, to sit inside a sentence."""
    return text.rstrip().rstrip(".")
