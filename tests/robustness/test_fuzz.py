"""Property-based fuzzing: no input makes the loader or the engine raise, and the engine's
invariants hold for any valid proposals."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diffing import compare
from proposals import read_string
from tests.robustness.hostile import CATALOGUE
from tests.strategies import parties
from tui.reports import render_text, terminal
from tui.terminal import console

FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FRAGMENTS = st.sampled_from(
    [h.data.decode("utf-8", "replace") for h in CATALOGUE]
    + ["ceasefire: 1\n", "party: A\n", "clauses:\n", "  ceasefire.duration: 30 days\n",
       "  x.a: {kind: quantity, value: 1e308 usd}\n", "  ceasefire.type: [full]\n",
       "  political.sequence: [a, a]\n", "sources: {s: ~}\n", "id: \n", "? [a]\n: b\n",
       "&x a: *x\n", "%YAML 1.1\n---\n", "\ufeff", "\u202e", "\x85", "\t", "'", '"\\x"',
       "  ceasefire.effective: 2025-02-30\n", "  forces.size_cap: {min: -1}\n"])


def _never_raises(text: str) -> None:
    loaded = read_string(text, "fuzz.yaml")
    assert all(p.line >= 1 and p.column >= 1 and p.message for p in loaded.problems)


@FUZZ
@given(st.text())
def test_the_loader_answers_any_text(text):
    _never_raises(text)


@FUZZ
@given(st.lists(FRAGMENTS, max_size=10))
def test_the_loader_answers_near_valid_and_hostile_yaml(fragments):
    _never_raises("".join(fragments))


@FUZZ
@given(st.binary(max_size=400))
def test_the_loader_answers_any_bytes(tmp_path_factory, data):
    from proposals import read_proposal

    path = tmp_path_factory.mktemp("bytes") / "b.yaml"
    path.write_bytes(data)
    loaded = read_proposal(path)
    assert (loaded.proposal is None) == any(p.is_error for p in loaded.problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parties(3))
def test_the_engine_and_every_renderer_take_any_valid_proposals(ps):
    comparison = compare(ps)
    shown = sorted((party, clause.topic) for row in comparison.rows
                   for party, clause in row.positions.items() if clause is not None)
    given = sorted((p.id, clause.topic) for p in ps for clause in p.clauses)
    assert shown == given  # every clause in exactly one row: nothing dropped, nothing doubled
    for report_format in ("text", "markdown", "json", "html"):
        assert render_text(comparison, report_format)
    screen = io.StringIO()
    terminal.render(comparison, console(screen, True, width=120))
    assert screen.getvalue()
