"""The topic list: every shown topic grouped by area, each with its status glyph."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from diffing import Comparison
from tui.app.messages import TopicChosen
from tui.reports.layout import LOOKS, groups
from tui.terminal import literal


def topic_options(comparison: Comparison) -> list[Option]:
    """Area headings (disabled, so the cursor skips them) and one option per topic."""
    options: list[Option] = []
    for title, rows in groups(comparison):
        options.append(Option(Text(title, style="bold", no_wrap=True, overflow="ellipsis"),
                              disabled=True))
        for row in rows:
            look = LOOKS[row.status]
            prompt = Text(f"{look.glyph} ", style=f"bold {look.color}", no_wrap=True,
                          overflow="ellipsis")
            prompt.append(literal(row.label))
            options.append(Option(prompt, id=row.topic))
    return options


class TopicList(OptionList):
    DEFAULT_CSS = """
    TopicList { width: 30; height: 1fr; border: none; border-right: solid $primary 30%; }
    """

    def __init__(self, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self._quiet = False

    def show(self, comparison: Comparison, topic: str | None) -> None:
        self._quiet = True
        self.set_options(topic_options(comparison))
        self.select(topic)
        self._quiet = False

    def select(self, topic: str | None) -> None:
        """Highlight `topic` without announcing it (the app already knows)."""
        if topic is None:
            return
        try:
            index = self.get_option_index(topic)
        except LookupError:
            return
        if self.highlighted != index:
            self._quiet = True
            self.highlighted = index
            self._quiet = False

    @on(OptionList.OptionHighlighted)
    def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if not self._quiet and event.option.id:
            self.post_message(TopicChosen(event.option.id))
