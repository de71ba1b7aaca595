"""Options that cannot mislead: what `--topics`, `--exclude`, `--only` and `--baseline`
select is what the report shows, a selection that names nothing is refused (exit 2) with
the closest words, and pair counts under `--only` are each pair's own."""

from __future__ import annotations

import json
import re

import pytest

from tui.cli import main

ISTANBUL = ("--example", "istanbul-2025-06-02")
PLANS = ("--example", "peace-plans-2025-11")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse's own refusals
        code = stop.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def topics_of(capsys, *argv: str) -> list[str]:
    code, out, err = run(capsys, "diff", *argv, "--format", "json")
    assert code in (0, 1), err
    return [row["topic"] for row in json.loads(out)["rows"]]


def pair_lines(out: str) -> dict[str, str]:
    """`A vs B` -> its summary, from a text report's Pairs section."""
    section = out.split("== Pairs ==\n", 1)[1]
    return dict(line.strip().split(": ", 1) for line in section.splitlines() if " vs " in line)


def test_an_alias_in_topics_names_its_topic(capsys):
    assert topics_of(capsys, *ISTANBUL, "--topics", "ceasefire.length") == ["ceasefire.duration"]
    assert topics_of(capsys, *ISTANBUL, "--topics", "ceasefire.len*") == ["ceasefire.duration"]


@pytest.mark.parametrize("option, pattern, suggestion", [
    ("--topics", "ceasefire.lenght", "did you mean 'ceasefire.length'"),
    ("--topics", "duraton", "did you mean 'duration'?"),
    ("--topics", "humanitarain.*", "did you mean 'humanitarian.*'"),
    ("--exclude", "forcs.*", "did you mean 'forces.*'"),
])
def test_a_pattern_that_matches_nothing_is_refused_with_the_closest(capsys, option, pattern,
                                                                     suggestion):
    code, out, err = run(capsys, "diff", *ISTANBUL, option, pattern)
    assert code == 2 and out == ""
    assert err.startswith(f"ceasefire diff: {option}: no topic matches {pattern!r} — ")
    assert suggestion in err and len(err.splitlines()) == 1


def test_a_topic_no_proposal_addresses_is_refused_saying_so(capsys):
    code, out, err = run(capsys, "diff", *ISTANBUL, "--topics", "hostages")
    assert code == 2 and out == ""
    assert "'hostages' names humanitarian.hostages, which none of these proposals" in err


def test_view_refuses_a_pattern_that_matches_nothing_before_the_app_starts(capsys):
    code, _, err = run(capsys, "view", *ISTANBUL, "--topics", "ceasefire.lenght")
    assert code == 2 and "did you mean 'ceasefire.length'" in err


def test_exclude_leaves_out_what_topics_would_keep(capsys):
    every = topics_of(capsys, *ISTANBUL)
    kept = topics_of(capsys, *ISTANBUL, "--exclude", "forces.*", "--exclude", "ceasefire.length")
    assert kept == [t for t in every if not t.startswith("forces.") and t != "ceasefire.duration"]
    assert topics_of(capsys, *ISTANBUL, "--topics", "ceasefire.*", "--exclude", "duration") == [
        t for t in every if t.startswith("ceasefire.") and t != "ceasefire.duration"]


def test_pair_counts_under_only_are_each_pairs_own(capsys):
    """Two drafts agree on rows where the third differs: `--only agreed` counts those rows for
    that pair, as the full run does, and `--only conflict` counts no agreed row."""
    _, full, _ = run(capsys, "diff", *PLANS, "--format", "text")
    _, agreed, _ = run(capsys, "diff", *PLANS, "--format", "text", "--only", "agreed")
    _, conflict, _ = run(capsys, "diff", *PLANS, "--format", "text", "--only", "conflict")
    for pair, summary in pair_lines(full).items():
        in_full = re.search(r"(\d+) agreed", summary).group(1)
        assert pair_lines(agreed)[pair].startswith(f"{in_full} topic"), pair
        assert re.search(r"(\d+) agreed", pair_lines(agreed)[pair]).group(1) == in_full
        conflicts = re.search(r"(\d+) conflict", summary).group(1)
        assert pair_lines(conflict)[pair].startswith(
            f"{conflicts} topic{'s' * (conflicts != '1')}: 0 agreed"), pair
    # the case reported: European vs 20-point agree on 2 rows the 28-point plan does not
    assert "European counter-proposal vs US-Ukraine 20-point plan: 2 topics: 2 agreed" in agreed


@pytest.mark.parametrize("written", ["one_sided", "One sided", "ONE-SIDED"])
def test_only_folds_case_spaces_dashes_and_underscores(capsys, written):
    code, out, _ = run(capsys, "diff", *ISTANBUL, "--format", "json", "--only", written)
    assert code == 1
    assert {row["status"] for row in json.loads(out)["rows"]} == {"one-sided"}


def test_only_suggests_the_closest_status(capsys):
    code, out, err = run(capsys, "diff", *ISTANBUL, "--only", "agreed,conflct")
    assert code == 2 and out == ""
    assert "--only: 'conflct' is not a status — did you mean 'conflict'?" in err


def test_baseline_suggests_the_closest_party(capsys):
    code, _, err = run(capsys, "diff", *ISTANBUL, "--baseline", "rusia")
    assert code == 2 and "no party 'rusia' to use as baseline — did you mean 'Russia'?" in err


@pytest.mark.parametrize("word, suggestion", [("dif", "'diff'"), ("exmaples", "'examples'")])
def test_a_misspelt_command_suggests_the_closest(capsys, word, suggestion):
    code, out, err = run(capsys, word, "a.yaml")
    assert code == 2 and out == ""
    assert err.startswith(f"ceasefire: '{word}' is not a command — did you mean {suggestion}?")


# --- --sort, --brief, --stat -----------------------------------------------------------------

def test_sort_orders_the_rows_of_every_format(capsys):
    _, out, _ = run(capsys, "diff", *ISTANBUL, "--format", "json", "--sort", "distance")
    data = json.loads(out)
    assert data["order"] == "distance"
    measured = [row["distance"] for row in data["rows"] if row["distance"] is not None]
    assert measured == sorted(measured, reverse=True) and len(measured) > 5
    ids = [row["id"] for row in data["rows"]]
    for report_format in ("text", "markdown", "html"):
        _, out, _ = run(capsys, "diff", *ISTANBUL, "--format", report_format, "--sort", "distance")
        at = [out.index(f"({row_id})" if report_format == "text" else row_id) for row_id in ids]
        assert at == sorted(at), report_format
    _, out, _ = run(capsys, "diff", *ISTANBUL, "--format", "text", "--sort", "status")
    headings = [line for line in out.splitlines() if line.startswith("== ")]
    assert headings[:5] == ["== Conflict ==", "== Partial ==", "== Unclear ==",
                            "== One-sided ==", "== Agreed =="]


def test_brief_prints_one_line_or_nothing_and_keeps_the_exit_status(capsys):
    assert run(capsys, "diff", *ISTANBUL, "-q") == (
        1, "Russia, Ukraine and Agreed outcome differ\n", "")
    assert run(capsys, "diff", *ISTANBUL, "--brief", "--topics", "civilians") == (0, "", "")
    assert run(capsys, "history", *PLANS, "-q") == (1, "", "")
    code, out, err = run(capsys, "diff", *ISTANBUL, "-q", "--format", "json")
    assert code == 2 and out == "" and "--brief prints no report" in err


def test_stat_is_each_pairs_counts_and_index_then_all(capsys):
    code, out, _ = run(capsys, "diff", *PLANS, "--stat")
    assert code == 1
    assert out == (
        "US 28-point plan vs European counter-proposal\n"
        "  19 topics: 15 agreed, 4 conflict; index 0.86\n"
        "US 28-point plan vs US-Ukraine 20-point plan\n"
        "  20 topics: 1 partial, 2 conflict, 17 one-sided; index 0.46\n"
        "European counter-proposal vs US-Ukraine 20-point plan\n"
        "  20 topics: 2 agreed, 1 partial, 17 one-sided; index 0.89\n"
        "all parties\n"
        "  20 topics: 14 agreed, 1 partial, 4 conflict, 1 one-sided; index 0.84\n")
    assert run(capsys, "diff", "--example", "istanbul-2025-05-16", "--stat", "--only", "agreed") \
        == (0, "Russia vs Ukraine  2 topics: 2 agreed; index 1.00\n", "")
