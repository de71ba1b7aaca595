"""HTML: one standalone page to attach or print, with nothing from a proposal ever
interpreted.

No scripts and no external resources; every proposal text goes through `escape`. A header
says when (tui.reports.stamp), by which version and from which files; each row's gap is
drawn under it where the parties differ on a range, a set or an order (tui.reports.gap_svg),
each source mark links to the source written out in full, and the timeline is drawn inline
(tui.reports.timeline_svg) and listed as text beside it. The stylesheet follows the
system's light or dark theme, stacks the rows on a narrow screen, and prints on A4 without
breaking a word.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from itertools import count

from diffing.comparators.base import sentence
from diffing.result import Aspect, Comparison, Party, Position, Row, Summary
from tui.reports.layout import (
    LOOKS,
    alignment_text,
    aspect_verdict,
    distance_text,
    event_text,
    groups,
    headline,
    index_text,
    offered_options,
    option_differences,
    option_intro,
    option_marks,
    party_line,
    header_notes,
    position_facts,
    row_heading,
    summary_counts,
    timeline_groups,
    value_text,
    when_days,
)
from tui.reports.cite import Citations
from tui.reports.gap_svg import gap_svg
from tui.reports.matrix import MATRIX_NOTE, pair_matrix
from tui.reports.stamp import generated, tool_version
from tui.terminal import literal

STYLE = """
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fff; --muted: #595959; --line: #d0d0d0;
  --soft: #f4f5f7; --agreed: #1a7f37; --partial: #8a5a00; --conflict: #cf222e;
  --one-sided: #0969da; --unclear: #8250df; --band-0: #e9eef8; --band-1: #f3eefa;
  --link: #0550ae; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e6; --bg: #161618; --muted: #a8a8a8;
  --line: #444; --soft: #202024; --agreed: #3fb950; --partial: #d29922; --conflict: #ff7b72;
  --one-sided: #58a6ff; --unclear: #bc8cff; --band-0: #1f2633; --band-1: #2a2233;
  --link: #79b8ff; } }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
  background: var(--bg); margin: 2rem auto; max-width: 1200px; padding: 0 1rem;
  overflow-wrap: break-word; }
a { color: var(--link); }
h1 { margin-bottom: .25rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
.parties { color: var(--muted); margin: 0 0 .5rem; padding-left: 1.2rem; }
.made { color: var(--muted); font-size: .85rem; margin: 0 0 1rem; }
.made dt, .made dd { display: inline; margin: 0; } .made dt { font-weight: 600; }
.made dd::after { content: " · "; } .made dd:last-child::after { content: ""; }
.summary span { display: inline-block; margin-right: 1rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .45rem .55rem; text-align: left;
  vertical-align: top; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
col.topic { width: 16%; } col.gap { width: 24%; }
tbody th { font-weight: 400; color: var(--fg); font-size: inherit; }
tr.drawn td { border-bottom: 1px solid var(--line); padding-top: 0; }
tr.has-picture > * { border-bottom: none; }
.status { font-weight: 700; white-space: nowrap; }
.agreed { color: var(--agreed); } .partial { color: var(--partial); }
.conflict { color: var(--conflict); } .one-sided { color: var(--one-sided); }
.unclear { color: var(--unclear); }
.key, .meta, .distance { color: var(--muted); font-size: .82rem; }
.key { font-family: ui-monospace, monospace; }
.silent { color: var(--muted); white-space: nowrap; }
.flag { font-size: .75rem; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; }
.facts { margin: .2rem 0 0; padding: 0; list-style: none; font-size: .82rem; }
.facts li::before { content: "· "; color: var(--muted); }
.readings { margin: 0; padding-left: 1.1rem; }
.aspects { display: flex; flex-wrap: wrap; gap: .25rem; margin-bottom: .35rem; }
.aspect { font-size: .75rem; font-weight: 600; border: 1px solid currentColor;
  border-radius: 999px; padding: 0 .45rem; }
blockquote { margin: .3rem 0 0; padding-left: .6rem; border-left: 3px solid var(--line);
  color: var(--muted); font-style: italic; font-size: .88rem; }
a.cite { font-size: .82rem; white-space: nowrap; text-underline-offset: 2px; }
meter { width: 12rem; vertical-align: middle; }
table.counts { width: auto; } table.counts td, table.counts th { padding: .3rem .8rem; }
table.counts td.n { text-align: right; }
.note { color: var(--muted); }
.sources { padding-left: 0; list-style: none; }
.sources li { margin: .35rem 0; padding-left: 2.2rem; text-indent: -2.2rem; }
.sources .url { word-break: break-all; }
svg.gap { display: block; max-width: 100%; height: auto; margin: .1rem 0 .4rem;
  font-family: system-ui, sans-serif; font-size: 12px; }
.gap text { fill: var(--fg); } .gap .gp-name { font-weight: 600; }
.gap .gp-caption, .gap .gp-tick, .gap .gp-no { fill: var(--muted); }
.gap .gp-track { stroke: var(--line); stroke-width: 1; }
.gap .gp-bar { fill: var(--one-sided); } .gap .gp-common { fill: var(--agreed); }
.gap .gp-apart { stroke: var(--conflict); stroke-width: 3; stroke-dasharray: 5 3; }
.gap .gp-agreed, .gap .gp-yes { fill: var(--agreed); font-weight: 600; }
.gap .gp-conflict { fill: var(--conflict); font-weight: 600; }
.gap .gp-shared { fill: var(--soft); }
.gap .gp-moved { fill: var(--partial); font-weight: 600; } .gap .gp-only { fill: var(--one-sided); }
.timeline { display: block; margin: 1rem 0; font-family: system-ui, sans-serif; }
.timeline text { fill: var(--fg); font-size: 12px; }
.timeline .tl-tick, .timeline .tl-days, .timeline .tl-axis-title { fill: var(--muted);
  font-size: 11px; }
.timeline .tl-tick { text-anchor: middle; }
.timeline .tl-party { fill: var(--soft); }
.timeline .tl-party-name { font-weight: 700; font-size: 13px; }
.timeline .tl-phase-0 { fill: var(--band-0); } .timeline .tl-phase-1 { fill: var(--band-1); }
.timeline .tl-phase-name { font-size: 11px; font-weight: 600; fill: var(--muted); }
.timeline .tl-grid { stroke: var(--muted); stroke-opacity: .25; stroke-width: 1; }
.timeline .tl-open { fill-opacity: .3; }
.timeline rect.tl-open:not([fill]) { fill: var(--muted); }
.timeline .tl-mark { fill: var(--muted); }
.timeline .tl-day { stroke: var(--bg); stroke-width: 1; }
.timeline .tl-apart { fill: none; stroke: var(--muted); stroke-dasharray: 4 3; rx: 6; }
details summary { cursor: pointer; color: var(--muted); }
@media screen and (max-width: 720px) {
  body { margin: 1rem auto; padding: 0 .6rem; }
  table.rows, table.rows tbody, table.rows tr, table.rows th, table.rows td { display: block; }
  table.rows colgroup, table.rows thead, table.rows td.spacer { display: none; }
  table.rows tbody { border-bottom: 1px solid var(--line); padding: .4rem 0; }
  table.rows th, table.rows td { border: none; padding: .15rem 0; }
  table.rows td[data-label]::before { content: attr(data-label) ": "; font-weight: 600;
    color: var(--muted); }
  table.counts td, table.counts th { padding: .2rem .3rem; font-size: .8rem; }
}
@page { size: A4; margin: 11mm 10mm; }
@media print {
  :root { color-scheme: light; --fg: #000; --bg: #fff; --muted: #444; --line: #bbb;
    --soft: #f0f0f0; --agreed: #1a7f37; --partial: #8a5a00; --conflict: #c0141f;
    --one-sided: #0757b8; --unclear: #6e3fc7; --band-0: #e9eef8; --band-1: #f3eefa;
    --link: #0550ae; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  html { font-size: 8.6pt; }
  body { font-size: 1rem; line-height: 1.3; margin: 0; max-width: none; padding: 0; }
  h1 { font-size: 15pt; } h2 { font-size: 11.5pt; margin: 1rem 0 .3rem; break-after: avoid; }
  h3 { break-after: avoid; }
  th, td { padding: .25rem .35rem; }
  thead { display: table-header-group; }
  tr, svg, blockquote, .sources li { break-inside: avoid; }
  tr.has-picture { break-after: avoid; }
  details:not([open]) { display: none; }
}
"""


def escape(text: str) -> str:
    """Proposal text as inert HTML: markup escaped, hidden characters made visible."""
    return html.escape(literal(text), quote=True)


def breakable(key: str) -> str:
    """A topic key escaped, with a break allowed after each `.`, `_` and `@` (never inside a
    word), so a narrow column wraps `humanitarian.prisoner_exchange` where it reads."""
    return re.sub(r"([._@])", r"\1<wbr>", escape(key))


def render(comparison: Comparison, cite: bool = True) -> str:
    """The page; with `cite` (the default), each clause's source mark linked to the numbered
    sources at the end (title, publisher, date and link, in words that print), its quote and
    note."""
    citations = Citations.of(comparison) if cite else None
    title = escape(headline(comparison))
    summary = comparison.summary
    counts = "".join(
        f'<span class="{LOOKS[s].word}">{LOOKS[s].glyph} {n} {LOOKS[s].word}</span>'
        for s, n in summary_counts(summary)
    )
    index = summary.agreement_index
    meter = (f' <meter min="0" max="1" value="{index:.4f}" aria-label="agreement index">'
             "</meter>" if index is not None else "")
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>ceasefire diff: {title}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        "<header>", f"<h1>{title}</h1>",
        '<ul class="parties">' + "".join(f"<li>{escape(party_line(p))}</li>"
                                        for p in comparison.parties) + "</ul>",
        made([p.file for p in comparison.parties]), "</header>", "<main>",
        f'<p class="summary">{counts}</p>',
        f"<p>{escape(sentence(index_text(summary)))}{meter}</p>",
    ]
    parts += [f'<p class="note">{escape(note)}</p>' for note in header_notes(comparison)]
    if comparison.baseline:
        parts.append(f"<p>Baseline: {escape(comparison.baseline)}</p>")
    drawn = count(1)
    for area, rows in groups(comparison):
        parts.append(f"<h2>{escape(area)}</h2>")
        parts.append(_table(comparison, rows, citations, drawn))
    parts += _options(comparison)
    parts += _timeline(comparison)
    if comparison.shown_pairs:
        names = {p.id: escape(p.name) for p in comparison.parties}
        parts += ["<h2>Pairs</h2>", _counts_table("Pair", [
            (f"{names[a]} vs {names[b]}", pair.summary, "")
            for pair in comparison.shown_pairs for a, b in [pair.parties]]), *_matrix(comparison)]
    if citations:
        parts += sources(citations)
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def made(files: list[str]) -> str:
    """When the report was made, by which version, from which files (as they were given)."""
    return ('<dl class="made"><dt>Generated</dt> <dd>' + escape(generated()) + "</dd> "
            f"<dt>by</dt> <dd>ceasefire {escape(tool_version())}</dd> "
            f"<dt>from</dt> <dd>{escape(', '.join(files))}</dd></dl>")


def sources(citations: Citations) -> list[str]:
    """The numbered sources, each whole in words that survive print (title, publisher, date,
    the link written out), the target of every `[n]` mark."""
    items = []
    for cited in citations.listed():
        source = cited.source
        said = ", ".join(escape(part) for part in (source.publisher, source.date) if part)
        url = escape(source.url) if source.url else ""
        items.append(
            f'<li id="source-{cited.number}">[{cited.number}] <cite>{escape(source.title)}</cite>'
            + (f" — {said}" if said else "")
            + (f' · <a class="url" href="{url}">{url}</a>' if url else "")
            + f' <span class="meta">({escape(cited.key)}, cited by '
            f"{escape(', '.join(cited.parties))})</span></li>")
    return ["<h2>Sources</h2>", f'<ul class="sources">{"".join(items)}</ul>'] if items else []


def _table(comparison: Comparison, rows: list[Row], citations: Citations | None,
           drawn: Iterator[int]) -> str:
    """The rows of an area: the topic with its status, each party's clause, the gap; under a
    row whose parties differ on a range, a set or an order, its picture."""
    parties = comparison.parties
    party = f'<col style="width:{60 / len(parties):.1f}%">'  # alike in every area's table
    cols = f'<colgroup><col class="topic">{party * len(parties)}<col class="gap"></colgroup>'
    head = "".join(f'<th scope="col">{escape(p.name)}</th>' for p in parties)
    out = [f'<table class="rows">{cols}<thead><tr><th scope="col">Topic</th>{head}'
           '<th scope="col">Gap</th></tr></thead>']
    for row in rows:
        look = LOOKS[row.status]
        distance = distance_text(row)
        cells = "".join(_position(row, p, citations) for p in parties)
        aligned = (f'<div class="meta">{escape(alignment_text(row))}</div>'
                   if row.alignment else "")
        aspects = ('<div class="aspects">' + "".join(_aspect(a) for a in row.aspects) + "</div>"
                   if row.aspects else "")
        picture = gap_svg(row, parties, next(drawn)) if row.positions else ""
        marked = ' class="has-picture"' if picture else ""
        out.append(
            f'<tbody id="{escape(row.id)}"><tr{marked}>'
            f'<th scope="row"><div class="status {look.word}">{look.glyph} {look.word}</div>'
            + (f'<div class="distance">distance {distance}</div>' if distance else "")
            + f'{escape(row_heading(row))}<div class="key">{breakable(row.id)}</div></th>'
            f'{cells}<td data-label="Gap">{aspects}{escape(row.explanation)}{aligned}</td></tr>'
            + (f'<tr class="drawn"><td class="spacer"></td><td colspan="{len(parties) + 1}">'
               f"{picture}</td></tr>"
               if picture else "") + "</tbody>"
        )
    out.append("</table>")
    return "".join(out)


def _aspect(aspect: Aspect) -> str:
    """One part of the verdict as a coloured chip; its own explanation is the tooltip."""
    look = LOOKS[aspect.status]
    return (f'<span class="aspect {look.word}" title="{escape(aspect.explanation)}">'
            f"{look.glyph} {escape(aspect_verdict(aspect))}</span>")


def _position(row: Row, party: Party, citations: Citations | None) -> str:
    """The value, its flag and facts; with `citations`, its source marks, quote and note."""
    position = row.positions[party.id]
    if position is None:
        return f'<td class="silent" data-label="{escape(party.name)}">— silent</td>'
    meta = []
    if position.confidence.value != "confirmed":
        meta.append(f'<span class="flag">{position.confidence.value}</span>')
    if citations is not None and position.source and not position.readings:
        meta.append(mark(citations.number(party, position.source)))
    extra = f'<div class="meta">{" ".join(meta)}</div>' if meta else ""
    facts = position_facts(position, row, party)
    listed = ('<ul class="facts">' + "".join(f"<li>{escape(f)}</li>" for f in facts) + "</ul>"
              if facts else "")
    if citations is None:
        return (f'<td data-label="{escape(party.name)}">{_value(position, party, None)}{extra}'
                f"{listed}</td>")
    quote = f"<blockquote>{escape(position.quote)}</blockquote>" if position.quote else ""
    note = f'<div class="meta">{escape(position.note)}</div>' if position.note else ""
    return (f'<td data-label="{escape(party.name)}">{_value(position, party, citations)}{extra}'
            f"{listed}{quote}{note}</td>")


def _value(position: Position, party: Party, citations: Citations | None) -> str:
    """The value; a disputed clause's readings, each (with `citations`) with its source mark
    and note."""
    if not position.readings:
        return escape(value_text(position))
    items = []
    for reading in position.readings:
        said = [escape(reading.text)]
        if citations is not None and reading.source:
            said.append(mark(citations.number(party, reading.source)))
        if citations is not None and reading.note:
            said.append(f'<span class="meta">— {escape(reading.note)}</span>')
        items.append(f"<li>{' '.join(said)}</li>")
    return f'<ol class="readings">{"".join(items)}</ol>'


def mark(number: int) -> str:
    """`[1]`, a link to the source's entry at the end of the page."""
    return f'<a class="cite" href="#source-{number}">[{number}]</a>'


def _counts_table(first: str, lines: list[tuple[str, Summary, str]]) -> str:
    """Status counts and agreement index, one line per (name as HTML, summary, note)."""
    head = "".join(f"<th>{LOOKS[s].glyph} {LOOKS[s].word}</th>" for s in LOOKS)
    rows = []
    for name, summary, note in lines:
        index = summary.agreement_index
        counts = "".join(f'<td class="n">{n}</td>' for _, n in summary_counts(summary))
        rows.append(f"<tr><td>{name}</td>{counts}"
                    f"<td class=\"n\">{'—' if index is None else f'{index:.2f}'}</td>"
                    f'<td class="note">{note}</td></tr>')
    return (f'<table class="counts"><thead><tr><th>{first}</th>{head}<th>Agreement index</th>'
            f"<th>Note</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _matrix(comparison: Comparison) -> list[str]:
    """The pair matrix as a table, rows and columns numbered alike."""
    lines = pair_matrix(comparison)
    if not lines:
        return []
    head = "".join(f'<th class="n">{n}</th>' for n in range(1, len(lines) + 1))
    rows = "".join(f"<tr><td>{n} {escape(name)}</td>"
                   + "".join(f'<td class="n">{cell}</td>' for cell in cells) + "</tr>"
                   for n, (name, cells) in enumerate(lines, 1))
    return [f"<p>{escape(MATRIX_NOTE)}</p>", f'<table class="counts matrix"><thead><tr><th>Party'
            f"</th>{head}</tr></thead><tbody>{rows}</tbody></table>"]


def _options(comparison: Comparison) -> list[str]:
    out = []
    for party, scores in offered_options(comparison):
        out += [f"<h2>Options: {escape(party.name)}</h2>",
                f"<p>{escape(option_intro(party, scores))}</p>",
                _counts_table("Option", [
                    (f'{escape(s.label)} <span class="key">{escape(s.option)}</span>', s.summary,
                     option_marks(s)) for s in scores])]
        differences = option_differences(comparison, party.id)
        if differences:
            out += ["<p>Where the options differ:</p>",
                    "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in differences)
                    + "</ul>"]
    return out


def _timeline(comparison: Comparison) -> list[str]:
    """The timelines drawn, then listed as text; a timeline too long to read as a drawing
    is only listed, open."""
    from tui.reports.timeline_svg import MOST_DRAWN, timeline_svg

    count = sum(len(events) for events in comparison.timelines.values())
    if not count:
        return []
    lists = []
    for party in comparison.parties:
        for title, events in timeline_groups(comparison, party):
            rows = "".join(f"<tr><td>{escape(when_days(e))}</td>"
                           f"<td>{escape(event_text(e, comparison.actors, party.phases))}</td></tr>"
                           for e in events)
            lists.append(f"<h3>{escape(party.name)}: {escape(title)}</h3>"
                         '<table class="events"><thead><tr><th style="width:10rem">When</th>'
                         f"<th>What, as written</th></tr></thead><tbody>{rows}</tbody></table>")
    if count > MOST_DRAWN:
        return ["<h2>Timeline</h2>",
                f'<p class="note">{count:,} events: too many to draw; each is listed here.</p>',
                f"<details open><summary>Every event as text</summary>{''.join(lists)}</details>"]
    return ["<h2>Timeline</h2>", timeline_svg(comparison),
            f"<details><summary>Every event as text</summary>{''.join(lists)}</details>"]
