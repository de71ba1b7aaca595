"""The parts of a verdict besides the value: when a clause is to happen, and the conditions
attached to it. Each gives an `Aspect` (status, distance, explanation) or None when no
party says anything about it.

The same terms with different conditions or at different times are not "agreed":
conditions that differ make a row at least partial; times that overlap, partial; times
that do not meet, a conflict measured in days, as dates are.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from diffing.comparators.base import names, number, possessive, sentence
from diffing.result import Aspect, GapStatus
from proposals.model import Clause
from proposals.timeline import Timeline

YEAR_DAYS = 365.0
UNMATCHED = 0.25
"""The distance of a time or condition only some parties state, or of times on scales that
cannot be set against each other: different, by how much unknown."""

Window = tuple[str, float, float]  # root, earliest, latest (open ends as ±inf)


def timing(clauses: Mapping[str, Clause], timelines: Mapping[str, Timeline],
           name: Mapping[str, str]) -> Aspect | None:
    """How the parties' times for the row compare (`clauses` and `name` by party id)."""
    found = _timing(clauses, timelines)
    if found is None:
        return None
    timed, windows, status, distance, apart = found
    said = "; ".join(f"{name[p]}: {when_said(c, timelines[p])}" for p, c in timed.items())
    detail: dict[str, object] = {"when": {p: when_said(c, timelines[p]) for p, c in timed.items()}}
    if windows is None:
        quiet = [name[p] for p in clauses if p not in timed]
        return Aspect(name="timing", status=status, distance=distance,
                      explanation=f"Only {names([name[p] for p in timed])} "
                      f"say{'s' * (len(timed) == 1)} when ({said}); {names(quiet)} "
                      f"{'does' if len(quiet) == 1 else 'do'} not.",
                      detail={**detail, "untimed": [p for p in clauses if p not in timed]})
    detail |= {"days": {p: [_json(w[1]), _json(w[2])] for p, w in windows.items()},
               "scale": sorted({w[0] for w in windows.values()})}
    if len(detail["scale"]) > 1:  # type: ignore[arg-type]
        explanation = (f"The times are set against different events ({said}), so they cannot "
                       "be measured against each other.")
    elif status is GapStatus.AGREED:
        explanation = f"Same time ({said})."
    elif status is GapStatus.PARTIAL:
        explanation = f"The times overlap ({said})."
    else:
        earliest = min(windows, key=lambda p: (windows[p][2], p))
        gap = (f"{number(round(apart, 2))} {'day' if round(apart, 2) == 1 else 'days'} apart"
               if round(apart, 2) else "on either side of one moment")
        detail |= {"apart_days": round(apart, 4), "earliest": earliest}
        explanation = (f"The times do not meet ({said}): {gap}; {possessive(name[earliest])} "
                       "is earlier.")
    return Aspect(name="timing", status=status, distance=distance, detail=detail,
                  explanation=explanation)


def timing_measure(clauses: Mapping[str, Clause],
                   timelines: Mapping[str, Timeline]) -> tuple[GapStatus, float] | None:
    """The timing aspect's status and distance alone, with no words."""
    found = _timing(clauses, timelines)
    return None if found is None else (found[2], found[3])


def _timing(clauses: Mapping[str, Clause], timelines: Mapping[str, Timeline]) -> tuple[
        dict[str, Clause], dict[str, Window] | None, GapStatus, float, float] | None:
    """The timed clauses, their windows (None when only some parties say when), status,
    distance and days apart; None when no party says when."""
    timed = {party: clause for party, clause in clauses.items()
             if clause.when is not None or clause.phase is not None}
    if not timed:
        return None
    if len(timed) < len(clauses):
        return timed, None, GapStatus.PARTIAL, UNMATCHED, 0.0
    windows = {party: _window(timelines[party], clause) for party, clause in timed.items()}
    if len({w[0] for w in windows.values()}) > 1:
        return timed, windows, GapStatus.PARTIAL, UNMATCHED, 0.0
    status, distance, apart = _verdict(list(windows.values()))
    return timed, windows, status, distance, apart


def when_said(clause: Clause, timeline: Timeline) -> str:
    """A clause's time as its author gave it: its `when:`, or the phase it belongs to."""
    if clause.when is not None:
        return clause.when.text
    return f"during {timeline.phase_label(clause.phase)}"  # type: ignore[arg-type]


def _window(timeline: Timeline, clause: Clause) -> Window:
    event = timeline.of(clause)
    if event is None:  # every clause with a time is on its proposal's timeline
        raise ValueError(f"{clause.topic} has a time but no place on the timeline")
    low = -math.inf if event.low is None else event.low
    high = math.inf if event.high is None else event.high
    return event.root, low, high


def _verdict(windows: Sequence[Window]) -> tuple[GapStatus, float, float]:
    """Status, distance, and days apart (0 when the windows meet)."""
    if len({(w[1], w[2]) for w in windows}) == 1:
        return GapStatus.AGREED, 0.0, 0.0
    top_low = max(w[1] for w in windows)
    bottom_high = min(w[2] for w in windows)
    if top_low <= bottom_high:
        if any(math.isinf(bound) for w in windows for bound in w[1:]):
            return GapStatus.PARTIAL, UNMATCHED, 0.0  # an open end: no share to measure
        return GapStatus.PARTIAL, round(0.5 * (1 - _share(windows, top_low, bottom_high)), 4), 0.0
    apart = top_low - bottom_high  # `before X` against `after X`: next to nothing, yet apart
    return GapStatus.CONFLICT, round(0.5 + 0.5 * min(1.0, max(apart, 1.0) / YEAR_DAYS), 4), apart


def _share(windows: Sequence[Window], low: float, high: float) -> float:
    """The part of all the windows together that every window covers (windows with ends)."""
    union = max(w[2] for w in windows) - min(w[1] for w in windows)
    if union <= 0:
        return 1.0
    return max(0.0, min(0.999, (high - low) / union))


def _json(value: float) -> float | None:
    return None if math.isinf(value) else round(value, 4)


def conditions(clauses: Mapping[str, Clause], name: Mapping[str, str]) -> Aspect | None:
    """Whether the parties attach the same conditions (matched by reference or by words)."""
    found = _conditions(clauses)
    if found is None:
        return None
    keys, common, union = found
    detail = {"common": sorted(common),
              "only": {party: [text for key, text in given.items() if key not in common]
                       for party, given in keys.items()}}
    if common == union:
        shared = next(iter(keys.values()))
        return Aspect(name="conditions", status=GapStatus.AGREED, distance=0.0, detail=detail,
                      explanation=sentence("Same conditions: " + "; ".join(
                          repr(text) for text in shared.values())))
    other = "no other" if common else "none"
    own = "; ".join(
        f"{name[party]} attaches " + (", ".join(repr(t) for t in texts) if texts else other)
        for party, texts in detail["only"].items())  # type: ignore[union-attr]
    return Aspect(name="conditions", status=GapStatus.PARTIAL,
                  distance=_condition_distance(common, union), detail=detail,
                  explanation=sentence(f"Conditions differ: {own}"))


def conditions_measure(clauses: Mapping[str, Clause]) -> tuple[GapStatus, float] | None:
    """The conditions aspect's status and distance alone, with no words."""
    found = _conditions(clauses)
    if found is None:
        return None
    _, common, union = found
    if common == union:
        return GapStatus.AGREED, 0.0
    return GapStatus.PARTIAL, _condition_distance(common, union)


def _conditions(clauses: Mapping[str, Clause]) -> tuple[
        dict[str, dict[str, str]], set[str], set[str]] | None:
    """Each party's conditions by key, the keys every party attaches, and all the keys."""
    keys = {party: {c.key: c.text for c in clause.conditions} for party, clause in clauses.items()}
    if not any(keys.values()):
        return None
    return (keys, set.intersection(*(set(k) for k in keys.values())),
            set.union(*(set(k) for k in keys.values())))


def _condition_distance(common: set[str], union: set[str]) -> float:
    return round(0.5 * len(union - common) / len(union), 4)
