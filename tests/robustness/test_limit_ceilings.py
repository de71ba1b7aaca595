"""Every --limit has a ceiling and takes ASCII digits only (issue 15, failure 6): a value past
the ceiling is one line and exit 2 in every command, before anything is read or drawn."""

from __future__ import annotations

import dataclasses
import time

import pytest

from proposals.limits import CEILINGS, DEFAULT_LIMITS, Limits
from tui.cli import main

GOOD = "ceasefire: 1\nparty: {}\nclauses:\n  ceasefire.type: full\n"


@pytest.fixture
def two(tmp_path):
    paths = []
    for party in ("A", "B"):
        path = tmp_path / f"{party}.yaml"
        path.write_text(GOOD.format(party), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_every_limit_has_a_ceiling_above_its_default():
    for field in dataclasses.fields(Limits):
        assert CEILINGS[field.name] > getattr(DEFAULT_LIMITS, field.name)
    assert set(CEILINGS) == {field.name for field in dataclasses.fields(Limits)}


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_the_ceiling_is_accepted_and_one_more_is_refused(name):
    ceiling = CEILINGS[name]
    assert getattr(DEFAULT_LIMITS.with_overrides([f"{name}={ceiling}"]), name) == ceiling
    with pytest.raises(ValueError, match=f"above its ceiling of {ceiling:_}"):
        DEFAULT_LIMITS.with_overrides([f"{name}={ceiling + 1}"])


@pytest.mark.parametrize("command", ["check", "diff", "history", "view"])
@pytest.mark.parametrize("value", ["9223372036854775807", "9" * 5000])
def test_past_the_ceiling_is_one_line_and_exit_2_in_every_command(two, capsys, command, value):
    assert main([command, "--limit", f"file_bytes={value}", *two]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert "above its ceiling of 268_435_456" in line
    assert len(line) < 120


@pytest.mark.parametrize("value", ["٣", "３", "1e20", "-5", "+5", "0x10", "1.5", "1__000", "",
                                   "١٠٠٠٠"])
def test_only_ascii_digits_are_a_limit(two, capsys, value):
    assert main(["check", "--limit", f"clauses={value}", *two]) == 2
    assert "not a whole number in digits 0-9" in capsys.readouterr().err


@pytest.mark.parametrize(("value", "number"), [("5000", 5000), ("5_000", 5000),
                                               ("5,000", 5000)])
def test_digits_may_be_grouped(value, number):
    assert DEFAULT_LIMITS.with_overrides([f"clauses={value}"]).clauses == number


def test_an_alias_bomb_with_a_huge_alias_limit_is_refused_at_once(tmp_path, capsys):
    lines = ["ceasefire: 1", "party: A", "sources:", '  s0: &l0 "lol"']
    lines += [f"  s{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 9)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join([*lines, "clauses:\n  ceasefire.domains: *l8\n"]), encoding="utf-8")
    start = time.perf_counter()
    assert main(["check", "--limit", "alias_nodes=100000000000000000000", str(bomb)]) == 2
    assert time.perf_counter() - start < 5
    assert "ceiling of 1_000_000" in capsys.readouterr().err
    assert main(["check", "--limit", "alias_nodes=1000000", str(bomb)]) == 1  # refused: LIMIT
    assert "aliases expand to more than 1,000,000" in capsys.readouterr().out
