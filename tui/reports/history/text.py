"""Plain text: what `ceasefire history` prints when piped. No escape codes, ASCII markers."""

from __future__ import annotations

from diffing.history_result import Change, History, Move, PartyHistory, Step
from tui.reports.history.layout import (
    MOVES,
    by_move,
    change_line,
    change_heading,
    counts_line,
    has_others,
    headline,
    index_line,
    round_label,
    round_line,
    step_title,
    steps_of,
    topics_named,
    trend_line,
)
from tui.reports.layout import position_text
from tui.terminal import one_line


def render(history: History) -> str:
    out = [f"ceasefire history: {one_line(headline(history))}"]
    out += [f"  {one_line(round_line(history, r))}" for r in history.rounds]
    if any(r.summary is not None for r in history.rounds):
        width = max(len(one_line(r.label)) for r in history.rounds) + 2
        out += ["", "== Agreement index by round =="]
        for round_ in history.rounds:
            out.append(f"  {one_line(round_.label):<{width}}{index_line(round_)}")
            trend = trend_line(round_)
            if trend:
                out.append(f"  {'':<{width}}{trend}")
    for party in history.parties:
        for step, overall in steps_of(party):
            out += ["", *_step(history, party, step, overall)]
    if not any(party.steps for party in history.parties):
        out += ["", "No party gave more than one text: nothing to follow."]
    return "\n".join(out) + "\n"


def _step(history: History, party: PartyHistory, step: Step, overall: bool) -> list[str]:
    out = [f"== {one_line(step_title(history, party, step, overall))} ==", counts_line(step.counts, has_others(history))]
    groups = by_move(step)
    for move, changes in groups:
        out.append(f"  {MOVES[move].word.capitalize()}: {one_line(topics_named(changes))}.")
        if overall and move is Move.CHANGED:  # first to last, the values are enough
            out += [f"    {one_line(change_line(change))}" for change in changes]
    if overall:  # the steps above tell each change
        return out
    since, now = round_label(history, step.since), round_label(history, step.round)
    width = max(len(one_line(since)), len(one_line(now))) + 2
    for _, changes in groups:
        for change in changes:
            out += ["", *_change(change, one_line(since), one_line(now), width)]
    return out


def _change(change: Change, since: str, now: str, width: int) -> list[str]:
    look = MOVES[change.move]
    return [
        f"[{look.marker}] {look.word.upper()}  {one_line(change_heading(change))} ({change.id})",
        f"    {(since + ':'):<{width}} {one_line(position_text(change.before))}",
        f"    {(now + ':'):<{width}} {one_line(position_text(change.after))}",
        f"    -> {one_line(change.explanation)}",
    ]
