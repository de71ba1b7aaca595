"""`x`: write the report of what is shown to a file, never over one without asking.

The name decides the format when its suffix names one (`r.json` is JSON, whatever the list
says); a folder means a new default name inside it; the default name is one that is free
(`ceasefire-report.md`, then `ceasefire-report-2.md`, …), so a second export just works.
"""

from __future__ import annotations

from collections.abc import Collection
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
from tui.files import one_of, write_atomically, write_new
from tui.reports import BY_SUFFIX, render_text
from tui.terminal import literal

FORMATS = {"markdown": ".md", "json": ".json", "html": ".html", "text": ".txt"}
STEM = "ceasefire-report"


def free_name(folder: Path, report_format: str) -> Path:
    """The first of `ceasefire-report.md`, `ceasefire-report-2.md`, … not in `folder`."""
    suffix = FORMATS[report_format]
    candidate, number = folder / f"{STEM}{suffix}", 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = folder / f"{STEM}-{number}{suffix}"
    return candidate


def target(typed: str, report_format: str) -> tuple[Path, str]:
    """Where to write what was typed, and in which format: a folder gets a free default
    name inside it; a known suffix decides the format, else the list's choice does."""
    path = Path(typed).expanduser()
    if typed.endswith(("/", "\\")) or path.is_dir():
        return free_name(path, report_format), report_format
    return path, BY_SUFFIX.get(path.suffix.lower(), report_format)


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

    def __init__(self, comparison: Comparison, folder: Path,
                 compared: Collection[Path] = ()) -> None:
        """`compared`: the proposal files, which an export never replaces."""
        super().__init__()
        self.comparison = comparison
        self.folder = folder
        self.compared = {str(path): path for path in compared}
        self.report_format = "markdown"
        self.replacing: Path | None = None  # an existing file the user was asked about

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Export the report of what is shown "
                              "(the name's suffix picks the format)", style="bold"))
            yield OptionList(*(Option(name, id=name) for name in FORMATS), id="export-format")
            yield Input(value=str(free_name(self.folder, "markdown")), id="export-name")
            yield Static("", id="export-error")

    @on(OptionList.OptionSelected, "#export-format")
    def _format(self, event: OptionList.OptionSelected) -> None:
        self.report_format = str(event.option.id)
        name = self.query_one("#export-name", Input)
        typed = Path(name.value).expanduser()
        if typed.name.startswith(STEM):  # still a default name: the next free one
            name.value = str(free_name(typed.parent, self.report_format))
        else:
            name.value = str(typed.with_suffix(FORMATS[self.report_format]))
        name.focus()

    @on(Input.Changed, "#export-name")
    def _renamed(self) -> None:
        self.replacing = None
        self._error("")

    @on(Input.Submitted, "#export-name")
    def _write(self, event: Input.Submitted) -> None:
        path, report_format = target(event.value, self.report_format)
        if one_of(path, self.compared) is not None:  # said before asking to replace it
            self._error(f"{path} is a proposal compared here: the app never writes it")
            return
        content = render_text(self.comparison, report_format)
        try:
            if self.replacing == path:  # asked, and Enter pressed again
                write_atomically(path, content, self.compared)
            else:
                write_new(path, content)
        except FileExistsError:
            self.replacing = path
            self._error(f"{path} exists: press Enter again to replace it, "
                        "or change the name")
            return
        except OSError as error:
            self._error(f"cannot write {path}: {error.strerror or error}")
            return
        self.dismiss(path)

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(Text(literal(message)))

    def action_cancel(self) -> None:
        self.dismiss(None)
