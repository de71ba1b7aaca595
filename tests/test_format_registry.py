"""The topic registry: complete, consistent, and every example and template line valid."""

from __future__ import annotations

import re

import pytest

from proposals import read_string
from proposals.model import Kind
from proposals.reference import example_text
from proposals.registry import normalize_word, registry
from proposals.template import template
from proposals.values import parse_value

TOPICS = registry().topics


def test_the_registry_covers_the_components_of_a_ceasefire_text():
    reg = registry()
    assert len(TOPICS) >= 30
    assert set(reg.areas) == {"ceasefire", "forces", "humanitarian", "political"}
    keys = {t.key for t in TOPICS}
    for needed in ("ceasefire.type", "ceasefire.effective", "ceasefire.duration",
                   "ceasefire.extension", "ceasefire.areas", "ceasefire.domains",
                   "ceasefire.prohibited_acts", "ceasefire.preconditions", "ceasefire.monitoring",
                   "ceasefire.violations", "ceasefire.disputes", "forces.withdrawal",
                   "forces.line_of_contact", "forces.buffer_zone", "forces.redeployment",
                   "forces.mobilisation", "forces.demobilisation", "forces.size_cap",
                   "forces.foreign_presence", "forces.foreign_aid",
                   "humanitarian.prisoner_categories", "humanitarian.prisoner_numbers",
                   "humanitarian.remains", "humanitarian.children", "humanitarian.civilians",
                   "humanitarian.aid_access", "humanitarian.amnesty", "political.recognition",
                   "political.alignment", "political.security_guarantees",
                   "political.sanctions", "political.elections", "political.leaders_meeting",
                   "political.language_religion", "political.sequence",
                   "political.response_deadline"):
        assert needed in keys


@pytest.mark.parametrize("topic", TOPICS, ids=[t.key for t in TOPICS])
def test_each_topic_is_complete_and_its_example_parses(topic):
    assert re.fullmatch(r"[a-z]+\.[a-z_]+", topic.key)
    assert topic.label and topic.description and topic.area in registry().areas
    assert topic.example is not None
    example = topic.example if isinstance(topic.example, (list, dict)) else str(topic.example)
    parse_value(topic, example)
    if topic.kind is Kind.CHOICE:
        assert topic.vocabulary is not None and len(topic.vocabulary.terms) >= 2
    if topic.kind is Kind.QUANTITY:
        assert topic.unit in registry().units


def test_no_written_key_or_word_means_two_things():
    seen: dict[str, str] = {}
    for topic in TOPICS:
        for key in (topic.key, *topic.aliases):
            assert key not in seen, key
            seen[key] = topic.key
        if topic.vocabulary:
            words: dict[str, str] = {}
            for term in topic.vocabulary.terms:
                for word in (term.value, term.label, *term.aliases):
                    assert words.setdefault(normalize_word(word), term.value) == term.value


@pytest.mark.parametrize("topic", TOPICS, ids=[t.key for t in TOPICS])
def test_every_template_catalogue_line_is_valid_when_uncommented(topic):
    line = next(line for line in template().splitlines()
                if line.startswith(f"  # {topic.key}: "))
    assert line.split(": ", 1)[1].startswith(example_text(topic))
    clause = line.replace("  # ", "  ", 1).rsplit("    (", 1)[0]
    loaded = read_string(f"ceasefire: 1\nparty: A\nclauses:\n{clause}\n", "t.yaml")
    assert loaded.problems == (), [str(p) for p in loaded.problems]


def test_the_template_passes_check_and_quotes_any_party_name():
    loaded = read_string(template('Evil "party": [x] #1'), "new.yaml")
    assert loaded.problems == ()
    assert loaded.proposal.party == 'Evil "party": [x] #1'
