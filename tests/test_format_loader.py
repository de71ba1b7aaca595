"""The loader: valid files become typed proposals; every problem gets file:line:col and a reason."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from proposals import InvalidProposal, load_proposal, read_proposal, read_string
from proposals.limits import Limits
from proposals.model import Confidence, Span, Status
from proposals.problems import Code, Severity

VALID = """\
ceasefire: 1
party: European Union (E3)
title: Counter-proposal
date: 2025-11-23
status: agreed
sources:
  reuters: {title: Counter-proposal text, publisher: Reuters, date: 2025-11-23}
  tass: Memorandum as published by TASS
clauses:
  ceasefire.length: at least 30 days
  ceasefire.domains:
    value: [land, air, sea]
    source: reuters
    confidence: reported
    quote: "on land, in the air and at sea"
    note: A note.
    conditions: Russia accepts
    by: Both sides
  forces.size_cap: {min: 600000, max: 800000}
  x.nuclear_plant:
    kind: text
    label: Nuclear plant
    value: IAEA supervision
"""


def problems(text: str, limits: Limits | None = None):
    loaded = read_string(text, "p.yaml", limits or Limits())
    return loaded, [(p.line, p.column, p.path, p.message, p.severity, p.code)
                    for p in loaded.problems]


def only_problem(text: str, limits: Limits | None = None):
    loaded, found = problems(text, limits)
    assert loaded.proposal is None
    assert len(found) == 1, found
    return found[0]


def test_a_valid_file_becomes_a_typed_proposal():
    loaded, found = problems(VALID)
    assert found == []
    p = loaded.proposal
    assert (p.party, p.id, p.status, str(p.date)) == ("European Union (E3)", "european-union-e3",
                                                     Status.AGREED, "2025-11-23")
    assert p.sources["tass"].title == "Memorandum as published by TASS"
    by_topic = {c.topic: c for c in p.clauses}
    duration = by_topic["ceasefire.duration"]
    assert duration.written_topic == "ceasefire.length"
    assert (duration.line, duration.column, duration.text) == (10, 3, "at least 30 days")
    domains = by_topic["ceasefire.domains"]
    assert (domains.confidence, domains.source, domains.conditions, domains.by) == (
        Confidence.REPORTED, "reuters", ("Russia accepts",), "Both sides")
    assert by_topic["forces.size_cap"].value == Span(low=600000, high=800000, unit="troops")
    custom = by_topic["x.nuclear_plant"]
    assert (custom.label, custom.kind.value) == ("Nuclear plant", "text")


@pytest.mark.parametrize("text, line, col, path, message", [
    ("ceasefire: 1\nparty: A\nclauses: {ceasefire.type: full}\nparty_name: B\n", 4, 1, "party_name",
     "unknown key 'party_name'"),
    ("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.duratoin: 30 days\n", 4, 3,
     "clauses.ceasefire.duratoin", "did you mean 'ceasefire.duration'"),
    ("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type:\n    value: full\n    confidnce: x\n",
     6, 5, "clauses.ceasefire.type.confidnce", "did you mean 'confidence'"),
    ("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: ful\n", 4, 19,
     "clauses.ceasefire.type", "did you mean 'full'"),
    ("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.domains: [land, se]\n", 4, 29,
     "clauses.ceasefire.domains", "did you mean 'sea'"),
    ("ceasefire: 2\nparty: A\nclauses: {ceasefire.type: full}\n", 1, 12, "ceasefire", "version '2' is not supported"),
    ("ceasefire: 1\nparty: A\nstatus: agred\nclauses: {ceasefire.type: full}\n", 3, 9, "status",
     "did you mean 'agreed'"),
    ("ceasefire: 1\nparty: A\ndate: 2 June\nclauses: {ceasefire.type: full}\n", 3, 7, "date", "not an ISO date"),
    ("ceasefire: 1\nparty: A\nid: Not A Key\nclauses: {ceasefire.type: full}\n", 3, 5, "id", "not a short key"),
    ("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type:\n    value: full\n"
     "    confidence: sure\n", 6, 17, "clauses.ceasefire.type.confidence", "not a confidence"),
    ("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: {value: full, source: tass}\n", 4, 41,
     "clauses.ceasefire.type.source", "source 'tass' is not listed under 'sources:'"),
    ("ceasefire: 1\nparty: A\nclauses:\n  x.plant: IAEA\n", 4, 3, "clauses.x.plant",
     "needs 'kind:'"),
    ("ceasefire: 1\nparty: A\nclauses:\n  x.plant: {kind: txt, value: a}\n", 4, 19,
     "clauses.x.plant.kind", "did you mean 'text'"),
    ("ceasefire: 1\nparty: A\nclauses:\n  x.Plant!: {kind: text, value: a}\n", 4, 3,
     "clauses.x.Plant!", "write x. then lower-case"),
    ("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: {value: full, kind: text}\n", 4, 39,
     "clauses.ceasefire.type.kind", "is set by the registry"),
    ("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type:\n", 4, 18, "clauses.ceasefire.type",
     "no value"),
    ("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: {note: x}\n", 4, 19,
     "clauses.ceasefire.type", "missing 'value:'"),
    ("ceasefire: 1\nclauses: {ceasefire.type: full}\n", 1, 1, "", "missing required key 'party'"),
    ("ceasefire: 1\nparty: A\nsources:\n  s: {publisher: P}\nclauses: {ceasefire.type: full}\n", 4, 6, "sources.s",
     "missing required key 'title'"),
])
def test_each_error_has_its_place_path_and_reason(text, line, col, path, message):
    found_line, found_col, found_path, found_message, severity, code = only_problem(text)
    assert (found_line, found_col, found_path) == (line, col, path)
    assert message in found_message
    assert severity is Severity.ERROR and code is Code.INVALID


def test_duplicate_keys_are_errors_naming_both_lines():
    line, col, path, message, _, _ = only_problem(
        "ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: full\n  ceasefire.type: local\n")
    assert (line, col, path) == (5, 3, "clauses.ceasefire.type")
    assert "also on line 4" in message
    line, _, _, message, _, _ = only_problem("ceasefire: 1\nparty: A\nparty: B\nclauses: {ceasefire.type: full}\n")
    assert line == 3 and "also on line 2" in message


def test_a_topic_and_its_alias_cannot_both_be_given():
    line, _, _, message, _, _ = only_problem(
        "ceasefire: 1\nparty: A\nclauses:\n  ceasefire.duration: 3 days\n"
        "  ceasefire.length: 2 days\n")
    assert line == 5
    assert "'ceasefire.length' is the topic 'ceasefire.duration', already given as " \
           "'ceasefire.duration' on line 4" in message


def test_every_problem_of_a_file_is_reported_in_one_run():
    text = ("ceasefire: 1\nparty: A\nstatus: agred\nextra: 1\nclauses:\n"
            "  ceasefire.type: ful\n  ceasefire.duration: 30\n  ceasefire.domainz: [land]\n")
    loaded, found = problems(text)
    assert loaded.proposal is None
    assert [(line, path) for line, _, path, *_ in found] == [
        (3, "status"), (4, "extra"), (6, "clauses.ceasefire.type"),
        (7, "clauses.ceasefire.duration"), (8, "clauses.ceasefire.domainz")]


@pytest.mark.parametrize("text, line, col, what", [
    ("ceasefire: 1\nparty: !!python/object/apply:os.system ['touch /tmp/ceasefire-pwned']\n"
     "clauses: {ceasefire.type: full}\n", 2, 8, "!!python/object/apply:os.system"),
    ("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: !custom full\n", 4, 19, "!custom"),
    ("ceasefire: 1\nparty: !!binary aGVsbG8=\nclauses: {ceasefire.type: full}\n", 2, 8, "!!binary"),
])
def test_tags_that_could_construct_objects_are_refused(text, line, col, what, tmp_path):
    marker = Path("/tmp/ceasefire-pwned")
    marker.unlink(missing_ok=True)
    loaded, found = problems(text)
    assert loaded.proposal is None
    unsafe = [f for f in found if f[5] is Code.UNSAFE]
    assert len(unsafe) == 1
    assert unsafe[0][:2] == (line, col) and what in unsafe[0][3]
    assert not marker.exists()


def test_a_billion_laughs_is_refused_fast():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    text = "\n".join(lines) + "\n"
    start = time.perf_counter()
    line, col, _, message, _, code = only_problem(text)
    assert time.perf_counter() - start < 2
    assert code is Code.LIMIT and "alias_nodes" in message and (line, col) == (1, 1)


def test_a_recursive_alias_is_refused():
    _, _, _, message, _, code = only_problem("ceasefire: 1\nparty: A\nclauses: &c [*c]\n")
    assert code is Code.UNSAFE and "refers to its own anchor" in message


def test_reused_anchors_within_the_limit_are_fine():
    text = ("ceasefire: 1\nparty: A\nsources:\n  s: &src {title: T}\n  t: *src\nclauses:\n"
            "  ceasefire.type: full\n")
    loaded, found = problems(text)
    assert found == [] and set(loaded.proposal.sources) == {"s", "t"}


@pytest.mark.parametrize("data, line, col, code, message", [
    (b"", 1, 1, Code.INVALID, "empty file"),
    (b"  \n\n   \n", 1, 1, Code.INVALID, "empty file"),
    (b"- a\n- b\n", 1, 1, Code.INVALID, "expected a proposal"),
    (b"just text\n", 1, 1, Code.INVALID, "expected a proposal"),
    (b"ceasefire: 1\nparty: \xff\xfe A\n", 2, 8, Code.ENCODING, "not valid UTF-8 (byte 0xff)"),
    (b"ceasefire: 1\nparty: A\0\n", 2, 9, Code.ENCODING, "NUL byte"),
    (b"ceasefire: 1\n---\nceasefire: 1\n", 2, 1, Code.SYNTAX, "more than one YAML document"),
    (b"ceasefire: 1\nparty: [A\nclauses: {}\n", 3, 8, Code.SYNTAX, "not valid YAML"),
    (b"ceasefire: 1\n\tparty: A\n", 2, 1, Code.SYNTAX, "not valid YAML"),
])
def test_broken_files_get_a_positioned_problem_not_a_traceback(tmp_path, data, line, col, code,
                                                              message):
    path = tmp_path / "p.yaml"
    path.write_bytes(data)
    loaded = read_proposal(path)
    assert loaded.proposal is None
    first = loaded.problems[0]
    assert (first.line, first.column, first.code) == (line, col, code), first
    assert message in first.message
    assert first.file == str(path)


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: full\n")
    assert read_proposal(path).proposal is not None


def test_missing_files_and_directories_are_unreadable(tmp_path):
    for path, message in ((tmp_path / "missing.yaml", "no such file"),
                          (tmp_path, "is a directory")):
        loaded = read_proposal(path)
        assert loaded.proposal is None
        assert loaded.problems[0].code is Code.UNREADABLE
        assert message in loaded.problems[0].message


def test_a_file_without_permission_is_unreadable(tmp_path, monkeypatch):
    path = tmp_path / "secret.yaml"
    path.write_text("ceasefire: 1\n")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("proposals.yaml_source.open", refuse, raising=False)  # root reads all
    problem = read_proposal(path).problems[0]
    assert (problem.code, problem.message) == (Code.UNREADABLE, "permission denied")


def test_load_proposal_raises_with_every_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: ful\n  x: 1\n")
    with pytest.raises(InvalidProposal) as caught:
        load_proposal(path)
    assert len(caught.value.problems) == 2
    assert f"{path}:4:19: error:" in str(caught.value)


def test_hidden_characters_are_a_warning_and_the_file_still_loads():
    text = ("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.violations:\n"
            "    value: ok\n    note: \"pay \\u202Eredro\\u202C now\"\n")
    loaded, found = problems(text)
    assert loaded.proposal is not None
    assert len(found) == 1
    line, col, path, message, severity, code = found[0]
    assert (line, col, path, severity, code) == (6, 11, "clauses.ceasefire.violations.note",
                                                 Severity.WARNING, Code.HIDDEN_TEXT)
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in message


@pytest.mark.parametrize("limits, text, name", [
    (Limits(clauses=2), "ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: full\n"
     "  ceasefire.duration: 3 days\n  humanitarian.remains: 6000\n", "clauses"),
    (Limits(string_chars=10), "ceasefire: 1\nparty: A\nclauses:\n"
     "  ceasefire.violations: a very long text indeed\n", "string_chars"),
    (Limits(depth=2), "ceasefire: 1\nparty: A\nclauses:\n"
     "  ceasefire.domains: [[[[land]]]]\n", "depth"),
])
def test_each_limit_names_itself_so_it_can_be_raised(limits, text, name):
    _, _, _, message, _, code = only_problem(text, limits)
    assert code is Code.LIMIT
    assert f"--limit {name}=N" in message


def test_the_file_size_limit_is_checked_before_parsing(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("ceasefire: 1\n" + "# padding\n" * 100)
    loaded = read_proposal(path, Limits(file_bytes=100))
    assert loaded.problems[0].code is Code.LIMIT
    assert "--limit file_bytes=N" in loaded.problems[0].message


def test_limits_parse_overrides_and_refuse_nonsense():
    assert Limits().with_overrides(["clauses=500,000", "depth=20"]) == Limits(clauses=500000,
                                                                               depth=20)
    for bad in ("nonsense", "clauses=many", "bytes=10", "depth=0"):
        with pytest.raises(ValueError):
            Limits().with_overrides([bad])
