"""Counting a comparison's rows: how many of each status, and the agreement index."""

from __future__ import annotations

from collections.abc import Sequence

from diffing.result import GapStatus, OptionRow, PairRow, Row, Summary

MEASURED = (GapStatus.AGREED, GapStatus.PARTIAL, GapStatus.CONFLICT)


def summarize(rows: Sequence[Row | PairRow | OptionRow]) -> Summary:
    """Counts per status; the agreement index is the mean of 1 - distance over the rows
    where every party takes a measurable position (agreed, partial or conflict)."""
    counts = {status: 0 for status in GapStatus}
    for item in rows:
        counts[item.status] += 1
    measured = [1 - item.distance for item in rows
                if item.status in MEASURED and item.distance is not None]
    return Summary(
        topics=len(rows),
        agreed=counts[GapStatus.AGREED],
        partial=counts[GapStatus.PARTIAL],
        conflict=counts[GapStatus.CONFLICT],
        one_sided=counts[GapStatus.ONE_SIDED],
        unclear=counts[GapStatus.UNCLEAR],
        agreement_index=round(sum(measured) / len(measured), 4) if measured else None,
        measured=len(measured),
    )
