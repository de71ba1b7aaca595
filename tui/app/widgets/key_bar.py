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


def key_lines(width: int = 200, skip: frozenset[Binding.Group] = frozenset(),
              entries: list[tuple[str, str]] | None = None) -> list[list[tuple[str, str]]]:
    """The entries (all but `skip`'s by default) laid out in as few lines of `width` cells
    as they need."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for keys, label in _entries(skip) if entries is None else entries:
        size = len(keys) + len(label) + 3
        if lines[-1] and used + size > width:
            lines.append([])
            used = 0
        lines[-1].append((keys, label))
        used += size
    return lines


def key_line(width: int, skip: frozenset[Binding.Group] = frozenset()
             ) -> list[list[tuple[str, str]]]:
    """One line for a small terminal: `? Help` first, then the keys that fit."""
    first = [entry for entry in _entries(skip) if entry[0] == "?"]
    rest = [entry for entry in _entries(skip) if entry[0] != "?"]
    return [first + key_lines(width - sum(len(k) + len(d) + 3 for k, d in first),
                              skip, rest)[0]]


def key_bar_text(width: int = 200, skip: frozenset[Binding.Group] = frozenset(),
                 compact: bool = False) -> Content:
    """`j k move  n N gap  f Filter  …  ctrl+p palette`, on as many lines as `width` needs
    (`compact`: on one line)."""
    parts: list[tuple[str, str] | str] = []
    lines = key_line(width, skip) if compact else key_lines(width, skip)
    for number, line in enumerate(lines):
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

    def set_compact(self, small: bool) -> None:
        """On a small terminal, one line that starts with `? Help`."""
        if small != self.has_class("-compact"):
            self.set_class(small, "-compact")
            self.on_resize()

    def on_resize(self) -> None:
        width = self.size.width
        small = self.has_class("-compact")
        self.styles.height = 1 if small else len(key_lines(width, self.skip))
        self.update(key_bar_text(width, self.skip, small))
