"""`x`: write the report of what is shown to a new file, never over an existing one."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from diffing import Comparison
from tui.files import write_new
from tui.reports import render_text
from tui.terminal import literal

FORMATS = {"markdown": ".md", "json": ".json", "html": ".html"}


class ExportScreen(ModalScreen[Path | None]):
    """Pick a format, confirm a file name; dismisses with the path written, or None."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 70; height: auto; border: thick $primary;
        background: $surface; padding: 0 1; }
    ExportScreen OptionList { height: auto; }
    ExportScreen #export-error { color: $error; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-export")]

    def __init__(self, comparison: Comparison, folder: Path) -> None:
        super().__init__()
        self.comparison = comparison
        self.folder = folder
        self.report_format = "markdown"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Export the report of what is shown", style="bold"))
            yield OptionList(*(Option(name, id=name) for name in FORMATS), id="export-format")
            yield Input(value=self._default_path("markdown"), id="export-name")
            yield Static("", id="export-error")

    def _default_path(self, report_format: str) -> str:
        return str(self.folder / f"ceasefire-report{FORMATS[report_format]}")

    @on(OptionList.OptionSelected, "#export-format")
    def _format(self, event: OptionList.OptionSelected) -> None:
        self.report_format = str(event.option.id)
        name = self.query_one("#export-name", Input)
        name.value = str(Path(name.value).with_suffix(FORMATS[self.report_format]))
        name.focus()

    @on(Input.Submitted, "#export-name")
    def _write(self, event: Input.Submitted) -> None:
        path = Path(event.value).expanduser()
        try:
            write_new(path, render_text(self.comparison, self.report_format))
        except FileExistsError:
            self._error(f"{path} exists; choose another name (nothing is ever overwritten)")
            return
        except OSError as error:
            self._error(f"cannot write {path}: {error.strerror or error}")
            return
        self.dismiss(path)

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(Text(literal(message)))

    def action_cancel(self) -> None:
        self.dismiss(None)
