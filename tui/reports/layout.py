"""What every report shows, worded once: status looks, headline, summary, area groups, cells.

Strings here are raw (they may hold text from proposal files); each renderer escapes
them for its medium.
"""

from __future__ import annotations

from dataclasses import dataclass

from diffing.comparators.base import names
from diffing.result import Comparison, GapStatus, Party, Position, Row, Summary
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


def position_text(position: Position | None) -> str:
    """A party's cell: what it wrote, marked when it is not confirmed; `—` when silent."""
    if position is None:
        return "—"
    mark = "" if position.confidence is Confidence.CONFIRMED else f" ({position.confidence.value})"
    return position.text + mark


def distance_text(row: Row) -> str:
    return "" if row.distance is None else f"{row.distance:.2f}"


def alignment_text(row: Row) -> str:
    """For custom topics paired across different keys: which keys, and how sure."""
    if row.alignment is None:
        return ""
    keys = ", ".join(f"{party}: {key}" for party, key in row.alignment.keys.items())
    return f"paired by similarity ({row.alignment.confidence:.0%} sure): {keys}"
