"""A file of many mistakes is checked in bounded work (issue 15, failure 7): suggestions stop
after the first MOST_SUGGESTIONS and say so once; nothing a mistake costs grows with the file
(its sources, its phases); long chains of times are refused, never a RecursionError."""

from __future__ import annotations

import difflib

import pytest

from proposals.loader import read_string
from proposals.problems import Severity
from proposals.suggestions import MOST_SUGGESTIONS
from tui.cli import main

MISTAKES = 2_000


def _misspelt_keys(count: int) -> str:
    return "ceasefire: 1\nparty: A\nclauses:\n" + "".join(
        f"  ceasefire.duraton{i}: 30 days\n" for i in range(count))


@pytest.fixture
def close_matches(monkeypatch) -> list[str]:
    """Every word difflib is asked about: the costly part of a suggestion."""
    asked: list[str] = []
    real = difflib.get_close_matches

    def counting(word, *args, **kwargs):
        asked.append(word)
        return real(word, *args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    return asked


def test_suggestions_stop_after_the_first_few_and_say_so_once(close_matches):
    loaded = read_string(_misspelt_keys(MISTAKES), "keys.yaml")
    assert len(close_matches) == MOST_SUGGESTIONS
    assert len(loaded.errors) == MISTAKES
    suggested = [p for p in loaded.errors if "did you mean" in p.message]
    assert len(suggested) == MOST_SUGGESTIONS
    (said,) = [p for p in loaded.problems if "suggestions stopped" in p.message]
    assert said.severity is Severity.WARNING and said is loaded.problems[-1]
    assert f"{MISTAKES - MOST_SUGGESTIONS:,} more got no 'did you mean'" in said.message


def test_every_file_gets_its_own_suggestions(close_matches):
    for name in ("a.yaml", "b.yaml"):
        loaded = read_string(_misspelt_keys(3), name)
        assert all("did you mean 'ceasefire.duration'" in p.message for p in loaded.errors)
    assert len(close_matches) == 6


def test_check_says_once_that_suggestions_stopped(tmp_path, capsys, close_matches):
    path = tmp_path / "keys.yaml"
    path.write_text(_misspelt_keys(MISTAKES), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == MISTAKES + 2
    assert out[-2].startswith(f"{path}: warning: suggestions stopped after the first "
                              f"{MOST_SUGGESTIONS} mistakes")
    assert len(close_matches) == MOST_SUGGESTIONS


def test_a_mistake_costs_the_same_however_many_sources_the_file_lists(close_matches):
    text = ("ceasefire: 1\nparty: A\nsources:\n"
            + "".join(f"  s{i}: Source {i}\n" for i in range(MISTAKES))
            + "clauses:\n"
            + "".join(f"  x.t{i}: {{kind: text, value: v, source: nowhere{i}}}\n"
                      for i in range(MISTAKES)))
    loaded = read_string(text, "sources.yaml")
    unknown = [p for p in loaded.errors if "is not listed under 'sources:'" in p.message]
    assert len(unknown) == MISTAKES
    assert max(len(p.message) for p in unknown) < 300  # the known ids are cut, not all listed
    assert f"… and {MISTAKES - 12:,} more" in unknown[-1].message


def test_a_long_chain_of_times_is_an_error_at_its_place_not_a_crash():
    count = 3_000  # each phase starts after the next: far past Python's stack
    text = "ceasefire: 2\nparty: A\nphases:\n" + "".join(
        f"  - id: p{i}\n    starts: " + (f"after p{i + 1}\n" if i < count - 1 else "on signing\n")
        for i in range(count)) + "clauses: {ceasefire.type: full}\n"
    loaded = read_string(text, "chain.yaml")
    (error,) = loaded.errors
    assert "chain of more than 100 times" in error.message
    assert (error.line, error.column) == (4 + 2 * 100, 5)
