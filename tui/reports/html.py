"""HTML: one standalone page, readable offline, with nothing from a proposal ever interpreted.

No scripts and no external resources; every proposal text goes through `escape`.
"""

from __future__ import annotations

import html

from diffing.comparators.base import sentence
from diffing.result import Comparison, Position, Row
from tui.reports.layout import (
    LOOKS,
    alignment_text,
    distance_text,
    groups,
    headline,
    index_text,
    party_line,
    summary_counts,
)
from tui.terminal import literal

_STYLE = """
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fff; --muted: #666; --line: #ddd;
  --agreed: #1a7f37; --partial: #9a6700; --conflict: #cf222e; --one-sided: #0969da;
  --unclear: #8250df; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e6; --bg: #161618; --muted: #9a9a9a;
  --line: #333; --agreed: #3fb950; --partial: #d29922; --conflict: #f85149;
  --one-sided: #58a6ff; --unclear: #bc8cff; } }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
  background: var(--bg); margin: 2rem auto; max-width: 1200px; padding: 0 1rem; }
h1 { margin-bottom: .25rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
.parties { color: var(--muted); margin: 0 0 1rem; padding-left: 1.2rem; }
.summary span { display: inline-block; margin-right: 1rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid var(--line); padding: .5rem .6rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
th.status, td.status { width: 8.5rem; } th.topic, td.topic { width: 12rem; }
.status { font-weight: 700; white-space: nowrap; }
.agreed { color: var(--agreed); } .partial { color: var(--partial); }
.conflict { color: var(--conflict); } .one-sided { color: var(--one-sided); }
.unclear { color: var(--unclear); }
.key, .meta, .distance { color: var(--muted); font-size: .82rem; }
.key { font-family: ui-monospace, monospace; }
.silent { color: var(--muted); }
.flag { font-size: .75rem; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; }
blockquote { margin: .3rem 0 0; padding-left: .6rem; border-left: 3px solid var(--line);
  color: var(--muted); font-style: italic; }
meter { width: 12rem; vertical-align: middle; }
@media print { body { margin: 0; max-width: none; } }
"""


def escape(text: str) -> str:
    """Proposal text as inert HTML: markup escaped, hidden characters made visible."""
    return html.escape(literal(text), quote=True)


def render(comparison: Comparison) -> str:
    title = escape(headline(comparison))
    summary = comparison.summary
    counts = "".join(
        f'<span class="{LOOKS[s].word}">{LOOKS[s].glyph} {n} {LOOKS[s].word}</span>'
        for s, n in summary_counts(summary)
    )
    index = summary.agreement_index
    meter = f' <meter min="0" max="1" value="{index:.4f}"></meter>' if index is not None else ""
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>ceasefire diff: {title}</title>", f"<style>{_STYLE}</style>", "</head>", "<body>",
        f"<h1>{title}</h1>",
        '<ul class="parties">' + "".join(f"<li>{escape(party_line(p))}</li>"
                                        for p in comparison.parties) + "</ul>",
        f'<p class="summary">{counts}</p>',
        f"<p>{escape(sentence(index_text(summary)))}{meter}</p>",
    ]
    if comparison.baseline:
        parts.append(f"<p>Baseline: {escape(comparison.baseline)}</p>")
    for area, rows in groups(comparison):
        parts.append(f"<h2>{escape(area)}</h2>")
        parts.append(_table(comparison, rows))
    parts += _pairs(comparison)
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _table(comparison: Comparison, rows: list[Row]) -> str:
    head = "".join(f"<th>{escape(p.name)}</th>" for p in comparison.parties)
    out = ['<table><thead><tr><th class="status">Status</th><th class="topic">Topic</th>'
           f"{head}<th>Gap</th></tr></thead><tbody>"]
    for row in rows:
        look = LOOKS[row.status]
        distance = distance_text(row)
        cells = "".join(_position(row.positions[p.id]) for p in comparison.parties)
        aligned = (f'<div class="meta">{escape(alignment_text(row))}</div>'
                   if row.alignment else "")
        out.append(
            f'<tr id="{escape(row.topic)}"><td class="status {look.word}">{look.glyph} {look.word}'
            + (f'<div class="distance">distance {distance}</div>' if distance else "") + "</td>"
            f'<td class="topic">{escape(row.label)}<div class="key">{escape(row.topic)}</div></td>'
            f"{cells}<td>{escape(row.explanation)}{aligned}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _position(position: Position | None) -> str:
    if position is None:
        return '<td class="silent">— silent</td>'
    meta = []
    if position.confidence.value != "confirmed":
        meta.append(f'<span class="flag">{position.confidence.value}</span>')
    if position.source:
        title = escape(position.source_title or position.source)
        meta.append(f'source: <abbr title="{title}">{escape(position.source)}</abbr>')
    if position.by:
        meta.append(f"by {escape(position.by)}")
    if position.conditions:
        meta.append("if " + "; ".join(escape(c) for c in position.conditions))
    extra = f'<div class="meta">{" · ".join(meta)}</div>' if meta else ""
    quote = f"<blockquote>{escape(position.quote)}</blockquote>" if position.quote else ""
    note = f'<div class="meta">{escape(position.note)}</div>' if position.note else ""
    return f"<td>{escape(position.text)}{extra}{quote}{note}</td>"


def _pairs(comparison: Comparison) -> list[str]:
    if not comparison.pairs:
        return []
    names = {p.id: escape(p.name) for p in comparison.parties}
    head = "".join(f"<th>{LOOKS[s].glyph} {LOOKS[s].word}</th>" for s in LOOKS)
    rows = []
    for pair in comparison.pairs:
        a, b = pair.parties
        index = pair.summary.agreement_index
        counts = "".join(f"<td>{n}</td>" for _, n in summary_counts(pair.summary))
        rows.append(f"<tr><td>{names[a]} vs {names[b]}</td>{counts}"
                    f"<td>{'—' if index is None else f'{index:.2f}'}</td></tr>")
    return ["<h2>Pairs</h2>",
            f"<table><thead><tr><th>Pair</th>{head}<th>Agreement index</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"]
