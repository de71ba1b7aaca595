"""Messages widgets post instead of reaching into each other; the app routes them."""

from __future__ import annotations

from textual.message import Message

from diffing import Comparison, Row


class RowChosen(Message):
    """A widget moved the selection to a row, by its id (and, from the grid, to a party's
    column): a topic may have several rows, one per party that acts and per phase."""

    def __init__(self, row: str, party: str | None = None) -> None:
        super().__init__()
        self.row = row
        self.party = party


class ComparisonShown(Message, bubble=False):
    """The app shows a new comparison or selection: a screen that draws the comparison (the
    timeline) redraws; other screens ignore it."""

    def __init__(self, comparison: Comparison, row: Row | None) -> None:
        super().__init__()
        self.comparison = comparison
        self.row = row
