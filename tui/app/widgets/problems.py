"""The banner that shows why the files cannot be compared right now, with file:line:col."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from proposals.problems import Problem
from tui.terminal import literal

SHOWN = 6


def problems_text(problems: Sequence[Problem], stale: bool) -> Text:
    out = Text()
    if stale:
        out.append("Showing the last good comparison. ", style="bold")
    errors = [p for p in problems if p.is_error]
    out.append(f"{len(errors)} error{'s' * (len(errors) != 1)} in the files:", style="bold")
    for problem in errors[:SHOWN]:
        out.append("\n" + literal(str(problem)))
    if len(errors) > SHOWN:
        out.append(f"\n… and {len(errors) - SHOWN} more (`ceasefire check` lists them all)")
    return out


class ProblemBar(Static):
    """Hidden while the files are valid."""

    DEFAULT_CSS = """
    ProblemBar { display: none; height: auto; max-height: 9; padding: 0 1;
                 background: $error 25%; border-left: thick $error; }
    ProblemBar.-visible { display: block; }
    """

    def show(self, problems: Sequence[Problem], stale: bool) -> None:
        errors = [p for p in problems if p.is_error]
        self.set_class(bool(errors), "-visible")
        if errors:
            self.update(problems_text(errors, stale))
