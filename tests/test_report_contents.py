"""What the human reports carry beyond the rows: the word diff of two free texts (text and
rich), the pair matrix (every human format, three parties or more), and citations (sources,
quotes, notes; `--cite`)."""

from __future__ import annotations

import html
import io
import re

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


def human(comparison, name: str, **options) -> str:
    """A human format as a reader sees its words (HTML entities decoded)."""
    if name == "rich":
        return rich(comparison, **options)
    out = render_text(comparison, name, **options)
    return html.unescape(out) if name == "html" else out


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
def test_two_parties_get_no_matrix(name):
    assert "Agreement index of every two parties" not in human(
        example("istanbul-2025-06-02", "ukraine", "russia"), name)


def test_a_baseline_matrix_marks_the_pairs_it_did_not_compare():
    proposals = {p.id: p for p in (read_proposal(path).proposal
                                   for path in scenario("istanbul-2025-06-02").files)}
    out = render_text(compare(list(proposals.values()), baseline="agreed"), "text")
    assert re.search(r"1 Russia\s+—\s+·\s+0\.50", out)
