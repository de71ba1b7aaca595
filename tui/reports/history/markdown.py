"""Markdown: the rounds, the agreement index by round, and a table of each step's changes,
every text from a file escaped as the diff report escapes it, so it stays literal."""

from __future__ import annotations

from diffing.history_result import Change, History, Move, PartyHistory, Step
from tui.reports.history.layout import (
    CHANGE_COLUMNS,
    DIRECTIONS,
    INDEX_TITLE,
    MOVES,
    NO_INDEX,
    ROUND_COLUMNS,
    by_move,
    change_heading,
    change_line,
    closing,
    counts_line,
    directions,
    group_line,
    history_citations,
    step_cited,
    has_index,
    has_others,
    index_line,
    round_label,
    round_line,
    sections,
    status_counts,
    step_title,
    title,
    trend_line,
)
from tui.reports.cite import Citations, source_text
from tui.reports.layout import position_text
from tui.reports.markdown import code, escape


def render(history: History, cite: bool = True) -> str:
    """The history; with `cite` (the default), each clause's source mark, quote and note,
    and the sources listed at the end."""
    citations = history_citations(history) if cite else None
    out = [f"# {escape(title(history))}", ""]
    out += [f"- {escape(round_line(history, r))}" for r in history.rounds]
    if has_index(history):
        out += ["", f"## {INDEX_TITLE}", "", _row(ROUND_COLUMNS),
                _row(["---"] * len(ROUND_COLUMNS))]
        out += [_row([escape(r.label), " · ".join(text for _, text in status_counts(r.summary))
                      or NO_INDEX, index_line(r), trend_line(r) or NO_INDEX])
                for r in history.rounds]
    for party, step, overall in sections(history):
        out += ["", *_step(history, party, step, overall, citations)]
    if closing(history):
        out += ["", closing(history)]
    if citations and citations.listed():
        out += ["", "## Sources", "", *(f"- {escape(source_text(c))}" for c in citations.listed())]
    return "\n".join(out) + "\n"


def _row(cells: list[str] | tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


def _step(history: History, party: PartyHistory, step: Step, overall: bool,
          citations: Citations | None) -> list[str]:
    out = [f"## {escape(step_title(history, party, step, overall))}", "",
           counts_line(step.counts, has_others(history))]
    groups = by_move(step)
    if groups:
        out.append("")
    for move, changes in groups:
        out.append(f"- {MOVES[move].glyph} {escape(group_line(move, changes))}")
        if overall and move is Move.CHANGED:  # first to last, the values are enough
            out += [f"  - {escape(change_line(change))}" for change in changes]
    if overall or not groups:  # the steps above tell each change
        return out
    since, now = round_label(history, step.since), round_label(history, step.round)
    move, topic, what = CHANGE_COLUMNS
    header = [move, topic, escape(since), escape(now), what]
    out += ["", _row(header), _row(["---"] * len(header))]
    out += [_row(_cells(history, step, change, citations))
            for _, changes in groups for change in changes]
    return out


def _cells(history: History, step: Step, change: Change,
           citations: Citations | None) -> list[str]:
    look = MOVES[change.move]
    marks = [f"{DIRECTIONS[gap.direction].glyph} {escape(said)}"
             for gap, said in directions(history, step, change)]
    what = (f"_{' · '.join(marks)}_<br>" if marks else "") + escape(change.explanation)
    return [f"{look.glyph} {look.word}", f"{escape(change_heading(change))}<br>{code(change.id)}",
            *(escape(position_text(position)) + (f" {escape(mark)}" if mark else "")
              + "".join(f"<br>{escape(line)}" for line in quoted)
              for position, (mark, quoted) in zip(
                  (change.before, change.after), step_cited(citations, history, step, change))),
            what]
