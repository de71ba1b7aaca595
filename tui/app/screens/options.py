"""`o`: pick the option shown for a party that offers several, each with its score against
the other parties, the closest marked, and the rows where the options differ."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from diffing import Comparison
from tui.reports.layout import offered_options, option_differences, option_marks, summary_line
from tui.terminal import literal


class OptionScreen(ModalScreen[tuple[str, str] | None]):
    """Dismisses with (party id, option id), or None when cancelled."""

    DEFAULT_CSS = """
    OptionScreen { align: center middle; }
    OptionScreen > Vertical { width: 90%; max-width: 110; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1; }
    OptionScreen OptionList { height: auto; max-height: 16; }
    OptionScreen #option-differences { height: auto; max-height: 10; color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-option",
                        tooltip="Keep the options shown")]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison
        self.choices: dict[str, tuple[str, str]] = {}

    def compose(self) -> ComposeResult:
        entries: list[Option] = []
        differences = Text()
        for party, scores in offered_options(self.comparison):
            entries.append(Option(Text(literal(party.name), style="bold"), disabled=True))
            for score in scores:
                key = f"{len(self.choices)}"
                self.choices[key] = (party.id, score.option)
                line = Text()
                line.append("  ● " if score.shown else "  ○ ", style="bold")
                line.append(literal(score.label), style="bold" if score.shown else "")
                line.append(f"  ({literal(score.option)})", style="dim")
                line.append(f"  {option_marks(score)}", style="bold green")
                line.append("\n    " + literal(summary_line(score.summary)), style="dim")
                entries.append(Option(line, id=key))
            for text in option_differences(self.comparison, party.id):
                differences.append(f"{literal(party.name)}: {literal(text)}\n")
        with Vertical():
            yield Static(Text("Show which option? (each scored against the other parties)",
                              style="bold"))
            yield OptionList(*entries)
            if differences:
                differences.rstrip()
                yield Static(Text("Where the options differ", style="bold"))
                yield Static(differences, id="option-differences")

    def on_mount(self) -> None:
        """The cursor starts on the first party's option shown."""
        shown = next((key for key, (party, option) in self.choices.items()
                      if self.comparison.party(party).option == option), None)
        if shown is not None:
            options = self.query_one(OptionList)
            options.highlighted = options.get_option_index(shown)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[str(event.option.id)])

    def action_cancel(self) -> None:
        self.dismiss(None)
