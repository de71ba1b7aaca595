"""History reports: text from proposal files is shown literally in every format, never
interpreted — a party's name, a round's label, a custom topic's label and a clause's text
that changes between rounds, each carrying rich markup, escape sequences, a bidi override,
HTML with a script, Markdown table pipes and backticks."""

from __future__ import annotations

import html as html_lib
import io
import json
import re

import pytest

from diffing.history import history
from proposals import read_string
from tui.reports import html, markdown
from tui.reports.history import html as history_html
from tui.reports.history import json_report, terminal, text
from tui.reports.history import markdown as history_markdown
from tui.terminal import console, literal

NAME = "Evil [bold red]Party[/] \x1b[31mred\x1b[0m <script>alert(1)</script> | `tick`"
FIRST_ROUND = "Round <b>one</b> | `r1` [i]x[/i]"
SECOND_ROUND = "Round two \u202e | `r2`"
LABEL = "Claim <i>label</i> | `l` [bold]b[/bold]"
BEFORE = "</td></tr><script>alert(2)</script> | `code` [bold]x[/bold] \x1b[2J"
AFTER = "<img src=x onerror=alert(3)> **changed** | `c` [red]y[/red] \x1b]52;c;aGVsbG8=\x07"
FIELDS = {"party name": NAME, "first round": FIRST_ROUND, "second round": SECOND_ROUND,
          "topic label": LABEL, "text before": BEFORE, "text after": AFTER}


def _yaml(value: str) -> str:
    """A YAML double-quoted scalar of `value` (escapes as JSON spells them: YAML reads them)."""
    return json.dumps(value)


def _text(party: str, round_: str, day: int, duration: str, claim: str, ident: str) -> str:
    return (f"ceasefire: 2\nid: {ident}\nparty: {_yaml(party)}\nround: {_yaml(round_)}\n"
            f"date: 2025-05-{day:02d}\nclauses:\n  ceasefire.duration: {duration}\n"
            f"  x.claim:\n    kind: text\n    label: {_yaml(LABEL)}\n    value: {_yaml(claim)}\n")


@pytest.fixture(scope="module")
def result():
    texts = [_text(NAME, FIRST_ROUND, 1, "30 days", BEFORE, "evil"),
             _text(NAME, SECOND_ROUND, 20, "20 days", AFTER, "evil"),
             _text("Plain", FIRST_ROUND, 1, "3 days", "Nothing here", "plain")]
    proposals = []
    for number, yaml_text in enumerate(texts):
        loaded = read_string(yaml_text, f"text-{number}.yaml")
        assert loaded.proposal is not None, [str(p) for p in loaded.problems]
        proposals.append(loaded.proposal)
    found = history(proposals)
    assert found.party("evil").name == NAME  # the attack is real
    (step,) = found.party("evil").steps
    assert {c.topic for c in step.changes} == {"ceasefire.duration", "x.claim"}
    return found


def _rich(result, color: bool) -> str:
    buffer = io.StringIO()
    terminal.render(result, console(buffer, color, width=1000))
    return buffer.getvalue()


RENDERERS = {"text": text.render, "markdown": history_markdown.render,
             "html": history_html.render, "json": json_report.render,
             "rich-color": lambda r: _rich(r, color=True),
             "rich-plain": lambda r: _rich(r, color=False)}
DANGEROUS = ["\x1b[31mred", "\x1b[2J", "\x1b]", "\x07", "\u202e"]


@pytest.mark.parametrize("name", RENDERERS)
def test_no_control_or_bidi_character_reaches_any_output(result, name):
    out = RENDERERS[name](result)
    for bad in DANGEROUS:
        assert bad not in out, (name, bad)


SHOWN = {
    "text": (text.render, literal),
    "rich": (lambda r: _rich(r, color=False), literal),
    "rich-color": (lambda r: _rich(r, color=True), None),
    "markdown": (history_markdown.render, markdown.escape),
    "html": (history_html.render, html.escape),
}


@pytest.mark.parametrize("name", SHOWN)
@pytest.mark.parametrize("field", FIELDS)
def test_every_field_is_shown_literally(result, name, field):
    render, shown = SHOWN[name]
    out = render(result)
    if shown is None:  # colour codes sit between the words: read the words
        out, shown = re.sub(r"\x1b\[[0-9;]*m", "", out), literal
    assert shown(FIELDS[field]) in out, field


def test_json_keeps_every_field_exactly(result):
    data = json.loads(json_report.render(result))
    evil = next(p for p in data["parties"] if p["id"] == "evil")
    assert evil["name"] == NAME
    assert [r["label"] for r in data["rounds"]] == [FIRST_ROUND, SECOND_ROUND]
    claim = next(c for c in evil["steps"][0]["changes"] if c["topic"] == "x.claim")
    assert (claim["label"], claim["before"]["text"], claim["after"]["text"]) == (
        LABEL, BEFORE, AFTER)


def test_markdown_renders_no_markup_from_a_file_and_keeps_its_tables_whole(result):
    from markdown_it import MarkdownIt

    source = history_markdown.render(result)
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(source)
    for tag in ("<script", "<img", "<b>", "<i>", "<strong>", "<code>c</code>"):
        assert tag not in page, tag
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
    changes = [row for row in rows if "x.claim" in row]
    assert changes and all(row.count("<td>") == 5 for row in changes)
    said = html_lib.unescape(re.sub(r"<[^>]+>", "", page))
    for field in ("party name", "topic label", "text before", "text after"):
        assert literal(FIELDS[field]) in said, field


def test_the_html_page_runs_nothing_from_a_file(result):
    page = history_html.render(result)
    for tag in ("<script", "<img", "<b>", "<i>"):
        assert tag not in page, tag
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
