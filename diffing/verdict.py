"""Judging one row: silence and vagueness first, then the values (over every reading of a
disputed clause), then when and on what conditions.

The row's status is the furthest of its aspects (agreed < partial < conflict), and its
distance the largest, so the same terms at another time or on other conditions are
never "agreed". Free text stays unclear whatever its aspects: it is not judged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import islice, product

from diffing.aspects import conditions, conditions_measure, timing, timing_measure
from diffing.comparators import COMPARATORS, Side
from diffing.comparators.base import everyone, names
from diffing.align import Line
from diffing.result import Aspect, GapStatus, Outcome
from diffing.summary import MEASURED
from proposals.model import Clause, Proposal, Unspecified, Value, record
from proposals.timeline import Timeline

RANK = {GapStatus.AGREED: 0, GapStatus.PARTIAL: 1, GapStatus.CONFLICT: 2}
MAX_READING_COMBINATIONS = 4096


@record
class Verdict:
    """A row's outcome over all its aspects, and each aspect when more than the value counts."""

    outcome: Outcome
    aspects: tuple[Aspect, ...] = ()


def undecided(clauses: Sequence[Clause | None]) -> GapStatus | None:
    """The status silence, vagueness or mismatched kinds decide before any comparator:
    one-sided when a party is silent, else unclear for `unspecified` or differing kinds.
    (Plain loops: the pairwise matrix asks this for every row of every pair.)"""
    for clause in clauses:
        if clause is None:
            return GapStatus.ONE_SIDED
    kind = None
    open_terms = 0
    for clause in clauses:
        if kind is not None and clause.kind is not kind:
            return GapStatus.UNCLEAR
        kind = clause.kind
        open_terms += clause.value.form == "unspecified"
    if open_terms == len(clauses):  # every party leaves the terms open: the same position
        return GapStatus.AGREED
    return GapStatus.UNCLEAR if open_terms else None


def plain(clauses: Sequence[Clause]) -> bool:
    """Whether only the values count: no time, no condition, no second reading, no phase."""
    for clause in clauses:
        if clause.when is not None or clause.conditions or clause.readings or \
                clause.phase is not None:
            return False
    return True


def judge(line: Line, parties: Sequence[Proposal], timelines: Mapping[str, Timeline],
          name: Mapping[str, str]) -> Verdict:
    """The verdict on one row among `parties` (in the columns' order); `name` shows a party
    by id."""
    if line.values_only:
        sides = _measurable(line, parties)
        if sides is not None:  # the common case, in one pass: the values alone decide
            return Verdict(outcome=valued(line, sides))
    given = [line.clauses.get(p.id) for p in parties]
    status = undecided(given)
    if status is GapStatus.ONE_SIDED:
        present = [p for p in parties if p.id in line.clauses]
        silent = [p for p in parties if p.id not in line.clauses]
        if len(present) >= 2:  # three parties or more: judged among those who speak
            among = judge(line, present, timelines, name)
            outcome = among.outcome
            quiet = names([p.party for p in silent])
            said = f"{len(present)} of {len(parties)} address this ({quiet} silent). "
            return Verdict(outcome=Outcome(status=outcome.status, distance=outcome.distance,
                                           gap=outcome.gap, explanation=said + outcome.explanation),
                           aspects=among.aspects)
        return Verdict(outcome=_one_sided(line, present, silent))
    clauses = [c for c in given if c is not None]
    if status is GapStatus.AGREED:
        return Verdict(outcome=Outcome(
            status=status, distance=None, gap={"unspecified": [p.id for p in parties]},
            explanation=f"{everyone(parties)} leave the terms open (unspecified)."))
    if status is GapStatus.UNCLEAR:
        return Verdict(outcome=_unclear(line, parties, clauses))
    value, readings = _values(line, parties, clauses)
    value = _agreeing(value, [Side(p.id, p.party, c.value, c.text)
                              for p, c in zip(parties, clauses)])
    if plain(clauses):
        return Verdict(outcome=value)
    held = {p.id: c for p, c in zip(parties, clauses)}
    extra = [a for a in (timing(held, timelines, name), conditions(held, name), readings) if a]
    if not extra:
        return Verdict(outcome=value)
    aspects = (Aspect(name="value", status=value.status, distance=value.distance,
                      explanation=value.explanation, detail=value.gap), *extra)
    return Verdict(outcome=_combined(value, extra), aspects=aspects)


def valued(line: Line, sides: Sequence[Side]) -> Outcome:
    """The verdict on a row where only the values count and every party gives one, of one
    kind: `judge` of those parties, with `sides` made once for many (`sides`)."""
    outcome = COMPARATORS[line.topic.kind].compare(line.topic, sides)
    return _agreeing(outcome, sides) if len(sides) > 2 else outcome


def sides(line: Line, parties: Sequence[Proposal]) -> dict[str, Side]:
    """By id, the side of each of `parties` that gives a value on a row where only the values
    count, when all give one kind (otherwise none): whoever of them `judge` is asked about,
    `valued` of their sides is its verdict. The pairwise matrix makes them once a row."""
    return {p.id: Side(p.id, p.party, c.value, c.text) for p, c in _valued(line, parties)}


def _valued(line: Line, parties: Sequence[Proposal]) -> list[tuple[Proposal, Clause]]:
    """Each of `parties` that gives a value, with its clause, on a row where only the values
    count, when all give one kind; otherwise none."""
    if not line.values_only:
        return []
    stated = []
    kind = None
    for party in parties:
        clause = line.clauses.get(party.id)
        if clause is None or clause.value.form == "unspecified":
            continue
        if kind is not None and clause.kind is not kind:
            return []
        kind = clause.kind
        stated.append((party, clause))
    return stated


def _measurable(line: Line, parties: Sequence[Proposal]) -> list[Side] | None:
    """Each party's side, when every party states a value of the same kind; else None."""
    stated = _valued(line, parties)
    if len(stated) < len(parties):
        return None
    return [Side(p.id, p.party, c.value, c.text) for p, c in stated]


def measure(line: Line, a: Proposal, b: Proposal,
            timelines: Mapping[str, Timeline]) -> tuple[GapStatus, float | None]:
    """Status and distance of one row between two parties (history's moves ask this
    thousands of times)."""
    return assess(line, (a, b) if a.id <= b.id else (b, a), timelines)  # in id order


def plainly(line: Line, parties: Sequence[Proposal]) -> tuple[GapStatus, float | None] | None:
    """Status and distance of a row where only the values count and every one of `parties`
    gives one, of one kind (nearly every row): the comparator's measure, no words. None
    for any other row."""
    stated = _valued(line, parties)  # no sides made: only their values are measured
    if stated and len(stated) == len(parties):
        return COMPARATORS[line.topic.kind].measure(line.topic, [c.value for _, c in stated])
    return None


def assess(line: Line, parties: Sequence[Proposal],
           timelines: Mapping[str, Timeline]) -> tuple[GapStatus, float | None]:
    """The verdict's status and distance alone, with no words: the same as `judge` gives."""
    measured = plainly(line, parties)
    if measured is not None:
        return measured
    given = [line.clauses.get(p.id) for p in parties]
    status = undecided(given)
    if status is GapStatus.ONE_SIDED:
        present = [p for p in parties if p.id in line.clauses]
        return assess(line, present, timelines) if len(present) >= 2 else (status, None)
    if status is not None:
        return status, None
    clauses = [c for c in given if c is not None]
    _, _, value_status, value_distance = _readings(line, [p.id for p in parties], clauses)[-1]
    if plain(clauses):
        return value_status, value_distance
    held = {p.id: c for p, c in zip(parties, clauses)}
    return _furthest(value_status, value_distance,
                     [m for m in (timing_measure(held, timelines), conditions_measure(held)) if m])


def _furthest(status: GapStatus, distance: float | None,
              aspects: Sequence[tuple[GapStatus, float | None]]) -> tuple[GapStatus, float | None]:
    """The value's verdict made as far as its furthest aspect (agreed < partial < conflict),
    its distance the largest; a verdict the values leave unmeasured stays as it is."""
    if status not in MEASURED:
        return status, distance
    furthest = distance or 0.0
    for aspect_status, aspect_distance in aspects:
        if RANK.get(aspect_status, 0) > RANK[status]:
            status = aspect_status
        furthest = max(furthest, aspect_distance or 0.0)
    return status, round(furthest, 4)


def _combined(value: Outcome, extra: list[Aspect]) -> Outcome:
    """The value's outcome made as far as its furthest aspect, with every aspect explained
    (the readings aspect does not count: the value is already its furthest reading)."""
    status, distance = _furthest(value.status, value.distance, [
        (a.status, a.distance) for a in extra if a.name != "readings"])
    return Outcome(status=status, distance=distance, gap=value.gap,
                   explanation=" ".join([value.explanation, *(a.explanation for a in extra)]))


Scored = tuple[tuple[float, int], tuple[int, ...], GapStatus, "float | None"]


def _readings(line: Line, ids: Sequence[str], clauses: list[Clause]) -> list[Scored]:
    """The verdict on the values under every combination of the parties' readings, closest
    first: (how far, which reading each party takes, status, distance). Parties that give
    the very same readings share one dispute: they vary together. Combinations equally far
    are ordered by the readings taken party by party in id order, so the one shown does not
    depend on the order the files were given in."""
    by_id = sorted(range(len(ids)), key=ids.__getitem__)
    comparator = COMPARATORS[line.topic.kind]
    alternatives = [[r.value for r in c.readings] or [c.value] for c in clauses]
    disputes: dict[tuple, list[int]] = {}
    for index, clause in enumerate(clauses):
        key = tuple((r.text, r.source) for r in clause.readings) or ("party", index)
        disputes.setdefault(key, []).append(index)
    groups = list(disputes.values())
    scored = []
    for picked in islice(product(*(range(len(alternatives[g[0]])) for g in groups)),
                         MAX_READING_COMBINATIONS):
        choice = [0] * len(clauses)
        for group, pick in zip(groups, picked):
            for index in group:
                choice[index] = pick
        values: list[Value] = [alternatives[i][j] for i, j in enumerate(choice)]
        status, distance = comparator.measure(line.topic, values)
        scored.append((_far(status, distance), tuple(choice), status, distance))
    scored.sort(key=lambda item: (item[0], tuple(item[1][i] for i in by_id)))
    return scored


def _values(line: Line, parties: Sequence[Proposal],
            clauses: list[Clause]) -> tuple[Outcome, Aspect | None]:
    """The values' outcome; for disputed clauses, that of the furthest combination of
    readings, with an aspect saying how the verdict varies over them."""
    comparator = COMPARATORS[line.topic.kind]
    if not any(c.readings for c in clauses):
        return comparator.compare(line.topic, [Side(p.id, p.party, c.value, c.text)
                                               for p, c in zip(parties, clauses)]), None
    scored = _readings(line, [p.id for p in parties], clauses)
    _, worst, _, _ = scored[-1]
    _, _, best_status, best_distance = scored[0]
    sides = [Side(p.id, p.party, *_reading(clauses[i], worst[i])) for i, p in enumerate(parties)]
    outcome = comparator.compare(line.topic, sides)

    def numbered(choice: tuple[int, ...]) -> dict[str, int]:
        return {p.id: choice[i] + 1 for i, p in enumerate(parties) if clauses[i].readings}

    detail = {"shown": numbered(worst), "combinations": [
        {"readings": numbered(choice), "status": status.value, "distance": distance}
        for _, choice, status, distance in sorted(scored, key=lambda item: item[1])]}
    if best_status is outcome.status and best_distance == outcome.distance:
        said = "every reading gives the same verdict"
    else:
        said = (f"the verdict runs from {best_status.value}"
                + (f" ({best_distance:.2f})" if best_distance is not None else "")
                + f" to {outcome.status.value}"
                + (f" ({outcome.distance:.2f})" if outcome.distance is not None else "")
                + "; the row shows the furthest")
    readings = "; ".join(
        f"{p.party}: " + " or ".join(f"{r.text!r}" + (f" ({r.source})" if r.source else "")
                                     for r in c.readings)
        for p, c in zip(parties, clauses) if c.readings)
    return outcome, Aspect(
        name="readings", status=best_status, distance=best_distance, detail=detail,
        explanation=f"Disputed: {readings}; {said}.")


def _reading(clause: Clause, index: int) -> tuple[Value, str]:
    """A clause's value and words under one of its readings (its only value without any)."""
    if clause.readings:
        return clause.readings[index].value, clause.readings[index].text
    return clause.value, clause.text


def _far(status: GapStatus, distance: float | None) -> tuple[float, int]:
    return (1.0 if distance is None else distance), RANK.get(status, 3)


def _unclear(line: Line, parties: Sequence[Proposal], clauses: list[Clause]) -> Outcome:
    vague = [p.party for p, c in zip(parties, clauses) if isinstance(c.value, Unspecified)]
    if vague:
        return Outcome(
            status=GapStatus.UNCLEAR, distance=None,
            gap={"unspecified": [p.id for p in parties if p.party in vague]},
            explanation=f"{names(vague)} state{'s' * (len(vague) == 1)} a position without its "
            f"terms (unspecified){_stated(line, parties, vague)}.")
    declared = ", ".join(f"{p.party}: {c.kind.value}" for p, c in zip(parties, clauses))
    return Outcome(status=GapStatus.UNCLEAR, distance=None,
                   gap={"kinds": sorted({c.kind.value for c in clauses})},
                   explanation=f"Declared as different kinds ({declared}).")


def _stated(line: Line, parties: Sequence[Proposal], vague: list[str]) -> str:
    others = [f"{p.party}: {line.clauses[p.id].text}" for p in parties if p.party not in vague]
    return "; " + "; ".join(others) if others else ""


def _one_sided(line: Line, present: list[Proposal], silent: list[Proposal]) -> Outcome:
    speaker = present[0]
    quiet = names([p.party for p in silent])
    text = line.clauses[speaker.id].text.rstrip(".")
    return Outcome(status=GapStatus.ONE_SIDED, distance=None,
                   gap={"addressed_by": [speaker.id], "silent": [p.id for p in silent]},
                   explanation=f"Only {speaker.party} addresses this: {text}. {quiet} "
                   f"{'is' if len(silent) == 1 else 'are'} silent.")


def _agreeing(value: Outcome, sides: Sequence[Side]) -> Outcome:
    """For three parties or more that do not all agree: which of them say the same
    (`2 of 3 agree: Europe and US-Ukraine plan, 800,000 troops.`)."""
    if len(sides) < 3 or value.status is GapStatus.AGREED:
        return value
    groups: list[list[Side]] = []
    for side in sides:
        group = next((g for g in groups if g[0].value == side.value), None)
        if group is None:
            groups.append([side])
        else:
            group.append(side)
    largest = max(groups, key=len)
    if len(largest) < 2:
        return value
    said = (f"{len(largest)} of {len(sides)} agree: {names([s.name for s in largest])}, "
            f"{largest[0].text}. ")
    return Outcome(status=value.status, distance=value.distance, gap=value.gap,
                   explanation=said + value.explanation)
