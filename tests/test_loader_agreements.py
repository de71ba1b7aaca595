"""Reading format 2: phases, options, sides, several clauses per topic, times, readings.
Every mistake gets its place and a reason; format 1 files keep loading as they did."""

from __future__ import annotations

import pytest

from proposals.loader import read_string

V2 = "ceasefire: 2\nparty: A\n"


def problems(text: str) -> list[tuple[int, int, str, str]]:
    loaded = read_string(text, "p.yaml")
    assert loaded.proposal is None
    return [(p.line, p.column, p.path, p.message) for p in loaded.problems if p.is_error]


def proposal(text: str):
    loaded = read_string(text, "p.yaml")
    assert loaded.proposal is not None, [str(p) for p in loaded.problems]
    return loaded.proposal


def test_a_format_1_file_loads_as_it_did():
    loaded = proposal("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: {value: full, by: A}\n")
    assert loaded.version == 1 and loaded.clauses[0].by == ("a",)


@pytest.mark.parametrize("body, line, what", [
    ("clauses:\n  ceasefire.type: {value: full, when: day 3}\n", 4, "'when:'"),
    ("sides: [A, B]\nclauses: {}\n", 3, "'sides:'"),
    ("phases:\n  - {id: one, clauses: {ceasefire.type: full}}\n", 4, "'phases:'"),
    ("clauses:\n  ceasefire.type:\n    - {value: full, by: A}\n", 5, "a list of clauses"),
])
def test_format_2_features_in_a_format_1_file_say_so(body, line, what):
    found = problems("ceasefire: 1\nparty: A\n" + body)
    assert any(at == line and what in message and "write 'ceasefire: 2'" in message
               for at, _, _, message in found), found


def test_a_list_of_clauses_needs_one_party_each():
    found = problems(V2 + "clauses:\n  forces.withdrawal:\n    - {value: [a], by: Israel}\n"
                     "    - {value: [b]}\n")
    assert found == [(6, 7, "clauses.forces.withdrawal[1]",
                      "each clause in a list needs 'by:' (who acts)")]
    found = problems(V2 + "clauses:\n  forces.withdrawal:\n    - {value: [a], by: Israel}\n"
                     "    - {value: [b], by: israel}\n")
    assert found == [(6, 7, "clauses.forces.withdrawal",
                      "a second clause for 'israel' on forces.withdrawal: one is already on line "
                      "5; give each clause its own `by:` (one party each), or put them in phases")]


def test_an_item_of_a_clause_list_that_is_not_a_clause_is_placed():
    found = problems(V2 + "clauses:\n  forces.withdrawal:\n    - {value: [a], by: Israel}\n"
                     "    - donetsk\n")
    assert found[0][:3] == (6, 7, "clauses.forces.withdrawal[1]")


def test_by_reads_one_party_several_or_both_sides_but_not_a_mix():
    loaded = proposal(V2 + "clauses:\n  forces.withdrawal: {value: [a], by: [Israel, Hamas]}\n"
                      "  humanitarian.hostages: {value: 3 hostages, by: Both Sides}\n")
    withdrawal, hostages = loaded.clauses
    assert (withdrawal.by, withdrawal.by_text) == (("israel", "hamas"), "Israel, Hamas")
    assert (hostages.by, hostages.mutual) == ((), True)
    assert loaded.actors == {"israel": "Israel", "hamas": "Hamas"}
    found = problems(V2 + "clauses:\n  forces.withdrawal: {value: [a], by: [both sides, Israel]}\n")
    assert "write 'both sides' or name the parties, not both" in found[0][3]
    found = problems(V2 + "clauses:\n  forces.withdrawal: {value: [a], by: '...'}\n")
    assert "'...' names no party" in found[0][3]


def test_party_names_in_any_script_are_actors():
    loaded = proposal(V2 + "clauses:\n  forces.withdrawal: {value: [a], by: Україна}\n")
    assert loaded.clauses[0].by == ("україна",)


def test_sides_name_two_or_more_parties():
    assert proposal(V2 + "sides: [Ukraine, Certain areas]\nclauses: {}\n").sides == {
        "ukraine": "Ukraine", "certain-areas": "Certain areas"}
    found = problems(V2 + "sides: [Ukraine]\nclauses: {}\n")
    assert found == [(3, 8, "sides", "name two or more sides (the parties the agreement binds)")]


def test_readings_need_two_or_more_each_with_a_value():
    found = problems(V2 + "clauses:\n  ceasefire.duration:\n    readings: [{value: 30 days}]\n")
    assert "give two or more" in found[0][3]
    found = problems(V2 + "clauses:\n  ceasefire.duration:\n    value: 30 days\n"
                     "    readings: [{value: 30 days}, {value: 90 days}]\n")
    assert "give either 'value:' or 'readings:'" in found[0][3]
    found = problems(V2 + "clauses:\n  ceasefire.duration:\n"
                     "    readings: [{value: 30 days}, {value: 90 dayz}]\n")
    assert found[0][:3] == (5, 42, "clauses.ceasefire.duration.readings[1].value")
    found = problems(V2 + "clauses:\n  ceasefire.duration:\n"
                     "    readings: [{value: 30 days, source: tas}, {value: 90 days}]\n")
    assert "source 'tas' is not listed" in found[0][3]


def test_readings_are_disputed_unless_said_otherwise():
    loaded = proposal(V2 + "clauses:\n  ceasefire.duration:\n"
                      "    readings: [{value: 30 days, note: one}, {value: 90 days}]\n")
    clause = loaded.clauses[0]
    assert clause.confidence.value == "disputed" and clause.text == "30 days"
    assert [(r.text, r.note) for r in clause.readings] == [("30 days", "one"), ("90 days", None)]


PHASES = V2 + """phases:
  - id: first
    label: First phase
    duration: 42 days
    clauses:
      humanitarian.hostages: {value: 33 hostages, by: Hamas, when: after second}
  - id: second
    starts: after first
    clauses: {}
"""


def test_phases_keep_their_order_and_any_time_may_name_any_phase():
    loaded = proposal(PHASES.replace("when: after second", "when: day 7"))
    assert [(p.id, p.label, p.duration_text) for p in loaded.phases] == [
        ("first", "First phase", "42 days"), ("second", "second", None)]
    assert loaded.phases[1].starts.anchor == "phase:first"
    assert loaded.clauses[0].phase == "first"
    assert proposal(PHASES).clauses[0].when.anchor == "phase:second"  # a later phase, by name
    found = problems(PHASES.replace("    label: First phase\n", "    starts: after second\n"))
    assert "refer to each other in a circle: phase first → phase second → phase first" in found[0][3]


@pytest.mark.parametrize("phases, path, message", [
    ("  - {label: x}\n", "phases[0]", "missing required key 'id'"),
    ("  - {id: one}\n  - {id: one}\n", "phases[1].id", "the id 'one' is already used"),
    ("  - {id: One Two}\n", "phases[0].id", "is not a short key"),
    ("  - {id: one, starts: someday}\n", "phases[0].starts", "is not a time this format reads"),
    ("  - {id: one, duration: 42 dayz}\n", "phases[0].duration", "unknown unit 'dayz'"),
    ("  - {id: one, lenght: 4 days}\n", "phases[0].lenght", "unknown key 'lenght'"),
])
def test_a_mistake_in_a_phase_is_placed(phases, path, message):
    found = problems(V2 + "phases:\n" + phases)
    assert any(at_path == path and message in text for _, _, at_path, text in found), found


@pytest.mark.parametrize("options, path, message", [
    ("  - {id: a, clauses: {ceasefire.type: full}}\n", "options", "one option is no alternative"),
    ("  - {id: a}\n  - {id: b, clauses: {}}\n", "options[0]", "missing required key 'clauses'"),
    ("  - {id: a, clauses: {}}\n  - {id: a, clauses: {}}\n", "options[1].id", "already used"),
])
def test_a_mistake_in_an_option_is_placed(options, path, message):
    found = problems(V2 + "options:\n" + options)
    assert any(at_path == path and message in text for _, _, at_path, text in found), found


def test_a_custom_topic_keeps_one_kind_in_the_whole_file():
    found = problems(V2 + "clauses:\n  x.plant: {kind: text, value: IAEA}\noptions:\n"
                     "  - {id: a, clauses: {x.plant: {kind: quantity, value: '1'}}}\n"
                     "  - {id: b, clauses: {}}\n")
    assert "x.plant is declared as a text on line 4; one topic has one kind" in found[0][3]


def test_a_phase_or_an_option_may_hold_the_only_clauses():
    loaded = proposal(V2 + "options:\n  - {id: a, clauses: {ceasefire.type: full}}\n"
                      "  - {id: b, clauses: {ceasefire.type: local}}\n")
    assert [(c.option, c.text) for c in loaded.clauses] == [("a", "full"), ("b", "local")]
