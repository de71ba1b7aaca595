"""`y`: a small menu of what to copy from the selected row, each with its key and a preview;
what the row lacks (a clause without a quote) is shown and cannot be chosen."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.actions import COPY_BINDINGS, key_label
from tui.app.copying import preview


class CopyScreen(ModalScreen[str | None]):
    """Dismisses with what to copy (`clause`, `quote`, `place`, `explanation`), or None."""

    DEFAULT_CSS = """
    CopyScreen { align: center middle; }
    CopyScreen > Vertical { width: 76; height: auto; border: thick $primary;
        background: $surface; padding: 0 1; }
    CopyScreen OptionList { height: auto; }
    """
    BINDINGS = COPY_BINDINGS

    def __init__(self, texts: Mapping[str, str], title: str) -> None:
        super().__init__()
        self.texts = texts
        self.title_text = title

    def compose(self) -> ComposeResult:
        options = []
        for binding in COPY_BINDINGS:
            if not binding.id or not binding.id.startswith("copy-"):
                continue  # escape
            what = binding.id.removeprefix("copy-")
            line = Text(f"{key_label(binding)}  ", style="bold")
            line.append(f"{binding.description:<12}")
            text = self.texts.get(what)
            line.append(preview(text) if text else "(none)", style="" if text else "dim")
            options.append(Option(line, id=what, disabled=text is None))
        with Vertical():
            yield Static(Text(self.title_text, style="bold"))
            yield OptionList(*options)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, what: str) -> None:
        if what in self.texts:
            self.dismiss(what)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)
