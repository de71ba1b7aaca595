"""The app's pure drawing and fitting functions, apart from any widget: the timeline drawn
as text, and how rows are named in the room a list has."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from diffing import Comparison, compare
from proposals.limits import DEFAULT_LIMITS
from proposals.timeline import CALENDAR, START, Event
from tui.app.headings import Line, fit_keeping, line_text, qualifier, row_lines
from tui.app.timeline_picture import (
    DayAxis,
    band,
    bar,
    row_events,
    timeline_picture,
    timing_picture,
)
from tui.inputs import Source, read_inputs, valid_proposals

PHASED = Path(__file__).parent / "fixtures" / "phased"


@pytest.fixture(scope="module")
def phased() -> Comparison:
    sources = [Source(PHASED / name, name) for name in ("mediators.yaml", "israel.yaml")]
    return compare(valid_proposals(read_inputs(sources, DEFAULT_LIMITS)))


def event(low: float | None, high: float | None, root: str = START, **more) -> Event:
    return Event(key=more.pop("key", f"clause:{low}:{high}"), label=more.pop("label", "Event"),
                 root=root, low=low, high=high, **more)


def lines(text) -> list[str]:
    """The picture as printed, lines unwrapped (so one too wide shows as too wide)."""
    console = Console(width=400, color_system=None, file=io.StringIO())
    with console.capture() as captured:
        console.print(text, overflow="ignore", crop=False)
    return captured.get().rstrip("\n").split("\n")


# --- the axis and its marks ------------------------------------------------------------------


def test_the_day_axis_always_shows_day_zero_and_round_ticks():
    axis = DayAxis([event(10, 84)], 40)
    assert axis.low == 0 and axis.high == 84
    assert axis.cell(0) == 0 and axis.cell(84) == 39 and axis.cell(42) in (19, 20)
    ticks = axis.ticks()
    assert ticks[0] == 0 and all(0 <= t <= 84 for t in ticks) and len(ticks) <= 40 // 5
    assert len({b - a for a, b in zip(ticks, ticks[1:])}) == 1  # evenly spaced


def test_a_calendar_axis_counts_from_the_first_date_and_labels_dates():
    day = (dt.date(2015, 2, 15) - dt.date(1970, 1, 1)).days
    axis = DayAxis([event(day, day + 300, CALENDAR)], 60, calendar=True)
    assert axis.low == day and axis.day_label(day) == "2015-02-15"
    assert axis.day_label(axis.ticks()[-1]) <= "2015-12-12"


def test_bars_tell_a_window_a_day_and_an_open_end_apart_by_shape():
    axis = DayAxis([event(0, 40)], 41)
    assert bar(axis, event(10, 20), "cyan").plain == "·" * 10 + "█" * 11 + "·" * 20
    assert bar(axis, event(7, 7), "cyan").plain == "·" * 7 + "●" + "·" * 33
    assert bar(axis, event(30, None), "cyan").plain == "·" * 30 + "░" * 10 + "▶"
    assert bar(axis, event(None, 5), "cyan").plain == "◀" + "░" * 5 + "·" * 35
    for drawn in (bar(axis, event(a, b), "cyan") for a, b in ((0, 40), (3, 3), (None, None))):
        assert drawn.cell_len == 41


def test_phases_are_labelled_bands_and_overlapping_ones_take_another_line():
    axis = DayAxis([event(0, 84)], 85)
    first = event(0, 42, key="phase:first", label="First phase")
    second = event(42.000001, 84, key="phase:second", label="Second phase")
    [line] = band(axis, [first, second])
    assert line.plain.startswith("├First phase─") and "├Second phase─" in line.plain
    assert line.plain.endswith("┤")
    overlapping = event(20, 60, key="phase:talks", label="Talks")
    assert len(band(axis, [first, overlapping, second])) == 2


# --- the whole timeline ----------------------------------------------------------------------


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_the_timeline_fits_the_width_it_is_drawn_in(phased, width):
    drawn = lines(timeline_picture(phased, width))
    assert max(cell_len(line) for line in drawn) <= width


def test_an_event_anchored_to_an_undated_step_is_listed_apart_never_on_the_day_axis(phased):
    text = "\n".join(lines(timeline_picture(phased, 100)))
    dated, undated = text.split("Not on the day axis")
    assert "Amnesty" not in dated
    assert "Leaders' meeting" in undated and "Amnesty · by Israel" in undated
    assert "+30 days" in undated
    assert "Days from entry into force" in dated and "├First phase" in dated


def test_each_party_has_its_own_lanes_with_who_acts(phased):
    text = "\n".join(lines(timeline_picture(phased, 120)))
    mediators, israel = text.split("\nIsrael\n")
    assert "Mediators" in mediators
    assert "· by Hamas" in mediators and "· by Israel" in mediators
    assert "days 10–30" in israel and "days 10–30" not in mediators


def test_the_selected_rows_events_are_pointed_out(phased):
    row = phased.row("forces.heavy_weapons@israel")
    marked = frozenset((party, e.key) for party, e in row_events(row, phased).items())
    text = lines(timeline_picture(phased, 120, marked))
    pointed = [line for line in text if line.startswith("▸")]
    assert len(pointed) == 2 and all("by Israel" in line for line in pointed)


def test_a_timeline_without_times_says_so():
    from proposals.loader import read_proposal

    plain = PHASED.parent / "pictures"
    proposals = [read_proposal(plain / n, DEFAULT_LIMITS, n).proposal
                 for n in ("first.yaml", "second.yaml")]
    comparison = compare(proposals)
    assert "nothing to place on a timeline" in timeline_picture(comparison, 80).plain
    assert all(timing_picture(row, comparison, 80) is None for row in comparison.rows)


def test_clauses_of_one_list_are_told_apart_by_who_acts(phased):
    """Both heavy-weapons clauses of a party sit on one line of its file."""
    hamas = row_events(phased.row("forces.heavy_weapons@hamas"), phased)
    israel = row_events(phased.row("forces.heavy_weapons@israel"), phased)
    assert hamas["israel"].actors == ("hamas",) and israel["israel"].actors == ("israel",)
    assert (hamas["israel"].low, hamas["israel"].high) == (0, 5)
    drawn = timing_picture(phased.row("forces.heavy_weapons@israel"), phased, 60).plain
    assert "days 10–30" in drawn and "days 2–16" in drawn


# --- naming rows in the room a list has -----------------------------------------------------


def test_rows_of_one_topic_stand_under_a_heading_and_show_who_acts_and_when(phased):
    out = row_lines(phased.rows)
    headings = [line.text for line in out if line.row is None]
    assert "Withdrawal of forces" in headings and "Type of ceasefire" not in headings
    members = [line.text for line in out if line.member]
    assert "by Israel · First phase" in members and "by Israel · Second phase" in members
    assert "Number of prisoners" in headings  # one row, but of one phase
    assert all(line.row is not None for line in out if line.text == "" or line.member)


def test_a_lone_row_shows_its_whole_heading_cut_at_the_end(phased):
    row = phased.row("humanitarian.amnesty@israel")
    assert qualifier(row) == "by Israel"
    assert line_text(Line(row, ""), 80) == "Amnesty · by Israel"
    assert line_text(Line(row, ""), 12) == "Amnesty · b…"
    phase = phased.row("humanitarian.prisoner_numbers@israel#first")
    assert qualifier(phase) == "by Israel · First phase"
    assert line_text(Line(phase, qualifier(phase), member=True), 14) == "by Israel · F…"


def test_a_lane_label_cut_to_fit_keeps_who_acts():
    assert fit_keeping("Heavy weapons security zone", "by Israel", 80) == \
        "Heavy weapons security zone · by Israel"
    assert fit_keeping("Heavy weapons security zone", "by Israel", 24) == \
        "Heavy weapo… · by Israel"
    assert fit_keeping("Number of prisoners", "by Israel · First phase", 22) == \
        "Number… · by Israel…"
    assert cell_len(fit_keeping("Number of prisoners", "by Israel · First phase", 12)) <= 12
    assert fit_keeping("Number of prisoners", "", 12) == "Number of p…"


# --- pictures fit the width they are drawn in, measured in cells ----------------------------


def example(name: str) -> Comparison:
    from tests.conftest import EXAMPLES
    from tui.inputs import current

    folder = EXAMPLES / name if (EXAMPLES / name).exists() else PHASED.parent / name
    arranged = current(valid_proposals(read_inputs(
        [Source(path, path.name) for path in sorted(folder.glob("*.yaml"))], DEFAULT_LIMITS)))
    return compare(arranged.proposals, earlier=arranged.earlier,
                   versions_of=arranged.versions_of)


DRAWN = [("istanbul-2025-06-02", "ceasefire.duration"),
         ("istanbul-2025-06-02", "forces.withdrawal@ukraine"),
         ("istanbul-2025-06-02", "political.sequence"),
         ("istanbul-2025-06-02", "ceasefire.type"),
         ("peace-plans-2025-11", "forces.size_cap@ukraine"),
         ("pictures", "political.response_deadline")]


@pytest.mark.parametrize("name, row", DRAWN)
@pytest.mark.parametrize("width", [30, 44, 60, 80, 120, 200])
def test_every_picture_fits_the_width_it_is_drawn_in(name, row, width):
    from tui.app.pictures import picture

    comparison = example(name)
    drawn = picture(comparison.row(row), comparison.parties, width)
    assert drawn is not None and drawn.no_wrap
    assert max(cell_len(line) for line in lines(drawn)) <= width


def test_the_readme_duration_reads_on_whole_lines_at_every_width():
    """`at least` / `30 days` and `27 days` / `apart` were folded onto two lines."""
    from tui.app.pictures import span_picture

    row = example("istanbul-2025-06-02").row("ceasefire.duration")
    spans = {"ukraine": row.positions["ukraine"].readings[0].value,  # at least 30 days
             "russia": row.positions["russia"].value}
    names = {"ukraine": "Ukraine", "russia": "Russia"}
    for width in range(44, 201, 3):
        drawn = lines(span_picture(spans, names, width))
        assert drawn[0].startswith("Ukraine") and drawn[0].endswith("at least 30 days")
        assert drawn[2].startswith("no overlap") and drawn[2].endswith("27 days apart")
        assert max(cell_len(line) for line in drawn) <= width


def test_set_and_sequence_labels_are_whole_when_there_is_room():
    from tui.app.pictures import picture

    comparison = example("istanbul-2025-06-02")
    drawn = "\n".join(lines(picture(comparison.row("ceasefire.preconditions"),
                                    comparison.parties, 120)))
    assert "withdrawal of Ukrainian forces from the four regions" in drawn
    drawn = "\n".join(lines(picture(comparison.row("political.sequence"),
                                    comparison.parties, 160)))
    assert "…" not in drawn


def test_names_are_measured_in_cells_so_wide_characters_keep_the_columns():
    from proposals.model import Items, Span
    from tui.app.pictures import set_picture, span_picture
    from diffing.align import topic_of

    names = {"a": "ウクライナ", "b": "Russia"}
    spans = {"a": Span(low=30 * 24, high=90 * 24, unit="hours"),
             "b": Span(low=48, high=72, unit="hours")}
    drawn = lines(span_picture(spans, names, 80))
    starts = {cell_len(line[:min(line.find(c) for c in "·█●" if c in line)])
              for line in drawn[:2]}
    assert len(starts) == 1
    comparison = example("istanbul-2025-06-02")
    topic = topic_of(comparison.row("forces.withdrawal@ukraine"))
    drawn = lines(set_picture(topic, {"a": Items(items=("donetsk", "kherson")),
                                      "b": Items(items=("donetsk",))}, names, 80))
    ticks = [[cell_len(line[:i]) for i, c in enumerate(line) if c in "✓·"] for line in drawn[1:]]
    assert ticks[0] == ticks[1] and len(ticks[0]) == 2
    assert all(cell_len(line) <= 80 for line in drawn)
