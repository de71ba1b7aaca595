"""The parties' timelines drawn as one inline SVG for the HTML report.

One lane per party on a shared axis of days from entry into force: phases as bands,
timed clauses as bars (a window) or diamonds (a day), coloured by who acts, open ends
fading to the edge. Events counted from a step nobody dated (or from calendar dates when
day 0 has none) cannot be placed on that axis: each such scale is a separate, labelled
group with its own axis, so nothing undated is ever drawn as if dated.

Every text from a proposal goes through the HTML report's `escape`; the drawing uses no
script and nothing outside the page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from diffing.result import Comparison, Party
from proposals.timeline import CALENDAR, START, Event
from tui.reports.layout import (
    calendar_date,
    day_number,
    event_label,
    event_text,
    is_phase,
    shown_option,
    timeline_groups,
    when_days,
)
from tui.terminal import literal

WIDTH = 1120
LABEL_X = 14
PLOT_LEFT = 330
PLOT_RIGHT = WIDTH - 70
ROW = 24
BAR = 12
CHAR = 6.6  # the average width of a 12px character, to fit labels
PALETTE = ("#3b6fd8", "#d9480f", "#2f9e44", "#ae3ec9", "#e8a100", "#0c8599", "#c2255c",
           "#5c7cfa")
NOBODY = "#8a9099"
STEPS = (1, 2, 5, 7, 10, 14, 21, 30, 60, 90, 180, 365, 730, 1825, 3650)
MOST_DRAWN = 400
"""More events than this make a drawing too tall to read (and slow to write): the report
lists them instead."""


def _escape(text: str) -> str:
    from tui.reports.html import escape  # the page's own escaping (html imports this module)

    return escape(text)


@dataclass(frozen=True, slots=True)
class Scale:
    """Days on one root mapped to x; `word` says a tick (`day 14`, `2015-02-20`, `+5`)."""

    low: float
    high: float
    word: Callable[[float], str]
    most: int = 10

    @classmethod
    def over(cls, events: Sequence[Event], word: Callable[[float], str], zero: bool = True,
             most: int = 10) -> Scale:
        """The scale that holds every finite end of `events` (and day 0 when `zero`)."""
        values = [v for e in events for v in (e.low, e.high) if v is not None]
        low = min([*values, *([0.0] if zero else [])], default=0.0)
        high = max([*values, *([0.0] if zero else [])], default=0.0)
        if high - low < 1:
            high = low + 1
        return cls(low, high + (high - low) * 0.02, word, most)

    def x(self, value: float) -> float:
        return PLOT_LEFT + (value - self.low) / (self.high - self.low) * (PLOT_RIGHT - PLOT_LEFT)

    def ticks(self) -> list[float]:
        span = self.high - self.low
        step = next((s for s in STEPS if span / s <= self.most), STEPS[-1])
        first = math.ceil(self.low / step) * step
        return [first + i * step for i in range(int((self.high - first) // step) + 1)]


@dataclass(slots=True)
class Drawing:
    """The SVG's elements, top to bottom, and where the next one goes."""

    colors: dict[str, str]
    names: dict[str, str]
    parts: list[str] = field(default_factory=list)
    y: float = 0.0

    def add(self, element: str) -> None:
        self.parts.append(element)


def timeline_svg(comparison: Comparison) -> str:
    """The timelines of every party as one `<svg>`, or "" when no party times anything."""
    lanes = [(party, timeline_groups(comparison, party)) for party in comparison.parties]
    lanes = [(party, scales) for party, scales in lanes if scales]
    if not lanes:
        return ""
    events = [e for _, scales in lanes for _, group in scales for e in group]
    drawing = Drawing(_colors(comparison, events), comparison.actors)
    drawing.y = 8
    _legend(drawing)
    dated = [e for e in events if e.root == START]
    shared = Scale.over(dated, lambda d: f"day {day_number(d)}") if dated else None
    if shared is not None:
        _axis(drawing, shared, "days from entry into force (day 0)")
    for party, scales in lanes:
        _lane(drawing, party, scales, shared)
    height = drawing.y + 12
    return (f'<svg class="timeline" role="img" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'width="100%" xmlns="http://www.w3.org/2000/svg" aria-labelledby="timeline-title">'
            '<title id="timeline-title">Each party\'s timeline: phases and timed clauses, '
            'in days</title>' + "".join(drawing.parts) + "</svg>")


def _colors(comparison: Comparison, events: Sequence[Event]) -> dict[str, str]:
    """A colour for every actor that acts in some event, in the comparison's order."""
    used = {actor for event in events for actor in event.actors}
    ordered = [key for key in comparison.actors if key in used] + sorted(
        used - set(comparison.actors))
    return {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(ordered)}


def _legend(drawing: Drawing) -> None:
    """Who each colour is, and how windows, days, phases and open ends are drawn."""
    items = [(f'<rect x="{{x}}" y="{{y}}" width="12" height="12" rx="2" fill="{color}"/>',
              drawing.names.get(key, key)) for key, color in drawing.colors.items()]
    items += [(f'<rect x="{{x}}" y="{{y}}" width="12" height="12" rx="2" fill="{NOBODY}"/>',
               "nobody named"),
              ('<rect x="{x}" y="{y}" width="12" height="12" class="tl-phase-0"/>', "phase"),
              ('<path d="M{cx} {y} l6 6 l-6 6 l-6 -6 z" class="tl-mark"/>', "a single day"),
              ('<rect x="{x}" y="{y}" width="12" height="12" class="tl-open"/>',
               "open end (no limit written)")]
    x, y = float(LABEL_X), drawing.y
    for shape, words in items:
        width = 20 + len(literal(words)) * CHAR + 18
        if x + width > WIDTH - LABEL_X:
            x, y = float(LABEL_X), y + 20
        drawing.add(shape.format(x=x, y=y, cx=x + 6) + f'<text x="{x + 18:.1f}" y="{y + 10.5}" '
                    f'class="tl-legend">{_escape(words)}</text>')
        x += width
    drawing.y = y + 30


def _axis(drawing: Drawing, scale: Scale, title: str, above: bool = False) -> None:
    """Tick labels along the top of a scale, with its title at the left (on a line of its
    own `above` them when it is long)."""
    if above:
        drawing.add(f'<text x="{LABEL_X}" y="{drawing.y + 12}" class="tl-axis-title">'
                    f"{_escape(_fit(title, int((WIDTH - 2 * LABEL_X) / CHAR)))}</text>")
        drawing.y += 16
    y = drawing.y + 12
    if not above:
        drawing.add(f'<text x="{LABEL_X}" y="{y}" class="tl-axis-title">{_escape(title)}</text>')
    for tick in scale.ticks():
        drawing.add(f'<text x="{scale.x(tick):.1f}" y="{y}" class="tl-tick">'
                    f"{_escape(scale.word(tick))}</text>")
    drawing.y = y + 8


def _lane(drawing: Drawing, party: Party, scales: list[tuple[str, list[Event]]],
          shared: Scale | None) -> None:
    """A party's header, then its events on each scale they are placed on."""
    title = party.name + (f" — option shown: {shown_option(party)}" if party.option else "")
    drawing.add(f'<rect x="0" y="{drawing.y + 6}" width="{WIDTH}" height="24" class="tl-party"/>'
                f'<text x="{LABEL_X}" y="{drawing.y + 22.5}" class="tl-party-name">'
                f"{_escape(_fit(title, 120))}</text>")
    drawing.y += 34
    for title, events in scales:
        root = events[0].root
        if root == START and shared is not None:
            _block(drawing, events, shared, party)
            continue
        word = calendar_date if root == CALENDAR else (lambda d: f"+{day_number(d)}")
        scale = Scale.over(events, word, zero=root != CALENDAR, most=6 if root == CALENDAR else 10)
        _apart(drawing, title, scale, events, party)


def _apart(drawing: Drawing, title: str, scale: Scale, events: list[Event],
           party: Party) -> None:
    """Events on a scale of their own, boxed and titled, with their own axis: they cannot
    be placed on the day axis."""
    top = drawing.y
    drawing.y += 6
    _axis(drawing, scale, f"{title}: on a scale of its own, not the day axis", above=True)
    _block(drawing, events, scale, party)
    drawing.add(f'<rect x="4" y="{top:.1f}" width="{WIDTH - 8}" height="{drawing.y - top:.1f}" '
                'class="tl-apart"/>')
    drawing.y += 8


def _block(drawing: Drawing, events: list[Event], scale: Scale, party: Party) -> None:
    """Phases as bands behind the rows (their names on a strip above, a line each where
    they would overlap), gridlines at the ticks, a row per timed clause."""
    phases = [e for e in events if is_phase(e)]
    clauses = [e for e in events if not is_phase(e)]
    lanes = _label_lanes(phases, scale)
    strip = 16 * (max(lanes, default=-1) + 1) + (4 if phases else 0)
    top = drawing.y
    bottom = top + strip + ROW * len(clauses) + 6
    for index, phase in enumerate(phases):
        _band(drawing, phase, index, scale, (top, bottom))
    for phase, lane in zip(phases, lanes):  # above every band, so none hides a name
        left = _ends(phase, scale)[0]
        drawing.add(f'<text x="{left + 4:.1f}" y="{top + 13 + 16 * lane}" class="tl-phase-name">'
                    f"{_escape(_fit(phase.label, int((WIDTH - left - 8) / CHAR)))}</text>")
    for tick in scale.ticks():
        drawing.add(f'<line x1="{scale.x(tick):.1f}" y1="{top}" x2="{scale.x(tick):.1f}" '
                    f'y2="{bottom}" class="tl-grid"/>')
    drawing.y = top + strip
    for event in clauses:
        _bar(drawing, event, scale, party)
        drawing.y += ROW
    drawing.y = bottom


def _label_lanes(phases: list[Event], scale: Scale) -> list[int]:
    """For each phase, the line of the strip its name goes on: the first whose last name
    ends before this phase starts."""
    ends: list[float] = []
    lanes = []
    for phase in phases:
        left = _ends(phase, scale)[0] + 4
        lane = next((i for i, end in enumerate(ends) if end < left), len(ends))
        if lane == len(ends):
            ends.append(0.0)
        ends[lane] = left + len(literal(phase.label)) * CHAR + 8
        lanes.append(lane)
    return lanes


def _ends(event: Event, scale: Scale) -> tuple[float, float]:
    """Where an event's window starts and ends on the drawing (open ends at the edges)."""
    return (scale.x(scale.low if event.low is None else event.low),
            scale.x(scale.high if event.high is None else event.high))


def _band(drawing: Drawing, phase: Event, index: int, scale: Scale,
          span: tuple[float, float]) -> None:
    left, right = _ends(phase, scale)
    top, bottom = span
    said = f"{phase.label}: {when_days(phase)}" + (f" — {phase.when}" if phase.when else "")
    drawing.add(f'<rect x="{left:.1f}" y="{top}" width="{max(right - left, 2):.1f}" '
                f'height="{bottom - top}" class="tl-phase-{index % 2}">'
                f"<title>{_escape(said)}</title></rect>")


def _bar(drawing: Drawing, event: Event, scale: Scale, party: Party) -> None:
    """One timed clause: its label on the left, then a bar over its window (a diamond for
    a single day), open ends faded out to the edge, and the days beside it."""
    y = drawing.y + (ROW - BAR) / 2
    color = drawing.colors.get(event.actors[0], NOBODY) if event.actors else NOBODY
    tip = f"{when_days(event)}: {event_text(event, drawing.names, party.phases)}"
    label = _fit(event_label(event, drawing.names), int((PLOT_LEFT - LABEL_X - 10) / CHAR))
    drawing.add(f'<g><title>{_escape(tip)}</title>'
                f'<text x="{LABEL_X}" y="{y + 10}" class="tl-label">{_escape(label)}</text>'
                f"{_shape(event, scale, y, color)}{_days(event, scale, y)}</g>")


def _days(event: Event, scale: Scale, y: float) -> str:
    """When the event falls, in words beside its bar: after it where there is room, else
    before it, else on the bar's faded open end."""
    start, end = _ends(event, scale)
    days = when_days(event)
    width = len(days) * CHAR
    if event.high is not None and end + 8 + width < WIDTH:
        x, anchor = end + 8, "start"
    elif event.high is None or start - 8 - width < PLOT_LEFT - 4:
        x, anchor = (start + 8, "start") if event.high is None else (end - 8, "end")
    else:
        x, anchor = start - 8, "end"
    return (f'<text x="{x:.1f}" y="{y + 10}" class="tl-days" text-anchor="{anchor}">'
            f"{_escape(days)}</text>")


def _shape(event: Event, scale: Scale, y: float, color: str) -> str:
    """A diamond for a day, else a bar; an open end is a faded stretch to the edge, with
    a short solid mark at the end that is written."""
    low, high = _ends(event, scale)
    if event.low is not None and event.high is not None:
        if high - low < 5:
            middle = (low + high) / 2
            return (f'<path d="M{middle:.1f} {y - 1} l7 7 l-7 7 l-7 -7 z" fill="{color}" '
                    'class="tl-day"/>')
        return _rect(low, high, y, color)
    faded = _rect(low, high, y, color, ' class="tl-open"')
    if event.low is not None:
        return faded + _rect(low, low + 4, y, color)
    if event.high is not None:
        return faded + _rect(high - 4, high, y, color)
    return faded


def _rect(left: float, right: float, y: float, color: str, extra: str = "") -> str:
    return (f'<rect x="{left:.1f}" y="{y}" width="{max(right - left, 3):.1f}" height="{BAR}" '
            f'rx="3" fill="{color}"{extra}/>')


def _fit(text: str, most: int) -> str:
    """`text` shortened to `most` characters with an ellipsis (the whole text is the
    element's tooltip)."""
    shown = literal(text)
    return shown if len(shown) <= most else shown[:max(most - 1, 1)] + "…"


