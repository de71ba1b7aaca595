"""Plain text: what `ceasefire history` prints when piped. No escape codes, ASCII markers."""

from __future__ import annotations

from diffing.history_result import Change, History, Move, PartyHistory, Step
from tui.reports.history.layout import (
    INDEX_TITLE,
    MOVES,
    by_move,
    change_heading,
    change_line,
    closing,
    counts_line,
    group_line,
    history_citations,
    step_cited,
    has_index,
    has_others,
    index_line,
    round_label,
    round_line,
    sections,
    step_title,
    title,
    trend_line,
)
from tui.reports.cite import Citations, source_text
from tui.reports.layout import position_text
from tui.terminal import one_line


def render(history: History, cite: bool = False) -> str:
    """The history; with `cite`, each clause's source mark, quote and note, and the sources
    listed at the end."""
    citations = history_citations(history) if cite else None
    out = [one_line(title(history))]
    out += [f"  {one_line(round_line(history, r))}" for r in history.rounds]
    if has_index(history):
        width = max(len(one_line(r.label)) for r in history.rounds) + 2
        out += ["", f"== {INDEX_TITLE} =="]
        for round_ in history.rounds:
            out.append(f"  {one_line(round_.label):<{width}}{index_line(round_)}")
            trend = trend_line(round_)
            if trend:
                out.append(f"  {'':<{width}}{trend}")
    for party, step, overall in sections(history):
        out += ["", *_step(history, party, step, overall, citations)]
    if closing(history):
        out += ["", closing(history)]
    if citations and citations.listed():
        out += ["", "== Sources ==", *(f"  {one_line(source_text(c))}" for c in citations.listed())]
    return "\n".join(out) + "\n"


def _step(history: History, party: PartyHistory, step: Step, overall: bool,
          citations: Citations | None) -> list[str]:
    out = [f"== {one_line(step_title(history, party, step, overall))} ==",
           counts_line(step.counts, has_others(history))]
    groups = by_move(step)
    for move, changes in groups:
        out.append(f"  {one_line(group_line(move, changes))}")
        if overall and move is Move.CHANGED:  # first to last, the values are enough
            out += [f"    {one_line(change_line(change))}" for change in changes]
    if overall:  # the steps above tell each change
        return out
    since, now = round_label(history, step.since), round_label(history, step.round)
    width = max(len(one_line(since)), len(one_line(now))) + 2
    for _, changes in groups:
        for change in changes:
            out += ["", *_change(change, one_line(since), one_line(now), width,
                                 step_cited(citations, history, step, change))]
    return out


def _change(change: Change, since: str, now: str, width: int,
            cited: list[tuple[str, list[str]]]) -> list[str]:
    look = MOVES[change.move]
    out = [f"[{look.marker}] {look.word.upper()}  {one_line(change_heading(change))} ({change.id})"]
    for label, position, (mark, quoted) in zip((since, now), (change.before, change.after), cited):
        out.append(f"    {(label + ':'):<{width}} {one_line(position_text(position))}"
                   + (f" {mark}" if mark else ""))
        out += [f"    {'':<{width}} {one_line(line)}" for line in quoted]
    return out + [f"    -> {one_line(change.explanation)}"]
