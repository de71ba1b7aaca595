"""The order the rows are shown in (`diff --sort`, the app's `s`): a view over the
comparison, never a new verdict; the comparison says which order its rows are in.

`area` is the comparison's own order (registry areas, custom topics last); `distance`
puts the furthest apart first; `status` the statuses that most need attention first.
Both keep the comparison's order among equals, so rows of one topic stay together.
"""

from __future__ import annotations

from dataclasses import replace

from diffing.result import Comparison, GapStatus, Order, Row

SORTS: tuple[Order, ...] = ("area", "distance", "status")
"""What `--sort` takes and `s` cycles through; a setting names one of these."""

URGENCY = (GapStatus.CONFLICT, GapStatus.PARTIAL, GapStatus.UNCLEAR, GapStatus.ONE_SIDED,
           GapStatus.AGREED)


def _by_distance(row: Row) -> tuple[bool, float, int]:
    """Furthest first; rows with no distance (one-sided, unspecified) after all measured."""
    return row.distance is None, -(row.distance or 0.0), URGENCY.index(row.status)


def _by_status(row: Row) -> tuple[int, float]:
    return URGENCY.index(row.status), -(row.distance or 0.0)


def sort_view(comparison: Comparison, by: Order) -> Comparison:
    """`comparison` with its rows in the order `by` names (one of `SORTS`)."""
    if by == "area":
        return comparison
    key = _by_distance if by == "distance" else _by_status
    return replace(comparison, rows=tuple(sorted(comparison.rows, key=key)), order=by)
