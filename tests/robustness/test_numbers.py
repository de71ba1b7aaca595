"""Numbers at their limits: a number past what its kind holds is an error at its place,
never `unlimited` or `indefinite` (issue 15, failure 5). `unlimited` and `indefinite` are
read only where they are written."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proposals.loader import read_string
from proposals.model import Span
from proposals.values import LARGEST_NUMBER, LONGEST_HOURS
from tui.cli import main

HEAD = "ceasefire: 2\nparty: A\n"

# (what, the file's clauses, the line and column of the error, words the error says)
BEYOND = [
    ("past a float", "clauses:\n  humanitarian.aid_trucks: 1e309\n", (4, 28), "largest number"),
    ("5,000 digits", "clauses:\n  humanitarian.aid_trucks: " + "9" * 5000 + "\n", (4, 28),
     "5,000 characters"),
    ("with a multiplier", "clauses:\n  humanitarian.aid_trucks: 1e300 billion\n", (4, 28),
     "largest number"),
    ("one past 2**53", f"clauses:\n  humanitarian.aid_trucks: {2**53 + 1}\n", (4, 28),
     "largest number"),
    ("in years", "clauses:\n  ceasefire.duration: 1e308 years\n", (4, 23), "'indefinite'"),
    ("a range mapping", "clauses:\n  ceasefire.duration: {min: 1, max: 1e308, unit: years}\n",
     (4, 23), "max: '1e308'"),
    ("in a reading", "clauses:\n  ceasefire.duration:\n    readings:\n      - {value: 30 days}\n"
     "      - {value: 1e309 days}\n", (7, 17), "longest duration"),
    ("a phase's duration", "phases:\n  - id: one\n    duration: 1e308 years\n"
     "    clauses: {ceasefire.type: full}\n", (5, 15), "longest duration"),
    ("a day in when", "clauses:\n  ceasefire.type: {value: full, when: day 1" + "0" * 400 + "}\n",
     (4, 39), "more days than a time may count"),
    ("a date past the calendar in UTC", "clauses:\n  ceasefire.effective: "
     "'9999-12-31T23:00-05:00'\n", (4, 24), "outside the calendar"),
    ("a phase counted past 9999-12-31", "phases:\n  - id: one\n    starts: 9999-12-20\n"
     "    duration: 30 days\n    clauses: {ceasefire.type: full}\n", (4, 5),
     "outside the calendar"),
]


@pytest.mark.parametrize(("clauses", "place", "says"), [case[1:] for case in BEYOND],
                         ids=[case[0] for case in BEYOND])
def test_a_number_beyond_its_kind_is_an_error_at_its_place(tmp_path, capsys, clauses, place,
                                                          says):
    loaded = read_string(HEAD + clauses, "n.yaml")
    assert loaded.proposal is None
    errors = [p for p in loaded.errors]
    assert [(p.line, p.column) for p in errors] == [place], [str(p) for p in errors]
    assert says in errors[0].message
    assert "unlimited" not in errors[0].message.split(";")[0]
    path = tmp_path / "n.yaml"
    path.write_text(HEAD + clauses, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert f"n.yaml:{place[0]}:{place[1]}: error:" in capsys.readouterr().out


def test_unlimited_and_indefinite_only_when_written():
    loaded = read_string(HEAD + "clauses:\n  humanitarian.aid_trucks: unlimited\n"
                         "  ceasefire.duration: indefinite\n"
                         f"  humanitarian.remains: {LARGEST_NUMBER}\n"
                         "  forces.withdrawal_distance: at least 5 km\n", "n.yaml")
    assert not loaded.errors
    values = {c.topic: c.value for c in loaded.proposal.clauses}
    assert values["humanitarian.aid_trucks"].low == math.inf
    assert values["ceasefire.duration"].low == math.inf
    assert values["humanitarian.remains"].high == LARGEST_NUMBER
    assert (values["forces.withdrawal_distance"].low, values["forces.withdrawal_distance"].high) \
        == (5, math.inf)


PROPERTY = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
_WRITTEN = st.one_of(
    st.integers(min_value=0, max_value=10**25).map(str),
    st.integers(min_value=0, max_value=10**25).map(lambda n: f"{n:,}"),
    st.floats(min_value=0, allow_nan=False, allow_infinity=False).map(repr),
    st.integers(min_value=0, max_value=10**400).map(str),
)


def _exact(written: str) -> float:
    from decimal import Decimal

    return Decimal(written.replace(",", ""))


@PROPERTY
@given(_WRITTEN)
def test_any_count_is_read_exactly_or_refused_with_a_place(written):
    loaded = read_string(HEAD + f"clauses:\n  humanitarian.remains: {written}\n", "n.yaml")
    if _exact(written) <= LARGEST_NUMBER:
        assert not loaded.errors, [str(p) for p in loaded.errors]
        (clause,) = loaded.proposal.clauses
        assert isinstance(clause.value, Span)
        assert clause.value.low == clause.value.high == float(written.replace(",", ""))
        assert math.isfinite(clause.value.low)
    else:
        (error,) = loaded.errors
        assert (error.line, error.column) == (4, 25)
        assert "largest number this format holds" in error.message


@PROPERTY
@given(_WRITTEN, st.sampled_from(["hours", "days", "years"]))
def test_any_duration_is_finite_or_refused_with_a_place(written, unit):
    loaded = read_string(HEAD + f"clauses:\n  ceasefire.duration: {written} {unit}\n", "n.yaml")
    hours = float(_exact(written)) * {"hours": 1, "days": 24, "years": 8760}[unit]
    if hours <= LONGEST_HOURS * (1 - 1e-12):
        assert not loaded.errors, [str(p) for p in loaded.errors]
        (clause,) = loaded.proposal.clauses
        assert math.isfinite(clause.value.high) and clause.value.high <= LONGEST_HOURS
    elif hours > LONGEST_HOURS * (1 + 1e-12):
        (error,) = loaded.errors
        assert (error.line, error.column) == (4, 23)
        assert "longest duration this format holds" in error.message


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["1e15", "9007199254740992", "9007199254740993", "1e16", "1e309",
                        "0.5", "12 million", "1e300 billion"]))
def test_check_agrees_with_the_loader(tmp_path_factory, written):
    path = tmp_path_factory.mktemp("n") / "n.yaml"
    path.write_text(HEAD + f"clauses:\n  humanitarian.remains: {written}\n", encoding="utf-8")
    loaded = read_string(path.read_text(encoding="utf-8"), str(path))
    assert main(["check", str(path)]) == (1 if loaded.errors else 0)


@PROPERTY
@given(st.integers(min_value=0, max_value=10**30))
def test_any_day_of_a_time_is_placed_or_refused_with_a_place(day):
    loaded = read_string(HEAD + f"clauses:\n  ceasefire.type: {{value: full, when: day {day}}}\n",
                         "n.yaml")
    if day <= LONGEST_HOURS / 24:
        assert not loaded.errors, [str(p) for p in loaded.errors]
        assert loaded.proposal.clauses[0].when.low == day
    else:
        (error,) = loaded.errors
        assert (error.line, error.column) == (4, 39)
        assert "more days than a time may count" in error.message
