"""Messages widgets post instead of reaching into each other; the app routes them."""

from __future__ import annotations

from textual.message import Message


class TopicChosen(Message):
    """A widget moved the selection to a topic (and, from the grid, to a party's column)."""

    def __init__(self, topic: str, party: str | None = None) -> None:
        super().__init__()
        self.topic = topic
        self.party = party
