"""Reports: text from proposal files is shown literally in every format, never interpreted."""

from __future__ import annotations

import io
import json
import re

import pytest

from diffing import compare
from proposals import read_string
from tui.reports import html, json_report, markdown, terminal, text
from tui.terminal import console

# Every way a proposal's text could try to take over an output: rich markup, an SGR colour,
# an OSC 52 clipboard write, a carriage return that overwrites the line, a bidi override,
# a zero-width space, Markdown table pipes and HTML with a script.
HOSTILE_YAML = r'''
ceasefire: 1
party: "Evil [bold red]Party[/] \e[31mred\e[0m"
sources:
  leak: {title: "<script>alert('t')</script> | leak"}
clauses:
  ceasefire.violations:
    value: "Fine\e]52;c;aGVsbG8=\aprint\rOVERWRITE | cell"
    source: leak
    note: "text \u202Ereversed\u202C and zero\u200Bwidth"
    quote: "<img src=x onerror=alert(1)> **bold** [link](http://x)"
  x.html_label:
    kind: text
    label: "<b>label</b> & [italic]x[/italic]"
    value: "</td></tr><script>alert(2)</script>"
'''

PLAIN_YAML = """
ceasefire: 1
party: Plain
clauses:
  ceasefire.violations: Violations are reported to the commission.
  x.html_label: {kind: text, value: Nothing here}
"""


@pytest.fixture(scope="module")
def comparison():
    hostile = read_string(HOSTILE_YAML, "hostile.yaml").proposal
    plain = read_string(PLAIN_YAML, "plain.yaml").proposal
    assert hostile is not None and plain is not None
    assert "\x1b" in hostile.party and "\u202e" in hostile.clauses[0].note  # the attack is real
    return compare([hostile, plain])


DANGEROUS = ["\x1b]", "\x1b[31mred", "\x07", "\r", "\u202e", "\u200b"]


def _rich(comparison, color: bool) -> str:
    buffer = io.StringIO()
    terminal.render(comparison, console(buffer, color, width=200))
    return buffer.getvalue()


@pytest.mark.parametrize("render", [
    text.render, markdown.render, html.render, json_report.render,
    lambda c: _rich(c, color=True), lambda c: _rich(c, color=False),
], ids=["text", "markdown", "html", "json", "rich-color", "rich-plain"])
def test_no_control_or_bidi_character_reaches_any_output(comparison, render):
    out = render(comparison)
    for bad in DANGEROUS:
        assert bad not in out, (bad, out)


def test_text_shows_hidden_characters_as_code_points(comparison):
    out = text.render(comparison)
    assert "Fine<U+001B>]52;c;aGVsbG8=<U+0007>print<U+000D>OVERWRITE | cell" in out
    assert "[bold red]Party[/]" in out


def test_rich_output_shows_the_note_free_report_literally(comparison):
    out = _rich(comparison, color=True)
    assert "[bold red]Party[/]" in out
    assert "<U+001B>[31mred" in out


def test_markdown_escapes_pipes_and_html(comparison):
    out = markdown.render(comparison)
    assert "OVERWRITE \\| cell" in out
    assert "<script>" not in out and "\\<script\\>" in out
    cells = {len(re.findall(r"(?<!\\)\|", line))
             for line in out.splitlines() if line.startswith("| ")}
    assert cells == {5 + 1}  # status, topic, two parties, gap: every row has the same cells


def test_html_is_inert_and_standalone(comparison):
    out = html.render(comparison)
    assert "<script" not in out and "<img" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;" in out
    assert "&lt;b&gt;label&lt;/b&gt; &amp; [italic]x[/italic]" in out
    assert "http://" not in out.replace("[link](http://x)", "")  # no external resources
    assert out.startswith("<!DOCTYPE html>")


def test_json_keeps_the_exact_text_but_escapes_hidden_characters(comparison):
    out = json_report.render(comparison)
    assert "\u202e" not in out and "\\u202e" in out
    data = json.loads(out)
    assert data["format"] == "ceasefire-diff/2"
    hostile = data["parties"][0]
    assert hostile["name"] == "Evil [bold red]Party[/] \x1b[31mred\x1b[0m"
    row = next(r for r in data["rows"] if r["topic"] == "ceasefire.violations")
    assert "\u202e" in row["positions"][hostile["id"]]["note"]


# --- end to end: the same attack through the command line and the app ----------------------

ATTACKS = ["\x1b[31m", "\x1b]52", "\x1b]8;", "\x1b[2J", "\x07", "\r", "\u202e", "\u2066",
           "\u200b", "\x1b]0;"]


@pytest.fixture(scope="module")
def injection_files(tmp_path_factory):
    from tests.robustness.hostile import GOOD, INJECTION

    folder = tmp_path_factory.mktemp("injection")
    evil, good = folder / "evil.yaml", folder / "good.yaml"
    evil.write_text(INJECTION)
    good.write_bytes(GOOD)
    return evil, good


def _cli(*args: str) -> str:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode in (0, 1), result.stderr[-1000:]
    return result.stdout + result.stderr


@pytest.mark.parametrize("report_format", ["text", "markdown", "json", "html", "rich"])
def test_no_attack_survives_any_diff_format(injection_files, report_format):
    out = _cli("diff", "--format", report_format, "--color", "always", *map(str, injection_files))
    for attack in ATTACKS:
        assert attack not in out, (report_format, attack)
    if report_format == "html":
        assert "<script" not in out and "<img" not in out and "<b>" not in out
    if report_format == "markdown":  # every < of the files escaped: shown, not parsed
        assert not re.search(r"(?<!\\)<(script|img|b>|/td)", out) and "\\[bold red\\]" in out


def test_check_shows_the_hidden_characters_and_no_attack(injection_files):
    out = _cli("check", "--color", "always", str(injection_files[0]))
    for attack in ATTACKS:
        assert attack not in out
    assert "warning" in out and "U+202E" in out and "U+200B" in out and "U+2066" in out


async def test_the_app_shows_every_field_literally(injection_files):
    from rich.console import Console

    from tui.app.app import CeasefireApp
    from tui.app.widgets.detail import detail_renderable
    from tui.app.widgets.masthead import masthead_text
    from tui.inputs import Source

    app = CeasefireApp([Source(p, p.name) for p in injection_files], watch=False, blink=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        shown = io.StringIO()
        console = Console(file=shown, width=300, color_system=None)
        console.print(masthead_text(app.comparison, app.shown, app.view_label()))
        for row in app.comparison.rows:
            console.print(detail_renderable(row, app.comparison))
        text = shown.getvalue()
        for attack in ATTACKS:
            assert attack not in text
        assert "[bold red]Evil[/]" in text and "<U+001B>" in text and "<U+202E>" in text
        svg = app.export_screenshot()  # what the terminal is actually sent to draw
        for attack in ATTACKS:
            assert attack not in svg
        assert "[bold red]Evil[/]" in svg.replace("&#160;", " ")
