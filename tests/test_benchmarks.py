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
    for item in ("1.", "2.", "3.", "4.", "5.", "6a.", "6b.", "6c.", "7."):
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
