"""The detail pane's part about rounds: what each party's new text did to the selected row
(the value it had before, and how far the move went toward the others, in the engine's
words), and the row round by round, so one reads how the topic moved.

Renderables only; every word from a proposal file goes through `literal`.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from diffing import Row
from diffing.history_result import History, Move
from tui.app.rounds import PartyChange, RoundView, topic_rounds
from tui.reports.history.layout import MOVES
from tui.reports.layout import LOOKS, position_text
from tui.terminal import literal

INDENT = (0, 0, 0, 4)  # a move's values and explanation, wrapped lines included


def move_mark(move: Move) -> Text:
    """`↔ changed`: a glyph and a word, the colour only beside them."""
    look = MOVES[move]
    return Text(f"{look.glyph} {look.word}", style=f"bold {look.color}")


def change_block(history: History, found: PartyChange) -> list[RenderableType]:
    """One party's move on the row: before and after, each under its round, and the
    engine's explanation of how far it went toward each other party."""
    change = found.change
    since = literal(history.rounds[found.step.since].label)
    now = literal(history.rounds[found.step.round].label)
    head = Text("  ")
    head.append_text(move_mark(change.move))
    head.append(f"  {literal(found.party.name)}", style="bold")
    out: list[RenderableType] = [head]
    width = max(len(since), len(now)) + 1
    for label, position in ((since, change.before), (now, change.after)):
        line = Text(f"{label + ':':<{width}} ", style="dim")
        line.append(literal(position_text(position)),
                    style="dim italic" if position is None else "")
        out.append(Padding(line, INDENT))
    out.append(Padding(Text(literal(change.explanation)), INDENT))
    return out


def change_lines(view: RoundView, row: Row) -> list[RenderableType]:
    """`Moves in Istanbul II`: each party whose new text changed, added or dropped the row."""
    found = view.changes(row.id)
    if not found:
        return []
    out: list[RenderableType] = [Text(f"Moves in {literal(view.round.label)}", style="bold")]
    for each in found:
        out += change_block(view.history, each)
    return out


def topic_history(view: RoundView, row: Row) -> list[RenderableType]:
    """Every round, every party's position on the row's id, with the row's status then and
    each party's move; ▸ marks the round shown."""
    table = Table(show_header=True, header_style="dim", box=None, padding=(0, 1),
                  pad_edge=False, expand=False)
    table.add_column("Round", overflow="fold")
    table.add_column("Status", no_wrap=True)
    table.add_column("Party", overflow="fold")
    table.add_column("", no_wrap=True)  # the move
    table.add_column("Position", overflow="fold", ratio=1)
    for round_, comparison, found in topic_rounds(view.history, row.id):
        label = Text(("▸ " if round_.index == view.index else "  ") + literal(round_.label),
                     style="bold" if round_.index == view.index else "")
        if comparison is None:
            table.add_row(label, Text(""), Text(""), Text(""),
                          Text("one party stood: nothing compared", style="dim italic"))
            continue
        if found is None:
            table.add_row(label, Text(""), Text(""), Text(""),
                          Text("no party addressed it", style="dim italic"))
            continue
        look = LOOKS[found.status]
        status = Text(f"{look.glyph} {look.word}", style=f"bold {look.color}")
        moves = RoundView(view.history, round_.index).moves
        for number, party in enumerate(comparison.parties):
            position = found.positions.get(party.id)
            move = moves.get((row.id, party.id))
            glyph = Text(MOVES[move.change.move].glyph,
                         style=f"bold {MOVES[move.change.move].color}") if move else Text("")
            table.add_row(label if number == 0 else Text(""),
                          status if number == 0 else Text(""), Text(literal(party.name)), glyph,
                          Text(literal(position_text(position)),
                               style="dim" if position is None else ""))
    return [Text(f"Round by round ({literal(row.id)})", style="bold"), table]
