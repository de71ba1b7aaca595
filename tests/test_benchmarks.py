"""The benchmark suite still runs (at a tiny size: budgets are judged by benchmarks/run.py
itself, on full-size inputs, never by a timed test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_benchmark_suite_runs_at_a_tiny_size(tmp_path):
    result = subprocess.run([sys.executable, "benchmarks/run.py", "--smoke"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    for item in ("1.", "2.", "3.", "4.", "5.", "5b.", "6a.", "6b.", "6c.", "7.", "8.", "9.", "10.",
                 "11."):
        assert f"| {item} " in result.stdout


def test_the_generator_makes_valid_proposals_of_every_kind(tmp_path):
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import Plan, write
    from proposals import read_proposal

    files = write(Plan(parties=3, clauses=120), tmp_path)
    kinds = set()
    for path in files:
        loaded = read_proposal(path)
        assert loaded.proposal is not None, [str(p) for p in loaded.problems[:3]]
        kinds |= {clause.kind.value for clause in loaded.proposal.clauses}
        assert any(clause.is_custom for clause in loaded.proposal.clauses)
    assert kinds == {"duration", "quantity", "set", "choice", "date", "text", "sequence"}


def test_the_generator_makes_rounds_in_which_each_party_moves(tmp_path):
    """Each party keeps its id through the rounds, each round has its label and a later date,
    and from one round to the next a party keeps most rows and changes, adds and drops
    some: `history` finds every kind of move, toward the other party and away from it."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import Plan, write
    from diffing.history import history
    from diffing.history_result import Direction, Move
    from proposals import read_proposal

    files = write(Plan(parties=2, clauses=150, rounds=3), tmp_path)
    assert len(files) == 6
    texts = [read_proposal(path).proposal for path in files]
    assert all(text is not None for text in texts)
    assert {text.id for text in texts} == {"party-0", "party-1"}
    rounds = sorted({(text.date, text.round) for text in texts})
    assert [label for _, label in rounds] == ["Round 1", "Round 2", "Round 3"]
    assert len({date for date, _ in rounds}) == 3

    result = history(texts)
    assert [len(r.given) for r in result.rounds] == [2, 2, 2]
    for party in result.parties:
        assert len(party.steps) == 2 and party.overall is not None
        for step in party.steps:
            counts = step.counts
            assert counts.kept > 2 * (counts.changed + counts.added + counts.dropped)
            assert counts.changed and counts.added and counts.dropped
    changes = [c for p in result.parties for s in p.steps for c in s.changes]
    assert {c.move for c in changes} == {Move.CHANGED, Move.ADDED, Move.DROPPED}
    directions = {g.direction for c in changes if c.move is Move.CHANGED for g in c.gaps}
    assert {Direction.TOWARD, Direction.AWAY} <= directions
    kinds = {c.after.kind for c in changes if c.move is Move.CHANGED}
    assert kinds == {"duration", "quantity", "set", "choice", "date", "text", "sequence"}
