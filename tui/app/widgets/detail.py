"""The detail pane: the verdict on the selected row and each part of it, pictures of the gap
and of the times, every party's full clause with its facts and readings, and the pairs."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Group, RenderableType
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from diffing import Comparison, Party, Position, Row
from tui.app.pictures import picture
from tui.app.round_detail import change_lines, topic_history
from tui.app.rounds import RoundView
from tui.app.timeline_picture import timing_picture
from tui.reports.layout import (
    LOOKS,
    alignment_text,
    aspect_lines,
    distance_text,
    position_facts,
    row_heading,
    value_text,
)
from tui.terminal import literal

WIDTH = 80
TIMING_MAX = 100


def reading_lines(position: Position) -> Text:
    """A disputed clause's readings, each with where it comes from."""
    out = Text()
    out.append("\n  readings:", style="bold")
    for number, reading in enumerate(position.readings, 1):
        out.append(f"\n   {number}. ")
        out.append(literal(reading.text))
        said = [literal(reading.source_title or reading.source or ""),
                f"“{literal(reading.quote)}”" if reading.quote else "",
                literal(reading.note or "")]
        said = [part for part in said if part]
        if said:
            out.append(" — " + " · ".join(said), style="dim")
    return out


def _place(position: Position, party: Party) -> str:
    """`file:line:column` of the clause; a clause an amending text carries over is in the
    earlier text's file, and says so."""
    where = f"{literal(position.file or party.file)}:{position.line}:{position.column}"
    return f"carried over from {where}" if position.file and position.file != party.file \
        else where


def clause_text(position: Position, party: Party, row: Row) -> Text:
    """One party's clause: what it says, where from, and every fact about it on its own line
    (who acts, when, conditions, phase, option, readings, how it was worked out). A clause
    an amending text carries over names the earlier file its line and column are in."""
    body = Text("  ")
    body.append(literal(value_text(position)))
    facts = [literal(position.source_title or position.source) if position.source else "",
             position.confidence.value,
             _place(position, party)]
    body.append("\n  " + " · ".join(f for f in facts if f), style="dim")
    if position.quote:
        body.append("\n  “" + literal(position.quote) + "”", style="italic")
    for fact in position_facts(position, row, party):
        body.append("\n  " + literal(fact))
    if position.readings:
        body.append_text(reading_lines(position))
    if position.note:
        body.append("\n  note: " + literal(position.note), style="dim")
    if position.written_topic != row.topic:
        body.append(f"\n  written as {literal(position.written_topic)}", style="dim")
    return body


def clause_lines(row: Row, comparison: Comparison) -> list[RenderableType]:
    """Each party's clause under its name, or that it says nothing here."""
    out: list[RenderableType] = []
    for party in comparison.parties:
        position = row.positions.get(party.id)
        title = Text()
        title.append(literal(party.name), style="bold underline")
        if position is None:
            title.append("  says nothing on this", style="dim italic")
            out.append(title)
            continue
        out += [title, clause_text(position, party, row)]
    return out


def furthest_readings(row: Row) -> dict[str, int]:
    """For a disputed clause, the readings (party → 1-based) of the combination the row's
    verdict rests on, the furthest apart, as the engine says."""
    aspect = next((a for a in row.aspects if a.name == "readings"), None)
    return dict(aspect.detail.get("shown", {})) if aspect else {}


def with_readings(row: Row, chosen: dict[str, int]) -> Row:
    """The row with each disputed position's value taken from the chosen reading, to draw."""
    if not chosen:
        return row
    positions = dict(row.positions)
    for party, number in chosen.items():
        position = positions.get(party)
        if position is not None and 0 < number <= len(position.readings):
            reading = position.readings[number - 1]
            positions[party] = replace(position, value=reading.value, text=reading.text)
    return replace(row, positions=positions)


def drawn_readings(row: Row, comparison: Comparison,
                   chosen: dict[str, int]) -> list[RenderableType]:
    """Which reading of a disputed clause the picture draws: the one the verdict rests on
    (the first when none is measured); all are listed with the clause."""
    out: list[RenderableType] = []
    for party in comparison.parties:
        position = row.positions.get(party.id)
        if position is None or not position.readings:
            continue
        number = chosen.get(party.id, 1)
        out.append(Text(f"{literal(party.name)}: reading {number} of {len(position.readings)} "
                        f"drawn ({literal(position.readings[number - 1].text)})"
                        + (", the furthest apart" if party.id in chosen else ""),
                        style="dim italic"))
    return out


def aspect_text(row: Row) -> list[RenderableType]:
    """Each part of the verdict (value, timing, conditions, readings) with its status."""
    out: list[RenderableType] = []
    for aspect, line in zip(row.aspects, aspect_lines(row)):
        look = LOOKS[aspect.status]
        text = Text("  ")
        text.append(f"{look.glyph} ", style=f"bold {look.color}")
        text.append(literal(line))
        out.append(text)
    return [Text("By aspect", style="bold"), *out] if out else []


def pair_lines(row: Row, comparison: Comparison) -> list[RenderableType]:
    """For three or more parties, or a baseline: this row in every pair."""
    names = {p.id: literal(p.name) for p in comparison.parties}
    out: list[RenderableType] = []
    for pair in comparison.shown_pairs:
        pair_row = pair.row(row.id)
        if pair_row is None:
            continue
        look = LOOKS[pair_row.status]
        line = Text(f"  {look.glyph} {look.word:<10}", style=f"bold {look.color}")
        line.append(f"{names[pair.parties[0]]} vs {names[pair.parties[1]]}")
        out.append(line)
    if out:
        out.insert(0, Text("Pairs", style="bold"))
    return out


def detail_renderable(row: Row, comparison: Comparison, width: int = WIDTH,
                      rounds: RoundView | None = None) -> Group:
    """Everything about one row, its pictures fitted to `width` cells; with `rounds`, what
    this round's texts changed on it and the row round by round."""
    look = LOOKS[row.status]
    head = Text(f"{look.glyph} {look.word}", style=f"bold {look.color}")
    head.append(f"  {literal(row_heading(row))}", style="bold")
    head.append(f"  {literal(row.id)}", style="dim")
    distance = distance_text(row)
    if distance:
        head.append(f"  distance {distance}", style="dim")
    parts: list[RenderableType] = [head, Text(literal(row.explanation))]
    if row.alignment:
        parts.append(Text(literal(alignment_text(row)), style="dim italic"))
    moves = change_lines(rounds, row) if rounds is not None else []
    if moves:
        parts += [Text(""), *moves]
    aspects = aspect_text(row)
    if aspects:
        parts += [Text(""), *aspects]
    chosen = furthest_readings(row)
    drawing = picture(with_readings(row, chosen), comparison.parties, width)
    if drawing is not None:
        parts += [Text(""), drawing, *drawn_readings(row, comparison, chosen)]
    timing = timing_picture(row, comparison, min(width, TIMING_MAX))
    if timing is not None:
        parts += [Text(""), timing]
    parts += [Text(""), *clause_lines(row, comparison)]
    if rounds is not None:
        parts += [Text(""), *topic_history(rounds, row)]
    pairs = pair_lines(row, comparison)
    if pairs:
        parts += [Text(""), *pairs]
    return Group(*parts)


class DetailPane(VerticalScroll):
    DEFAULT_CSS = """
    DetailPane { height: 40%; border-top: solid $primary 40%; padding: 0 1; }
    DetailPane.-compact { border-top: none; background: $boost; }
    DetailPane > Static { width: 1fr; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown: tuple[Row, Comparison] | None = None
        self.rounds: RoundView | None = None
        self.empty = "No row selected."

    def compose(self):
        yield Static(id="detail-body")

    def show(self, row: Row | None, comparison: Comparison | None,
             rounds: RoundView | None = None, empty: str = "No row selected.") -> None:
        """`rounds`: the round shown, when the files hold several; `empty`: what to say
        when no row is selected (why, and how to get rows back)."""
        self.shown = (row, comparison) if row is not None and comparison is not None else None
        self.rounds = rounds
        self.empty = empty
        self._draw()
        self.scroll_home(animate=False)

    def on_resize(self) -> None:
        self._draw()  # the pictures fit the new width

    def _draw(self) -> None:
        body = self.query_one("#detail-body", Static)
        if self.shown is None:
            body.update(Text(self.empty, style="dim"))
            return
        row, comparison = self.shown
        width = self.size.width - self.styles.scrollbar_size_vertical  # room beside the bar
        body.update(detail_renderable(row, comparison, max(width, 20),
                                      self.rounds))
