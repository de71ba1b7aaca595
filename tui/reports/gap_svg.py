"""A row's gap drawn as inline SVG for the HTML report: ranges and dates on one axis, a
membership grid for sets, the orders side by side for sequences.

The geometry is tui.reports.gap_shapes, the same the app's text pictures draw; this module
only places it. Every text from a proposal goes through the page's `escape`; each picture
has a `<title>` that says in words what it shows, for a screen reader and on hover.
Colours come from the page's classes (light, dark, print); every mark also has a shape.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from diffing.align import topic_of
from diffing.result import GapStatus, Party, Row
from proposals.model import Items, Moment, Span, Steps
from tui.reports.gap_shapes import (
    MARKS,
    ORDER_LEGEND,
    Axis,
    dates,
    membership,
    orders,
    ranges,
    row_values,
)

WIDTH = 600
LANE = 20
CHAR = 6.8  # the average width of a 12px character, to fit labels
BOLD = 1.15  # how much wider a bold name is
MOST_LABEL = 190  # names before an axis, at most
CAPTION = 150  # words after it


def _escape(text: str) -> str:
    from tui.reports.html import escape  # the page's own escaping (html imports this module)

    return escape(text)


def _fit(text: str, room: float) -> str:
    """`text` cut with an ellipsis to what `room` units hold (the title says it whole)."""
    most = max(int(room / CHAR), 2)
    return text if len(text) <= most else text[:most - 1] + "…"


def gap_svg(row: Row, parties: Sequence[Party], number: int) -> str:
    """The picture of a row where two parties or more say something that differs, or "".
    `number` makes the picture's title id unique on the page."""
    values = row_values(row, parties)
    said = list(values.values())
    if len(said) < 2 or row.status is GapStatus.AGREED or all(v == said[0] for v in said):
        return ""
    names = {p.id: p.name for p in parties if p.id in values}
    kinds = {type(v) for v in values.values()}
    if kinds == {Span}:
        (title, body, height), width = _ranges(values, names), WIDTH  # type: ignore[arg-type]
    elif kinds == {Moment}:
        (title, body, height), width = _dates(values, names), WIDTH  # type: ignore[arg-type]
    elif kinds == {Items}:
        title, body, height, width = _grid(row, values, names)  # type: ignore[arg-type]
    elif kinds == {Steps}:
        (title, body, height), width = _orders(row, values, names), WIDTH  # type: ignore[arg-type]
    else:
        return ""
    ident = f"gap-{number}"
    return (f'<svg class="gap" role="img" aria-labelledby="{ident}" viewBox="0 0 {width:.0f} '
            f'{height:.0f}" width="{width:.0f}" height="{height:.0f}" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="{ident}">{_escape(title)}</title>'
            f"{body}</svg>")


def _text(x: float, y: float, words: str, css: str = "", anchor: str = "start") -> str:
    kind = f' class="{css}"' if css else ""
    end = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text x="{x:.1f}" y="{y:.1f}"{kind}{end}>{_escape(words)}</text>'


@dataclass(frozen=True, slots=True)
class _Plot:
    """An axis picture: names in the first `label` units, the axis, the values in words."""

    axis: Axis
    label: float

    @classmethod
    def over(cls, axis: Axis, names: Sequence[str]) -> _Plot:
        return cls(axis, min(max(len(n) for n in names) * CHAR * BOLD + 10, MOST_LABEL))

    @property
    def ends(self) -> tuple[float, float]:
        return self.label + 8, WIDTH - CAPTION - 8

    def x(self, value: float) -> float:
        left, right = self.ends
        return left + self.axis.part(value) * (right - left)

    def lane(self, y: float, name: str, mark: str, caption: str, css: str = "gp-name") -> str:
        """One line: the name, the track with its mark, the value in words."""
        left, right = self.ends
        return (_text(4, y + 4, _fit(name, self.label - 4), css)
                + f'<line x1="{left:.1f}" y1="{y}" x2="{right:.1f}" y2="{y}" class="gp-track"/>'
                + mark + _text(right + 10, y + 4, _fit(caption, CAPTION - 12), "gp-caption"))

    def span(self, low: float, high: float, y: float, css: str) -> str:
        """A bar from `low` to `high` (a dot for one value, an arrow past the end for an
        open or infinite end)."""
        start, end = self.x(low), self.x(high)
        if math.isinf(low):
            return f'<path d="M{end - 8:.1f} {y - 6} l8 6 l-8 6 z" class="{css}"/>'
        if end - start < 3:
            return f'<circle cx="{start:.1f}" cy="{y}" r="5" class="{css}"/>'
        arrow = 8 if math.isinf(high) else 0
        bar = (f'<rect x="{start:.1f}" y="{y - 5}" width="{max(end - start - arrow, 1):.1f}" '
               f'height="10" class="{css}"/>')
        if arrow:
            bar += (f'<path d="M{end - arrow:.1f} {y - 8} l{arrow} 8 l-{arrow} 8 z" '
                    f'class="{css}"/>')
        return bar


def _ranges(spans: dict[str, Span], names: dict[str, str]) -> tuple[str, str, float]:
    shape = ranges(spans)
    plot = _Plot.over(shape.axis, [*names.values(), shape.under])
    parts, said = [], []
    y = 14.0
    for party, span in spans.items():
        caption = shape.caption(party)
        parts.append(plot.lane(y, names[party], plot.span(span.low, span.high, y, "gp-bar"),
                               caption))
        said.append(f"{names[party]} {caption}")
        y += LANE
    if shape.common:
        common = shape.amount(shape.common[0]) if shape.common[0] == shape.common[1] else (
            f"{shape.amount(shape.common[0])} to {shape.amount(shape.common[1])}")
        parts.append(plot.lane(y, shape.under, plot.span(*shape.common, y, "gp-common"), "",
                               "gp-agreed"))
        said.append(f"{shape.under}: {common}")
    elif shape.apart:
        low, high = (plot.x(v) for v in shape.apart)
        parts.append(plot.lane(y, shape.under, f'<line x1="{low:.1f}" y1="{y}" x2="{high:.1f}" '
                               f'y2="{y}" class="gp-apart"/>', shape.gap, "gp-conflict"))
        said.append(f"no overlap: {shape.gap}")
    first, last = shape.ends()
    y += LANE
    scale = " (log scale)" if shape.axis.log else ""
    left, right = plot.ends
    parts.append(_text(left, y, first, "gp-tick"))
    if last != first:
        parts.append(_text(right, y, last + scale, "gp-tick", "end"))
    return "Ranges on one axis: " + "; ".join(said) + ".", "".join(parts), y + 6


def _dates(moments: dict[str, Moment], names: dict[str, str]) -> tuple[str, str, float]:
    shape = dates(moments)
    plot = _Plot.over(shape.axis, list(names.values()))
    parts, y = [], 14.0
    for party, moment in moments.items():
        parts.append(plot.lane(y, names[party], plot.span(moment.day, moment.day, y, "gp-bar"),
                               moment.iso))
        y += LANE
    parts.append(_text(plot.ends[0], y, shape.spread, "gp-tick"))
    said = "; ".join(f"{names[p]} {m.iso}" for p, m in moments.items())
    return f"Dates on one axis: {said}; {shape.spread}.", "".join(parts), y + 6


def _grid(row: Row, sets: dict[str, Items],
          names: dict[str, str]) -> tuple[str, str, float, float]:
    """Items down, parties across, ✓ where a party names the item, · where it does not; as
    wide as its columns."""
    grid = membership(topic_of(row), sets)
    label = min(max([len(m.label) * CHAR for m in grid] + [60]) + 12, 340)
    cols = [min(max(len(names[p]) * CHAR * BOLD + 16, 56), 140) for p in sets]
    parts, x = [], label
    for party, col in zip(sets, cols):
        parts.append(_text(x + col / 2, 12, _fit(names[party], col - 4), "gp-name", "middle"))
        x += col
    y = 12.0
    for member in grid:
        y += 18
        if member.shared:
            parts.append(f'<rect x="0" y="{y - 13}" width="{x:.1f}" height="18" '
                         'class="gp-shared"/>')
        parts.append(_text(4, y, _fit(member.label, label - 8),
                           "gp-agreed" if member.shared else ""))
        left = label
        for has, col in zip(member.named, cols):
            parts.append(_text(left + col / 2, y, "✓" if has else "·",
                               "gp-yes" if has else "gp-no", "middle"))
            left += col
    if not grid:
        y += 18
        parts.append(_text(4, y, "(every party names none)", "gp-tick"))
    said = "; ".join(f"{m.label}: " + (", ".join(n for n, has in zip(names.values(), m.named)
                                                 if has)) for m in grid)
    return (f"Who names which item ({', '.join(names.values())}): {said or 'none'}.",
            "".join(parts), y + 8, x + 4)


def _orders(row: Row, steps: dict[str, Steps], names: dict[str, str]) -> tuple[str, str, float]:
    """Each party's order in a column, ↕ on a step another order puts elsewhere, + on a
    step only this party names."""
    marked = orders(topic_of(row), steps)
    col = WIDTH / len(marked)
    parts = [_text(4 + i * col, 12, _fit(names[p], col - 8), "gp-name")
             for i, p in enumerate(marked)]
    for i, order in enumerate(marked.values()):
        for n, step in enumerate(order, 1):
            parts.append(_text(4 + i * col, 12 + 18 * n,
                               _fit(f"{n}. {MARKS[step.mark]}{step.label}", col - 8),
                               f"gp-{step.mark}"))
    y = 12 + 18 * (max(len(o) for o in marked.values()) + 1)
    parts.append(_text(4, y, ORDER_LEGEND, "gp-tick"))
    said = "; ".join(f"{names[p]}: " + ", ".join(
        s.label + {"moved": " (another order)", "only": " (only this party)", "common": ""}[s.mark]
        for s in order) for p, order in marked.items())
    return f"The orders side by side. {said}.", "".join(parts), y + 6
