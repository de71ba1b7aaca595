"""Timelines drawn as text: each party's phases as bands and its timed clauses as bars or
points on one axis of days from entry into force, who acts beside each.

An event anchored to something nobody dated (`30 days after elections`, the elections
themselves undated) has no day: it is listed in a group of its own, under what it is
anchored to, and never drawn on the day axis as if it were dated. Dates on the calendar
are drawn on a calendar axis of their own when no entry into force dates day 0.

Pure functions of the comparison, tested apart from any widget. Every mark has a shape as
well as a colour: ├──┤ a phase, █ a window, ● a day, ░ a window open at one end, marked ◀
or ▶ there.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from diffing import Comparison, Party, Row
from proposals.timeline import CALENDAR, START, Event, clause_key
from tui.app.headings import SEPARATOR, fit, fit_keeping, pad
from tui.app.pictures import unwrapped
from tui.reports.layout import (
    calendar_date,
    day_number,
    event_label,
    is_phase,
    root_title,
    when_days,
)
from tui.terminal import one_line

LABEL_WIDTH = 36
MIN_LABEL = 12
CAPTION_WIDTH = 13
MIN_AXIS = 16
PHASE_STYLES = ("bold blue", "bold magenta")
ACTOR_STYLES = ("cyan", "yellow", "green", "magenta", "blue", "red")
NICE_STEPS = (1, 2, 5, 7, 10, 14, 15, 20, 30, 50, 60, 90, 100, 120, 180, 365, 730, 1825, 3650)


@dataclass(frozen=True, slots=True)
class Lane:
    """One line of a timeline: a label, who acts (`by Israel`), and the events drawn on it
    (a band holds phases)."""

    label: str
    events: tuple[Event, ...]
    who: str = ""
    style: str = "cyan"
    band: bool = False
    marked: bool = False

    @property
    def text(self) -> str:
        return self.label + (SEPARATOR + self.who if self.who else "")


Item = str | Lane
"""A line of a block: a party's name over its lanes, or a lane."""


def placed(event: Event) -> bool:
    """Whether an event has a place on a day axis: dated, with at least one end known."""
    return event.root in (START, CALENDAR) and (event.low is not None or event.high is not None)


class DayAxis:
    """Days mapped onto `width` cells; day 0 is always in sight on the axis from entry into
    force."""

    def __init__(self, events: Iterable[Event], width: int, calendar: bool = False) -> None:
        ends = [v for e in events for v in (e.low, e.high) if v is not None]
        if not calendar:
            ends.append(0.0)
        self.low = min(ends, default=0.0)
        self.high = max(max(ends, default=self.low), self.low + 1)
        self.width = width
        self.calendar = calendar

    def cell(self, day: float) -> int:
        share = (day - self.low) / (self.high - self.low)
        return max(0, min(self.width - 1, round(share * (self.width - 1))))

    def day_label(self, day: float) -> str:
        return calendar_date(day) if self.calendar else day_number(day)

    def ticks(self) -> list[float]:
        """Round days spread across the axis, as many as their labels leave room for."""
        room = max(1, self.width // (len(self.day_label(self.high)) + 3))
        span = self.high - self.low
        step = next((s for s in NICE_STEPS if span / s <= room), NICE_STEPS[-1])
        first = math.ceil(self.low / step) * step
        return [first + i * step for i in range(int((self.high - first) // step) + 1)]


def rule(axis: DayAxis, pad: int) -> Text:
    """The tick labels over a rule with a ┼ at each tick."""
    labels = [" "] * axis.width
    marks = ["─"] * axis.width
    free = 0
    for day in axis.ticks():
        at = axis.cell(day)
        marks[at] = "┼"
        words = axis.day_label(day)
        start = min(at, axis.width - len(words))
        if start >= free:
            labels[start:start + len(words)] = words
            free = start + len(words) + 1
    out = Text(" " * pad + "".join(labels).rstrip() + "\n", "dim")
    out.append(" " * pad + "".join(marks), "dim")
    return out


def bar(axis: DayAxis, event: Event, style: str) -> Text:
    """An event on the axis: █ over its window, ● on its day, ░ over a window open at one
    end, marked ◀ or ▶ there."""
    low = axis.cell(event.low) if event.low is not None else 0
    high = axis.cell(event.high) if event.high is not None else axis.width - 1
    cells = ["·"] * axis.width
    styles = ["dim"] * axis.width
    fill = "░" if event.low is None or event.high is None else "█"  # an open window
    for at in range(low, high + 1):
        cells[at], styles[at] = fill, style
    if event.low is not None and event.low == event.high:
        cells[low] = "●"
    if event.low is None:
        cells[low] = "◀"
    if event.high is None:
        cells[high] = "▶"
    return _join(cells, styles)


def band(axis: DayAxis, phases: Sequence[Event]) -> list[Text]:
    """Phases as ├label──┤ bands, on as few lines as they fit without overlapping."""
    lines: list[tuple[list[str], list[str], int]] = []
    for number, phase in enumerate(phases):
        low = axis.cell(phase.low) if phase.low is not None else 0
        high = axis.cell(phase.high) if phase.high is not None else axis.width - 1
        line = next((line for line in lines if line[2] <= low), None)
        if line is None:
            line = ([" "] * axis.width, [""] * axis.width, 0)
            lines.append(line)
        cells, styles, _ = line
        style = PHASE_STYLES[number % len(PHASE_STYLES)]
        inside = slots(fit(one_line(phase.label), max(high - low - 1, 0)))
        inside += ["─"] * (high - low - 1 - len(inside))
        cells[low:high + 1] = ["├", *inside, "▶" if phase.high is None else "┤"] \
            if high > low else ["│"]
        styles[low:high + 1] = [style] * (high - low + 1)
        lines[lines.index(line)] = (cells, styles, high)
    return [_join(cells, styles) for cells, styles, _ in lines]


def slots(text: str) -> list[str]:
    """A text as one slot per cell: a wide character, then an empty slot for its second."""
    out: list[str] = []
    for char in text:
        out += [char, ""] if cell_len(char) == 2 else [char]
    return out


def _join(cells: list[str], styles: list[str]) -> Text:
    out = Text()
    for char, style in zip(cells, styles):
        out.append(char, style)
    return out


def who_acts(event: Event, actors: dict[str, str]) -> str:
    """`by Israel`: the clause's label (`event_label`) without its topic, kept in sight when
    a lane's label is cut; empty for a phase and where nobody is named."""
    if is_phase(event):
        return ""
    return one_line(event_label(event, actors).removeprefix(event.label).removeprefix(SEPARATOR))


def widths(items: Sequence[Item], width: int) -> tuple[int, int, int]:
    """Label, axis and caption widths for `width` cells; the caption goes first, then the
    label shrinks, so that the axis keeps room to be read."""
    labels = [cell_len(item.text) + 2 for item in items if isinstance(item, Lane)]
    label = min(LABEL_WIDTH, width * 2 // 5, max(labels, default=MIN_LABEL) + 1)
    note = CAPTION_WIDTH
    if width - label - note < MIN_AXIS:
        note = 0
    if width - label - note < MIN_AXIS:
        label = max(MIN_LABEL, width - MIN_AXIS)
    return label, max(width - label - note - 1, 4), note


def axis_block(items: Sequence[Item], width: int, calendar: bool = False) -> Text:
    """Party names and lanes on one axis, tick labels above and below."""
    label, room, note = widths(items, width)
    lanes = [item for item in items if isinstance(item, Lane)]
    axis = DayAxis((e for lane in lanes for e in lane.events), room, calendar)
    out = rule(axis, label)
    for item in items:
        out.append("\n")
        if isinstance(item, str):
            out.append(fit(item, width), "bold underline")
            continue
        if item.band:
            bands = band(axis, item.events)
            for number, line in enumerate(bands):
                out.append(pad("  " + item.label if not number else "", label), "dim")
                out.append_text(line)
                out.append("\n" if number + 1 < len(bands) else "")
            continue
        mark = "▸ " if item.marked else "  "
        out.append(pad(mark + fit_keeping(one_line(item.label), item.who, label - 3), label),
                   "bold" if item.marked else "")
        out.append_text(bar(axis, item.events[0], item.style))
        if note:
            out.append(" " + fit(when_days(item.events[0]), note), "dim")
    if len(lanes) > 6:
        out.append("\n")
        out.append_text(rule(axis, label))
    return out


def undated_block(events: dict[str, list[tuple[Party, Event]]], actors: dict[str, str],
                  width: int, marked: frozenset[tuple[str, str]]) -> Text:
    """Events counted from something no time places, grouped by it, each with its offset
    and party: listed, never drawn on the day axis."""
    out = Text("Not on the day axis", "bold")
    who = min(16, max((cell_len(p.name) for group in events.values() for p, _ in group),
                      default=8) + 1)
    label = max(min(LABEL_WIDTH + 8, width - who - 5 - CAPTION_WIDTH), MIN_LABEL)
    for root, group in events.items():
        title = root_title(root, group[0][0]) if root not in (START, CALENDAR) else "Undated"
        out.append("\n  " + fit(one_line(title), width - 2), "italic")
        for party, event in group:
            mark = "▸ " if (party.id, event.key) in marked else "  "
            name = event_label(event) if is_phase(event) else event.label
            out.append(f"\n  {mark}{pad(one_line(party.name), who)}")
            out.append(pad(fit_keeping(one_line(name), who_acts(event, actors), label), label),
                       "bold" if mark.strip() else "")
            out.append(" " + fit(when_days(event), max(width - who - 5 - label, 0)), "dim")
    return out


def timeline_picture(comparison: Comparison, width: int,
                     marked: frozenset[tuple[str, str]] = frozenset()) -> Text:
    """Every party's timeline: on the day axis, on the calendar, and what is undated.
    `marked` holds (party, event key) pairs to point out (the selected row's)."""
    styles = {key: ACTOR_STYLES[n % len(ACTOR_STYLES)] for n, key in enumerate(comparison.actors)}
    blocks: list[Text] = []
    for root in (START, CALENDAR):
        items: list[Item] = []
        for party in comparison.parties:
            events = [e for e in comparison.timelines.get(party.id, ()) if e.root == root
                      and placed(e)]
            if events:
                items += [one_line(party.name),
                          *lanes(events, party.id, comparison.actors, styles, marked)]
        if items:
            title = Text(root_title(root, comparison.parties[0]), "bold")
            blocks.append(title + Text("\n") + axis_block(items, width, root == CALENDAR))
    undated: dict[str, list[tuple[Party, Event]]] = {}
    for party in comparison.parties:
        for event in comparison.timelines.get(party.id, ()):
            if not placed(event):
                undated.setdefault(event.root, []).append((party, event))
    if undated:
        blocks.append(undated_block(undated, comparison.actors, width, marked))
    if not blocks:
        return Text("No phases and no clause with a time: nothing to place on a timeline.",
                    "dim")
    return unwrapped(Text("\n\n").join(blocks))


def lanes(events: Sequence[Event], party: str, actors: dict[str, str], styles: dict[str, str],
          marked: frozenset[tuple[str, str]]) -> list[Lane]:
    """A band of the party's phases, then a lane per timed clause."""
    phases = tuple(e for e in events if is_phase(e))
    out = [Lane("phases", phases, band=True)] if phases else []
    for event in events:
        if not is_phase(event):
            style = styles.get(event.actors[0], "cyan") if event.actors else "bold"
            out.append(Lane(event.label, (event,), who_acts(event, actors), style,
                            marked=(party, event.key) in marked))
    return out


def row_events(row: Row, comparison: Comparison) -> dict[str, Event]:
    """Each party's event for the row's clause, when the clause has a time."""
    found = {}
    for party, position in row.positions.items():
        if position is None:
            continue
        key = clause_key(position)
        event = next((e for e in comparison.timelines.get(party, ()) if e.key == key), None)
        if event is not None:
            found[party] = event
    return found


def timing_picture(row: Row, comparison: Comparison, width: int) -> Text | None:
    """The row's clauses on one day axis, one lane per party; those anchored to something
    undated are said in words beside the party's name. None when no clause has a time."""
    events = row_events(row, comparison)
    if not events:
        return None
    names = {p.id: one_line(p.name) for p in comparison.parties}
    items: list[Item] = [Lane(names[party], (event,)) for party, event in events.items()
                         if event.root == START and placed(event)]
    out = axis_block(items, width) if items else Text()
    for party, event in events.items():
        if event.root != START or not placed(event):
            scale = one_line(root_title(event.root, comparison.party(party)))
            out.append(("\n" if out else "") + fit(f"{names[party]}: {when_days(event)} "
                                                   f"({scale})", width), "dim")
    return unwrapped(out)
