"""The bottom line: every key of the app, from the one list of bindings.

One widget that renders a line of text, instead of Textual's Footer with a widget per
key: the Footer's per-key restyling cost more than all the rest of the first paint.
When one line does not fit, the keys take two, so every key stays in sight at 80 columns.
Keys that do nothing for the files shown (stepping through rounds when there is one)
are left out.
"""

from __future__ import annotations

from collections.abc import Collection

from textual.content import Content
from textual.widgets import Static

from textual.binding import Binding

from tui.app.actions import BINDINGS, OPTIONAL, key_label

PALETTE_KEY = "ctrl+p"


def _entries(skip: frozenset[Binding.Group] = frozenset()) -> list[tuple[str, str]]:
    """(keys, description) in binding order; grouped keys share one description; the groups
    in `skip` are left out."""
    entries: list[tuple[str, str]] = []
    seen_groups: set[str] = set()
    for binding in BINDINGS:
        if not binding.show or binding.group in skip:
            continue
        group = binding.group
        if group is None:
            entries.append((key_label(binding), binding.description))
        elif group.description not in seen_groups:
            seen_groups.add(group.description)
            keys = [key_label(b) for b in BINDINGS if b.group == group]
            entries.append((" ".join(keys), group.description))
    return [*entries, (PALETTE_KEY, "palette")]


def key_lines(width: int = 200, skip: frozenset[Binding.Group] = frozenset()
              ) -> list[list[tuple[str, str]]]:
    """The entries laid out in as few lines of `width` cells as they need."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for keys, label in _entries(skip):
        size = len(keys) + len(label) + 3
        if lines[-1] and used + size > width:
            lines.append([])
            used = 0
        lines[-1].append((keys, label))
        used += size
    return lines


def key_bar_text(width: int = 200, skip: frozenset[Binding.Group] = frozenset()) -> Content:
    """`j k move  n N gap  f Filter  …  ctrl+p palette`, on as many lines as `width` needs."""
    parts: list[tuple[str, str] | str] = []
    for number, line in enumerate(key_lines(width, skip)):
        if number:
            parts.append("\n")
        for keys, label in line:
            parts += [(f" {keys}", "bold $accent"), f" {label} "]
    return Content.assemble(*parts)


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $text-muted;
             text-wrap: nowrap; text-overflow: ellipsis; }
    """

    skip: frozenset[Binding.Group] = OPTIONAL

    def offer(self, offered: Collection[Binding.Group]) -> None:
        """Show `[ ] round` only while there are rounds to step through, `p pairs` while
        there are pairs."""
        skip = OPTIONAL - set(offered)
        if skip != self.skip:
            self.skip = skip
            self.on_resize()

    def on_resize(self) -> None:
        width = self.size.width
        self.styles.height = len(key_lines(width, self.skip))
        self.update(key_bar_text(width, self.skip))
