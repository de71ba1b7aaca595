"""Golden reports of the bundled Istanbul example, one per format, and the facts they must show;
the history of its two rounds in every format and of the peace-plan drafts as text; then what
every format must show of a phased comparison (who acts, when, conditions, readings,
aspects, options, the timeline).

Regenerate after an intended change with `CEASEFIRE_UPDATE_GOLDEN=1 pytest tests/test_golden.py`
and read the diff before committing.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
from importlib import import_module
from pathlib import Path

import pytest

from diffing import compare
from proposals.limits import DEFAULT_LIMITS
from tui.inputs import input_sources, read_inputs, valid_proposals
from tui.reports import render_text, terminal
from tui.terminal import console

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CEASEFIRE_UPDATE_GOLDEN") == "1"


@pytest.fixture(autouse=True)
def generated_at_a_fixed_time(monkeypatch):
    """The HTML report's header says when it was made: here, always 2025-06-02 10:00 UTC."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1748858400")


@pytest.fixture(scope="module")
def istanbul_files():
    proposals = valid_proposals(read_inputs(input_sources([], ["istanbul-2025-06-02"]),
                                            DEFAULT_LIMITS))
    assert proposals is not None
    return proposals


@pytest.fixture(scope="module")
def istanbul(istanbul_files):
    return compare(istanbul_files)


def _rich(width: int, package: str = "tui.reports"):
    """The terminal report drawn `width` columns wide: side by side at 200, stacked at 80."""
    def render(result) -> str:
        buffer = io.StringIO()
        import_module(f"{package}.terminal").render(result, console(buffer, False, width))
        return buffer.getvalue()
    return render


RENDERERS = {
    "istanbul.txt": lambda c: render_text(c, "text"),
    "istanbul.md": lambda c: render_text(c, "markdown"),
    "istanbul.json": lambda c: render_text(c, "json"),
    "istanbul.html": lambda c: render_text(c, "html"),
    "istanbul.csv": lambda c: render_text(c, "csv"),
    "istanbul.rich.txt": _rich(200),
    "istanbul.rich-80.txt": _rich(80),
}


@pytest.mark.parametrize("name", RENDERERS)
def test_report_matches_its_golden_file(istanbul, name):
    out = RENDERERS[name](istanbul)
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(out.encode("utf-8"))
    assert out == path.read_bytes().decode("utf-8"), f"{name} changed; see the module docstring"


# --- histories: the Istanbul rounds in every format, the peace-plan drafts as text ----------


def _history(*examples: str):
    from diffing.history import history

    proposals = valid_proposals(read_inputs(input_sources([], list(examples)), DEFAULT_LIMITS))
    assert proposals is not None
    return history(proposals)


@pytest.fixture(scope="module")
def histories():
    return {"history": _history("istanbul-2025-05-16", "istanbul-2025-06-02"),
            "history-peace-plans": _history("peace-plans-2025-11")}


def _history_report(name: str):
    return lambda result: import_module(f"tui.reports.history.{name}").render(result)


HISTORY_RENDERERS = {
    ("history", "history.txt"): _history_report("text"),
    ("history", "history.md"): _history_report("markdown"),
    ("history", "history.json"): _history_report("json_report"),
    ("history", "history.html"): _history_report("html"),
    ("history", "history.rich.txt"): _rich(200, "tui.reports.history"),
    ("history", "history.rich-80.txt"): _rich(80, "tui.reports.history"),
    ("history-peace-plans", "history-peace-plans.txt"): _history_report("text"),
}


@pytest.mark.parametrize("which, name", HISTORY_RENDERERS)
def test_history_report_matches_its_golden_file(histories, which, name):
    out = HISTORY_RENDERERS[which, name](histories[which])
    path = GOLDEN / name
    if UPDATE:
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), f"{name} changed; see the module docstring"


def test_history_json_golden_parses_names_its_format_and_keeps_paths_relative():
    data = json.loads((GOLDEN / "history.json").read_text(encoding="utf-8"))
    assert data["format"] == "ceasefire-history/1"
    assert [r["label"] for r in data["rounds"]] == ["Istanbul I", "Istanbul II"]
    files = [text["file"] for party in data["parties"] for text in party["texts"]]
    assert files and all(not Path(f).is_absolute() and f.startswith("istanbul-") for f in files)


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
    assert "The agreed text (Agreed outcome) settled on 'sick, severely-wounded, aged-18-25'; " \
        "Russia had 'civilians'; Ukraine had 'all-pows, civilians'." in row.explanation
    assert row.reference.addresses and row.reference.took == ()


@pytest.mark.parametrize("side, gave_up", [("ukraine", "all-for-all"), ("russia", "Civilian detainees")])
def test_the_agreed_outcome_against_either_side_shows_what_it_gave_up(istanbul_files, side,
                                                                      gave_up):
    by_id = {p.id: p for p in istanbul_files}
    name = by_id[side].party
    comparison = compare([by_id["agreed"], by_id[side]])  # one side and the text: compared
    said = " ".join(row.explanation for row in comparison.rows)
    assert f"{name}: {gave_up}" in said
    assert "Agreed outcome is silent" in said


def test_json_golden_parses_and_names_its_format():
    data = json.loads((GOLDEN / "istanbul.json").read_text(encoding="utf-8"))
    assert data["format"] == "ceasefire-diff/2"
    assert [p["id"] for p in data["parties"]] == ["russia", "ukraine", "agreed"]


# --- a phased comparison: obligations per actor, times, conditions, readings, options ------

PHASED = Path(__file__).parent / "fixtures" / "reports"
"""Mediators' draft and Israel's counter-proposal: two phases each, obligations by Israel
and by Hamas with their own times, a condition, a disputed duration, Israel's two options
on the heavy-weapons zone, and elections counted from a constitutional reform nobody
dates."""
REPORT_FORMATS = ("text", "markdown", "html", "rich")


@pytest.fixture(scope="module")
def phased():
    proposals = valid_proposals(read_inputs(input_sources(
        [str(PHASED / "mediators.yaml"), str(PHASED / "israel.yaml")], None), DEFAULT_LIMITS))
    assert proposals is not None
    return compare(proposals)


@pytest.fixture(scope="module")
def reports(phased) -> dict[str, str]:
    """Each format's report, as a reader sees its words (HTML entities decoded, the
    terminal report wide enough that no cell wraps the phrases looked for)."""
    out = {name: render_text(phased, name) for name in ("text", "markdown", "html")}
    out["html"] = html.unescape(out["html"])
    buffer = io.StringIO()
    terminal.render(phased, console(buffer, color=False, width=400))
    out["rich"] = buffer.getvalue()
    return out


@pytest.mark.parametrize("name", REPORT_FORMATS)
def test_rows_are_titled_by_topic_actor_and_phase(reports, name):
    for heading in ("Withdrawal of forces · by Israel · First phase",
                    "Withdrawal of forces · by Israel · Second phase",
                    "Hostages released · by Hamas · First phase",
                    "Heavy weapons security zone · by Hamas",
                    "Heavy weapons security zone · by Israel"):
        assert heading in reports[name], (name, heading)
    assert "Phases compared by id: First phase (first), Second phase (second)." in reports[name]


@pytest.mark.parametrize("name", REPORT_FORMATS)
def test_each_cell_shows_its_clauses_facts(reports, name):
    out = reports[name]
    for fact in ("when: day 7", "when: day 14", "when: by day 42",
                 "condition: after humanitarian.hostages", "option: Buffer zone",
                 "when: 30 days after constitutional reform", "worked out from the party's times"):
        assert fact in out.replace("\\_", "_"), (name, fact)
    assert "by Israel; when" not in out  # the heading already says who acts


@pytest.mark.parametrize("name", ("text", "markdown", "rich"))
def test_a_disputed_clause_shows_every_reading(reports, name):
    assert "42 days / indefinite (disputed)" in reports[name]


def test_html_lists_each_reading_with_its_source(reports):
    page = reports["html"]
    number = re.search(r'<li id="source-(\d+)">\[\d+\] <cite>Wire report on the draft</cite>',
                       page).group(1)
    assert f'42 days <a class="cite" href="#source-{number}">[{number}]</a>' in page
    assert "— negotiations continue" in reports["html"]


@pytest.mark.parametrize("name", REPORT_FORMATS)
def test_the_aspects_of_a_verdict_are_shown(reports, name):
    for aspect in ("value agreed (0.00)", "timing conflict (0.51)", "conditions partial (0.50)",
                   "readings at best agreed (0.00)"):
        assert aspect in reports[name], (name, aspect)


@pytest.mark.parametrize("name", REPORT_FORMATS)
def test_the_options_section_names_the_option_shown_the_closest_and_why(reports, name):
    out = reports[name]
    assert ("Israel offers 2 options; the rows show Buffer zone (buffer); No buffer zone "
            "(no-buffer) comes closest to the other parties.") in out
    assert "Heavy weapons security zone · by Israel: buffer conflict (0.70), no-buffer agreed " \
        "(0.00)" in out
    assert re.search(r"0\.49[^\n]*shown", out) and re.search(r"0\.55[^\n]*closest", out), name


@pytest.mark.parametrize("name", REPORT_FORMATS)
def test_the_timeline_lists_each_partys_events_in_day_order(reports, name):
    out = reports[name]
    days = ["Phase: First phase — on signing", "Number of prisoners · by Israel — by day 42",
            "Withdrawal of forces · by Israel — day 7", "Phase: Second phase — after first",
            "Heavy weapons security zone · by Hamas — no later than the 5th day after the "
            "withdrawal", "Control of the state border — 10 days after withdrawal"]
    mediators = out[out.index("Days from entry into force"):]
    assert [mediators.index(event) for event in days] == sorted(
        mediators.index(event) for event in days), name
    assert "Hostages released · by Hamas — during First phase" in out
    assert "Counted from Constitutional reform, which no time places" in out
    assert re.search(r"\+30 days\W+Elections — 30 days after constitutional reform", out), name


def test_the_html_timeline_is_drawn_with_undated_events_apart():
    page = render_text(compare(valid_proposals(read_inputs(input_sources(
        [str(PHASED / "mediators.yaml"), str(PHASED / "israel.yaml")], None),
        DEFAULT_LIMITS))), "html")
    svg = page[page.index('<svg class="timeline"'):]
    svg = svg[:svg.index("</svg>")]
    assert "<script" not in page and "http://" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    assert svg.count('class="tl-party-name"') == 2
    assert svg.count("tl-phase-0") >= 2 and ">First phase</text>" in svg
    # Elections is counted from a reform nobody dates: drawn in the boxed group of its own
    # scale, never among the rows on the day axis.
    boxes = [(float(y), float(y) + float(h)) for y, h in re.findall(
        r'<rect x="4" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" class="tl-apart"', svg)]
    rows = {float(y): label for y, label in re.findall(
        r'<text x="\d+" y="([\d.]+)" class="tl-label">([^<]+)</text>', svg)}
    inside = {label for y, label in rows.items() if any(a < y < b for a, b in boxes)}
    assert len(boxes) == 2 and inside == {"Elections"}
    assert "on a scale of its own, not the day axis" in svg


def test_the_json_report_carries_rows_aspects_options_and_timelines(phased):
    data = json.loads(render_text(phased, "json"))
    rows = {row["id"]: row for row in data["rows"]}
    first = rows["forces.withdrawal@israel#first"]
    assert (first["actor"], first["actor_name"], first["phase"], first["phase_label"]) == (
        "israel", "Israel", "first", "First phase")
    assert [a["name"] for a in first["aspects"]] == ["value", "timing"]
    assert first["positions"]["israel"]["when"]["text"] == "day 14"
    assert data["phasing"]["mode"] == "by-id"
    assert [(o["option"], o["shown"], o["closest"]) for o in data["options"]] == [
        ("buffer", True, False), ("no-buffer", False, True)]
    assert {e["root"] for e in data["timelines"]["mediators"]} == {
        "start", "step:constitutional-reform"}
    assert data["actors"]["hamas"] == "Hamas"


def test_phases_that_differ_are_compared_first_and_at_the_end(tmp_path):
    israel = (PHASED / "israel.yaml").read_text(encoding="utf-8")
    renamed = tmp_path / "israel.yaml"
    renamed.write_text(israel.replace("id: second", "id: later").replace(
        "label: Second phase", "label: Later phase"), encoding="utf-8")
    comparison = compare(valid_proposals(read_inputs(input_sources(
        [str(PHASED / "mediators.yaml"), str(renamed)], None), DEFAULT_LIMITS)))
    for name in ("text", "markdown"):
        out = render_text(comparison, name)
        assert "Phases differ between the parties: compared each party's first phase and its " \
            "end state." in out
        assert "Withdrawal of forces · by Israel · end state" in out
        # The row is the end state; each cell says which of its party's phases that is.
        assert "phase: Second phase" in out and "phase: Later phase" in out


def test_the_json_writes_each_record_and_enum_as_pydantic_core_infers_it(monkeypatch, phased,
                                                                         istanbul, histories):
    """The serializer each record and enum is given once (the writer's speed) writes the
    bytes pydantic_core writes by inferring every object's type: only Summary needs one to
    write `one-sided` by its alias."""
    from diffing.history_result import History
    from diffing.result import Summary
    from tui.reports import json_report
    from tui.reports.history import json_report as history_json

    def written() -> list[str]:
        return [render_text(phased, "json"), render_text(istanbul, "json"),
                history_json.render(histories["history"])]

    compiled = written()
    types = json_report._reachable(History, set())
    assert {"GapStatus", "Kind", "Confidence", "Move", "Clause", "Span", "PairRow"} <= {
        kind.__name__ for kind in types if hasattr(kind, "__pydantic_serializer__")}
    for kind in types - {Summary}:
        monkeypatch.delattr(kind, "__pydantic_serializer__")
    monkeypatch.setattr(json_report, "_compiled", lambda kind: None)
    assert written() == compiled
