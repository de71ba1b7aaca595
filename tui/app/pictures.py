"""Pictures of a gap, drawn as text: ranges on one shared axis, a membership grid for sets,
two orders side by side for sequences, a scale for choices, a word diff for text.

Pure functions of a row and the parties: no widget state, so they are tested apart. What
lies where (the shared axis, the zone all accept, which party names which item, which steps
move) is tui.reports.gap_shapes, which the HTML report's pictures draw too.
Every mark has a shape as well as a colour, so nothing is told by colour alone. Each
picture is drawn for the width it is given, measured in terminal cells (a name in CJK
takes two a character), and is never wrapped: what does not fit is cut with an ellipsis.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text

from diffing.align import topic_of
from diffing.result import Party, Row
from proposals.model import Choice, Items, Moment, Span, Steps
from proposals.registry import Topic
from tui.app.columns import share
from tui.app.headings import center, fit, pad
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
from tui.reports.words import styled_word_diff
from tui.terminal import literal

WIDTH = 80
AXIS_MAX = 60
AXIS_MIN = 8


def picture(row: Row, parties: Sequence[Party], width: int = WIDTH) -> Text | None:
    """The picture that fits the row's kind in `width` cells, or None when there is nothing
    to draw. A word diff is prose and wraps; every other picture is cut, never wrapped."""
    values = row_values(row, parties)
    if not values:
        return None
    names = {p.id: literal(p.name) for p in parties if p.id in values}
    kinds = {type(v) for v in values.values()}
    drawn: Text | None = None
    if kinds == {Span}:
        drawn = span_picture(values, names, width)  # type: ignore[arg-type]
    elif kinds == {Moment}:
        drawn = date_picture(values, names, width)  # type: ignore[arg-type]
    elif kinds == {Items}:
        drawn = set_picture(topic_of(row), values, names, width)  # type: ignore[arg-type]
    elif kinds == {Steps}:
        drawn = sequence_picture(topic_of(row), values, names, width)  # type: ignore[arg-type]
    elif kinds == {Choice}:
        drawn = choice_picture(topic_of(row), values, names, width)  # type: ignore[arg-type]
    elif row.gap.get("diff"):
        return diff_picture(row, names.get(row.gap["from"], ""),
                            names.get(row.gap["to"], ""))
    return unwrapped(drawn) if drawn is not None else None


def unwrapped(text: Text) -> Text:
    """A picture that a narrower pane cuts at its edge instead of folding its lines."""
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


def _label_width(names: dict[str, str], *words: str) -> int:
    """Room for party names (up to 16 cells), and for `words` on a line under them."""
    return max(8, min(16, max(cell_len(n) for n in names.values())),
               *(cell_len(w) for w in words)) + 1


def _axis_width(width: int, left: int, captions: Sequence[str]) -> int:
    """The axis that leaves room for the names before it and the captions after it."""
    room = width - left - 2 - max((cell_len(c) for c in captions), default=0)
    return max(AXIS_MIN, min(AXIS_MAX, room))


class _Cells:
    """An axis drawn `width` cells wide."""

    def __init__(self, axis: Axis, width: int) -> None:
        self.axis, self.width = axis, width

    def cell(self, value: float) -> int:
        if self.axis.flat and not math.isinf(value):
            return self.width // 2
        return round(self.axis.part(value) * (self.width - 1))


def span_picture(spans: dict[str, Span], names: dict[str, str], width: int = WIDTH) -> Text:
    """Each party's range as a bar on one axis, and the zone all could accept, if any."""
    shape = ranges(spans)
    captions = {party: shape.caption(party) for party in spans}
    left = _label_width(names, shape.under if len(spans) > 1 else "")
    axis = _Cells(shape.axis, _axis_width(width, left, [*captions.values(), shape.gap]))
    caption = max(width - left - axis.width - 2, 0)
    out = Text()
    for party in spans:
        span = spans[party]
        _lane(out, names[party], left, _bar(axis, span.low, span.high, "█", "cyan"),
              fit(captions[party], caption))
    if shape.common and len(spans) > 1:
        out.append(shape.under.ljust(left), "green")
        out.append_text(_bar(axis, *shape.common, "▒", "green"))
        out.append("\n")
    elif shape.apart:
        out.append(shape.under.ljust(left), "red")
        out.append_text(_bar(axis, *shape.apart, "╌", "red"))
        out.append(f"  {fit(shape.gap, caption)}\n", "red")
    first, last = shape.ends()
    scale = " (log scale)" if shape.axis.log else ""
    labels = f"{first}{' ' * max(1, axis.width - len(first) - len(last))}{last}{scale}"
    out.append(" " * left + fit(labels, max(width - left, 0)), "dim")
    return out


def _lane(out: Text, name: str, width: int, bar: Text, caption: str) -> None:
    """One party's line of an axis picture: name, bar, and the value in words."""
    out.append(pad(name, width - 1) + " ", "bold")
    out.append_text(bar)
    out.append(f"  {caption}\n", "dim")


def _bar(axis: _Cells, low: float, high: float, mark: str, style: str) -> Text:
    start, end = axis.cell(low), axis.cell(high)
    if math.isinf(low):  # indefinite, unlimited: beyond the end of the axis
        line = Text("·" * (axis.width - 1), "dim")
        line.append("▶", f"bold {style}")
        return line
    if start == end:
        line = Text("·" * start, "dim")
        line.append("●", f"bold {style}")
        line.append("·" * (axis.width - start - 1), "dim")
        return line
    line = Text("·" * start, "dim")
    line.append(mark * (end - start + 1 - (1 if math.isinf(high) else 0)), style)
    if math.isinf(high):
        line.append("▶", style)
    line.append("·" * (axis.width - end - 1), "dim")
    return line


def date_picture(moments: dict[str, Moment], names: dict[str, str],
                 width: int = WIDTH) -> Text:
    """Each party's date as a dot on one time axis."""
    shape = dates(moments)
    left = _label_width(names)
    axis = _Cells(shape.axis, _axis_width(width, left, [m.iso for m in moments.values()]))
    out = Text()
    for party, moment in moments.items():
        _lane(out, names[party], left, _bar(axis, moment.day, moment.day, "●", "cyan"),
              fit(moment.iso, max(width - left - axis.width - 2, 0)))
    out.append(" " * left + fit(shape.spread, max(width - left, 0)), "dim")
    return out


def set_picture(topic: Topic, sets: dict[str, Items], names: dict[str, str],
                width: int = WIDTH) -> Text:
    """A membership grid: one line per item, one column per party, ✓ where it is named."""
    grid = membership(topic, sets)
    wants = [max((cell_len(member.label) for member in grid), default=4) + 1,
             *(max(3, cell_len(names[p])) for p in sets)]
    label, *cols = fitted(width - len(sets), wants, [8] + [3] * len(sets))
    out = Text(" " * label)
    for party, col in zip(sets, cols):
        out.append(center(names[party], col) + " ", "bold")
    out.append("\n")
    if not grid:
        out.append("(every party names none)", "dim")
        return out
    for member in grid:
        out.append(pad(member.label, label - 1) + " ", "green" if member.shared else "")
        for has, col in zip(member.named, cols):
            out.append(center("✓" if has else "·", col) + " ", "bold green" if has else "dim")
        out.append("\n")
    out.rstrip()
    return out


def fitted(room: int, wants: Sequence[int], floors: Sequence[int]) -> list[int]:
    """Column widths for a picture: what each asks when all fit in `room`, else shared."""
    return list(wants) if sum(wants) <= room else share(room, wants, floors)


STEP_STYLES = {"moved": "yellow", "common": "", "only": "blue"}


def sequence_picture(topic: Topic, steps: dict[str, Steps], names: dict[str, str],
                     width: int = WIDTH) -> Text:
    """The orders side by side, one column per party; ↕ marks shared steps out of order."""
    marked = orders(topic, steps)
    wants = [max([cell_len(names[party]) + 1,
                  *(cell_len(f"{n}. ↕{step.label}") + 1 for n, step in enumerate(order, 1))])
             for party, order in marked.items()]
    cols = fitted(width, wants, [8] * len(wants))
    out = Text()
    for party, col in zip(marked, cols):
        out.append(pad(names[party], col - 1) + " ", "bold")
    out.append("\n")
    for index in range(max(len(s) for s in marked.values())):
        for order, col in zip(marked.values(), cols):
            if index >= len(order):
                out.append(" " * col)
                continue
            step = order[index]
            cell = f"{index + 1}. {MARKS[step.mark]}{step.label}"
            out.append(pad(cell, col - 1) + " ", STEP_STYLES[step.mark])
        out.append("\n")
    out.append(fit(ORDER_LEGEND, width), "dim")
    return out


def choice_picture(topic: Topic, choices: dict[str, Choice], names: dict[str, str],
                   width: int = WIDTH) -> Text:
    """The vocabulary as a scale with each party under its choice (or a plain list)."""
    out = Text()
    vocabulary = topic.vocabulary
    if not (vocabulary and topic.ordered):
        label = _label_width(names)
        for party, choice in choices.items():
            out.append(pad(names[party], label - 1) + " ", "bold")
            out.append(fit(literal(choice.choice), max(width - label, 0)) + "\n")
        out.rstrip()
        return out
    term_width = max(18, max(cell_len(term.value) for term in vocabulary.terms) + 2)
    for term in vocabulary.terms:
        chosen = [names[p] for p, c in choices.items() if c.choice == term.value]
        out.append("● " if chosen else "○ ", "bold cyan" if chosen else "dim")
        out.append(pad(term.value, term_width), "bold" if chosen else "dim")
        out.append(fit(", ".join(chosen), max(width - term_width - 2, 0)) + "\n", "cyan")
    out.rstrip()
    return out


def diff_picture(row: Row, left: str, right: str) -> Text:
    """A word diff from `left` to `right`: [-removed-] and {+added+}, marked and coloured."""
    return styled_word_diff(row, f"from {left} to {right}:")
