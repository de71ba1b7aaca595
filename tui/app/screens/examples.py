"""`e` on a bundled example: copy its files to a folder first, then edit the copies."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.copies import copy_bundled
from tui.inputs import Source
from tui.terminal import literal


def shown(folder: Path) -> str:
    """`./istanbul-2025-06-02/` for a folder under the working one, else the whole path."""
    try:
        return f"./{folder.absolute().relative_to(Path.cwd())}/"
    except ValueError:
        return f"{folder}/"


class ExampleCopyScreen(ModalScreen[list[Source] | None]):
    """Ask where to copy the example; dismisses with the sources now read from the copies,
    or None when cancelled."""

    DEFAULT_CSS = """
    ExampleCopyScreen { align: center middle; }
    ExampleCopyScreen > Vertical { width: 70; height: auto; border: thick $primary;
        background: $surface; padding: 0 1; }
    ExampleCopyScreen #example-error { color: $error; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-example-copy")]

    def __init__(self, sources: Sequence[Source], folder: Path) -> None:
        super().__init__()
        self.sources = list(sources)
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("This example is part of the installed package. Copy its files "
                              "to this folder and edit the copies (the app follows them). Enter "
                              "copies, Escape cancels:",
                              style="bold"))
            yield Input(value=shown(self.folder), id="example-folder")
            yield Static("", id="example-error")

    @on(Input.Submitted, "#example-folder")
    def _copy(self, event: Input.Submitted) -> None:
        folder = Path(event.value.strip() or ".").expanduser()
        try:
            copied = copy_bundled(self.sources, folder)
        except FileExistsError as error:
            self._error(f"{error}: nothing was copied. Choose another folder.")
            return
        except OSError as error:
            self._error(f"cannot copy to {folder}: {error.strerror or error}")
            return
        self.dismiss(copied)

    def _error(self, message: str) -> None:
        self.query_one("#example-error", Static).update(Text(literal(message)))

    def action_cancel(self) -> None:
        self.dismiss(None)
