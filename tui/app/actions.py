"""Every key of the app, declared once: the key bar, the help screen and the command palette
all read this list, and a user keymap can rebind any of them by its id.

The key bar keeps to two lines at 80 columns: keys a person finds by their neighbours or
in help (`F`, `g G`, `h l`, `enter`, `esc`, `s`, `:`, `z`, `+ -`) are not shown there
(`show=False`).
"""

from __future__ import annotations

from textual.binding import Binding

MOVE = Binding.Group("move")
GAPS = Binding.Group("gap")
ENDS = Binding.Group("first/last")
PANES = Binding.Group("pane")
FILTER = Binding.Group("filter")
ROUNDS = Binding.Group("round")
"""Shown in the key bar only when the files hold several rounds."""
SIZE = Binding.Group("detail size")
PAIRS = Binding.Group("pairs")
"""Shown in the key bar only when the comparison has pairs (three parties, or a baseline)."""
OPTIONAL = frozenset({ROUNDS, PAIRS})
"""The groups the key bar leaves out until the files give them something to do."""

BINDINGS: list[Binding] = [
    Binding("j", "cursor_down", "Down", id="cursor-down", group=MOVE,
            tooltip="Next row (also ↓)"),
    Binding("k", "cursor_up", "Up", id="cursor-up", group=MOVE,
            tooltip="Previous row (also ↑)"),
    Binding("g", "first_row", "First", id="first-row", group=ENDS, show=False,
            tooltip="Jump to the first row (also Home)"),
    Binding("G", "last_row", "Last", id="last-row", group=ENDS, key_display="G", show=False,
            tooltip="Jump to the last row (also End)"),
    Binding("h", "focus_pane(-1)", "Left pane", id="focus-left", group=PANES, show=False,
            tooltip="Focus the grid (from the detail)"),
    Binding("l", "focus_pane(1)", "Right pane", id="focus-right", group=PANES, show=False,
            tooltip="Focus the detail (from the grid), to scroll it"),
    Binding("enter", "open_detail", "Detail", id="open-detail", key_display="enter",
            show=False, tooltip="Focus the detail pane to scroll the selected row's clauses"),
    Binding("n", "next_gap", "Next gap", id="next-gap", group=GAPS,
            tooltip="Jump to the next row that is not agreed"),
    Binding("N", "previous_gap", "Previous gap", id="previous-gap", group=GAPS,
            key_display="N", tooltip="Jump to the previous row that is not agreed"),
    Binding("left_square_bracket", "previous_round", "Previous round", id="previous-round",
            group=ROUNDS, key_display="[",
            tooltip="Show the round before: its texts compared, what they changed marked"),
    Binding("right_square_bracket", "next_round", "Next round", id="next-round",
            group=ROUNDS, key_display="]",
            tooltip="Show the round after, up to the latest texts"),
    Binding("f", "cycle_filter", "Filter", id="cycle-filter", group=FILTER,
            tooltip="Show all, gaps only, conflict, partial, one-sided, unclear or agreed"),
    Binding("F", "previous_filter", "Previous filter", id="previous-filter", group=FILTER,
            key_display="F", show=False, tooltip="Step back through the filters"),
    Binding("s", "cycle_sort", "Sort", id="cycle-sort", show=False,
            tooltip="Sort by area, by distance (furthest apart first) or by status"),
    Binding("colon", "jump", "Jump", id="jump", key_display=":", show=False,
            tooltip="Jump to any topic by its name, key or alias (ctrl+p finds topics too)"),
    Binding("slash", "search", "Search", id="search", key_display="/",
            tooltip="Search topics, positions and explanations"),
    Binding("escape", "clear", "Clear", id="clear", key_display="esc", show=False,
            tooltip="Close the search box or leave the detail; then clear the search, then the filter"),
    Binding("z", "zoom", "Zoom", id="zoom", show=False,
            tooltip="Give the screen to the grid, then to the detail, then to both again"),
    Binding("plus", "resize_detail(1)", "Larger detail", id="grow-detail", key_display="+",
            group=SIZE, show=False, tooltip="Give the detail pane more of the screen"),
    Binding("minus", "resize_detail(-1)", "Smaller detail", id="shrink-detail",
            key_display="-", group=SIZE, show=False,
            tooltip="Give the grid more of the screen"),
    Binding("y", "copy", "Copy", id="copy",
            tooltip="Copy the selected clause (then c), its quote (q), its file:line (l) or "
                    "the explanation (e)"),
    Binding("e", "edit", "Edit", id="edit",
            tooltip="Open $VISUAL or $EDITOR at the selected clause, then reload"),
    Binding("r", "reload", "Reload", id="reload", tooltip="Read the files again"),
    Binding("b", "pick_baseline", "Baseline", id="pick-baseline",
            tooltip="Compare every party with one party: its column first, each other "
            "party's cell marked with its status against it, the counts per pair"),
    Binding("p", "pairs", "Pairs", id="pairs", group=PAIRS,
            tooltip="The agreement index of every two parties; pick a pair to list its rows"),
    Binding("x", "export", "Export", id="export",
            tooltip="Write the report as Markdown, JSON or HTML"),
    Binding("t", "timeline", "Timeline", id="timeline",
            tooltip="Every party's phases and timed clauses on one axis of days"),
    Binding("o", "pick_option", "Options", id="pick-option",
            tooltip="Pick the option shown for a party that offers several, by their scores"),
    Binding("c", "cycle_theme", "Theme", id="cycle-theme", tooltip="Switch the colour theme"),
    Binding("question_mark", "help", "Help", id="help", key_display="?",
            tooltip="All keys and what the statuses mean"),
    Binding("q", "quit", "Quit", id="quit", tooltip="Leave the app"),
    Binding("ctrl+c", "quit", "Quit at once", id="quit-at-once", show=False, priority=True,
            tooltip="Leave the app from any screen or box, even while files are being read"),
]

COPY_BINDINGS: list[Binding] = [
    Binding("c", "pick('clause')", "Clause", id="copy-clause",
            tooltip="The clause of the party under the cursor, as the detail shows it"),
    Binding("q", "pick('quote')", "Quote", id="copy-quote",
            tooltip="The words its source is quoted with"),
    Binding("l", "pick('place')", "file:line", id="copy-place",
            tooltip="Where the clause is written"),
    Binding("e", "pick('explanation')", "Explanation", id="copy-explanation",
            tooltip="Why the row has its status, and how far apart"),
    Binding("escape", "cancel", "Close", id="close-copy", tooltip="Copy nothing"),
]
"""The keys of `y`'s menu, each followed by what it copies."""


def key_label(binding: Binding) -> str:
    """The key as a person presses it: `/`, `?`, `N`, `j`."""
    return binding.key_display or binding.key
