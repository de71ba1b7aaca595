"""The topic registry (`proposals/topics.yaml`): complete, unambiguous, and every example and
every line of the template's catalogue valid, so the docs and `ceasefire new` stay truthful.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from proposals.loader import read_string
from proposals.model import Kind
from proposals.reference import example_text
from proposals.registry import normalize_word, parse_registry, registry
from proposals.template import template
from proposals.values import ValueProblem, parse_value

REGISTRY = registry()
TOPICS = REGISTRY.topics
IDS = [t.key for t in TOPICS]
TOPICS_FILE = Path(__file__).resolve().parents[1] / "proposals" / "topics.yaml"


def test_there_are_at_least_thirty_topics_and_every_area_has_some():
    assert len(TOPICS) >= 30
    assert {"ceasefire", "forces", "humanitarian", "political"} <= set(REGISTRY.areas)
    for area in REGISTRY.areas:
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
        typed = [(e["value"], e.get("label", e["value"]), tuple(e.get("aliases", ())),
                  tuple(e.get("includes", ())), e.get("exactly") == "true") for e in entries]
        assert [(t.value, t.label, t.aliases, t.includes, t.exactly) for t in terms] == typed, key
        assert all(set(e) <= {"value", "label", "aliases", "includes", "exactly"}
                   for e in entries), key
        assert all(e.get("exactly", "true") == "true" for e in entries), key


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
    assert [p.message for p in loaded.problems] == [
        "no clauses: the proposal states no position"]  # a warning: every example is a comment
    assert loaded.proposal.clauses == ()
    assert (loaded.proposal.party, loaded.proposal.id) == ("Ukraine", "ukraine")


def test_the_registry_covers_the_components_of_a_ceasefire_text():
    """The UN's guidance on ceasefire mediation, then forces, humanitarian and political terms."""
    keys = {t.key for t in REGISTRY.topics}
    assert len(keys) >= 30
    assert set(REGISTRY.areas) == {"ceasefire", "forces", "humanitarian", "political", "justice",
                                   "process"}
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


# --- the field: the PA-X codebook and the ETH/PRIO ceasefire data ---------------------------

# Each variable analysts found missing (issue 10), with the topics that now cover it and, for a
# topic with a vocabulary, words an author writes for it and the entry each means.
FIELD: dict[str, list[tuple[str, dict[str, str]]]] = {
    "1 class of ceasefire (unilateral, bilateral, multilateral)": [
        ("ceasefire.class", {"unilateral": "unilateral", "bilateral": "bilateral",
                             "multilateral": "multilateral", "mutual": "bilateral"})],
    "2 form (written, verbal, declared publicly)": [
        ("ceasefire.form", {"written": "written", "verbal": "verbal", "oral": "verbal",
                            "declared publicly": "declared"})],
    "3 purpose (ETH/PRIO)": [
        ("ceasefire.purpose", {"humanitarian": "humanitarian",
                               "confidence building": "confidence-building",
                               "towards negotiations": "negotiations",
                               "end of hostilities": "definitive"})],
    "4 termination": [
        ("ceasefire.termination", {"fixed term": "expiry", "set date": "expiry",
                                   "violation": "violation",
                                   "signing of a settlement": "settlement",
                                   "denounced": "denunciation"}),
        ("ceasefire.end_date", {})],
    "5 mediators, facilitators, third-party signatories and witnesses": [
        ("process.mediators", {"un": "united-nations", "türkiye": "turkey"}),
        ("process.facilitators", {"qatar": "qatar"}),
        ("process.witnesses", {"osce": "osce", "eu": "european-union"})],
    "6 international or peacekeeping mission": [
        ("process.mission", {"unifil": "un-peacekeeping", "un observer mission": "un-observers",
                             "african union mission": "regional-force",
                             "osce smm": "regional-observers"}),
        ("process.mission_mandate", {}), ("process.mission_size", {}),
        ("ceasefire.monitoring", {"unifil": "un-mission", "un mission": "un-mission",
                                  "osce smm": "osce"})],
    "7 disarmament, demobilisation and reintegration": [
        ("forces.disarmament", {}), ("forces.demobilisation", {}),
        ("forces.reintegration", {"reinsertion": "civilian-life",
                                  "integration into the army": "army-integration"}),
        ("forces.weapons_handover", {"handed over": "handed-over",
                                     "cantonment": "stored-monitored"})],
    "8 security sector reform": [
        ("forces.security_sector_reform", {"police reform": "police-reform",
                                           "army reform": "army-reform"})],
    "9 power sharing (political, territorial, military, economic)": [
        ("political.power_sharing", {"political": "political", "territorial": "territorial",
                                     "military": "military", "economic": "economic"})],
    "10 transitional justice and victims": [
        ("justice.mechanisms", {"truth commission": "truth-commission",
                                "prosecutions": "prosecutions"}),
        ("justice.reparations", {"compensation": "compensation"}),
        ("justice.amnesty_exclusions", {"war crimes": "war-crimes"})],
    "11 refugees and displaced people, their return": [
        ("humanitarian.refugees", {"right of return": "right-of-return"})],
    "12 hostages as distinct from prisoners": [
        ("humanitarian.hostages", {}),
        ("humanitarian.hostage_categories", {"all hostages": "all-hostages",
                                             "female soldiers": "female-soldiers"}),
        ("humanitarian.exchange_ratio", {})],
    "13 protection of civilians": [
        ("humanitarian.civilian_protection", {"demining": "mine-action",
                                              "no attacks on civilians":
                                              "no-attacks-on-civilians"})],
    "14 reconstruction": [
        ("political.reconstruction", {"frozen assets": "frozen-assets"}),
        ("political.reconstruction_fund", {})],
    "15 crossings and aid delivery rates": [
        ("humanitarian.crossings", {"humanitarian corridor": "humanitarian-corridor"}),
        ("humanitarian.aid_trucks", {})],
    "16 missing persons": [
        ("humanitarian.missing_persons", {"exchange of information": "information-exchange"})],
    "17 gender provisions (women's participation, sexual violence)": [
        ("process.gender", {"women's participation": "women-participation",
                            "sexual violence": "sexual-violence"}),
        ("ceasefire.prohibited_acts", {"sexual violence": "sexual-violence"})],
    "18 follow-up talks (date, venue, format)": [
        ("process.talks_date", {}), ("process.talks_venue", {"geneva": "geneva"}),
        ("process.talks_format", {"proximity talks": "proximity"})],
    "19 borders and recognition, in neutral words": [
        ("forces.line_of_contact", {
            "line of contact at signing": "current-line",
            "line of the 19 September 2014 memorandum": "agreement-line",
            "Blue Line": "agreement-line",
            "internationally recognised borders": "recognised-borders",
            "line to be agreed": "to-be-agreed"}),
        ("political.borders", {"internationally recognised borders": "recognised-borders"}),
        ("political.recognition", {"all held territory": "held-territory",
                                   "the four regions": "four-regions"})],
}


def test_the_field_lists_nineteen_variables():
    assert len(FIELD) == 19


@pytest.mark.parametrize("variable", FIELD)
def test_each_variable_of_the_field_is_covered_by_a_topic(variable):
    for key, words in FIELD[variable]:
        topic = REGISTRY.resolve(key)
        assert topic is not None and topic.key == key, (variable, key)
        for word, meant in words.items():
            assert topic.vocabulary.resolve(word) == meant, (key, word)


def test_the_field_topics_take_the_kind_their_values_have():
    kinds = {
        "ceasefire.class": Kind.CHOICE, "ceasefire.form": Kind.CHOICE,
        "ceasefire.purpose": Kind.SET, "ceasefire.termination": Kind.SET,
        "ceasefire.end_date": Kind.DATE, "process.mediators": Kind.SET,
        "process.mission": Kind.SET, "process.mission_size": Kind.QUANTITY,
        "humanitarian.hostages": Kind.QUANTITY, "humanitarian.aid_trucks": Kind.QUANTITY,
        "humanitarian.exchange_ratio": Kind.QUANTITY, "process.talks_date": Kind.DATE,
        "political.reconstruction_fund": Kind.QUANTITY, "political.borders": Kind.CHOICE,
    }
    for key, kind in kinds.items():
        assert REGISTRY.get(key).kind is kind, key
    for key in ("ceasefire.purpose", "ceasefire.termination", "process.mediators",
                "process.facilitators", "process.witnesses", "process.talks_venue"):
        assert REGISTRY.get(key).open, key
    assert (REGISTRY.get("humanitarian.aid_trucks").unit,
            REGISTRY.get("humanitarian.aid_trucks").per) == ("trucks", "day")
    assert (REGISTRY.get("humanitarian.exchange_ratio").unit,
            REGISTRY.get("humanitarian.exchange_ratio").per) == ("prisoners", "hostage")


def test_aid_trucks_are_a_rate_per_day():
    trucks = REGISTRY.get("humanitarian.aid_trucks")
    assert parse_value(trucks, "4,200 trucks a week") == parse_value(trucks, "600 trucks a day")
    assert parse_value(trucks, "600 lorries per day").low == 600


def test_hostages_and_prisoners_are_counted_apart():
    hostages = REGISTRY.get("humanitarian.hostages")
    prisoners = REGISTRY.get("humanitarian.prisoner_numbers")
    assert parse_value(hostages, "33 hostages").low == 33
    with pytest.raises(ValueProblem):
        parse_value(hostages, "33 prisoners")
    with pytest.raises(ValueProblem):
        parse_value(prisoners, "33 hostages")
    ratio = REGISTRY.get("humanitarian.exchange_ratio")
    assert parse_value(ratio, "30 prisoners per hostage").low == 30
    with pytest.raises(ValueProblem, match="rates per different things"):
        parse_value(ratio, "30 prisoners per soldier")


def test_the_lines_run_from_claimed_borders_to_recognised_borders():
    for key in ("forces.line_of_contact", "political.borders"):
        topic = REGISTRY.get(key)
        assert topic.ordered
        assert [t.value for t in topic.vocabulary.terms] == [
            "claimed-borders", "current-line", "to-be-agreed", "earlier-line", "agreement-line",
            "recognised-borders"], key
        assert "recognised borders" in topic.description, key
    assert REGISTRY.get("forces.line_of_contact").vocabulary is \
        REGISTRY.get("political.borders").vocabulary


# --- nothing written before means anything else now ------------------------------------------

# Every key and alias of the registry before issue 10 (git show 09d2e57:proposals/topics.yaml):
# each still names the same topic.
OLD_KEYS: dict[str, list[str]] = {
    "ceasefire.type": [],
    "ceasefire.preconditions": ["ceasefire.conditions"],
    "ceasefire.effective": ["ceasefire.start", "ceasefire.effective_date"],
    "ceasefire.duration": ["ceasefire.length"],
    "ceasefire.extension": [],
    "ceasefire.areas": [],
    "ceasefire.domains": [],
    "ceasefire.prohibited_acts": ["ceasefire.prohibitions"],
    "ceasefire.monitoring": ["ceasefire.monitors"],
    "ceasefire.verification": [],
    "ceasefire.violations": [],
    "ceasefire.disputes": [],
    "forces.withdrawal": ["forces.withdrawals", "territory.withdrawal"],
    "forces.withdrawal_distance": [],
    "forces.line_of_contact": ["forces.contact_line"],
    "forces.heavy_weapons": ["forces.heavy_weapons_withdrawal", "forces.security_zone"],
    "forces.pullback_line": ["forces.withdrawal_line"],
    "forces.buffer_zone": ["forces.demilitarised_zone", "forces.demilitarized_zone"],
    "forces.redeployment": [],
    "forces.mobilisation": ["forces.mobilization"],
    "forces.demobilisation": ["forces.demobilization"],
    "forces.size_cap": ["forces.cap", "forces.army_size"],
    "forces.weapons_limits": [],
    "forces.foreign_presence": ["forces.foreign_troops"],
    "forces.foreign_aid": ["forces.military_aid"],
    "forces.nuclear_weapons": ["forces.nuclear_status"],
    "forces.foreign_withdrawal": ["forces.foreign_forces"],
    "forces.disarmament": [],
    "forces.martial_law": [],
    "humanitarian.prisoner_exchange": ["humanitarian.exchange"],
    "humanitarian.prisoner_categories": ["humanitarian.prisoners"],
    "humanitarian.prisoner_numbers": ["humanitarian.exchange_size"],
    "humanitarian.remains": ["humanitarian.bodies"],
    "humanitarian.hostages": ["humanitarian.hostage_release"],
    "humanitarian.children": [],
    "humanitarian.civilians": [],
    "humanitarian.aid_access": ["humanitarian.access"],
    "humanitarian.amnesty": [],
    "political.recognition": ["political.territory", "territory.recognition"],
    "political.alignment": ["political.neutrality", "political.nato"],
    "political.security_guarantees": ["political.guarantees"],
    "political.guarantors": [],
    "political.sanctions": [],
    "political.elections": [],
    "political.leaders_meeting": ["political.summit"],
    "political.language_religion": ["political.language", "political.religion"],
    "political.sequence": ["political.steps", "political.roadmap"],
    "political.dialogue": [],
    "political.special_status": [],
    "political.constitutional_reform": [],
    "political.local_elections": [],
    "political.election_observation": [],
    "political.border_control": [],
    "political.economic_ties": [],
    "political.response_deadline": ["political.deadline"],
    "political.legal_form": [],
    "political.claims": ["political.reparations"],
}


@pytest.mark.parametrize("key", OLD_KEYS)
def test_every_old_key_and_alias_names_the_same_topic(key):
    for written in (key, *OLD_KEYS[key]):
        topic = REGISTRY.resolve(written)
        assert topic is not None and topic.key == key, written



@pytest.mark.parametrize("key", [t.key for t in TOPICS if t.ordered and (
    t.key not in OLD_KEYS or t.key == "forces.line_of_contact")])
def test_each_new_or_reordered_scale_says_how_it_is_ordered(key):
    assert "ordered" in REGISTRY.get(key).description.lower(), key


# Old words that now mean a neutral entry of the same meaning, by topic and old value.
RENAMED = {("forces.line_of_contact", "pre-2022-line"): "earlier-line",
           ("forces.line_of_contact", "1991-borders"): "recognised-borders"}

OLD_LINE_WORDS = {
    "claimed-borders": ["claimed-borders", "Withdrawal to the borders of the regions one side "
                        "claims", "administrative borders", "claimed borders"],
    "current-line": ["current-line", "The current line of contact", "current line", "freeze",
                     "frozen line", "starting point", "current line of contact"],
    "pre-2022-line": ["pre-2022-line", "The line of 24 February 2022", "pre-invasion line",
                      "2022 line"],
    "1991-borders": ["1991-borders", "Internationally recognised borders of 1991",
                     "1991 borders", "recognised borders", "internationally recognised borders"],
}


@pytest.mark.parametrize("old", OLD_LINE_WORDS)
def test_the_old_line_words_mean_the_neutral_entry_of_the_same_meaning(old):
    vocabulary = REGISTRY.get("forces.line_of_contact").vocabulary
    meant = RENAMED.get(("forces.line_of_contact", old), old)
    for word in OLD_LINE_WORDS[old]:
        assert vocabulary.resolve(word) == meant, word


BEFORE = "09d2e57f2401b67f371909cebb286c088d54ffd4"


def _old_registry_data() -> dict:
    try:
        text = subprocess.run(["git", "show", f"{BEFORE}:proposals/topics.yaml"],
                              cwd=TOPICS_FILE.parent, capture_output=True, text=True,
                              check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        pytest.skip("the registry before issue 10 is not in this checkout's history")
    return yaml.load(text, Loader=yaml.BaseLoader)


def test_every_old_vocabulary_word_means_what_it_meant():
    """Every value, label and alias of every vocabulary before issue 10 still resolves, to the
    same entry or to the neutral entry that replaced it; words that meant one entry still do,
    and words of two entries still mean two."""
    old = _old_registry_data()
    assert {t["key"]: t.get("aliases", []) for t in old["topics"]} == OLD_KEYS
    shared = old["vocabularies"]
    vocabularies = [(t["key"], shared[v] if isinstance(v, str) else v, REGISTRY.get(t["key"])
                     .vocabulary) for t in old["topics"] if (v := t.get("vocabulary"))]
    vocabularies.append(("steps", shared["steps"], REGISTRY.steps))
    for key, entries, vocabulary in vocabularies:
        meanings = {}
        for entry in entries:
            meant = RENAMED.get((key, entry["value"]), entry["value"])
            for word in (entry["value"], entry.get("label", entry["value"]),
                         *entry.get("aliases", ())):
                assert vocabulary.resolve(word) == meant, (key, word)
            meanings[entry["value"]] = meant
        assert len(set(meanings.values())) == len(meanings), key


# --- containment: what an entry includes ------------------------------------------------------


def covers(key: str, value: str) -> frozenset[str]:
    return REGISTRY.get(key).vocabulary.covers(value)


def test_all_prisoners_of_war_include_the_sick_the_wounded_and_the_young():
    assert covers("humanitarian.prisoner_categories", "all-pows") == {
        "all-pows", "sick", "severely-wounded", "aged-18-25"}
    assert "civilians" not in covers("humanitarian.prisoner_categories", "all-pows")


def test_all_detainees_include_every_prisoner_category():
    vocabulary = REGISTRY.get("humanitarian.prisoner_categories").vocabulary
    assert vocabulary.resolve("all detainees") == "all-detainees"
    assert covers("humanitarian.prisoner_categories", "all-detainees") == {
        t.value for t in vocabulary.terms}


def test_the_four_regions_are_exactly_donetsk_luhansk_zaporizhzhia_and_kherson():
    vocabulary = REGISTRY.get("forces.withdrawal").vocabulary
    assert vocabulary.resolve("the four regions") == "four-regions"
    assert covers("forces.withdrawal", "four-regions") == {
        "donetsk", "luhansk", "zaporizhzhia", "kherson"}


def test_the_five_regions_add_crimea():
    assert covers("political.recognition", "five-regions") == {
        "crimea", "donetsk", "luhansk", "zaporizhzhia", "kherson"}
    assert REGISTRY.get("political.recognition").vocabulary.resolve("five regions") == \
        "five-regions"


def test_the_whole_territory_includes_its_parts_and_the_front_its_sectors():
    assert covers("ceasefire.areas", "whole-territory") == {
        "whole-territory", "entire-front", "selected-sectors", "rear-areas", "populated-areas",
        "buffer-zone"}
    assert covers("ceasefire.areas", "entire-front") == {"entire-front", "selected-sectors"}
    assert covers("ceasefire.areas", "populated-areas") == {"populated-areas"}


def test_the_united_nations_include_their_missions():
    assert covers("ceasefire.monitoring", "united-nations") == {"united-nations", "un-mission"}
    assert REGISTRY.get("ceasefire.monitoring").vocabulary.resolve("UNIFIL") == "un-mission"


def test_all_hostages_include_the_living_and_the_deceased():
    assert covers("humanitarian.hostage_categories", "all-hostages") >= {
        "all-living", "deceased", "women", "children", "elderly", "sick", "wounded",
        "soldiers", "female-soldiers", "foreign-nationals"}
    assert "deceased" not in covers("humanitarian.hostage_categories", "all-living")
    assert covers("humanitarian.hostage_categories", "women") == {"women", "female-soldiers"}
    assert covers("humanitarian.hostage_categories", "soldiers") == {"soldiers",
                                                                     "female-soldiers"}


def test_each_form_of_power_sharing_includes_its_arrangements():
    assert covers("political.power_sharing", "political") == {
        "political", "executive-seats", "legislative-seats", "civil-service-quotas"}
    assert covers("political.power_sharing", "territorial") == {
        "territorial", "autonomy", "federalism", "decentralisation"}
    assert covers("political.power_sharing", "military") == {
        "military", "army-integration", "joint-command"}
    assert covers("political.power_sharing", "economic") == {
        "economic", "revenue-sharing", "resource-sharing"}


def test_international_crimes_are_exactly_the_three_core_crimes():
    assert covers("justice.amnesty_exclusions", "international-crimes") == {
        "genocide", "crimes-against-humanity", "war-crimes"}


def test_all_crossings_include_border_and_front_line_crossings():
    assert covers("humanitarian.crossings", "all-crossings") == {
        "all-crossings", "cross-border", "cross-line"}


def test_a_named_group_has_members_and_nothing_includes_itself_through_a_group():
    for topic in TOPICS:
        if topic.vocabulary is None:
            continue
        for term in topic.vocabulary.terms:
            if term.exactly:
                assert term.includes, (topic.key, term.value)
                assert term.value not in topic.vocabulary.covers(term.value)
