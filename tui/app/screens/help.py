"""`?`: every key from the one list of bindings, and what the five statuses mean."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from proposals.model import Confidence
from tui.app.actions import BINDINGS, key_label
from tui.app.columns import PROVENANCE
from tui.reports.layout import LOOKS

MEANINGS = {
    "agreed": "the positions are the same",
    "partial": "they overlap: a range all could accept, items in common, steps in another order",
    "conflict": "they do not meet; the distance says how far apart",
    "one-sided": "some party does not address the topic",
    "unclear": "a position without its terms, or free text worded differently",
}

PROVENANCE_MEANINGS = {
    Confidence.REPORTED: "after a value: the clause rests on a report, not an official text",
    Confidence.DISPUTED: "after a value: the sources disagree (each reading is in the detail)",
}


MEASURES = (
    ("distance", "How far apart a row's positions are, from 0 (agreed) to 1: up to 0.5 "
                 "they overlap (partial), above 0.5 they do not meet (conflict). One-sided "
                 "rows and positions without terms have none; s sorts by it."),
    ("agreement index", "The mean of (1 − distance) over the rows every party measurably "
                        "addresses: 1 when all agree, 0 when all are as far apart as can be. "
                        "One-sided and unclear rows do not count."),
)

OTHER_KEYS = (
    ("↑ ↓ ← →", "Move between rows and parties (← → pick the party for e)"),
    ("pgup pgdn", "A page up or down"),
    ("tab", "Move the focus between the grid and the detail (shift+tab: back)"),
    ("mouse", "Click a row to select it (in the grid, the party's cell too); "
              "the wheel scrolls the pane under the pointer"),
    ("ctrl+p", "Command palette: every action by name, and every topic"),
)


def help_table() -> Table:
    """Every key, what the statuses and the provenance marks mean."""
    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for binding in BINDINGS:
        table.add_row(key_label(binding), f"{binding.description} — {binding.tooltip}")
    for keys, meaning in OTHER_KEYS:
        table.add_row(keys, meaning)
    table.add_row("", "")
    for status, look in LOOKS.items():
        table.add_row(Text(f"{look.glyph} {look.word}", style=f"bold {look.color}"),
                      MEANINGS[status.value])
    table.add_row("", "")
    for confidence, glyph in PROVENANCE.items():
        table.add_row(f"{glyph} {confidence.value}", PROVENANCE_MEANINGS[confidence])
    return table


def measures_text() -> Text:
    """The two numbers the app shows, each in a paragraph (their names would widen the
    table's key column)."""
    out = Text()
    for name, meaning in MEASURES:
        out.append(f"\n{name}", style="bold")
        out.append(f" — {meaning}\n")
    return out


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 100; height: 90%; max-height: 32;
        border: thick $primary; background: $surface; padding: 0 1; }
    """
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="close-help")]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text("ceasefire — keys", style="bold"))
            yield Static(help_table())
            yield Static(measures_text())
