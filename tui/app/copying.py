"""What `y` copies from the selected row: a party's clause, its quote, its file:line, and
the row's explanation; and the words that say what was copied.

The texts are what the screen shows (hidden characters revealed as <U+XXXX>), so nothing
pasted from the clipboard can carry a control character the reader never saw.
"""

from __future__ import annotations

from diffing import Party, Position, Row
from tui.app.headings import fit
from tui.reports.layout import value_text
from tui.terminal import literal, one_line

PREVIEW = 50


def copy_texts(row: Row, party: Party | None, position: Position | None) -> dict[str, str]:
    """{what: text} for each of `clause`, `quote`, `place` and `explanation` the row has
    (`party`'s clause: the one under the grid's cursor)."""
    texts = {"explanation": literal(row.explanation)}
    if party is not None and position is not None:
        texts["clause"] = literal(value_text(position))
        texts["place"] = f"{literal(position.file or party.file)}:{position.line}"
        if position.quote:
            texts["quote"] = literal(position.quote)
    return {what: text for what, text in texts.items() if text}


def preview(text: str) -> str:
    """A copied text on one short line, for the menu and the notification."""
    return fit(one_line(text), PREVIEW)


def copied_words(what: str, party: Party | None, text: str) -> str:
    """`Copied Russia's quote: “…”`: the notification after a copy."""
    owner = f"{literal(party.name)}'s " if party is not None and what != "explanation" else ""
    name = {"place": "file:line"}.get(what, what)
    return f"Copied {owner}{name}: {preview(text)}"
