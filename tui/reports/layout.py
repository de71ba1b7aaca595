"""What every report shows, worded once: status looks, headline, summary, area groups, cells,
the options a party offers, how phases were lined up, and each party's timeline.

Strings here are raw (they may hold text from proposal files); each renderer escapes
them for its medium.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from diffing.comparators.base import names
from diffing.result import (
    Aspect,
    Comparison,
    GapStatus,
    OptionInfo,
    OptionRow,
    OptionScore,
    Party,
    PhaseInfo,
    Position,
    Row,
    Summary,
)
from proposals.model import Confidence
from proposals.registry import registry
from proposals.timeline import CALENDAR, START, Event


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
    """`Ukraine — Memorandum on a ceasefire, Istanbul II, 2025-06-02 (proposed) · ukraine.yaml`,
    with the option shown when the party offers several."""
    details = ", ".join(x for x in (party.title, party.round, party.date) if x)
    shown = f" · option shown: {shown_option(party)}" if party.option else ""
    return (f"{party.name}" + (f" — {details}" if details else "") + f" ({party.status})"
            + f" · {party.file}" + shown)


def shown_option(party: Party) -> str | None:
    """The label of the option of a party's proposal the rows show, if it offers several."""
    return _label(party.options, party.option) if party.option else None


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
    """The rows under headings, in the comparison's order: by area (areas in registry
    order, custom topics last), by status (`--sort status`) or, sorted by distance, all
    under one heading."""
    if comparison.order == "distance":
        return [("By distance, furthest apart first", list(comparison.rows))] \
            if comparison.rows else []
    if comparison.order == "status":
        by_status: dict[GapStatus, list[Row]] = {}
        for row in comparison.rows:
            by_status.setdefault(row.status, []).append(row)
        return [(LOOKS[status].word.capitalize(), rows) for status, rows in by_status.items()]
    titles = dict(registry().areas)
    titles["custom"] = CUSTOM_AREA
    by_area: dict[str, list[Row]] = {area: [] for area in titles}
    for row in comparison.rows:
        by_area.setdefault(row.area, []).append(row)
    return [(titles.get(area, area), rows) for area, rows in by_area.items() if rows]


# --- rows -----------------------------------------------------------------------------------


def row_heading(row: Row | OptionRow) -> str:
    """`Heavy weapons pullback · by Ukraine · first phase`: the topic, who acts, when."""
    return " · ".join(part for part in (row.label, row_qualifier(row)) if part)


def row_qualifier(row: Row | OptionRow) -> str:
    """`by Ukraine · first phase`: what tells a row from the other rows of its topic."""
    return " · ".join([*([f"by {row.actor_name}"] if row.actor_name else []),
                       *([row.phase_label] if row.phase_label else [])])


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


def position_facts(position: Position, row: Row | None = None,
                   party: Party | None = None) -> list[str]:
    """What a clause says besides its value, each as a short phrase, in reading order: who
    acts, when, on what conditions, in which phase or option, how it was worked out.

    Given its `row`, what the row's heading already says (who acts, the phase) is left
    out, so a cell repeats nothing; given its `party`, phases and options are named by
    their labels.
    """
    facts = []
    if position.by_text and not _says_actor(row, position):
        facts.append(f"by {position.by_text}")
    if position.when is not None:
        facts.append(f"when: {position.when.text}")
    if position.conditions:
        facts.append(f"condition{'s' * (len(position.conditions) > 1)}: "
                     + "; ".join(condition.text for condition in position.conditions))
    phase = _label(party.phases if party else (), position.phase)
    if position.phase and not _says_phase(row, position.phase, phase):
        facts.append(f"phase: {phase}")
    if position.option:
        facts.append(f"option: {_label(party.options if party else (), position.option)}")
    if position.derived == "timeline":
        facts.append("worked out from the party's times")
    return facts


def _says_actor(row: Row | None, position: Position) -> bool:
    """Whether the row's heading already names exactly who the clause says acts."""
    if row is None or row.actor is None or position.mutual:
        return False
    return position.by == (row.actor,) or (position.by_text or "").casefold() == (
        row.actor_name or "").casefold()


def _says_phase(row: Row | None, phase: str, label: str) -> bool:
    """Whether the row's heading already names the clause's phase: the same id, and the
    same words (a party's phase `first` need not be the row's `first`, the first phase)."""
    return row is not None and row.phase == phase and (
        row.phase_label or "").casefold() == label.casefold()


def _label(known: Sequence[PhaseInfo | OptionInfo], ident: str | None) -> str:
    """The label of a phase or option by its id (the id itself when it is not known)."""
    for item in known:
        if item.id == ident:
            return item.label
    return ident or ""


def verdict_text(status: GapStatus, distance: float | None) -> str:
    """`conflict (0.51)`, or the word alone where nothing is measured."""
    return LOOKS[status].word + (f" ({distance:.2f})" if distance is not None else "")


def aspect_verdict(aspect: Aspect) -> str:
    """`timing conflict (0.51)`. For a disputed clause's readings, the closest verdict any
    combination of readings reaches (the row shows the furthest): `readings at best …`."""
    best = "at best " if aspect.name == "readings" else ""
    return f"{aspect.name} {best}{verdict_text(aspect.status, aspect.distance)}"


def aspects_line(row: Row) -> str:
    """Each part of the verdict on one line (`value agreed (0.00) · timing conflict (0.51)`),
    for reports that give the explanation in full beside it; empty when only the value
    counts."""
    return " · ".join(aspect_verdict(aspect) for aspect in row.aspects)


def aspect_lines(row: Row) -> list[str]:
    """Each part of the verdict with its own explanation (`timing partial (0.25) — …`)."""
    return [f"{aspect_verdict(aspect)} — {aspect.explanation}" for aspect in row.aspects]


def distance_text(row: Row) -> str:
    return "" if row.distance is None else f"{row.distance:.2f}"


def alignment_text(row: Row) -> str:
    """For custom topics paired across different keys: which keys, and how sure."""
    if row.alignment is None:
        return ""
    keys = ", ".join(f"{party}: {key}" for party, key in row.alignment.keys.items())
    return f"paired by similarity ({row.alignment.confidence:.0%} sure): {keys}"


def header_notes(comparison: Comparison) -> list[str]:
    """What a reader needs before the rows: which texts these are, how phases were lined
    up, what the reference text settled."""
    return [note for note in (versions_text(comparison), phasing_text(comparison),
                              reference_text(comparison)) if note]


def versions_text(comparison: Comparison) -> str | None:
    """Whether the columns are versions of one party's position, or each party's latest
    text with earlier ones set aside."""
    if comparison.versions_of:
        return (f"These are {len(comparison.parties)} versions of {comparison.versions_of}, in "
                "the order of their rounds: each row compares the versions, not parties. "
                "`ceasefire history` says what changed between them.")
    if comparison.earlier:
        set_aside = ", ".join(f"{party.name} ({party.round or party.date or party.file})"
                              for party in comparison.earlier)
        return (f"Each party's latest text is compared; earlier texts set aside: {set_aside}. "
                "`ceasefire history` follows them round by round.")
    return None


def phasing_text(comparison: Comparison) -> str | None:
    """How the parties' phases were lined up, when any party has phases."""
    phasing = comparison.phasing
    if phasing.mode == "by-id":
        points = ", ".join(p.id if p.label == p.id else f"{p.label} ({p.id})"
                           for p in phasing.points)
        return f"Phases compared by id: {points}."
    if phasing.mode == "first-and-final":
        return ("Phases differ between the parties: compared each party's first phase and its "
                "end state.")
    return None


def reference_text(comparison: Comparison) -> str | None:
    """`Agreed outcome is the reference, not a party: it addresses 5 of 33 rows; it took
    Russia's position on 2, says what both say on 1.`"""
    if comparison.reference is None:
        return None
    name = comparison.party(comparison.reference).name
    rows = [row for row in comparison.rows if row.reference is not None]
    addressed = [row for row in rows if row.reference.addresses]  # type: ignore[union-attr]
    deciding = [p for p in comparison.parties if p.id != comparison.reference]
    took: dict[str, int] = {}
    for row in addressed:
        ref = row.reference
        key = "all" if len(ref.took) == len(deciding) else ", ".join(ref.took)  # type: ignore[union-attr]
        took[key] = took.get(key, 0) + 1
    said = []
    for key, count in took.items():
        if key == "all":
            said.append(f"says what {'both' if len(deciding) == 2 else 'all'} say on {count}")
        elif key:
            owners = names([comparison.party(p).name for p in key.split(", ")])
            said.append(f"took the position of {owners} on {count}")
        else:
            said.append(f"settled on terms of its own on {count}")
    return (f"{name} is the reference, not a party: it addresses {len(addressed)} of "
            f"{len(rows)} rows" + (f"; it {', '.join(said)}." if said else "."))


# --- options --------------------------------------------------------------------------------


def offered_options(comparison: Comparison) -> list[tuple[Party, list[OptionScore]]]:
    """Each party that offers options, with every option's score, in the parties' order."""
    out = []
    for party in comparison.parties:
        scores = [score for score in comparison.options if score.party == party.id]
        if scores:
            out.append((party, scores))
    return out


def option_intro(party: Party, scores: Sequence[OptionScore]) -> str:
    """`Russia offers 2 options; the rows show Withdrawal first (option-1); Ten-point
    package (option-2) comes closest to the other parties.`"""
    shown = next((s for s in scores if s.shown), None)
    closest = next((s for s in scores if s.closest), None)
    said = [f"{party.name} offers {len(scores)} options"]
    if shown is not None:
        said.append(f"the rows show {shown.label} ({shown.option})")
    if closest is not None:
        said.append(f"{'that one' if closest is shown else f'{closest.label} ({closest.option})'}"
                     " comes closest to the other parties")
    return "; ".join(said) + "."


def option_marks(score: OptionScore) -> str:
    """`shown, closest`: what the report says of this option."""
    return ", ".join(mark for mark, on in (("shown", score.shown), ("closest", score.closest))
                     if on)


def option_lines(comparison: Comparison) -> list[str]:
    """For each party that offers options: which is shown, each option's agreement index
    and counts, which comes closest, and the rows where they differ."""
    out = []
    for party, scores in offered_options(comparison):
        out.append(option_intro(party, scores))
        for score in scores:
            marks = option_marks(score)
            out.append(f"  {score.option}: {score.label} — {summary_line(score.summary)}"
                       + (f" [{marks}]" if marks else ""))
        differences = option_differences(comparison, party.id)
        if differences:
            out.append("  Where the options differ:")
            out += [f"    {line}" for line in differences]
    return out


def option_differences(comparison: Comparison, party: str) -> list[str]:
    """The rows where a party's options get different verdicts, in report order:
    `Preconditions: option-1 conflict (1.00), option-2 partial (0.40)`."""
    scores = [score for score in comparison.options if score.party == party]
    touched = {row_id: row for score in scores for row_id, row in score.rows.items()}
    out = []
    for row_id in sorted(touched, key=lambda i: (registry().order(touched[i].topic), i)):
        verdicts = [score.rows.get(row_id) for score in scores]
        if len({(v.status, v.distance) if v else None for v in verdicts}) < 2:
            continue
        said = ", ".join(f"{score.option} {_pair_verdict(v)}" for score, v in zip(scores, verdicts))
        out.append(f"{row_heading(touched[row_id])}: {said}")
    return out


def _pair_verdict(verdict: OptionRow | None) -> str:
    return "not addressed" if verdict is None else verdict_text(verdict.status, verdict.distance)


# --- timelines ------------------------------------------------------------------------------


def timeline_groups(comparison: Comparison, party: Party) -> list[tuple[str, list[Event]]]:
    """A party's events by the scale they are placed on (days from entry into force first,
    then the calendar, then each step nobody dated), each titled and in day order, a phase
    before what happens in it."""
    by_root: dict[str, list[Event]] = {}
    for event in comparison.timelines.get(party.id, ()):
        by_root.setdefault(event.root, []).append(event)
    return [(root_title(root, party), sorted(events, key=_day_order))
            for root, events in by_root.items()]


def _day_order(event: Event) -> tuple[float, bool, float]:
    """By start, a deadline with no start by its deadline, a phase before what is in it."""
    high = math.inf if event.high is None else event.high
    return (high if event.low is None else event.low), not is_phase(event), high


def root_title(root: str, party: Party) -> str:
    """What a timeline scale counts from: `Days from entry into force`, `Calendar dates`, or
    `Counted from elections, which no time places` for a step nobody dated."""
    if root == START:
        return "Days from entry into force"
    if root == CALENDAR:
        return "Calendar dates (no date for entry into force)"
    return f"Counted from {root_label(root, party)}, which no time places"


def root_label(root: str, party: Party) -> str:
    """The event a scale is counted from, in words: a step, a topic or a phase."""
    kind, _, key = root.partition(":")
    if kind == "step":
        return registry().steps.label(key)
    if kind == "topic":
        topic = registry().resolve(key)
        return topic.label if topic else key
    if kind == "phase":
        return _label(party.phases, key)
    return key or root


def is_phase(event: Event) -> bool:
    """A phase of the agreement (the other events are timed clauses)."""
    return event.key.startswith("phase:")


def event_text(event: Event, actors: Mapping[str, str] | None = None,
               phases: Sequence[PhaseInfo] = ()) -> str:
    """What happens and when, as written: `Heavy weapons pullback · by Ukraine — from day 2,
    within 14 days`, actor keys shown by `actors` names and phases by their labels when
    given (`when_days` says where it falls)."""
    when = event_when(event, phases)
    return event_label(event, actors) + (f" — {when}" if when else "")


def event_label(event: Event, actors: Mapping[str, str] | None = None) -> str:
    """`Phase: First phase`, or `Withdrawal of forces · by Israel`."""
    if is_phase(event):
        return f"Phase: {event.label}"
    who = ", ".join((actors or {}).get(actor, actor) for actor in event.actors)
    return event.label + (f" · by {who}" if who else "")


def event_when(event: Event, phases: Sequence[PhaseInfo] = ()) -> str:
    """The time as the author wrote it; for a clause timed by its phase, `during` the phase."""
    if event.when or is_phase(event) or not event.phase:
        return event.when
    return f"during {_label(phases, event.phase)}"


def when_days(event: Event) -> str:
    """Where an event falls on its scale: `day 7`, `days 0–42`, `from day 3`, `by 2015-12-31`,
    `+30 days` (after a step nobody dated; see `root_title`), `undated`."""
    if event.root == START:
        return _window(event.low, event.high, day_number, "day {}", "days {}–{}")
    if event.root == CALENDAR:
        return _window(event.low, event.high, calendar_date, "{}", "{} to {}")
    if event.high is None and event.low is not None and day_number(event.low) == "0":
        return "after it" if event.low > 0 else "with it, on"
    if event.low == event.high == 0:
        return "with it"
    return _window(event.low, event.high, day_number, "+{} days", "+{}–{} days")


def _window(low: float | None, high: float | None, point: Callable[[float], str], one: str,
            many: str) -> str:
    if low is not None and high is not None:
        a, b = point(low), point(high)
        return one.format(a) if a == b else many.format(a, b)
    if low is not None:
        return "from " + one.format(point(low))
    if high is not None:
        return "by " + one.format(point(high))
    return "undated"


def day_number(days: float) -> str:
    """`7`, `2.5`: days to a tenth."""
    return f"{round(days, 1) + 0.0:g}"  # + 0.0: never `-0`


def calendar_date(day: float) -> str:
    """Days since 1970-01-01 as the date they fall on."""
    return (dt.date(1970, 1, 1) + dt.timedelta(days=math.floor(day + 1e-9))).isoformat()
