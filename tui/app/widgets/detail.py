"""The detail pane: every party's full clause, the gap explained, and a picture of it."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from diffing import Comparison, Row
from tui.app.pictures import picture
from tui.reports.layout import LOOKS, alignment_text, distance_text
from tui.terminal import literal

PICTURE_WIDTH = 40


def clause_lines(row: Row, comparison: Comparison) -> list[RenderableType]:
    """Each party's clause: value, quote, note, conditions, who acts, source, confidence, place."""
    out: list[RenderableType] = []
    for party in comparison.parties:
        position = row.positions.get(party.id)
        title = Text(literal(party.name), style="bold underline")
        if position is None:
            title.append("  silent on this topic", style="dim italic")
            out.append(title)
            continue
        out.append(title)
        body = Text("  ")
        body.append(literal(position.text))
        facts = [f"{literal(position.source_title or position.source)}" if position.source else "",
                 position.confidence.value,
                 f"{literal(party.file)}:{position.line}:{position.column}"]
        body.append("\n  " + " · ".join(f for f in facts if f), style="dim")
        if position.quote:
            body.append("\n  “" + literal(position.quote) + "”", style="italic")
        if position.by:
            body.append("\n  by: " + literal(position.by))
        for condition in position.conditions:
            body.append("\n  if: " + literal(condition))
        if position.note:
            body.append("\n  note: " + literal(position.note), style="dim")
        if position.written_topic != row.topic:
            body.append(f"\n  written as {literal(position.written_topic)}", style="dim")
        out.append(body)
    return out


def pair_lines(row: Row, comparison: Comparison) -> list[RenderableType]:
    """For three or more parties, or a baseline: this topic in every pair."""
    names = {p.id: literal(p.name) for p in comparison.parties}
    out: list[RenderableType] = []
    for pair in comparison.pairs:
        pair_row = pair.row(row.topic)
        if pair_row is None:
            continue
        look = LOOKS[pair_row.status]
        line = Text(f"  {look.glyph} {look.word:<10}", style=f"bold {look.color}")
        line.append(f"{names[pair.parties[0]]} vs {names[pair.parties[1]]}")
        out.append(line)
    if out:
        out.insert(0, Text("Pairs", style="bold"))
    return out


def detail_renderable(row: Row, comparison: Comparison, width: int = PICTURE_WIDTH) -> Group:
    look = LOOKS[row.status]
    head = Text(f"{look.glyph} {look.word}", style=f"bold {look.color}")
    head.append(f"  {literal(row.label)}", style="bold")
    head.append(f"  {row.topic}", style="dim")
    distance = distance_text(row)
    if distance:
        head.append(f"  distance {distance}", style="dim")
    parts: list[RenderableType] = [head, Text(literal(row.explanation))]
    if row.alignment:
        parts.append(Text(literal(alignment_text(row)), style="dim italic"))
    drawing = picture(row, comparison.parties, width)
    if drawing is not None:
        parts += [Text(""), drawing]
    parts += [Text(""), *clause_lines(row, comparison)]
    pairs = pair_lines(row, comparison)
    if pairs:
        parts += [Text(""), *pairs]
    return Group(*parts)


class DetailPane(VerticalScroll):
    DEFAULT_CSS = """
    DetailPane { height: 45%; border-top: solid $primary 40%; padding: 0 1; }
    DetailPane > Static { width: 1fr; }
    """

    def compose(self):
        yield Static(id="detail-body")

    def show(self, row: Row | None, comparison: Comparison | None) -> None:
        body = self.query_one("#detail-body", Static)
        if row is None or comparison is None:
            body.update(Text("No topic selected.", style="dim"))
            return
        width = max(20, min(60, self.size.width - 24))
        body.update(detail_renderable(row, comparison, width))
        self.scroll_home(animate=False)
