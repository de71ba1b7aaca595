"""The terminal report of a history: the rounds, the agreement index by round, then each
party's steps, a table of changes each, the move and its direction toward each other
party marked by a glyph and a word, in colour where colour is on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffing.history_result import Change, History, Move, PartyHistory, Step
from diffing.result import Position
from tui.reports.history.layout import (
    CHANGE_COLUMNS,
    DIRECTIONS,
    INDEX_TITLE,
    MOVES,
    NO_INDEX,
    ROUND_COLUMNS,
    by_move,
    change_heading,
    change_line,
    closing,
    counts_line,
    directions,
    group_line,
    history_citations,
    step_cited,
    has_index,
    has_others,
    index_line,
    round_label,
    round_line,
    status_counts,
    sections,
    step_title,
    title,
    trend_line,
)
from tui.reports.cite import Citations, source_text
from tui.reports.fit import Column, fit_tables, heading_line, indented, labelled
from tui.reports.layout import LOOKS, position_text
from tui.terminal import literal

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text


def render(history: History, console: Console, cite: bool = False) -> None:
    """Print the report to `console` (which decides about colour and width); with `cite`,
    each clause's source mark, quote and note, and the sources listed at the end."""
    for renderable in renderables(history, console, cite):
        console.print(renderable)


def _text(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(literal(text), style=style)


def renderables(history: History, console: Console,
                cite: bool = False) -> list[RenderableType]:
    from rich.text import Text

    citations = history_citations(history) if cite else None
    out: list[RenderableType] = [_text(title(history), "bold")]
    out += [indented(console, _text(round_line(history, r), "dim")) for r in history.rounds]
    if has_index(history):
        out += [Text(""), *_index(history, console)]
    for party, step, overall in sections(history):
        out += [Text(""), *_step(history, console, party, step, overall, citations)]
    if closing(history):
        out += [Text(""), Text(closing(history))]
    if citations and citations.listed():
        out += [Text(""), Text("Sources", style="bold"),
                *(indented(console, _text(source_text(c))) for c in citations.listed())]
    return out


def _index(history: History, console: Console) -> list[RenderableType]:
    """Each round's topics by status, its agreement index, and like for like: a table when
    it fits (a status a line, so none is split), else a block per round."""
    from rich.text import Text

    def counts(round_, separator: str) -> Text:
        return Text(separator).join(Text(said, style=f"bold {LOOKS[status].color}")
                                    for status, said in status_counts(round_.summary))

    columns = [Column(name, floor=8, weight=weight)
               for name, weight in zip(ROUND_COLUMNS, (3, 3, 3, 5))]
    tables = fit_tables(console, columns, [(INDEX_TITLE, [
        [_text(round_.label), counts(round_, "\n") or Text(NO_INDEX), Text(index_line(round_)),
         Text(trend_line(round_) or NO_INDEX)] for round_ in history.rounds])],
        title_justify="left", title_style="bold", header_style="bold")
    if tables is not None:
        return list(tables)
    out: list[RenderableType] = [Text(INDEX_TITLE, style="bold")]
    for round_ in history.rounds:
        out += [_text(round_.label, "bold"),
                *(labelled(console, name, value) for name, value in zip(ROUND_COLUMNS[1:], (
                    counts(round_, " ") or Text(NO_INDEX), Text(index_line(round_)),
                    Text(trend_line(round_) or NO_INDEX))))]
    return out


def _step(history: History, console: Console, party: PartyHistory, step: Step,
          overall: bool, citations: Citations | None) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = [_text(step_title(history, party, step, overall), "bold"),
                                 Text(counts_line(step.counts, has_others(history)))]
    groups = by_move(step)
    if not groups:
        return out
    listed = Table.grid(padding=(0, 1))  # each group under its glyph, wrapped lines indented
    listed.add_column(width=1, no_wrap=True)
    listed.add_column(width=1, no_wrap=True)
    listed.add_column(ratio=1, overflow="fold")
    for move, changes in groups:
        look = MOVES[move]
        listed.add_row("", Text(look.glyph, style=f"bold {look.color}"),
                       _text(group_line(move, changes)))
        if overall and move is Move.CHANGED:  # first to last, the values are enough
            for change in changes:
                listed.add_row("", "", _text("· " + change_line(change)))
    out.append(listed)
    if not overall:  # first to last: the steps above tell each change
        out += _changes(history, console, step, groups, citations)
    return out


def _changes(history: History, console: Console, step: Step,
             groups: list[tuple[Move, list[Change]]],
             citations: Citations | None) -> list[RenderableType]:
    """A step's changes side by side when every column fits with its words whole, else a
    block per change."""
    from rich.text import Text

    move, topic, what = CHANGE_COLUMNS
    rounds = [_text(round_label(history, step.since)), _text(round_label(history, step.round))]
    changes = [change for _, listed in groups for change in listed]
    cells = []
    for change in changes:
        look = MOVES[change.move]
        heading = _text(change_heading(change))
        heading.append("\n" + literal(change.id), style="dim")
        cells.append([Text(f"{look.glyph} {look.word}", style=f"bold {look.color}"), heading,
                      *(_position(position, said) for position, said in zip(
                          (change.before, change.after),
                          step_cited(citations, history, step, change))),
                      _said(history, step, change)])
    tables = fit_tables(console, [Column(move, floor=10, weight=0),
                                  Column(topic, floor=14, weight=3),
                                  *(Column(label, floor=10, weight=3) for label in rounds),
                                  Column(what, floor=20, weight=6)], [(None, cells)],
                        show_lines=True, header_style="bold")
    if tables is not None:
        return list(tables)
    out: list[RenderableType] = []
    for change, (status, _, before, after, said) in zip(changes, cells):
        out += [Text(""), heading_line(console, status, change_heading(change), change.id),
                *(labelled(console, label, value)
                  for label, value in zip(rounds, (before, after))),
                indented(console, said)]
    return out


def _said(history: History, step: Step, change: Change) -> Text:
    """Which way the change went toward each other party, then the explanation."""
    from rich.text import Text

    said = Text()
    for gap, words in directions(history, step, change):
        direction = DIRECTIONS[gap.direction]
        said.append(f"{direction.glyph} {literal(words)}\n", style=f"bold {direction.color}")
    said.append(literal(change.explanation))
    return said


def _position(position: Position | None, cited: tuple[str, list[str]]) -> Text:
    """A text's value on the row, `—` (dimmed) where it does not address it; with its
    source's mark, quote and note when cited."""
    out = _text(position_text(position), "" if position is not None else "dim")
    mark, quoted = cited
    if mark:
        out.append(f" {mark}", style="dim")
    for line in quoted:
        out.append("\n" + literal(line), style="italic")
    return out
