"""Reports: text from proposal files is shown literally in every format, never interpreted:
every field a report shows, those of format 2 too (who acts, conditions, readings, phase and
option labels, actor names, timeline events)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from diffing import compare
from proposals import read_string
from tui.reports import html, json_report, markdown, terminal, text
from tui.terminal import console, literal

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


# Format 2: the same attacks through who acts (`sides:`, `by:`), a condition, the readings of
# a disputed clause and their note, a phase's label, the options' labels and note, and a
# custom label shown as a timeline event. (A `when:` cannot carry one: the loader reads only
# the times it knows and refuses any other text.)
HOSTILE_V2_YAML = r'''
ceasefire: 2
party: "Evil [bold red]Party[/] \e[31mred\e[0m"
sides: ["Side \e]52;c;aGVsbG8=\a one", "<b>Side</b> | two"]
sources:
  leak: {title: "<script>alert('t')</script> | leak"}
phases:
  - id: first
    label: "Phase \u202Eone\u202C <i>x</i> | p"
    starts: on signing
    duration: 10 days
    clauses:
      x.html_label:
        kind: text
        label: "<b>label</b> & [italic]x[/italic] \u200b"
        value: "</td></tr><script>alert(2)</script>"
        by: "Side \e]52;c;aGVsbG8=\a one"
        when: by day 5
        conditions: ["if \e[2J <img src=x onerror=alert(1)> | cond \u2066"]
options:
  - id: opt-a
    label: "Option \e[31mA\e[0m <script>x</script> | a"
    note: "note \u202e"
    clauses:
      ceasefire.duration: 30 days
  - id: opt-b
    label: "Option \rB\u200b | b"
    clauses:
      ceasefire.duration: 10 days
clauses:
  x.disputed:
    kind: text
    label: "Disputed \e[2J <u>"
    readings:
      - {value: "Reading \e[31mone\e[0m <script>r</script> | r1", source: leak, note: "n \u202e"}
      - {value: "Reading \u2066two\u2069 **b** | r2"}
  forces.heavy_weapons:
    - {value: 50 km, by: "<b>Side</b> | two", when: "from day 2, within 14 days"}
'''

PLAIN_V2_YAML = """
ceasefire: 2
party: Plain
phases:
  - id: first
    label: First
    duration: 10 days
    clauses:
      x.html_label: {kind: text, value: Nothing here, by: Side one, when: by day 8}
clauses:
  ceasefire.duration: 20 days
  x.disputed: {kind: text, value: One reading}
  forces.heavy_weapons: {value: 30 km, by: Side two, when: "from day 3, within 10 days"}
"""

# Each attacked field of format 2, as written: every report must show each of them, as text.
V2_FIELDS = {
    "actor name (sides, by)": "Side \x1b]52;c;aGVsbG8=\x07 one",
    "by as written": "<b>Side</b> | two",
    "condition": "if \x1b[2J <img src=x onerror=alert(1)> | cond \u2066",
    "reading": "Reading \x1b[31mone\x1b[0m <script>r</script> | r1",
    "second reading": "Reading \u2066two\u2069 **b** | r2",
    "phase label": "Phase \u202eone\u202c <i>x</i> | p",
    "option label": "Option \x1b[31mA\x1b[0m <script>x</script> | a",
    "other option label": "Option \rB\u200b | b",
    "event label": "<b>label</b> & [italic]x[/italic] \u200b",
}


def _compare(hostile_yaml: str, plain_yaml: str):
    hostile = read_string(hostile_yaml, "hostile.yaml").proposal
    plain = read_string(plain_yaml, "plain.yaml").proposal
    assert hostile is not None and plain is not None
    assert "\x1b" in hostile.party  # the attack is real
    return compare([hostile, plain])


@pytest.fixture(scope="module")
def comparison():
    found = _compare(HOSTILE_YAML, PLAIN_YAML)
    assert "\u202e" in found.rows[0].positions[found.parties[0].id].note
    return found


@pytest.fixture(scope="module")
def comparison_v2():
    found = _compare(HOSTILE_V2_YAML, PLAIN_V2_YAML)
    assert found.options and found.phasing.mode == "by-id" and any(found.timelines.values())
    return found


DANGEROUS = ["\x1b]", "\x1b[31mred", "\x07", "\r", "\u202e", "\u200b"]


def _rich(comparison, color: bool, width: int = 200) -> str:
    buffer = io.StringIO()
    terminal.render(comparison, console(buffer, color, width=width))
    return buffer.getvalue()


RENDERERS = {"text": text.render, "markdown": markdown.render, "html": html.render,
             "json": json_report.render, "rich-color": lambda c: _rich(c, color=True),
             "rich-plain": lambda c: _rich(c, color=False)}


@pytest.mark.parametrize("version", ["v1", "v2"])
@pytest.mark.parametrize("name", RENDERERS)
def test_no_control_or_bidi_character_reaches_any_output(comparison, comparison_v2, name,
                                                         version):
    out = RENDERERS[name](comparison if version == "v1" else comparison_v2)
    for bad in DANGEROUS:
        assert bad not in out, (bad, out)


# How each report shows a text from a file: literally, in its own escaping (the terminal
# report wide enough that no cell wraps).
SHOWN = {
    "text": (text.render, literal),
    "rich": (lambda c: _rich(c, color=False, width=1000), literal),
    "markdown": (markdown.render, markdown.escape),
    "html": (html.render, html.escape),
}


@pytest.mark.parametrize("name", SHOWN)
@pytest.mark.parametrize("field", V2_FIELDS)
def test_every_format_2_field_is_shown_literally(comparison_v2, name, field):
    render, shown = SHOWN[name]
    assert shown(V2_FIELDS[field]) in render(comparison_v2), field


def test_json_keeps_every_format_2_field_exactly(comparison_v2):
    data = json.loads(json_report.render(comparison_v2))
    said = json.dumps(data, ensure_ascii=False)
    for field, raw in V2_FIELDS.items():
        assert json.dumps(raw, ensure_ascii=False)[1:-1] in said, field


def test_text_shows_hidden_characters_as_code_points(comparison):
    out = text.render(comparison)
    assert "Fine<U+001B>]52;c;aGVsbG8=<U+0007>print<U+000D>OVERWRITE | cell" in out
    assert "[bold red]Party[/]" in out


def test_rich_output_shows_the_note_free_report_literally(comparison):
    out = _rich(comparison, color=True)
    assert "[bold red]Party[/]" in out
    assert "<U+001B>[31mred" in out


def _table_widths(out: str) -> list[set[int]]:
    """For each Markdown table, the number of unescaped pipes on each of its lines."""
    tables: list[set[int]] = []
    previous = ""
    for line in out.splitlines():
        if line.startswith("| "):
            if not previous.startswith("| "):
                tables.append(set())
            tables[-1].add(len(re.findall(r"(?<!\\)\|", line)))
        previous = line
    return tables


def test_markdown_escapes_pipes_and_html(comparison):
    out = markdown.render(comparison)
    assert "OVERWRITE \\| cell" in out
    assert "<script>" not in out and "\\<script\\>" in out
    assert _table_widths(out) == [{5 + 1}] * 2  # status, topic, two parties, gap: every row


def test_markdown_tables_of_format_2_keep_their_columns(comparison_v2):
    out = markdown.render(comparison_v2)
    assert not re.search(r"(?<!\\)<(script|img|b>|i>|u>|/td)", out)
    widths = _table_widths(out)
    assert len(widths) >= 5  # areas, the options, two timelines
    assert all(len(width) == 1 for width in widths), widths  # a pipe in a text never adds a cell


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_html_of_every_field_is_inert(comparison, comparison_v2, version):
    out = html.render(comparison if version == "v1" else comparison_v2)
    assert not re.search(r"<(script|img|b>|i>|u>)", out)
    assert "<svg" in out or version == "v1"


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


def _files(folder: Path, evil: str, other: str | bytes) -> tuple[Path, Path]:
    paths = folder / "evil.yaml", folder / "other.yaml"
    paths[0].write_text(evil)
    paths[1].write_bytes(other if isinstance(other, bytes) else other.encode())
    return paths


@pytest.fixture(scope="module")
def injection_files(tmp_path_factory):
    from tests.robustness.hostile import GOOD, INJECTION

    return _files(tmp_path_factory.mktemp("injection"), INJECTION, GOOD)


@pytest.fixture(scope="module")
def injection_v2_files(tmp_path_factory):
    return _files(tmp_path_factory.mktemp("injection-v2"), HOSTILE_V2_YAML, PLAIN_V2_YAML)


def _cli(*args: str) -> str:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode in (0, 1), result.stderr[-1000:]
    return result.stdout + result.stderr


@pytest.mark.parametrize("version", ["v1", "v2"])
@pytest.mark.parametrize("report_format", ["text", "markdown", "json", "html", "rich"])
def test_no_attack_survives_any_diff_format(injection_files, injection_v2_files, report_format,
                                            version):
    files = injection_files if version == "v1" else injection_v2_files
    out = _cli("diff", "--format", report_format, "--color", "always", *map(str, files))
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
        await app.workers.wait_for_complete()  # the files are read off the UI thread
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
