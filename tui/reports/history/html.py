"""HTML: one standalone page for a history, readable offline, with nothing from a proposal
ever interpreted: the diff report's page (tui.reports.html: its styles, light and dark, and
its escaping), the agreement index of each round drawn as bars, and a table of each step's
changes. No scripts and no external resources."""

from __future__ import annotations

from diffing.history_result import Change, History, Move, PartyHistory, Round, Step
from diffing.result import Party, Position
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
    headline,
    index_line,
    index_value,
    round_label,
    round_line,
    sections,
    status_counts,
    step_title,
    texts_of,
    title,
    trend_line,
)
from tui.reports.html import STYLE, escape, made, mark, sources
from tui.reports.cite import Citations
from tui.reports.layout import LOOKS, position_text

_STYLE = STYLE + """
.changed { color: var(--partial); } .added { color: var(--agreed); }
.dropped { color: var(--conflict); } .kept { color: var(--muted); }
.toward { color: var(--agreed); } .away { color: var(--conflict); }
.sideways { color: var(--partial); } .unmeasured { color: var(--unclear); }
.chart { display: grid; grid-template-columns: minmax(6rem, max-content) minmax(8rem, 32rem) 3rem;
  gap: .4rem .8rem; align-items: center; margin: 1rem 0; }
.bar-track { display: block; height: 1.1rem; background: var(--soft); border-radius: 3px;
  border: 1px solid var(--line); overflow: hidden; }
.bar { display: block; height: 100%; background: var(--one-sided); }
.bar-value { font-variant-numeric: tabular-nums; font-weight: 600; }
.bar-value.none { color: var(--muted); font-weight: 400; }
table.rounds th:first-child { width: 10rem; } table.rounds th:nth-child(2) { width: 30%; }
table.rounds th:nth-child(3) { width: 14rem; }
table.changes th.gap { width: 36%; }
td.summary span { display: inline-block; margin-right: .6rem; font-weight: 600; }
.groups { padding-left: 0; list-style: none; }
.groups > li { margin: .25rem 0; padding-left: 1.4rem; text-indent: -1.4rem; }
.groups .glyph { display: inline-block; width: 1.4rem; text-indent: 0; font-weight: 700; }
.groups ul { text-indent: 0; margin: .2rem 0; }
.counts-line { font-weight: 600; }
"""
CHART_NOTE = ("Each round's index is over the topics measured in that round; the table's "
              "last column compares two rounds on the topics measured in both.")


def render(history: History, cite: bool = True) -> str:
    """The page; with `cite` (the default), each clause's source mark, quote and note, and
    the sources listed at the end."""
    citations = history_citations(history) if cite else None
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title(history))}</title>", f"<style>{_STYLE}</style>", "</head>",
        "<body>", "<header>", f"<h1>{escape(headline(history))}</h1>",
        '<ul class="parties">' + "".join(f"<li>{escape(round_line(history, r))}</li>"
                                        for r in history.rounds) + "</ul>",
        made([text.file for party in history.parties for text in party.texts]), "</header>",
        "<main>",
    ]
    if has_index(history):
        parts += [f"<h2>{INDEX_TITLE}</h2>", _chart(history.rounds),
                  f'<p class="note">{CHART_NOTE}</p>', _index(history.rounds)]
    for party, step, overall in sections(history):
        parts += _step(history, party, step, overall, citations)
    if closing(history):
        parts.append(f"<p>{closing(history)}</p>")
    if citations:
        parts += sources(citations)
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _chart(rounds: tuple[Round, ...]) -> str:
    """The agreement index of each round as a bar on a scale of 0 to 1."""
    said = ", ".join(f"{r.label} {index_value(r)}" for r in rounds)
    bars = []
    for round_ in rounds:
        index = round_.summary.agreement_index if round_.summary else None
        bar = (f'<span class="bar" style="width: {index * 100:.1f}%"></span>'
               if index is not None else "")
        value = (f'<span class="bar-value">{index_value(round_)}</span>' if index is not None
                 else f'<span class="bar-value none" title="{escape(index_line(round_))}">'
                      f"{NO_INDEX}</span>")
        bars.append(f'<span class="bar-label">{escape(round_.label)}</span>'
                    f'<span class="bar-track" title="{escape(index_line(round_))}">{bar}</span>'
                    + value)
    return (f'<div class="chart" role="img" aria-label="{escape(f"{INDEX_TITLE}: {said}")}">'
            + "".join(bars) + "</div>")


def _index(rounds: tuple[Round, ...]) -> str:
    """Each round's topics by status, its agreement index and like for like, as a table."""
    head = "".join(f"<th>{column}</th>" for column in ROUND_COLUMNS)
    rows = []
    for round_ in rounds:
        counts = "".join(f'<span class="{LOOKS[status].word}">{said}</span>'
                         for status, said in status_counts(round_.summary)) or NO_INDEX
        rows.append(f"<tr><td>{escape(round_.label)}</td><td class=\"summary\">{counts}</td>"
                    f"<td>{index_line(round_)}</td><td>{trend_line(round_) or NO_INDEX}</td></tr>")
    return (f'<table class="rounds"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
            "</tbody></table>")


def _step(history: History, party: PartyHistory, step: Step, overall: bool,
          citations: Citations | None) -> list[str]:
    parts = [f"<h2>{escape(step_title(history, party, step, overall))}</h2>",
             f'<p class="counts-line">{counts_line(step.counts, has_others(history))}</p>']
    groups = by_move(step)
    if not groups:
        return parts
    items = []
    for move, changes in groups:
        look = MOVES[move]
        listed = ""
        if overall and move is Move.CHANGED:  # first to last, the values are enough
            listed = "<ul>" + "".join(f"<li>{escape(change_line(change))}</li>"
                                      for change in changes) + "</ul>"
        items.append(f'<li><span class="glyph {move.value}">{look.glyph}</span>'
                     f"{escape(group_line(move, changes))}{listed}</li>")
    parts.append(f'<ul class="groups">{"".join(items)}</ul>')
    if not overall:  # first to last: the steps above tell each change
        parts.append(_changes(history, step, groups, citations))
    return parts


def _changes(history: History, step: Step, groups: list[tuple[Move, list[Change]]],
             citations: Citations | None) -> str:
    move, topic, what = CHANGE_COLUMNS
    out = [f'<table class="changes"><thead><tr><th class="status">{move}</th>'
           f'<th class="topic">{topic}</th>'
           f"<th>{escape(round_label(history, step.since))}</th>"
           f"<th>{escape(round_label(history, step.round))}</th>"
           f'<th class="gap">{what}</th></tr></thead><tbody>']
    for _, changes in groups:
        for change in changes:
            look = MOVES[change.move]
            chips = "".join(
                f'<span class="aspect {gap.direction.value}">{DIRECTIONS[gap.direction].glyph} '
                f"{escape(said)}</span>" for gap, said in directions(history, step, change))
            marks = f'<div class="aspects">{chips}</div>' if chips else ""
            out.append(
                f'<tr><td class="status {change.move.value}">{look.glyph} {look.word}</td>'
                f'<td class="topic">{escape(change_heading(change))}'
                f'<div class="key">{escape(change.id)}</div></td>'
                + "".join(_position(citations, text, position, said) for text, position, said
                          in zip(texts_of(history.party(step.party), step),
                                 (change.before, change.after),
                                 step_cited(citations, history, step, change)))
                + f"<td>{marks}{escape(change.explanation)}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _position(citations: Citations | None, text: Party, position: Position | None,
              cited: tuple[str, list[str]]) -> str:
    """A text's value on the row, with its sources' marks (links to the list at the end),
    quote and note when cited."""
    if position is None:
        return '<td class="silent">—</td>'
    marks = " ".join(mark(n) for n in citations.numbers(text, position)) if citations else ""
    return (f"<td>{escape(position_text(position))}" + (f" {marks}" if marks else "")
            + "".join(f'<div class="meta">{escape(line)}</div>' for line in cited[1]) + "</td>")
