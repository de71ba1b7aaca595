"""`?`: every key from the one list of bindings, and what the five statuses mean."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.actions import BINDINGS, key_label
from tui.reports.layout import LOOKS

MEANINGS = {
    "agreed": "the positions are the same",
    "partial": "they overlap: a range all could accept, items in common, steps in another order",
    "conflict": "they do not meet; the distance says how far apart",
    "one-sided": "some party does not address the topic",
    "unclear": "a position without its terms, or free text worded differently",
}


def help_table() -> Table:
    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    table.add_row("↑ ↓ ← →", "Move between rows and parties (← → pick the party for e)")
    for binding in BINDINGS:
        table.add_row(key_label(binding), f"{binding.description} — {binding.tooltip}")
    table.add_row("ctrl+p", "Command palette: every action by name")
    table.add_row("", "")
    for status, look in LOOKS.items():
        table.add_row(Text(f"{look.glyph} {look.word}", style=f"bold {look.color}"),
                      MEANINGS[status.value])
    return table


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
