"""What the HTML report gives a reader who attaches it, prints it or reads it on a phone:
a header that says when, by which version and from which files; every source mark a link
to the source written out in full; the gap pictures as inline SVG that say in words what
they show; a print stylesheet for A4 that never breaks a word. (Chromium's view of it:
tests/test_html_browser.py.)"""

from __future__ import annotations

import contextlib
import html
import io
import re

import pytest

from diffing import compare
from proposals.examples import scenario
from proposals.loader import read_proposal, read_string
from tui.cli import main
from tui.reports import render_text


def example(name: str):
    return compare([read_proposal(path).proposal for path in scenario(name).files])


def page(name: str = "istanbul-2025-06-02") -> str:
    """The report as `ceasefire diff --example NAME --format html` prints it."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["diff", "--example", name, "--format", "html"])
    return out.getvalue()


def pictures(report: str) -> dict[str, str]:
    """Each row's gap picture, by row id."""
    return dict(re.findall(r'<tbody id="([^"]+)">(?:(?!</tbody>).)*?(<svg class="gap".*?</svg>)',
                           report, re.S))


def test_the_header_says_when_by_which_version_and_from_which_files(monkeypatch):
    from tui.reports.stamp import tool_version

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1748858400")
    report = page()
    header = report[:report.index("</header>")]
    assert "<dt>Generated</dt> <dd>2025-06-02 10:00 UTC</dd>" in header
    assert f"<dd>ceasefire {tool_version()}</dd>" in header and tool_version() != ""
    assert ("istanbul-2025-06-02/russia.yaml, istanbul-2025-06-02/ukraine.yaml, "
            "istanbul-2025-06-02/agreed.yaml") in header


def test_without_source_date_epoch_the_header_has_todays_date(monkeypatch):
    from datetime import datetime, timezone

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert f"<dd>{datetime.now(timezone.utc):%Y-%m-%d}" in page()


def test_a_source_date_epoch_that_is_no_number_is_refused_in_one_line(monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert main(["diff", "--example", "istanbul-2025-05-16", "--format", "html"]) == 2
    error = capsys.readouterr().err
    assert "SOURCE_DATE_EPOCH='yesterday'" in error and len(error.splitlines()) == 1


def test_every_source_mark_links_to_the_source_written_out_in_full():
    proposals = [read_string(
        f"ceasefire: 2\nparty: {name}\nsources:\n  wire: {{title: \"Talks <end>\", publisher: "
        f"Agency, date: 2025-06-02, url: \"https://example.org/a?b=1&c=2\"}}\nclauses:\n"
        f"  ceasefire.type: {{value: {value}, source: wire}}\n", f"{name}.yaml").proposal
        for name, value in (("Alpha", "full"), ("Beta", "local"))]
    report = render_text(compare(proposals), "html")
    marks = set(re.findall(r'<a class="cite" href="#source-(\d+)">\[(\d+)\]</a>', report))
    assert marks == {("1", "1")}
    entry = re.search(r'<li id="source-1">(.*?)</li>', report).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", entry)) == (
        "[1] Talks <end> — Agency, 2025-06-02 · https://example.org/a?b=1&c=2 "
        "(wire, cited by Alpha, Beta)")
    # the link is text on the page, so it prints; nothing is left to a tooltip
    assert '<a class="url" href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1' \
        "&amp;c=2</a>" in entry
    assert "<abbr" not in report


def test_sources_of_the_example_are_numbered_and_linked_from_each_clause():
    report = page()
    targets = set(re.findall(r'<li id="source-(\d+)">', report))
    linked = set(re.findall(r'href="#source-(\d+)"', report))
    assert targets == linked == {"1", "2", "3"}
    assert "<cite>Russia&#x27;s memorandum</cite> — TASS, 2025-06-02" in report


def test_gap_pictures_are_drawn_for_ranges_sets_and_orders_and_say_what_they_show():
    drawn = pictures(page())
    titles = {row: html.unescape(re.search(r"<title[^>]*>(.*?)</title>", svg).group(1))
              for row, svg in drawn.items()}
    assert titles["ceasefire.duration"] == (
        "Ranges on one axis: Russia 2–3 days; Ukraine at least 30 days; no overlap: "
        "27 days apart.")
    assert titles["forces.withdrawal@ukraine"].startswith(
        "Who names which item (Russia, Ukraine): Donetsk: Russia; Kherson: Russia;")
    assert titles["political.sequence"].startswith("The orders side by side. Russia: ")
    for svg in drawn.values():
        ident = re.search(r'aria-labelledby="([^"]+)"', svg).group(1)
        assert 'role="img"' in svg and f'<title id="{ident}">' in svg
    assert len(set(re.findall(r'<title id="(gap-\d+)">', page()))) == len(drawn)
    # nothing to picture where one party speaks or all agree
    assert "ceasefire.extension" not in drawn and "humanitarian.civilians" not in drawn


def test_the_pictures_draw_the_same_geometry_as_the_apps_text_pictures():
    from tui.app.pictures import picture
    from tui.reports.gap_shapes import ranges, row_values

    comparison = example("istanbul-2025-06-02")
    row = comparison.row("ceasefire.duration")
    shape = ranges(row_values(row, comparison.parties))  # type: ignore[arg-type]
    text = picture(row, comparison.parties, 80).plain
    svg = pictures(page())["ceasefire.duration"]
    assert shape.gap == "27 days apart" and shape.gap in text and shape.gap in svg
    assert shape.under in text and shape.under in svg


def test_text_from_yaml_is_escaped_in_the_pictures():
    proposals = [read_string(
        f"ceasefire: 2\nparty: \"{name}\"\nclauses:\n  ceasefire.preconditions: [{items}]\n",
        f"p{n}.yaml").proposal
        for n, (name, items) in enumerate((("<b>A</b>", '"<script>x</script>", air'),
                                           ("B & \u202eC", "sea")))]
    report = render_text(compare(proposals), "html")
    svg = next(iter(pictures(report).values()))
    assert "<script" not in report and "<b>" not in report and "\u202e" not in report
    assert "&lt;b&gt;A&lt;/b&gt;" in svg and "&lt;script&gt;" in svg and "B &amp;" in svg


def test_the_print_stylesheet_is_a4_and_breaks_no_word():
    report = page()
    style = report[report.index("<style>"):report.index("</style>")]
    assert "@page { size: A4;" in style
    assert "anywhere" not in style and "break-all" not in style.replace(
        ".sources .url { word-break: break-all; }", "")
    assert "prefers-color-scheme: dark" in style and "@media print" in style
    # long topic keys may wrap only at their dots and underscores
    assert "humanitarian.<wbr>prisoner_<wbr>exchange" in report


@pytest.mark.parametrize("name", ["istanbul-2025-05-16", "peace-plans-2025-11"])
def test_every_table_header_has_words(name):
    assert "<th></th>" not in page(name)


def test_the_history_page_has_the_same_header_and_linked_sources(monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1748858400")
    assert main(["history", "--example", "istanbul-2025-05-16", "--example",
                 "istanbul-2025-06-02", "--format", "html"]) == 1
    report = capsys.readouterr().out
    assert "<dt>Generated</dt> <dd>2025-06-02 10:00 UTC</dd>" in report
    assert "istanbul-2025-05-16/russia.yaml, istanbul-2025-06-02/russia.yaml" in report
    assert set(re.findall(r'href="#source-(\d+)"', report)) == set(
        re.findall(r'<li id="source-(\d+)">', report)) == {"1", "2", "3", "4", "5"}
