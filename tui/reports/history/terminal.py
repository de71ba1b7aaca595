"""The terminal report of a history: the rounds, the agreement index by round, then each
party's steps, a table of changes each, the move and its direction toward each other
party marked by a glyph and a word, in colour where colour is on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffing.history_result import Change, History, Move, PartyHistory, Step
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
from tui.reports.layout import LOOKS, position_text
from tui.terminal import literal

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text


def render(history: History, console: Console) -> None:
    """Print the report to `console` (which decides about colour and width)."""
    for renderable in renderables(history):
        console.print(renderable)


def _text(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(literal(text), style=style)


def renderables(history: History) -> list[RenderableType]:
    from rich.text import Text

    out: list[RenderableType] = [_text(title(history), "bold")]
    out += [_text("  " + round_line(history, r), "dim") for r in history.rounds]
    if has_index(history):
        out += [Text(""), _index(history)]
    for party, step, overall in sections(history):
        out += [Text(""), *_step(history, party, step, overall)]
    if closing(history):
        out += [Text(""), Text(closing(history))]
    return out


def _index(history: History) -> Table:
    """Each round's topics by status (one a line, so none is split), its agreement index,
    and like for like."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=INDEX_TITLE, title_justify="left", title_style="bold",
                  header_style="bold", expand=True)
    for column, ratio in zip(ROUND_COLUMNS, (3, 3, 3, 5)):
        table.add_column(column, ratio=ratio, min_width=8)
    for round_ in history.rounds:
        counts = Text("\n").join(Text(said, style=f"bold {LOOKS[status].color}")
                                 for status, said in status_counts(round_.summary))
        table.add_row(_text(round_.label), counts or Text(NO_INDEX), index_line(round_),
                      trend_line(round_) or NO_INDEX)
    return table


def _step(history: History, party: PartyHistory, step: Step,
          overall: bool) -> list[RenderableType]:
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
    listed.add_column(ratio=1)
    for move, changes in groups:
        look = MOVES[move]
        listed.add_row("", Text(look.glyph, style=f"bold {look.color}"),
                       _text(group_line(move, changes)))
        if overall and move is Move.CHANGED:  # first to last, the values are enough
            for change in changes:
                listed.add_row("", "", _text("· " + change_line(change)))
    out.append(listed)
    if not overall:  # first to last: the steps above tell each change
        out.append(_changes(history, step, groups))
    return out


def _changes(history: History, step: Step, groups: list[tuple[Move, list[Change]]]) -> Table:
    from rich.table import Table
    from rich.text import Text

    move, topic, what = CHANGE_COLUMNS
    table = Table(expand=True, show_lines=True, header_style="bold")
    table.add_column(move, no_wrap=True, min_width=10)
    table.add_column(topic, ratio=3, min_width=14, overflow="fold")
    for label in (round_label(history, step.since), round_label(history, step.round)):
        table.add_column(_text(label), ratio=3, min_width=10, overflow="fold")
    table.add_column(what, ratio=6, min_width=16, overflow="fold")  # a long word folds, whole
    for _, changes in groups:
        for change in changes:
            look = MOVES[change.move]
            heading = _text(change_heading(change))
            heading.append("\n" + literal(change.id), style="dim")
            said = Text()
            for gap, words in directions(history, step, change):
                direction = DIRECTIONS[gap.direction]
                said.append(f"{direction.glyph} {literal(words)}\n",
                            style=f"bold {direction.color}")
            said.append(literal(change.explanation))
            table.add_row(Text(f"{look.glyph} {look.word}", style=f"bold {look.color}"),
                          heading, _position(change.before), _position(change.after), said)
    return table


def _position(position) -> Text:
    """A text's value on the row, `—` (dimmed) where it does not address it."""
    return _text(position_text(position), "" if position is not None else "dim")
