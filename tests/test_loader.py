"""The loader, as `ceasefire check` relies on it: a valid file becomes a typed proposal, and
every mistake in a file is reported at once with its exact line:col, YAML path and a reason.

Positions are 1-based and point at the offending key or value as an editor shows it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import time
from pathlib import Path

import pytest
import yaml

from proposals import yaml_source
from proposals.limits import DEFAULT_LIMITS, Limits
from proposals.loader import read_proposal, read_string, slug
from proposals.model import Choice, Confidence, Items, Kind, Source, Span, Status, Steps, Text
from proposals.problems import Code, Severity
from proposals.reference import example_text
from proposals.registry import registry
from tests.conftest import YAML_SUITE

HEAD = "ceasefire: 1\nparty: A\n"
LIBYAML = hasattr(yaml, "CSafeLoader")  # the loader the product uses when it is installed
NEEDS_LIBYAML = pytest.mark.skipif(not LIBYAML, reason="PyYAML without libyaml")


def load(text: str, limits: Limits = DEFAULT_LIMITS):
    return read_string(text, "p.yaml", limits)


def the_problem(text: str, limits: Limits = DEFAULT_LIMITS):
    """The single problem of an invalid file."""
    loaded = load(text, limits)
    assert loaded.proposal is None
    assert len(loaded.problems) == 1, [str(p) for p in loaded.problems]
    return loaded.problems[0]


# --- a valid file ---------------------------------------------------------------------------

VALID = """\
ceasefire: 1
party: European Union (E3)
title: Counter-proposal
date: 2025-11-23
round: Geneva
status: agreed
sources:
  reuters: {title: Counter-proposal text, publisher: Reuters, date: 2025-11-24, url: https://example.org/a}
  tass: Memorandum as published by TASS
clauses:
  ceasefire.type: full
  ceasefire.length: at least 30 days
  ceasefire.domains:
    value: [land, air, sea]
    source: reuters
    confidence: reported
    quote: "on land, in the air and at sea"
    note: A note.
    conditions: [Russia accepts, "monitoring starts"]
    by: Both sides
  forces.size_cap: {min: 600000, max: 800000}
  political.steps: [truce, memorandum, peace treaty]
  forces.withdrawal:
    value: none
    source: tass
  x.nuclear_plant:
    kind: text
    label: Zaporizhzhia nuclear plant
    value: IAEA supervision
  x.aid_budget:
    kind: quantity
    value: 100 billion usd
"""


@pytest.fixture(scope="module")
def valid():
    loaded = load(VALID)
    assert loaded.problems == ()
    return loaded.proposal


def test_a_valid_file_gives_the_proposals_fields(valid):
    assert (valid.party, valid.id, valid.title, valid.round, valid.status, valid.date,
            valid.file) == (
        "European Union (E3)", "european-union-e3", "Counter-proposal", "Geneva", Status.AGREED,
        dt.date(2025, 11, 23), "p.yaml")
    assert valid.sources == {
        "reuters": Source(title="Counter-proposal text", publisher="Reuters",
                          date=dt.date(2025, 11, 24), url="https://example.org/a"),
        "tass": Source(title="Memorandum as published by TASS"),  # string shorthand
    }


def test_clauses_keep_file_order_and_canonical_topics(valid):
    assert [c.topic for c in valid.clauses] == [
        "ceasefire.type", "ceasefire.duration", "ceasefire.domains", "forces.size_cap",
        "political.sequence", "forces.withdrawal", "x.nuclear_plant", "x.aid_budget"]
    assert [c.written_topic for c in valid.clauses] == [
        "ceasefire.type", "ceasefire.length", "ceasefire.domains", "forces.size_cap",
        "political.steps", "forces.withdrawal", "x.nuclear_plant", "x.aid_budget"]


def test_shorthand_and_full_clauses_hold_their_values(valid):
    by = {c.topic: c for c in valid.clauses}
    assert by["ceasefire.type"].value == Choice(choice="full")
    duration = by["ceasefire.duration"]
    assert duration.value == Span(low=720, high=math.inf, unit="hours")
    assert (duration.line, duration.column, duration.text, duration.label) == (
        12, 3, "at least 30 days", "Duration")
    domains = by["ceasefire.domains"]
    assert domains.value == Items(items=("air", "land", "sea"))
    assert (domains.source, domains.confidence, domains.quote, domains.note,
            [c.text for c in domains.conditions], domains.by, domains.by_text, domains.mutual,
            domains.line) == (
        "reuters", Confidence.REPORTED, "on land, in the air and at sea", "A note.",
        ["Russia accepts", "monitoring starts"], (), "Both sides", True, 13)
    assert by["forces.size_cap"].value == Span(low=600_000, high=800_000, unit="troops")
    assert by["political.sequence"].value == Steps(steps=("ceasefire", "memorandum", "treaty"))
    assert by["forces.withdrawal"].value == Items(items=())
    assert by["forces.withdrawal"].source == "tass"
    assert by["ceasefire.type"].confidence is Confidence.CONFIRMED  # the default


def test_a_custom_topic_declares_its_kind_and_label(valid):
    by = {c.topic: c for c in valid.clauses}
    plant = by["x.nuclear_plant"]
    assert (plant.kind, plant.label, plant.value, plant.is_custom) == (
        Kind.TEXT, "Zaporizhzhia nuclear plant", Text(text="IAEA supervision"), True)
    budget = by["x.aid_budget"]
    assert (budget.kind, budget.label, budget.value) == (
        Kind.QUANTITY, "Aid budget", Span(low=1e11, high=1e11, unit="usd"))


@pytest.mark.parametrize("alias, canonical", [
    ("ceasefire.length", "ceasefire.duration"),
    ("ceasefire.conditions", "ceasefire.preconditions"),
    ("forces.mobilization", "forces.mobilisation"),
    ("political.nato", "political.alignment"),
    ("territory.withdrawal", "forces.withdrawal"),
])
def test_an_alias_key_resolves_to_its_topic(alias, canonical):
    example = example_text(registry().get(canonical))
    loaded = load(HEAD + f"clauses:\n  {alias}: {example}\n")
    assert loaded.problems == ()
    clause = loaded.proposal.clauses[0]
    assert (clause.topic, clause.written_topic) == (canonical, alias)


@pytest.mark.parametrize("party", ["Ukraine", "European Union (E3)", "US 28-point plan", "Россия"])
def test_the_default_id_is_the_slug_of_the_party(party):
    loaded = load(f"ceasefire: 1\nparty: {party}\nclauses: {{ceasefire.type: full}}\n")
    assert loaded.proposal.id == slug(party)
    assert re.fullmatch(r"[^\W_][\w-]*", loaded.proposal.id)


def test_slug_makes_short_keys_keeping_letters_of_any_script():
    assert [slug(s) for s in ("European Union (E3)", "US 28-point plan", "Россия", "Україна",
                              "日本", "???")] == [
        "european-union-e3", "us-28-point-plan", "россия", "україна", "日本", "party"]


def test_two_parties_named_in_other_scripts_get_ids_of_their_own():
    from diffing import compare

    ua = load("ceasefire: 2\nparty: Україна\nclauses: {ceasefire.type: full}\n").proposal
    ru = load("ceasefire: 2\nparty: Россия\nclauses: {ceasefire.type: local}\n").proposal
    assert [p.id for p in compare([ua, ru]).parties] == ["україна", "россия"]
    explicit = load("ceasefire: 2\nparty: Україна\nid: україна-2\nclauses: {ceasefire.type: full}\n")
    assert explicit.proposal.id == "україна-2"


def test_an_explicit_id_is_kept():
    loaded = load("ceasefire: 1\nparty: Ukraine\nid: ua_2\nclauses: {ceasefire.type: full}\n")
    assert loaded.proposal.id == "ua_2"


@pytest.mark.parametrize("empty", ["clauses: {}\n", "clauses:\n  # ceasefire.type: full\n"])
def test_an_empty_clauses_mapping_is_valid_with_a_warning(empty):
    loaded = load(HEAD + empty)
    assert loaded.proposal is not None and loaded.proposal.clauses == ()
    [warning] = loaded.problems
    assert (warning.line, warning.severity) == (3, Severity.WARNING)


def test_a_source_with_an_error_is_reported_once_at_its_own_place():
    loaded = load(HEAD + "sources:\n  s: {publisher: P}\n"
                  "clauses:\n  ceasefire.type: {value: full, source: s}\n")
    assert loaded.proposal is None
    assert [(p.line, p.path, p.message) for p in loaded.problems] == [
        (4, "sources.s", "missing required key 'title'")]


def test_a_small_alias_is_plain_yaml_and_allowed():
    loaded = load("ceasefire: 1\nparty: &p Ukraine\ntitle: *p\nclauses: {ceasefire.type: full}\n")
    assert loaded.problems == ()
    assert loaded.proposal.title == "Ukraine"


# --- every mistake with its place -----------------------------------------------------------

MISTAKES = [
    # unknown keys and topics, with a suggestion
    ("top-key", HEAD + "clauses: {ceasefire.type: full}\nparty_name: B\n",
     4, 1, "party_name", "unknown key 'party_name' — did you mean 'party'?"),
    ("top-key-no-hint", HEAD + "clauses: {ceasefire.type: full}\nweather: fine\n",
     4, 1, "weather", "unknown key 'weather' (expected one of: ceasefire, party, id, title, date,"),
    ("clause-key", HEAD + "clauses:\n  ceasefire.type:\n    value: full\n    confidnce: reported\n",
     6, 5, "clauses.ceasefire.type.confidnce",
     "unknown key 'confidnce' — did you mean 'confidence'?"),
    ("source-key", HEAD + "sources:\n  s: {title: T, urll: x}\nclauses: {ceasefire.type: full}\n",
     4, 17, "sources.s.urll", "unknown key 'urll' — did you mean 'url'?"),
    ("topic", HEAD + "clauses:\n  ceasefire.duratoin: 30 days\n",
     4, 3, "clauses.ceasefire.duratoin",
     "unknown topic 'ceasefire.duratoin' — did you mean 'ceasefire.duration'"),
    ("topic-no-hint", HEAD + "clauses:\n  weather: sunny\n",
     4, 3, "clauses.weather", "unknown topic 'weather' — see `ceasefire topics`"),
    # words outside a vocabulary
    ("choice-word", HEAD + "clauses:\n  ceasefire.type: fulll\n",
     4, 19, "clauses.ceasefire.type",
     "'fulll' is not a word this topic knows — did you mean 'full'?"),
    ("set-word-flow", HEAD + "clauses:\n  ceasefire.domains: [land, air, see]\n",
     4, 34, "clauses.ceasefire.domains",
     "'see' is not a word this topic knows — did you mean 'sea'?"),
    ("set-word-block",
     HEAD + "clauses:\n  ceasefire.domains:\n    value:\n      - land\n      - see\n",
     7, 9, "clauses.ceasefire.domains.value", "'see' is not a word this topic knows"),
    ("unit", HEAD + "clauses:\n  ceasefire.duration:\n    value: 30 dayz\n",
     5, 12, "clauses.ceasefire.duration.value", "unknown unit 'dayz' — did you mean 'days'?"),
    ("range-key",
     HEAD + "clauses:\n  ceasefire.duration:\n    value: {min: 2, mx: 3, unit: days}\n",
     5, 12, "clauses.ceasefire.duration.value",
     "unknown key 'mx' in a range — did you mean 'max'?"),
    # duplicates: the second one is reported, naming the line of the first
    ("dup-top", HEAD + "party: B\nclauses: {ceasefire.type: full}\n",
     3, 1, "party", "duplicate key 'party': also on line 2"),
    ("dup-clause", HEAD + "clauses:\n  ceasefire.type: full\n  ceasefire.type: partial\n",
     5, 3, "clauses.ceasefire.type", "duplicate key 'ceasefire.type': also on line 4"),
    ("dup-field", HEAD + "clauses:\n  ceasefire.type:\n    value: full\n    value: partial\n",
     6, 5, "clauses.ceasefire.type.value", "duplicate key 'value': also on line 5"),
    ("dup-source", HEAD + "sources:\n  s: One\n  s: Two\nclauses: {ceasefire.type: full}\n",
     5, 3, "sources.s", "duplicate key 's': also on line 4"),
    ("dup-range",
     HEAD + "clauses:\n  ceasefire.duration:\n    value: {min: 2, min: 3, unit: days}\n",
     5, 21, "clauses.ceasefire.duration.value.min", "duplicate key 'min': also on line 5"),
    ("alias-and-key",
     HEAD + "clauses:\n  ceasefire.duration: 30 days\n  ceasefire.length: 3 days\n",
     5, 3, "clauses.ceasefire.length",
     ("'ceasefire.length' is the topic 'ceasefire.duration', already given as "
     "'ceasefire.duration' on line 4; keep one")),
    # sources
    ("source-missing", HEAD + "sources:\n  memo: Memo text\nclauses:\n  ceasefire.type:\n"
     "    value: full\n    source: mem\n",
     8, 13, "clauses.ceasefire.type.source",
     "source 'mem' is not listed under 'sources:' — did you mean 'memo'?"),
    ("source-no-sources", HEAD + "clauses:\n  ceasefire.type: {value: full, source: memo}\n",
     4, 41, "clauses.ceasefire.type.source",
     "source 'memo' is not listed under 'sources:' (the file has no 'sources:')"),
    ("source-no-title", HEAD + "sources:\n  s: {publisher: P}\nclauses: {ceasefire.type: full}\n",
     4, 6, "sources.s", "missing required key 'title'"),
    # required keys and the version
    ("no-version", "party: A\nclauses: {ceasefire.type: full}\n",
     1, 1, "", "missing required key 'ceasefire'"),
    ("no-party", "ceasefire: 1\nclauses: {ceasefire.type: full}\n",
     1, 1, "", "missing required key 'party'"),
    ("no-clauses", HEAD, 1, 1, "", "missing required key 'clauses'"),
    ("version", "ceasefire: 3\nparty: A\nclauses: {ceasefire.type: full}\n",
     1, 12, "ceasefire", "format version '3' is not supported: write 'ceasefire: 2'"),
    ("version-float", "ceasefire: 1.0\nparty: A\nclauses: {ceasefire.type: full}\n",
     1, 12, "ceasefire", "format version '1.0' is not supported"),
    # enumerations and dates
    ("status", HEAD + "status: propsed\nclauses: {ceasefire.type: full}\n",
     3, 9, "status", "'propsed' is not a status — did you mean 'proposed'?"),
    ("confidence", HEAD + "clauses:\n  ceasefire.type:\n    value: full\n    confidence: sure\n",
     6, 17, "clauses.ceasefire.type.confidence",
     "'sure' is not a confidence (one of: confirmed, reported, disputed)"),
    ("date", HEAD + "date: 2025-02-30\nclauses: {ceasefire.type: full}\n",
     3, 7, "date", "'2025-02-30' is not an ISO date such as 2025-06-02"),
    ("source-date",
     HEAD + "sources:\n  s: {title: T, date: 02/06/2025}\nclauses: {ceasefire.type: full}\n",
     4, 23, "sources.s.date", "'02/06/2025' is not an ISO date"),
    ("id", HEAD + "id: Bad Id\nclauses: {ceasefire.type: full}\n",
     3, 5, "id",
     "'Bad Id' is not a short key: use lower-case letters, digits, '-' and '_', e.g. 'bad-id'"),
    # custom topics
    ("custom-no-kind", HEAD + "clauses:\n  x.plant:\n    value: hi\n",
     4, 3, "clauses.x.plant", "custom topic 'x.plant' needs 'kind:'"),
    ("custom-shorthand", HEAD + "clauses:\n  x.plant: hi\n",
     4, 3, "clauses.x.plant", "custom topic 'x.plant' needs 'kind:'"),
    ("custom-bad-kind", HEAD + "clauses:\n  x.plant:\n    kind: txt\n    value: hi\n",
     5, 11, "clauses.x.plant.kind", "'txt' is not a kind — did you mean 'text'?"),
    ("custom-key", HEAD + "clauses:\n  x.Plant:\n    kind: text\n    value: hi\n",
     4, 3, "clauses.x.Plant", "custom topic 'x.Plant': write x. then lower-case letters"),
    ("custom-key-empty", HEAD + "clauses:\n  x.: {kind: text, value: hi}\n",
     4, 3, "clauses.x.", "custom topic 'x.': write x. then lower-case letters"),
    ("kind-on-registered",
     HEAD + "clauses:\n  ceasefire.type:\n    value: full\n    kind: choice\n",
     6, 11, "clauses.ceasefire.type.kind",
     "'kind' is set by the registry for ceasefire.type (choice); remove it"),
    ("label-on-registered", HEAD + "clauses:\n  ceasefire.type:\n    value: full\n    label: T\n",
     6, 12, "clauses.ceasefire.type.label", "'label' is set by the registry for ceasefire.type"),
    # empty and misshapen values
    ("empty-value", HEAD + "clauses:\n  ceasefire.type:\n  ceasefire.domains: [land]\n",
     4, 18, "clauses.ceasefire.type", ("no value: write the position, 'none' for an empty list, "
     "or 'unspecified'")),
    ("empty-value-field", HEAD + "clauses:\n  ceasefire.type:\n    value:\n",
     5, 11, "clauses.ceasefire.type.value", "no value:"),
    ("missing-value", HEAD + "clauses:\n  ceasefire.type:\n    note: n\n",
     5, 5, "clauses.ceasefire.type", "missing 'value:' (the position itself)"),
    ("empty-party", "ceasefire: 1\nparty:\nclauses: {ceasefire.type: full}\n",
     2, 7, "party", "is empty"),
    ("blank-party", "ceasefire: 1\nparty: '  '\nclauses: {ceasefire.type: full}\n",
     2, 8, "party", "is empty"),
    ("clauses-list", HEAD + "clauses: [ceasefire.type]\n",
     3, 10, "clauses", "expected a mapping of topics to clauses, not a list"),
    ("party-list", "ceasefire: 1\nparty: [A, B]\nclauses: {ceasefire.type: full}\n",
     2, 8, "party", "expected text, not a list"),
    ("list-key", HEAD + "? [a, b]\n: c\nclauses: {ceasefire.type: full}\n",
     3, 3, "", "a key must be a plain word, not a list or mapping"),
    ("condition-list", HEAD + "clauses:\n  ceasefire.type: {value: full, conditions: [a, [b]]}\n",
     4, 49, "clauses.ceasefire.type.conditions[1]", "expected text, not a list"),
]


@pytest.mark.parametrize("text, line, col, path, message",
                         [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_reported_at_its_place(text, line, col, path, message):
    problem = the_problem(text)
    assert (problem.file, problem.line, problem.column, problem.path) == ("p.yaml", line, col, path)
    assert problem.message.startswith(message), problem.message
    assert (problem.severity, problem.code) == (Severity.ERROR, Code.INVALID)


def test_a_typo_in_a_shorthand_range_is_one_problem_with_a_hint():
    problem = the_problem(HEAD + "clauses:\n  ceasefire.duration: {min: 2, mx: 3, unit: days}\n")
    assert (problem.line, problem.column) == (4, 23)
    assert "did you mean 'max'?" in problem.message


def test_a_duplicate_key_in_a_shorthand_range_is_reported_once():
    problem = the_problem(HEAD + "clauses:\n  ceasefire.duration: {min: 2, min: 3, unit: days}\n")
    assert (problem.line, problem.column, problem.path) == (4, 32, "clauses.ceasefire.duration.min")


def test_a_problem_prints_as_file_line_col():
    problem = the_problem(HEAD + "clauses:\n  ceasefire.type: fulll\n")
    assert str(problem) == ("p.yaml:4:19: error: clauses.ceasefire.type: 'fulll' is not a word "
                            "this topic knows — did you mean 'full'?")


def test_every_problem_in_a_file_is_reported_in_one_run():
    text = (
        "ceasefire: 1\n"
        "party: A\n"
        "status: propsed\n"                    # 3:9   bad status
        "colour: red\n"                        # 4:1   unknown top key
        "clauses:\n"
        "  ceasefire.type: fulll\n"            # 6:19  bad word
        "  ceasefire.duratoin: 30 days\n"      # 7:3   unknown topic
        "  ceasefire.domains:\n"
        "    value: [land]\n"
        "    source: nowhere\n"                # 10:13 unknown source
    )
    loaded = load(text)
    assert loaded.proposal is None
    assert [(p.line, p.column, p.path) for p in loaded.problems] == [
        (3, 9, "status"), (4, 1, "colour"), (6, 19, "clauses.ceasefire.type"),
        (7, 3, "clauses.ceasefire.duratoin"), (10, 13, "clauses.ceasefire.domains.source")]
    assert all(p.is_error for p in loaded.problems)


def test_the_other_fields_of_a_clause_with_a_bad_value_are_checked_too():
    text = HEAD + ("clauses:\n  ceasefire.type:\n    value: fulll\n    source: nowhere\n"
                   "    confidence: sure\n")
    loaded = load(text)
    assert [(p.line, p.column, p.path) for p in loaded.problems] == [
        (5, 12, "clauses.ceasefire.type.value"), (6, 13, "clauses.ceasefire.type.source"),
        (7, 17, "clauses.ceasefire.type.confidence")]


# --- safety: no tag constructs anything, no alias explodes ----------------------------------


@pytest.mark.parametrize("tag, shown, why", [
    ("!!python/object/apply:os.system", "!!python/object/apply:os.system",
     "it could construct objects"),
    ("!!python/name:os.system", "!!python/name:os.system", "it could construct objects"),
    ("!!python/object/new:os.system", "!!python/object/new:os.system",
     "it could construct objects"),
    ("!foo", "!foo", "proposals use plain YAML only"),
    ("!<tag:example.com,2025:x>", "tag:example.com,2025:x", "proposals use plain YAML only"),
    ("!!binary", "!!binary", "proposals use plain YAML only"),
])
def test_tags_are_refused_at_their_place_and_nothing_runs(tmp_path, tag, shown, why):
    marker = tmp_path / "ran"
    text = HEAD + f'clauses:\n  ceasefire.violations: {tag} ["touch {marker}"]\n'
    problem = the_problem(text)
    assert (problem.line, problem.column, problem.code) == (4, 25, Code.UNSAFE)
    assert problem.message == f"tag {shown} is not allowed: {why}"
    assert not marker.exists()


def test_os_system_at_the_top_is_refused_and_not_run(tmp_path, capfd):
    marker = tmp_path / "ran"
    loaded = load(f'!!python/object/apply:os.system ["touch {marker}; echo hi"]\n')
    assert loaded.proposal is None
    assert (loaded.problems[0].line, loaded.problems[0].column, loaded.problems[0].code) == (
        1, 1, Code.UNSAFE)
    assert not marker.exists()
    assert "hi" not in capfd.readouterr().out


def test_the_rest_of_a_file_with_a_tag_is_still_checked():
    text = HEAD + "title: !foo bar\nclauses:\n  ceasefire.tipe: full\n"
    loaded = load(text)
    assert [(p.line, p.column, p.code) for p in loaded.problems] == [
        (3, 8, Code.UNSAFE), (5, 3, Code.INVALID)]


BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi"))


def test_an_alias_bomb_is_refused_quickly():
    start = time.perf_counter()
    problem = the_problem(BILLION_LAUGHS)
    assert time.perf_counter() - start < 2
    assert (problem.line, problem.column, problem.code) == (1, 1, Code.LIMIT)
    assert "--limit alias_nodes=N" in problem.message


@pytest.mark.parametrize("text, line, col", [
    ("a: &a [*a]\n", 1, 4),
    ("a: &a {b: *a}\n", 1, 4),
    ("ceasefire: 1\nparty: A\nclauses:\n  x.loop: &l\n    kind: set\n    value: [*l]\n", 4, 11),
])
def test_a_recursive_alias_is_refused(text, line, col):
    problem = the_problem(text)
    assert (problem.line, problem.column, problem.code) == (line, col, Code.UNSAFE)
    assert problem.message == "an alias refers to its own anchor (a recursive structure)"


# --- what is not a proposal at all ----------------------------------------------------------


@pytest.mark.parametrize("text, line, col, code, message", [
    ("", 1, 1, Code.INVALID, "empty file: a proposal needs at least 'ceasefire: 2'"),
    ("  \n\n   \n", 1, 1, Code.INVALID, "empty file"),
    ("# only a comment\n", 1, 1, Code.INVALID, "empty file"),
    ("- ceasefire: 1\n- party: A\n", 1, 1, Code.INVALID,
     "expected a proposal (a mapping with ceasefire:, party:, clauses:), not a list"),
    ("just words\n", 1, 1, Code.INVALID, ("expected a proposal (a mapping with ceasefire:, party:, "
     "clauses:), not 'just words'")),
    (HEAD + "clauses: {ceasefire.type: full}\n---\nceasefire: 1\n", 4, 1, Code.SYNTAX,
     "not valid YAML: more than one YAML document ('---'): put one proposal in each file"),
    (HEAD + "clauses: [a\n", 4, 1, Code.SYNTAX, "not valid YAML:"),
    pytest.param("ceasefire: 1\nparty: A\x07\n", 2, 9, Code.SYNTAX, "", marks=NEEDS_LIBYAML,
                 id="control-character"),
    pytest.param("[" * 1200 + "]" * 1200, 1, 1001, Code.LIMIT, "nested more than 1,000 levels deep",
                 marks=NEEDS_LIBYAML, id="nested-1200-deep"),
])
def test_text_that_is_not_a_proposal_is_one_problem(text, line, col, code, message):
    problem = the_problem(text)
    assert (problem.line, problem.column, problem.code) == (line, col, code)
    assert problem.message.startswith(message)


@NEEDS_LIBYAML
def test_a_forbidden_character_after_non_ascii_text_is_placed_exactly():
    problem = the_problem("party: ÄÄÄÄ\x07\n")
    assert (problem.line, problem.column) == (1, 12)


@NEEDS_LIBYAML
def test_a_forbidden_character_is_named():
    assert the_problem("ceasefire: 1\nparty: A\x07\n").message.startswith("U+0007")


def test_without_libyaml_a_forbidden_character_is_a_problem_too(monkeypatch):
    monkeypatch.setattr(yaml_source, "BASE_LOADER", yaml.BaseLoader)  # the fallback
    problem = the_problem("ceasefire: 1\nparty: A\x07\n")
    assert (problem.line, problem.column, problem.code) == (2, 9, Code.SYNTAX)


def _tree(node: yaml.Node | None, seen: dict[int, int]) -> object:
    """A composed node as data: kind, tag, place, style and value (an alias by its anchor's
    number), so two compositions compare whole."""
    if node is None:
        return None
    if id(node) in seen:
        return ("alias", seen[id(node)])
    seen[id(node)] = len(seen)
    value = node.value
    if isinstance(node, yaml.SequenceNode):
        value = [_tree(item, seen) for item in value]
    elif isinstance(node, yaml.MappingNode):
        value = [(_tree(key, seen), _tree(item, seen)) for key, item in value]
    return (type(node).__name__, node.tag, node.start_mark.index, node.end_mark.index,
            getattr(node, "style", None), node.flow_style if hasattr(node, "flow_style")
            else None, value)


@pytest.mark.parametrize("base", [yaml_source.BASE_LOADER, yaml.BaseLoader],
                         ids=["libyaml", "python"])
def test_composing_without_the_resolver_gives_the_nodes_the_base_loader_gives(base):
    """`compose` skips PyYAML's resolver, which a base loader never lets choose a tag: every
    bundled example, test fixture and YAML test-suite input (valid or not) composes to the
    same nodes, or fails alike."""
    assert not base.yaml_implicit_resolvers and not base.yaml_path_resolvers
    package = Path(yaml_source.__file__).parent
    paths = [*package.glob("examples/*/*.yaml"), *Path(__file__).parent.glob("fixtures/**/*.yaml"),
             *YAML_SUITE.glob("*/in.yaml")]
    assert len(paths) > 20
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        composed = []
        for loader in (base, yaml_source.composer(base)):
            try:
                composed.append(_tree(yaml.compose(text, Loader=loader), {}))
            except yaml.YAMLError as error:
                composed.append(str(error))
        assert composed[0] == composed[1], path


def write(tmp_path, data: bytes, name: str = "p.yaml"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


VALID_BYTES = "ceasefire: 1\nparty: Україна\nclauses:\n  ceasefire.type: full\n".encode()


@pytest.mark.parametrize("data", [VALID_BYTES, b"\xef\xbb\xbf" + VALID_BYTES,
                                  VALID_BYTES.decode().encode("utf-16")],
                         ids=["utf-8", "utf-8-bom", "utf-16-bom"])
def test_utf8_with_or_without_bom_and_marked_utf16_are_read(tmp_path, data):
    loaded = read_proposal(write(tmp_path, data))
    assert loaded.problems == ()
    assert loaded.proposal.party == "Україна"
    assert loaded.proposal.clauses[0].line == 4


@pytest.mark.parametrize("data, line, col, message", [
    (b"ceasefire: 1\nparty: \xc3\xa4b\xff\nclauses: {}\n", 2, 10,
     "not valid UTF-8 (byte 0xff); save the file as UTF-8"),
    ("ceasefire: 1\nparty: Ü\n".encode("latin-1"), 2, 8, "not valid UTF-8 (byte 0xdc)"),
    (b"ceasefire: 1\npar\x00ty: A\n", 2, 4, "binary file (NUL byte): not a YAML proposal"),
    (b"\x00\x01\x02", 1, 1, "binary file (NUL byte)"),
])
def test_bytes_that_are_not_text_are_refused_at_the_bad_byte(tmp_path, data, line, col, message):
    loaded = read_proposal(write(tmp_path, data), name="shown.yaml")
    assert loaded.proposal is None
    [problem] = loaded.problems
    assert (problem.file, problem.line, problem.column, problem.code) == (
        "shown.yaml", line, col, Code.ENCODING)
    assert problem.message.startswith(message)


def test_a_directory_and_a_missing_file_are_unreadable(tmp_path):
    for path, message in ((tmp_path, "is a directory, not a proposal file"),
                          (tmp_path / "nope.yaml", "no such file")):
        loaded = read_proposal(path)
        assert loaded.proposal is None
        [problem] = loaded.problems
        assert (problem.file, problem.line, problem.column, problem.code, problem.message) == (
            str(path), 0, 0, Code.UNREADABLE, message)  # line 0: the whole file
        assert str(problem) == f"{path}: error: {message}"  # no made-up 1:1


# --- hidden characters ----------------------------------------------------------------------


@pytest.mark.parametrize("written, char, name", [
    ("\u202e", "\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\\u202E", "\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),  # a YAML escape
    ("\u200b", "\u200b", "U+200B ZERO WIDTH SPACE"),
    ("\\e", "\x1b", "U+001B"),  # ESC may only be written escaped
])
def test_hidden_characters_warn_and_the_file_still_loads(written, char, name):
    text = HEAD + ("clauses:\n  ceasefire.violations:\n    value: Truce\n"
                   f'    note: "abc{written}def"\n')
    loaded = load(text)
    assert loaded.proposal is not None
    [warning] = loaded.problems
    assert (warning.line, warning.column, warning.path, warning.severity, warning.code) == (
        6, 11, "clauses.ceasefire.violations.note", Severity.WARNING, Code.HIDDEN_TEXT)
    assert name in warning.message
    assert loaded.proposal.clauses[0].note == f"abc{char}def"


def test_a_hidden_character_in_a_value_warns_at_the_value():
    loaded = load(HEAD + 'clauses:\n  ceasefire.violations: "A vio\u202elation"\n')
    assert [(p.line, p.column, p.severity) for p in loaded.problems] == [
        (4, 25, Severity.WARNING)]
    assert loaded.proposal is not None


# --- limits ---------------------------------------------------------------------------------

LIMIT_NAMES = {f.name for f in dataclasses.fields(Limits)}


def raise_hint(message: str) -> str:
    """The limit a message tells the user to raise with --limit NAME=N."""
    found = re.search(r"--limit (\w+)=N", message)
    assert found, message
    assert found[1] in LIMIT_NAMES
    return found[1]


def over_the_limit(name: str, tmp_path):
    """A file, read at a limit just below what it needs, and the same limit raised."""
    if name == "file_bytes":
        path = write(tmp_path, VALID_BYTES)
        at = Limits(file_bytes=len(VALID_BYTES))
        return (read_proposal(path, dataclasses.replace(at, file_bytes=len(VALID_BYTES) - 1)),
                read_proposal(path, at))
    text, small = {
        "clauses": (HEAD + "clauses:\n  ceasefire.type: full\n  ceasefire.domains: [land]\n", 2),
        "string_chars": (HEAD + "title: abcdefghij\nclauses: {ceasefire.type: full}\n", 10),
        "depth": (HEAD + "clauses:\n  ceasefire.duration: {min: 2, max: 3, unit: days}\n", 1),
        "alias_nodes": (("ceasefire: 1\nparty: &p A\ntitle: *p\nround: *p\n"
                        "clauses: {ceasefire.type: full}\n"), 2),
    }[name]
    below = dataclasses.replace(DEFAULT_LIMITS, **{name: small - 1})
    at = dataclasses.replace(DEFAULT_LIMITS, **{name: small})
    return load(text, below), load(text, at)


@pytest.mark.parametrize("name", sorted(LIMIT_NAMES))
def test_each_limit_names_itself_so_the_user_can_raise_it(name, tmp_path):
    over, at = over_the_limit(name, tmp_path)
    assert over.proposal is None
    limit_errors = [p for p in over.problems if p.code is Code.LIMIT]
    assert len(limit_errors) == 1, [str(p) for p in over.problems]
    assert raise_hint(limit_errors[0].message) == name
    assert at.problems == (), [str(p) for p in at.problems]  # raised to N, the file loads
    assert at.proposal is not None


@pytest.mark.parametrize("name, text, limits, line, col, path", [
    ("clauses", HEAD + "clauses:\n  ceasefire.type: full\n  ceasefire.domains: [land]\n",
     Limits(clauses=1), 4, 3, "clauses"),
    ("string_chars", HEAD + "title: abcdefghijk\nclauses: {ceasefire.type: full}\n",
     Limits(string_chars=10), 3, 8, "title"),
    ("string_chars", HEAD + "clauses:\n  ceasefire.violations: abcdefghijk\n",
     Limits(string_chars=10), 4, 25, "clauses.ceasefire.violations"),
    ("depth", HEAD + "clauses:\n  x.deep: {kind: set, value: [[[[a]]]]}\n",
     Limits(depth=2), 4, 30, "clauses.x.deep.value"),
    ("depth", HEAD + "clauses:\n  x.deep: {kind: text, value: " + "[" * 40 + "]" * 40 + "}\n",
     DEFAULT_LIMITS, 4, 31, "clauses.x.deep.value"),
    ("alias_nodes", BILLION_LAUGHS, DEFAULT_LIMITS, 1, 1, ""),
])
def test_a_limit_error_is_placed(name, text, limits, line, col, path):
    problem = the_problem(text, limits)
    assert (problem.line, problem.column, problem.path, problem.code) == (
        line, col, path, Code.LIMIT)
    assert raise_hint(problem.message) == name


def test_the_file_size_limit_is_checked_before_reading(tmp_path):
    path = write(tmp_path, VALID_BYTES)
    loaded = read_proposal(path, Limits(file_bytes=10))
    [problem] = loaded.problems
    assert (problem.line, problem.column, problem.code) == (0, 0, Code.LIMIT)
    assert problem.message == ("file is larger than the limit of 10 bytes "
                               "(raise it with --limit file_bytes=N)")


@pytest.mark.parametrize("settings, changed", [
    (["clauses=5"], {"clauses": 5}),
    (["file-bytes=1_000"], {"file_bytes": 1000}),
    (["depth=3", "string_chars=1,000"], {"depth": 3, "string_chars": 1000}),
])
def test_limits_are_raised_by_name(settings, changed):
    assert Limits().with_overrides(settings) == dataclasses.replace(Limits(), **changed)


@pytest.mark.parametrize("setting, message", [
    ("nonsense", "unknown limit 'nonsense': use NAME=NUMBER with NAME one of file_bytes, depth,"),
    ("lines=5", "unknown limit 'lines=5'"),
    ("depth=deep", "limit depth: 'deep' is not a whole number"),
    ("depth=0", "limit depth: must be at least 1"),
])
def test_a_bad_limit_setting_says_why(setting, message):
    with pytest.raises(ValueError) as caught:
        Limits().with_overrides([setting])
    assert str(caught.value).startswith(message)


def test_a_file_without_permission_is_unreadable(tmp_path, monkeypatch):
    path = tmp_path / "secret.yaml"
    path.write_text("ceasefire: 1\n")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("proposals.yaml_source.open", refuse, raising=False)  # root reads all
    problem = read_proposal(path).problems[0]
    assert (problem.code, problem.message) == (Code.UNREADABLE, "permission denied")
