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
    TopicList { width: 30; height: 1fr; border: none; border-right: solid $primary 30%;
                text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self._current: str | None = None  # the topic the app last put here

    def show(self, comparison: Comparison, topic: str | None) -> None:
        self.set_options(topic_options(comparison))
        self.select(topic)

    def select(self, topic: str | None) -> None:
        """Highlight `topic`; the highlight message this causes is not announced back."""
        if topic is None:
            return
        try:
            index = self.get_option_index(topic)
        except LookupError:
            return
        self._current = topic
        if self.highlighted != index:
            self.highlighted = index

    @on(OptionList.OptionHighlighted)
    def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        """Announce only a topic the user moved to, never an echo of `select`."""
        event.stop()
        topic = event.option.id
        stale = event.option_index != self.highlighted  # the highlight has moved on since
        if topic and topic != self._current and not stale:
            self._current = topic
            self.post_message(TopicChosen(topic))
