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
