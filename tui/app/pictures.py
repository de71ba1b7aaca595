"""Pictures of a gap, drawn as text: ranges on one shared axis, a membership grid for sets,
two orders side by side for sequences, a scale for choices, a word diff for text.

Pure functions of a row and the parties: no widget state, so they are tested apart.
Every mark has a shape as well as a colour, so nothing is told by colour alone. Each
picture is drawn for the width it is given, measured in terminal cells (a name in CJK
takes two a character), and is never wrapped: what does not fit is cut with an ellipsis.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text

from diffing.comparators.sequences import inversions
from diffing.comparators.sets import item_label, spellings
from diffing.comparators.spans import Amount, amount_for, span_text
from diffing.result import Party, Row
from proposals.model import Choice, Items, Kind, Moment, Span, Steps
from proposals.registry import Topic, custom_topic, registry
from tui.app.columns import share
from tui.app.headings import center, fit, pad
from tui.reports.words import styled_word_diff
from tui.terminal import literal

WIDTH = 80
AXIS_MAX = 60
AXIS_MIN = 8
LOG_SCALE_RATIO = 50  # ranges spanning more than this factor are drawn on a log scale


def topic_of(row: Row) -> Topic:
    """The registry topic of a row, or the custom topic it was built from."""
    found = registry().resolve(row.topic)
    return found if found else custom_topic(row.topic, Kind(row.kind), row.label)


def picture(row: Row, parties: Sequence[Party], width: int = WIDTH) -> Text | None:
    """The picture that fits the row's kind in `width` cells, or None when there is nothing
    to draw. A word diff is prose and wraps; every other picture is cut, never wrapped."""
    values = {p.id: row.positions[p.id].value for p in parties if row.positions.get(p.id)}
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


class _Axis:
    """Maps values onto `width` cells, linearly or on a log scale for wide spreads."""

    def __init__(self, low: float, high: float, width: int) -> None:
        self.low, self.high, self.width = low, max(high, low), width
        self.log = low > 0 and high / low > LOG_SCALE_RATIO

    def cell(self, value: float) -> int:
        if math.isinf(value):
            return self.width - 1
        if self.high == self.low:
            return self.width // 2
        if self.log:
            part = math.log(value / self.low) / math.log(self.high / self.low)
        else:
            part = (value - self.low) / (self.high - self.low)
        return max(0, min(self.width - 1, round(part * (self.width - 1))))


def span_picture(spans: dict[str, Span], names: dict[str, str], width: int = WIDTH) -> Text:
    """Each party's range as a bar on one axis, and the zone all could accept, if any."""
    amount = amount_for(next(iter(spans.values())).unit)
    finite = [b for s in spans.values() for b in (s.low, s.high) if not math.isinf(b)]
    low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
    open_end = any(math.isinf(s.high) for s in spans.values())
    common_low = max(s.low for s in spans.values())
    common_high = min(s.high for s in spans.values())
    gap = _gap_words(common_high, common_low, amount) if common_low > common_high else ""
    captions = {party: span_text(span, amount) for party, span in spans.items()}
    under = ("all accept" if len(spans) > 2 else "both accept") if not gap else "no overlap"
    left = _label_width(names, under if len(spans) > 1 else "")
    axis = _Axis(low, high * (1.25 if open_end else 1),
                 _axis_width(width, left, [*captions.values(), gap]))
    caption = max(width - left - axis.width - 2, 0)
    out = Text()
    for party, span in spans.items():
        _lane(out, names[party], left, _bar(axis, span.low, span.high, "█", "cyan"),
              fit(captions[party], caption))
    if common_low <= common_high and len(spans) > 1:
        out.append(under.ljust(left), "green")
        out.append_text(_bar(axis, common_low, common_high, "▒", "green"))
        out.append("\n")
    elif len(spans) > 1:
        out.append(under.ljust(left), "red")
        out.append_text(_bar(axis, common_high, common_low, "╌", "red"))
        out.append(f"  {fit(gap, caption)}\n", "red")
    out.append(" " * left + fit(_axis_labels(axis, amount, open_end), max(width - left, 0)), "dim")
    return out


def _lane(out: Text, name: str, width: int, bar: Text, caption: str) -> None:
    """One party's line of an axis picture: name, bar, and the value in words."""
    out.append(pad(name, width - 1) + " ", "bold")
    out.append_text(bar)
    out.append(f"  {caption}\n", "dim")


def _bar(axis: _Axis, low: float, high: float, mark: str, style: str) -> Text:
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


def _gap_words(low: float, high: float, amount: Amount) -> str:
    return "apart" if math.isinf(high - low) else f"{amount(high - low)} apart"


def _axis_labels(axis: _Axis, amount: Amount, open_end: bool) -> str:
    left = amount(axis.low) if axis.low else "0"
    right = ("→ " if open_end else "") + amount(axis.high if not open_end else axis.high / 1.25)
    scale = " (log scale)" if axis.log else ""
    gap = max(1, axis.width - len(left) - len(right))
    return f"{left}{' ' * gap}{right}{scale}"


def date_picture(moments: dict[str, Moment], names: dict[str, str],
                 width: int = WIDTH) -> Text:
    """Each party's date as a dot on one time axis."""
    days = [m.day for m in moments.values()]
    left = _label_width(names)
    axis = _Axis(min(days), max(days),
                 _axis_width(width, left, [m.iso for m in moments.values()]))
    out = Text()
    for party, moment in moments.items():
        _lane(out, names[party], left, _bar(axis, moment.day, moment.day, "●", "cyan"),
              fit(moment.iso, max(width - left - axis.width - 2, 0)))
    first, last = min(moments.values(), key=lambda m: m.day), max(moments.values(),
                                                                   key=lambda m: m.day)
    spread = last.day - first.day
    out.append(" " * left + fit(f"{first.iso[:10]} … {last.iso[:10]}  ({spread:g} days)",
                               max(width - left, 0)), "dim")
    return out


def set_picture(topic: Topic, sets: dict[str, Items], names: dict[str, str],
                width: int = WIDTH) -> Text:
    """A membership grid: one line per item, one column per party, ✓ where it is named."""
    members = {party: set(value.items) for party, value in sets.items()}
    written = spellings(list(sets.values()))
    union = sorted(set().union(*members.values()),
                   key=lambda item: (-sum(item in m for m in members.values()), item))
    labels = {item: literal(item_label(topic, item, written)) for item in union}
    wants = [max((cell_len(label) for label in labels.values()), default=4) + 1,
             *(max(3, cell_len(names[p])) for p in sets)]
    label, *cols = fitted(width - len(sets), wants, [8] + [3] * len(sets))
    out = Text(" " * label)
    for party, col in zip(sets, cols):
        out.append(center(names[party], col) + " ", "bold")
    out.append("\n")
    if not union:
        out.append("(every party names none)", "dim")
        return out
    for item in union:
        shared = all(item in m for m in members.values())
        out.append(pad(labels[item], label - 1) + " ", "green" if shared else "")
        for party, col in zip(sets, cols):
            has = item in members[party]
            out.append(center("✓" if has else "·", col) + " ", "bold green" if has else "dim")
        out.append("\n")
    out.rstrip()
    return out


def fitted(room: int, wants: Sequence[int], floors: Sequence[int]) -> list[int]:
    """Column widths for a picture: what each asks when all fit in `room`, else shared."""
    return list(wants) if sum(wants) <= room else share(room, wants, floors)


def sequence_picture(topic: Topic, orders: dict[str, Steps], names: dict[str, str],
                     width: int = WIDTH) -> Text:
    """The orders side by side, one column per party; ↕ marks shared steps out of order."""
    steps = {party: list(value.steps) for party, value in orders.items()}
    written = spellings(list(orders.values()))
    common = set.intersection(*(set(s) for s in steps.values()))
    moved = {step for pair in inversions(orders, frozenset(common)) for step in pair}
    wants = [max([cell_len(names[party]) + 1,
                  *(cell_len(f"{n}. ↕{literal(item_label(topic, s, written))}") + 1
                    for n, s in enumerate(order, 1))]) for party, order in steps.items()]
    cols = fitted(width, wants, [8] * len(wants))
    out = Text()
    for party, col in zip(steps, cols):
        out.append(pad(names[party], col - 1) + " ", "bold")
    out.append("\n")
    for index in range(max(len(s) for s in steps.values())):
        for (party, order), col in zip(steps.items(), cols):
            if index >= len(order):
                out.append(" " * col)
                continue
            step = order[index]
            mark = "↕" if step in moved else (" " if step in common else "+")
            style = "yellow" if step in moved else ("" if step in common else "blue")
            cell = f"{index + 1}. {mark}{literal(item_label(topic, step, written))}"
            out.append(pad(cell, col - 1) + " ", style)
        out.append("\n")
    out.append(fit("↕ another order   + named by this party only", width), "dim")
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
