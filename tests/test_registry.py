"""The topic registry (`proposals/topics.yaml`): complete, unambiguous, and every example and
every line of the template's catalogue valid, so the docs and `ceasefire new` stay truthful.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from proposals.loader import read_string
from proposals.model import Kind
from proposals.reference import example_text
from proposals.registry import normalize_word, parse_registry, registry
from proposals.template import template
from proposals.values import parse_value

REGISTRY = registry()
TOPICS = REGISTRY.topics
IDS = [t.key for t in TOPICS]
TOPICS_FILE = Path(__file__).resolve().parents[1] / "proposals" / "topics.yaml"


def test_there_are_at_least_thirty_topics_in_the_four_areas():
    assert len(TOPICS) >= 30
    assert {"ceasefire", "forces", "humanitarian", "political"} <= set(REGISTRY.areas)
    for area in ("ceasefire", "forces", "humanitarian", "political"):
        assert REGISTRY.in_area(area), area


@pytest.mark.parametrize("topic", TOPICS, ids=IDS)
def test_each_topic_is_described_completely(topic):
    area, _, name = topic.key.partition(".")
    assert re.fullmatch(r"[a-z]+", area) and re.fullmatch(r"[a-z][a-z_]*", name), topic.key
    assert area == topic.area and topic.area in REGISTRY.areas
    assert topic.label.strip() and topic.description.strip()
    assert isinstance(topic.kind, Kind)
    assert topic.example is not None
    if topic.kind is Kind.CHOICE:
        assert topic.vocabulary is not None and len(topic.vocabulary.terms) >= 2
    if topic.kind is Kind.QUANTITY:
        assert topic.unit in REGISTRY.units
    else:
        assert topic.unit is None
    if topic.ordered:
        assert topic.kind is Kind.CHOICE
    if topic.open:
        assert topic.kind in (Kind.SET, Kind.SEQUENCE)


@pytest.mark.parametrize("topic", TOPICS, ids=IDS)
def test_each_topics_example_parses(topic):
    example = topic.example if isinstance(topic.example, (list, dict)) else example_text(topic)
    value = parse_value(topic, example)
    assert value.form != "unspecified"


@pytest.mark.parametrize("topic", TOPICS, ids=IDS)
def test_each_topic_is_found_by_its_key_and_aliases(topic):
    for written in (topic.key, *topic.aliases):
        assert REGISTRY.resolve(written) is topic
        assert not written.startswith("x.")


def test_no_written_key_means_two_topics():
    written = [key for topic in TOPICS for key in (topic.key, *topic.aliases)]
    assert len(written) == len(set(written))
    assert len(REGISTRY.written_keys) == len(written)


@pytest.mark.parametrize("topic", [t for t in TOPICS if t.vocabulary], ids=[
    t.key for t in TOPICS if t.vocabulary])
def test_no_vocabulary_word_means_two_entries(topic):
    meaning: dict[str, str] = {}
    for term in topic.vocabulary.terms:
        for word in (term.value, term.label, *term.aliases):
            assert meaning.setdefault(normalize_word(word), term.value) == term.value, word
            assert topic.vocabulary.resolve(word) == term.value


def test_a_registry_with_a_word_meaning_two_things_is_refused():
    data = yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8"))
    choice = next(t for t in data["topics"] if t["key"] == "ceasefire.type")
    choice["vocabulary"][1]["aliases"] = [*choice["vocabulary"][1].get("aliases", []), "Full"]
    with pytest.raises(ValueError, match="means two entries"):
        parse_registry(data)


def test_a_registry_with_a_key_taken_twice_is_refused():
    data = yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8"))
    data["topics"][1]["aliases"] = [data["topics"][0]["key"]]
    with pytest.raises(ValueError, match="taken or reserved"):
        parse_registry(data)


# --- the registry file says what it means ---------------------------------------------------


def _as_written() -> dict[str, list[dict]]:
    """Each topic's vocabulary exactly as typed in topics.yaml, with no YAML typing applied."""
    data = yaml.load(TOPICS_FILE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    shared = data.get("vocabularies", {})
    return {
        raw["key"]: shared[raw["vocabulary"]] if isinstance(raw["vocabulary"], str) else
        raw["vocabulary"]
        for raw in data["topics"] if raw.get("vocabulary")
    }


def test_every_vocabulary_word_is_the_word_typed_in_the_registry_file():
    for key, entries in _as_written().items():
        terms = REGISTRY.get(key).vocabulary.terms
        typed = [(e["value"], e.get("label", e["value"]), tuple(e.get("aliases", ())))
                 for e in entries]
        assert [(t.value, t.label, t.aliases) for t in terms] == typed, key
        assert all(set(e) <= {"value", "label", "aliases"} for e in entries), key


@pytest.mark.parametrize("written, choice", [("yes", "required"), ("no", "not-required")])
def test_yes_and_no_are_words_of_demobilisation(written, choice):
    loaded = read_string(f"ceasefire: 1\nparty: A\nclauses:\n  forces.demobilisation: {written}\n",
                         "p.yaml")
    assert loaded.problems == ()
    assert loaded.proposal.clauses[0].value.choice == choice


def test_one_for_one_may_be_written_1_1():
    loaded = read_string("ceasefire: 1\nparty: A\nclauses:\n"
                         "  humanitarian.prisoner_exchange: 1:1\n",
                         "p.yaml")
    assert loaded.problems == ()
    assert loaded.proposal.clauses[0].value.choice == "one-for-one"


def test_the_label_of_halted_foreign_aid_is_whole():
    halted = REGISTRY.get("forces.foreign_aid").vocabulary.terms[0]
    assert halted.label == "Stops (weapons, intelligence and satellite support)"


# --- the template's catalogue ---------------------------------------------------------------

CATALOGUE = re.compile(r"^  # (?P<key>[a-z]+\.[a-z_]+): (?P<value>.*)    \((?P<kind>[a-z]+)\)$")


def catalogue() -> dict[str, tuple[str, str]]:
    found = {}
    for line in template().splitlines():
        match = CATALOGUE.match(line)
        if match:
            found[match["key"]] = (match["value"], match["kind"])
    return found


def test_the_template_lists_every_topic_once_with_its_kind():
    listed = catalogue()
    assert list(listed) == [t.key for area in REGISTRY.areas for t in REGISTRY.in_area(area)]
    assert {key: kind for key, (_, kind) in listed.items()} == {
        t.key: t.kind.value for t in TOPICS}


@pytest.mark.parametrize("topic", TOPICS, ids=IDS)
def test_each_catalogue_line_uncommented_loads_without_problems(topic):
    value, _ = catalogue()[topic.key]
    loaded = read_string(f"ceasefire: 1\nparty: A\nclauses:\n  {topic.key}: {value}\n", "t.yaml")
    assert loaded.problems == (), [str(p) for p in loaded.problems]
    clause = loaded.proposal.clauses[0]
    assert clause.topic == topic.key
    expected = parse_value(topic, topic.example if isinstance(topic.example, list)
                           else example_text(topic))
    assert clause.value == expected


def test_the_template_itself_loads_without_problems():
    loaded = read_string(template("Ukraine"), "new.yaml")
    assert loaded.problems == ()
    assert (loaded.proposal.party, loaded.proposal.id) == ("Ukraine", "ukraine")


def test_the_registry_covers_the_components_of_a_ceasefire_text():
    """The UN's guidance on ceasefire mediation, then forces, humanitarian and political terms."""
    keys = {t.key for t in REGISTRY.topics}
    assert len(keys) >= 30
    assert set(REGISTRY.areas) == {"ceasefire", "forces", "humanitarian", "political"}
    for needed in ("ceasefire.type", "ceasefire.effective", "ceasefire.duration",
                   "ceasefire.extension", "ceasefire.areas", "ceasefire.domains",
                   "ceasefire.prohibited_acts", "ceasefire.preconditions", "ceasefire.monitoring",
                   "ceasefire.verification", "ceasefire.violations", "ceasefire.disputes",
                   "forces.withdrawal", "forces.line_of_contact", "forces.buffer_zone",
                   "forces.redeployment", "forces.mobilisation", "forces.demobilisation",
                   "forces.size_cap", "forces.foreign_presence", "forces.foreign_aid",
                   "humanitarian.prisoner_categories", "humanitarian.prisoner_numbers",
                   "humanitarian.remains", "humanitarian.children", "humanitarian.civilians",
                   "humanitarian.aid_access", "humanitarian.amnesty", "political.recognition",
                   "political.alignment", "political.security_guarantees",
                   "political.sanctions", "political.elections", "political.leaders_meeting",
                   "political.language_religion", "political.sequence",
                   "political.response_deadline"):
        assert needed in keys, needed
