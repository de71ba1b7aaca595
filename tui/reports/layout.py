"""What every report shows, worded once: status looks, headline, summary, area groups, cells.

Strings here are raw (they may hold text from proposal files); each renderer escapes
them for its medium.
"""

from __future__ import annotations

from dataclasses import dataclass

from diffing.comparators.base import names
from diffing.result import Comparison, GapStatus, Party, Position, Row, Summary
from proposals.timeline import Event
from proposals.model import Confidence
from proposals.registry import registry


@dataclass(frozen=True, slots=True)
class Look:
    """How a status is shown: a glyph and a word always, a colour only as an extra."""

    glyph: str
    marker: str  # ASCII, for plain text
    word: str
    color: str


LOOKS: dict[GapStatus, Look] = {
    GapStatus.AGREED: Look("✓", "=", "agreed", "green"),
    GapStatus.PARTIAL: Look("≈", "~", "partial", "yellow"),
    GapStatus.CONFLICT: Look("✗", "x", "conflict", "red"),
    GapStatus.ONE_SIDED: Look("◐", "<", "one-sided", "blue"),
    GapStatus.UNCLEAR: Look("?", "?", "unclear", "magenta"),
}
CUSTOM_AREA = "Custom topics"


def headline(comparison: Comparison) -> str:
    """`Ukraine vs Russia`, or `Ukraine, Russia and US plan` for three or more."""
    parties = [party.name for party in comparison.parties]
    return f"{parties[0]} vs {parties[1]}" if len(parties) == 2 else names(parties)


def party_line(party: Party) -> str:
    """`Ukraine — Memorandum on a ceasefire, Istanbul II, 2025-06-02 (proposed) · ukraine.yaml`"""
    details = ", ".join(x for x in (party.title, party.round, party.date) if x)
    return (f"{party.name}" + (f" — {details}" if details else "") + f" ({party.status})"
            + f" · {party.file}")


def summary_counts(summary: Summary) -> list[tuple[GapStatus, int]]:
    return [
        (GapStatus.AGREED, summary.agreed),
        (GapStatus.PARTIAL, summary.partial),
        (GapStatus.CONFLICT, summary.conflict),
        (GapStatus.ONE_SIDED, summary.one_sided),
        (GapStatus.UNCLEAR, summary.unclear),
    ]


def index_text(summary: Summary) -> str:
    """`agreement index 0.21 over 9 measured topics`, or why there is none."""
    if summary.agreement_index is None:
        return "no agreement index (no topic that every party measurably addresses)"
    return (f"agreement index {summary.agreement_index:.2f} over {summary.measured} measured "
            f"topic{'s' * (summary.measured != 1)}")


def summary_line(summary: Summary) -> str:
    counts = ", ".join(f"{count} {LOOKS[status].word}" for status, count in summary_counts(summary))
    return f"{summary.topics} topic{'s' * (summary.topics != 1)}: {counts}; {index_text(summary)}"


def groups(comparison: Comparison) -> list[tuple[str, list[Row]]]:
    """Rows by area, areas in registry order, custom topics last."""
    titles = dict(registry().areas)
    titles["custom"] = CUSTOM_AREA
    by_area: dict[str, list[Row]] = {area: [] for area in titles}
    for row in comparison.rows:
        by_area.setdefault(row.area, []).append(row)
    return [(titles.get(area, area), rows) for area, rows in by_area.items() if rows]


def row_heading(row: Row) -> str:
    """`Heavy weapons pullback · by Ukraine · first phase`: the topic, who acts, when."""
    parts = [row.label]
    if row.actor_name:
        parts.append(f"by {row.actor_name}")
    if row.phase_label:
        parts.append(row.phase_label)
    return " · ".join(parts)


def value_text(position: Position) -> str:
    """What the party says: its value, or each reading of a disputed clause (`30 days / 90
    days`)."""
    if position.readings:
        return " / ".join(reading.text for reading in position.readings)
    return position.text


def position_text(position: Position | None) -> str:
    """A party's cell: what it wrote, marked when it is not confirmed; `—` when silent."""
    if position is None:
        return "—"
    mark = "" if position.confidence is Confidence.CONFIRMED else f" ({position.confidence.value})"
    return value_text(position) + mark


def position_facts(position: Position) -> list[str]:
    """What a clause says besides its value, each as a short phrase, in reading order: who
    acts, when, on what conditions, in which phase or option, how it was worked out."""
    facts = []
    if position.by_text:
        facts.append(f"by {position.by_text}")
    if position.when is not None:
        facts.append(f"when: {position.when.text}")
    facts += [f"if: {condition.text}" for condition in position.conditions]
    if position.phase:
        facts.append(f"phase: {position.phase}")
    if position.option:
        facts.append(f"option: {position.option}")
    if position.derived == "timeline":
        facts.append("worked out from the party's times")
    return facts


def aspect_lines(row: Row) -> list[str]:
    """Each part of the verdict when more than the value counts (`timing: partial (0.25) …`)."""
    return [f"{aspect.name}: {LOOKS[aspect.status].word}"
            + (f" ({aspect.distance:.2f})" if aspect.distance is not None else "")
            + f" — {aspect.explanation}" for aspect in row.aspects]


def option_lines(comparison: Comparison) -> list[str]:
    """For each party that offers options: each option's agreement index and counts, which
    is shown, which comes closest, and the rows where they differ."""
    out = []
    for party in comparison.parties:
        scores = [score for score in comparison.options if score.party == party.id]
        if not scores:
            continue
        closest = next(score for score in scores if score.closest)
        out.append(f"{party.name} offers {len(scores)} options; {closest.label} "
                   f"({closest.option}) comes closest to the other parties.")
        for score in scores:
            marks = [m for m, on in (("shown", score.shown), ("closest", score.closest)) if on]
            out.append(f"  {score.option}: {score.label} — {summary_line(score.summary)}"
                       + (f" [{', '.join(marks)}]" if marks else ""))
        out += [f"    {line}" for line in option_differences(comparison, party.id)]
    return out


def option_differences(comparison: Comparison, party: str) -> list[str]:
    """The rows where a party's options get different verdicts: `Preconditions: option-1
    conflict (1.00), option-2 partial (0.40)`."""
    scores = [score for score in comparison.options if score.party == party]
    ids = sorted({row_id for score in scores for row_id in score.rows})
    out = []
    for row_id in ids:
        verdicts = [score.rows.get(row_id) for score in scores]
        if len({(v.status, v.distance) if v else None for v in verdicts}) < 2:
            continue
        row = comparison.row(row_id)
        name = row_heading(row) if row else row_id
        said = ", ".join(
            f"{score.option} " + (f"{LOOKS[v.status].word}" + (
                f" ({v.distance:.2f})" if v.distance is not None else "") if v else "silent")
            for score, v in zip(scores, verdicts))
        out.append(f"{name}: {said}")
    return out


def event_text(event: Event) -> str:
    """`days 2–16  Heavy weapons pullback (by ukraine) — from day 2, within 14 days`."""
    return f"{when_days(event):<14} {event.label}" + (
        f" (by {', '.join(event.actors)})" if event.actors else "") + (
        f" — {event.when}" if event.when else "")


def when_days(event: Event) -> str:
    """Where an event falls: `day 7`, `days 0–42`, `from day 3`, `after elections`…"""
    def day(value: float) -> str:
        return f"{round(value, 1):g}"

    low, high = event.low, event.high
    if event.root not in ("start", "date"):
        anchor = event.root.split(":", 1)[-1]
        if low is None and high is None:
            return f"around {anchor}"
        return f"{anchor} {'+' if (low or 0) >= 0 else ''}{day(low or 0)}" + (
            f"…{day(high)}" if high is not None and high != low else "")
    prefix = "day" if event.root == "start" else "calendar day"
    if low is not None and high is not None:
        return f"{prefix} {day(low)}" if day(low) == day(high) else \
            f"{prefix}s {day(low)}–{day(high)}"
    if low is not None:
        return f"from {prefix} {day(low)}"
    if high is not None:
        return f"by {prefix} {day(high)}"
    return "undated"


def distance_text(row: Row) -> str:
    return "" if row.distance is None else f"{row.distance:.2f}"


def alignment_text(row: Row) -> str:
    """For custom topics paired across different keys: which keys, and how sure."""
    if row.alignment is None:
        return ""
    keys = ", ".join(f"{party}: {key}" for party, key in row.alignment.keys.items())
    return f"paired by similarity ({row.alignment.confidence:.0%} sure): {keys}"
