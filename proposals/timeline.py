"""One proposal's timeline: every phase and every clause with a time, placed in days.

A time is relative to day 0 (entry into force), to the calendar, or to another event of
the same proposal; following the references places each event on the scale of the event
the chain ends at (its `root`): day 0, the calendar, or a step nobody dated (`after
elections` when the elections themselves have no date). Events on the same root can be
ordered; events on different roots cannot, and the timeline never guesses.

From the timeline comes the party's order of steps (`order`): which step is known to
come before which, so a sequence dispute is found even when nobody wrote a
`political.sequence` list.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from proposals.model import Clause, Moment, Phase, Proposal, Steps, When, record
from proposals.registry import registry

START = "start"
CALENDAR = "date"
_EPOCH = dt.date(1970, 1, 1)
STRICT = 1e-6
"""`after X` is strictly after X's end: the window opens this many days later, too little
to show but enough to order the two."""


@record
class Event:
    """A phase or a timed clause, placed on its root's scale (days; None where open)."""

    key: str
    label: str
    root: str
    low: float | None
    high: float | None
    when: str = ""
    topic: str | None = None
    step: str | None = None
    actors: tuple[str, ...] = ()
    phase: str | None = None
    line: int = 0


class TimelineCycle(ValueError):
    """Two or more times refer to each other in a circle."""

    def __init__(self, clause: Clause | None, phase: Phase | None, chain: list[str]) -> None:
        super().__init__(" → ".join(chain))
        self.clause = clause
        self.phase = phase
        self.chain = chain


LONGEST_CHAIN = 100
"""How many times, each counted from the next, are followed (`p1` after `p2` after … `p100`):
a real chain is a handful; following thousands would exhaust Python's stack."""


class TimelineTooLong(ValueError):
    """A time counted from a chain of more than LONGEST_CHAIN other times."""

    def __init__(self, clause: Clause | None, phase: Phase | None, first: str) -> None:
        super().__init__(f"a chain of more than {LONGEST_CHAIN} times, from {first}")
        self.clause = clause
        self.phase = phase
        self.first = first


@dataclass(slots=True)
class Timeline:
    """The events of one proposal (one option of it), with each clause's own event."""

    events: tuple[Event, ...]
    by_clause: dict[int, Event] = field(default_factory=dict)
    edges: frozenset[tuple[str, str]] = frozenset()
    """Pairs of steps (a, b) a reference puts in order: b is `after a`, or a `before b`."""
    phase_labels: dict[str, str] = field(default_factory=dict)

    def of(self, clause: Clause) -> Event | None:
        """The event a clause of this proposal is, when it has a time."""
        return self.by_clause.get(id(clause))

    def phase_label(self, phase: str) -> str:
        """How the proposal names one of its phases (its id, without a label)."""
        return self.phase_labels.get(phase, phase)

    def order(self) -> Steps | None:
        """The steps this timeline orders, with the pairs known to come one before the
        other (from the days, and from `after`/`before` references, followed through);
        None when it orders fewer than two steps."""
        windows: dict[str, tuple[str, float | None, float | None]] = {}
        for event in self.events:
            if event.step is None:
                continue
            windows[event.step] = _union(windows.get(event.step), event)
        for event in self.events:  # steps named only as an anchor: their own root, at 0
            if event.root.startswith("step:"):
                windows.setdefault(event.root[5:], (event.root, 0.0, 0.0))
        for a, b in self.edges:
            for step in (a, b):
                windows.setdefault(step, (f"step:{step}", 0.0, 0.0))
        steps = sorted(windows, key=lambda s: (windows[s][0] != START, windows[s][0],
                                               _place(windows[s][1], windows[s][2]), s))
        known = _closure({(a, b) for a in steps for b in steps
                          if a != b and _before(windows[a], windows[b])} | set(self.edges))
        if not known:
            return None
        return Steps(steps=tuple(steps), known=tuple(sorted(known)))


def _closure(pairs: set[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """Every order that follows from `pairs` (a before b, b before c: a before c); a pair
    the times contradict (a before b and b before a) says nothing and is dropped."""
    after: dict[str, set[str]] = {}
    for a, b in pairs:
        after.setdefault(a, set()).add(b)
    changed = True
    while changed:
        changed = False
        for a, later in after.items():
            reach = set().union(*(after.get(b, set()) for b in later)) - later
            if reach:
                later |= reach
                changed = True
    known = {(a, b) for a, later in after.items() for b in later if a != b}
    return frozenset(pair for pair in known if (pair[1], pair[0]) not in known)


def _place(low: float | None, high: float | None) -> tuple[float, float]:
    """Where a window sorts: by its start, or by its deadline when it has no known start."""
    return (_high(high) if low is None else low), _high(high)


def _low(value: float | None) -> float:
    return -math.inf if value is None else value


def _high(value: float | None) -> float:
    return math.inf if value is None else value


def _union(window: tuple[str, float | None, float | None] | None,
           event: Event) -> tuple[str, float | None, float | None]:
    """The window covering every event of a step; a step whose events lie on different
    roots keeps the first root seen (the others cannot be ordered against it anyway)."""
    if window is None or window[0] != event.root:
        return window or (event.root, event.low, event.high)
    low = None if window[1] is None or event.low is None else min(window[1], event.low)
    high = None if window[2] is None or event.high is None else max(window[2], event.high)
    return event.root, low, high


def _before(a: tuple[str, float | None, float | None],
            b: tuple[str, float | None, float | None]) -> bool:
    """Whether window `a` ends before window `b` begins, on one scale."""
    return a[0] == b[0] and a[2] is not None and b[1] is not None and a[2] < b[1]


FIRST_DAY = float((dt.date.min - _EPOCH).days)
LAST_DAY = float((dt.date.max - _EPOCH).days)
"""The calendar a date can name, 0001-01-01 to 9999-12-31, in days since 1970-01-01."""


def off_calendar(proposal: Proposal, timeline: Timeline) -> Phase | Clause | None:
    """The first phase, else clause, dated outside the calendar (30 days after a phase that
    starts on 9999-12-20): its date cannot be named, so the file is refused, not shown."""
    events = {event.key: event for event in timeline.events}
    for part, event in [*((phase, events.get(f"phase:{phase.id}")) for phase in proposal.phases),
                        *((clause, timeline.of(clause)) for clause in proposal.clauses)]:
        if event is not None and event.root == CALENDAR and any(
                day is not None and not FIRST_DAY <= day < LAST_DAY + 1
                for day in (event.low, event.high)):
            return part
    return None


def in_scope(proposal: Proposal, option: str | None) -> Sequence[Clause]:
    """The clauses that hold when `option` is taken (all but other options' clauses)."""
    if not proposal.options:
        return proposal.clauses
    return [c for c in proposal.clauses if c.option is None or c.option == option]


def day_zero(clauses: Iterable[Clause]) -> float | None:
    """The calendar day of day 0, from the whole agreement's entry into force when dated:
    the date as the text gives it, in its own zone (`2015-02-15T00:00+02:00` is the 15th),
    so that `by 2015-12-31` is a whole number of days later."""
    for clause in clauses:
        if (clause.topic == "ceasefire.effective" and clause.phase is None
                and isinstance(clause.value, Moment)):
            return float((dt.date.fromisoformat(clause.value.iso[:10]) - _EPOCH).days)
    return None


def build(proposal: Proposal, option: str | None = None) -> Timeline:
    """The timeline of `proposal` with `option` taken; raises TimelineCycle or
    TimelineTooLong."""
    return _Builder(proposal, in_scope(proposal, option)).timeline()


class _Builder:
    def __init__(self, proposal: Proposal, clauses: Sequence[Clause]) -> None:
        self.phases = {phase.id: phase for phase in proposal.phases}
        self.phase_order = list(self.phases)
        self.phase_index = {ident: index for index, ident in enumerate(self.phase_order)}
        self.timed = [c for c in clauses if c.when is not None or c.phase is not None]
        self.day0 = day_zero(clauses) if any(c.when is not None and c.when.anchor == CALENDAR
                                             for c in self.timed) or proposal.phases else None
        reg = registry()
        self.steps: dict[int, str | None] = {}
        self.by_target: dict[str, list[Clause]] = {}
        self.phase_steps: dict[str, list[str]] = {}
        for clause in self.timed:
            topic = reg.resolve(clause.topic)
            step = topic.step if topic else None
            self.steps[id(clause)] = step
            if step and clause.phase is not None:
                self.phase_steps.setdefault(clause.phase, []).append(step)
            self.by_target.setdefault(f"topic:{clause.topic}", []).append(clause)
            if step:
                self.by_target.setdefault(f"step:{step}", []).append(clause)
        self.edges: set[tuple[str, str]] = set()
        self.done: dict[str | int, tuple[str, float | None, float | None]] = {}
        self.visiting: list[tuple[str | int, str]] = []  # (key, what the author calls it)

    def timeline(self) -> Timeline:
        events = []
        by_clause: dict[int, Event] = {}
        for phase in self.phases.values():
            root, low, high = self.phase_window(phase)
            events.append(Event(key=f"phase:{phase.id}", label=phase.label, root=root, low=low,
                                high=high, when=phase.starts.text if phase.starts else "",
                                phase=phase.id, line=phase.line))
        for clause in self.timed:
            root, low, high = self.clause_window(clause)
            event = Event(key=clause_key(clause), label=clause.label, root=root, low=low,
                          high=high, when=clause.when.text if clause.when else "",
                          topic=clause.topic, step=self.steps[id(clause)], actors=clause.by,
                          phase=clause.phase, line=clause.line)
            events.append(event)
            by_clause[id(clause)] = event
        events.sort(key=lambda e: (e.root != START, e.root, _place(e.low, e.high), e.key))
        return Timeline(tuple(events), by_clause, frozenset(self.edges),
                        {phase.id: phase.label for phase in self.phases.values()})

    # --- windows -----------------------------------------------------------------------------

    def enter(self, key: str | int, clause: Clause | None, phase: Phase | None) -> None:
        keys = [k for k, _ in self.visiting]
        if key in keys:
            chain = [name for _, name in self.visiting[keys.index(key):]]
            name = clause.topic if clause else f"phase {phase.id}"  # type: ignore[union-attr]
            raise TimelineCycle(clause, phase, [*chain, name])
        if len(keys) >= LONGEST_CHAIN:
            raise TimelineTooLong(clause, phase, self.visiting[0][1])
        self.visiting.append((key, clause.topic if clause else f"phase {phase.id}"))  # type: ignore[union-attr]

    def phase_window(self, phase: Phase) -> tuple[str, float | None, float | None]:
        key = f"phase:{phase.id}"
        if key not in self.done:
            self.enter(key, None, phase)
            root, start, _ = self.place(phase.starts) if phase.starts else self.after_previous(phase)
            if phase.starts is not None:
                self.order_by_reference(phase.starts, list(self.phase_steps.get(phase.id, ())))
            end = None
            if start is not None and phase.duration is not None and \
                    not math.isinf(phase.duration.high):
                end = start + phase.duration.high / 24
            self.visiting.pop()
            self.done[key] = (root, start, end)
        return self.done[key]

    def order_by_reference(self, when: When, steps: list[str | None]) -> None:
        """`after X` puts X's steps before `steps`; `before X`, after them."""
        if when.relation not in ("after", "before") or when.anchor is None or \
                not when.anchor.startswith(("step:", "topic:", "phase:")):
            return
        named = self.steps_of(when.anchor)
        for own in steps:
            for other in named:
                if own is not None and other != own:
                    self.edges.add((other, own) if when.relation == "after" else (own, other))

    def steps_of(self, target: str) -> list[str]:
        """The steps a reference names: a step itself, a topic's step, a phase's steps."""
        if target.startswith("step:"):
            return [target[5:]]
        if target.startswith("topic:"):
            topic = registry().resolve(target[6:])
            return [topic.step] if topic and topic.step else []
        return self.phase_steps.get(target[6:], [])

    def after_previous(self, phase: Phase) -> tuple[str, float | None, float | None]:
        """A phase with no `starts:` follows the one before it (the first starts on day 0)."""
        index = self.phase_index[phase.id]
        if index == 0:
            return START, 0.0, 0.0
        root, _, end = self.phase_window(self.phases[self.phase_order[index - 1]])
        return root, end, end

    def clause_window(self, clause: Clause) -> tuple[str, float | None, float | None]:
        key = id(clause)  # the clause itself: alive as long as the proposal is
        if key not in self.done:
            self.enter(key, clause, None)
            if clause.when is not None:
                window = self.place(clause.when, clause)
                self.order_by_reference(clause.when, [self.steps[id(clause)]])
            else:  # a clause of a phase, without a time of its own: during the phase
                root, low, high = self.phase_window(self.phases[clause.phase])  # type: ignore[index]
                window = (root, low, None if high is None else high - STRICT)
            self.visiting.pop()
            self.done[key] = window
        return self.done[key]

    def target_window(self, target: str, clause: Clause | None) -> tuple[str, float | None,
                                                                          float | None]:
        if target.startswith("phase:"):
            return self.phase_window(self.phases[target[6:]])
        windows = [self.clause_window(other) for other in self.by_target.get(target, ())
                   if other is not clause]
        if not windows:
            return target, 0.0, 0.0  # named, never dated: a root of its own
        root = windows[0][0]
        same = [w for w in windows if w[0] == root]
        lows = [w[1] for w in same]
        highs = [w[2] for w in same]
        return (root, None if None in lows else min(lows),  # type: ignore[type-var]
                None if None in highs else max(highs))  # type: ignore[type-var]

    def place(self, when: When, clause: Clause | None = None) -> tuple[str, float | None,
                                                                        float | None]:
        if when.anchor is None:
            return START, when.low, when.high
        if when.anchor == CALENDAR:
            if self.day0 is None:
                return CALENDAR, when.low, when.high
            return START, _shift(when.low, -self.day0), _shift(when.high, -self.day0)
        root, low, high = self.target_window(when.anchor, clause)
        if when.relation == "after":  # after X ends: at the latest X ends, or at least its start
            start = when.low if when.low else STRICT
            return root, _shift(low if high is None else high, start), _shift(high, when.high)
        if when.relation == "before":  # before X starts: at the earliest it starts, or its end
            end = when.high if when.high else -STRICT
            return root, _shift(low, when.low), _shift(high if low is None else low, end)
        if when.relation == "start":
            return root, _shift(low, when.low), _shift(low, when.high)
        return root, _shift(low, when.low), _shift(high, when.high)


def _shift(base: float | None, offset: float | None) -> float | None:
    return None if base is None or offset is None else base + offset


def clause_key(clause: Clause) -> str:
    """The key of a clause's event: unique in its proposal, the same for the same clause."""
    return ":".join(("clause", clause.topic, ",".join(clause.by) or "-", clause.phase or "-",
                     clause.option or "-", str(clause.line), str(clause.column)))
