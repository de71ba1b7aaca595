"""What the human reports carry beyond the rows: the word diff of two free texts (text and
rich), the pair matrix (every human format, three parties or more), and citations (sources,
quotes, notes; `--cite`)."""

from __future__ import annotations

import html
import io
import re
from dataclasses import replace

import pytest

from diffing import compare
from proposals.examples import scenario
from proposals.loader import read_proposal, read_string
from tui.reports import render_text, terminal
from tui.terminal import console


def example(name: str, *order: str):
    proposals = {p.id: p for p in (read_proposal(path).proposal
                                   for path in scenario(name).files)}
    return compare([proposals[i] for i in order] if order else list(proposals.values()))


def rich(comparison, width: int = 120, color: bool = False, **options) -> str:
    buffer = io.StringIO()
    terminal.render(comparison, console(buffer, color=color, width=width), **options)
    return buffer.getvalue()


def read_html(page: str) -> str:
    """A page's words: entities decoded, inline tags (links, citations, spans) dropped."""
    return html.unescape(re.sub(r"<(/?cite|/?a|/?span)\b[^>]*>", "", page))


def human(comparison, name: str, **options) -> str:
    """A human format as a reader sees its words (HTML entities decoded and its inline tags
    dropped, Markdown's escapes read)."""
    if name == "rich":
        return rich(comparison, **options)
    out = render_text(comparison, name, **options)
    return {"html": read_html,
            "markdown": lambda text: re.sub(r"\\(.)", r"\1", text)}.get(name, str)(out)


HUMAN = ("text", "markdown", "rich", "html")


# --- the word diff of free texts ------------------------------------------------------------

def _texts(first: str, second: str):
    def party(name: str, text: str):
        return read_string(f"ceasefire: 2\nparty: {name}\nclauses:\n  x.note: {{kind: text, "
                           f"value: '{text}'}}\n", f"{name}.yaml").proposal
    return compare([party("Alpha", first), party("Beta", second)])


WORDED = _texts("The parties withdraw heavy weapons at once.",
                "The parties pull back heavy weapons within 14 days.")


def test_text_shows_the_word_diff_as_git_word_diff_plain_does():
    out = render_text(WORDED, "text")
    assert ("    words, Alpha → Beta: The parties [-withdraw-] {+pull back+} heavy weapons "
            "[-at once-] {+within 14 days+}.") in out


def test_rich_shows_the_word_diff_marked_without_colour():
    out = " ".join(rich(WORDED, width=40).split())  # stacked: the gap wraps at its spaces
    assert ("words, Alpha → Beta: The parties [-withdraw-] {+pull back+} heavy weapons "
            "[-at once-] {+within 14 days+}.") in out


def test_rich_colours_removed_words_red_and_added_green():
    out = rich(WORDED, width=200, color=True)
    assert re.search(r"\x1b\[[0-9;]*31m\[-withdraw-\]", out)
    assert re.search(r"\x1b\[[0-9;]*32m\{\+pull back\+\}", out)


def test_a_word_diff_shows_file_text_literally():
    out = render_text(_texts("stop \u202e now", "halt now"), "text")
    assert "\u202e" not in out and "<U+202E>" in out


# --- the pair matrix --------------------------------------------------------------------------

@pytest.mark.parametrize("name", HUMAN)
def test_three_parties_get_a_pair_matrix_in_every_human_format(name):
    out = human(example("istanbul-2025-06-02"), name)
    assert "Agreement index of every two parties" in out
    plain = re.sub(r"<[^>]+>", " ", out)
    rows = {n: re.search(rf"{n} {party}[\s|│]+([—\d.]+)[\s|│]+([—\d.]+)[\s|│]+([—\d.]+)", plain)
            for n, party in ((1, "Russia"), (2, "Ukraine"), (3, "Agreed outcome"))}
    assert [rows[n].groups() for n in (1, 2, 3)] == [
        ("—", "0.25", "0.50"), ("0.25", "—", "0.57"), ("0.50", "0.57", "—")], name


@pytest.mark.parametrize("name", HUMAN)
def test_two_parties_get_no_matrix_and_no_pairs_the_rows_already_show(name):
    """Two parties are one pair (the JSON lists it), which the report's rows and summary
    already are: no pair section, unless a baseline asks for each party against it."""
    two = example("istanbul-2025-06-02", "ukraine", "russia")
    assert len(two.pairs) == 1
    out = human(two, name)
    assert "Agreement index of every two parties" not in out
    assert "Russia vs Ukraine" not in out and "Pairs" not in out
    assert "Russia vs Ukraine" in human(replace(two, baseline="russia"), name)


def test_a_baseline_matrix_marks_the_pairs_it_did_not_compare():
    proposals = {p.id: p for p in (read_proposal(path).proposal
                                   for path in scenario("istanbul-2025-06-02").files)}
    out = render_text(compare(list(proposals.values()), baseline="agreed"), "text")
    assert re.search(r"1 Russia\s+—\s+·\s+0\.50", out)


# --- citations: sources, quotes, notes ------------------------------------------------------

ICARO = ("Russia-Ukraine Peace Talks Focused on Prisoner Exchange Yield Limited Progress — "
         "ICARO Media Group, 2025-06-02")


@pytest.mark.parametrize("name", HUMAN)
def test_cite_numbers_each_source_marks_the_clause_and_lists_it_with_publisher_and_date(name):
    out = " ".join(human(example("istanbul-2025-06-02", "ukraine", "russia"), name,
                         cite=True).split())
    assert f"[2] {ICARO} (icaro, cited by Ukraine, Russia)" in out, name
    assert "[1] Ukraine's memorandum — Suspilne, 2025-06-02 (suspilne, cited by Ukraine)" in out
    # Ukraine's disputed duration cites ICARO for its first reading, and notes both readings.
    assert re.search(r"at least 30 days.{0,400}\[2\]", out), name
    assert "The sources disagree on the length Ukraine proposed." in out


@pytest.mark.parametrize("name", ("text", "rich", "markdown"))
def test_cite_shows_the_quote_under_the_value(name):
    out = human(example("istanbul-2025-06-02"), name, cite=True)
    assert "“hundreds”" in out


@pytest.mark.parametrize("name, default", (("text", False), ("rich", False),
                                           ("markdown", True), ("html", True)))
def test_citations_are_on_by_default_in_markdown_and_html_only(name, default):
    comparison = example("istanbul-2025-06-02")
    assert (ICARO in human(comparison, name)) is default, name
    assert ICARO not in human(comparison, name, cite=False)
    assert "The sources disagree" not in human(comparison, name, cite=False)


def test_the_cite_flags_reach_the_report(capsys, tmp_path):
    from tui.cli import main

    assert main(["diff", "--example", "istanbul-2025-06-02", "--format", "text", "--cite"]) == 1
    assert ICARO in capsys.readouterr().out
    assert main(["diff", "--example", "istanbul-2025-06-02", "-o",
                 str(tmp_path / "r.md"), "--no-cite"]) == 1
    assert ICARO not in (tmp_path / "r.md").read_text(encoding="utf-8")
    for data in ("json", "csv"):  # data formats carry sources their own way; --cite is moot
        assert main(["diff", "--example", "istanbul-2025-06-02", "--format", data, "--cite"]) == 1


def test_json_carries_each_partys_sources_with_publisher_and_date():
    import json

    data = json.loads(render_text(example("istanbul-2025-06-02"), "json"))
    ukraine = next(p for p in data["parties"] if p["id"] == "ukraine")
    assert ukraine["sources"]["icaro"] == {
        "title": "Russia-Ukraine Peace Talks Focused on Prisoner Exchange Yield Limited Progress",
        "publisher": "ICARO Media Group", "date": "2025-06-02", "url": None}


def test_cited_text_from_files_stays_literal():
    loaded = [read_string(
        f"ceasefire: 2\nparty: {name}\nsources:\n  s: {{title: \"Wire \\u202e report\", "
        f"publisher: \"<b>Agency</b>\"}}\nclauses:\n  ceasefire.type: {{value: full, source: s, "
        f"quote: \"[evil](http://x) \\u200b\"}}\n", f"{name}.yaml").proposal
        for name in ("Alpha", "Beta")]
    comparison = compare(loaded)
    for name in HUMAN:
        out = human(comparison, name, cite=True)
        assert "\u202e" not in out and "\u200b" not in out, name
    assert "<b>" not in render_text(comparison, "html", cite=True)
    assert "\\[evil\\]" in render_text(comparison, "markdown")


@pytest.mark.parametrize("name, default", (("text", False), ("rich", False),
                                           ("markdown", True), ("html", True)))
def test_history_cites_each_rounds_sources_by_default_in_markdown_and_html(capsys, name,
                                                                           default):
    from tui.cli import main

    rounds = ["history", "--example", "istanbul-2025-05-16", "--example", "istanbul-2025-06-02",
              "--format", name, "--width", "400"]
    for flags, shown in (([], default), (["--cite"], True), (["--no-cite"], False)):
        assert main(rounds + flags) == 1
        out = read_html(capsys.readouterr().out)
        # Russia's first-round clause cites a source only that round's file declares.
        assert ("[1] Media account of Russia's demands at the first Istanbul round "
                "(media-0516, cited by Russia)" in out.replace("\\", "")) is shown, (name, flags)
        assert ("withdrawal from the regions Russia claims (reported) " + (
            "\\[1\\]" if name == "markdown" else "[1]") in out) is shown, (name, flags)
