"""Golden reports of the bundled Istanbul example, one per format, and the facts they must show.

Regenerate after an intended change with `CEASEFIRE_UPDATE_GOLDEN=1 pytest tests/test_golden.py`
and read the diff before committing.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from diffing import compare
from proposals.limits import DEFAULT_LIMITS
from tui.inputs import input_sources, read_inputs, valid_proposals
from tui.reports import render_text, terminal
from tui.terminal import console

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CEASEFIRE_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def istanbul_files():
    proposals = valid_proposals(read_inputs(input_sources([], "istanbul-2025-06-02"),
                                            DEFAULT_LIMITS))
    assert proposals is not None
    return proposals


@pytest.fixture(scope="module")
def istanbul(istanbul_files):
    return compare(istanbul_files)


def _rich(comparison) -> str:
    buffer = io.StringIO()
    terminal.render(comparison, console(buffer, color=False, width=120))
    return buffer.getvalue()


RENDERERS = {
    "istanbul.txt": lambda c: render_text(c, "text"),
    "istanbul.md": lambda c: render_text(c, "markdown"),
    "istanbul.json": lambda c: render_text(c, "json"),
    "istanbul.html": lambda c: render_text(c, "html"),
    "istanbul.rich.txt": _rich,
}


@pytest.mark.parametrize("name", RENDERERS)
def test_report_matches_its_golden_file(istanbul, name):
    out = RENDERERS[name](istanbul)
    path = GOLDEN / name
    if UPDATE:
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), f"{name} changed; see the module docstring"


def _row(comparison, topic):
    return next(row for row in comparison.rows if row.topic == topic)


def test_duration_is_a_conflict_over_both_readings_of_ukraines_term(istanbul):
    row = _row(istanbul, "ceasefire.duration")
    assert row.status.value == "conflict"
    # The row shows the furthest reading (90 days); the readings aspect the closest (30 days).
    assert row.gap["apart"] == 87 * 24 and row.gap["ratio"] == 30
    value, readings = row.aspects
    assert (value.name, value.distance, readings.name, readings.distance) == (
        "value", 0.9833, "readings", 0.95)
    assert "'at least 30 days'" in readings.explanation and "'90 days'" in readings.explanation
    assert "87 days apart" in row.explanation and "30×" in row.explanation


def test_withdrawal_is_a_conflict_listing_the_four_regions(istanbul):
    row = _row(istanbul, "forces.withdrawal")
    assert row.status.value == "conflict"
    assert row.gap["only"]["russia"] == ["donetsk", "kherson", "luhansk", "zaporizhzhia"]
    assert "Donetsk, Kherson, Luhansk and Zaporizhzhia" in row.explanation
    assert "4 regions apart" in row.explanation


def test_prisoner_terms_are_compared_by_category(istanbul):
    row = _row(istanbul, "humanitarian.prisoner_categories")
    assert row.gap["common"] == ["civilians"]
    assert row.status.value == "partial"  # the two proposals decide; the outcome is the measure
    assert row.gap["only"] == {"russia": [], "ukraine": ["all-pows"]}
    assert "The agreed text (Agreed outcome) says 'sick, severely-wounded, aged-18-25'" \
        in row.explanation


@pytest.mark.parametrize("side, gave_up", [("ukraine", "all-for-all"), ("russia", "civilians")])
def test_the_agreed_outcome_against_either_side_shows_what_it_gave_up(istanbul_files, side,
                                                                      gave_up):
    by_id = {p.id: p for p in istanbul_files}
    comparison = compare([by_id["agreed"], by_id[side]])
    said = " ".join(row.explanation for row in comparison.rows)
    assert f"had '{gave_up}" in said
    assert "Left out of the agreed text" in said


def test_json_golden_parses_and_names_its_format():
    data = json.loads((GOLDEN / "istanbul.json").read_text(encoding="utf-8"))
    assert data["format"] == "ceasefire-diff/2"
    assert [p["id"] for p in data["parties"]] == ["russia", "ukraine", "agreed"]
