"""`b`: choose the party every other party is compared with, or none."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from diffing.result import Party
from tui.terminal import literal

NO_BASELINE = "-none-"


class BaselineScreen(ModalScreen[str | None]):
    """Dismisses with a party id, NO_BASELINE, or None when cancelled."""

    DEFAULT_CSS = """
    BaselineScreen { align: center middle; }
    BaselineScreen > Vertical { width: 60; height: auto; max-height: 20; border: thick $primary;
        background: $surface; padding: 0 1; }
    BaselineScreen OptionList { height: auto; max-height: 14; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-baseline")]

    def __init__(self, parties: tuple[Party, ...], current: str | None) -> None:
        super().__init__()
        self.parties = parties
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option(Text("No baseline: compare everyone with everyone"), id=NO_BASELINE)]
        options += [Option(Text(literal(p.name) + ("  (current)" if p.id == self.current else "")),
                           id=p.id) for p in self.parties]
        with Vertical():
            yield Static(Text("Compare every party with:", style="bold"))
            yield OptionList(*options)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
