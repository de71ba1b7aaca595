"""`x`: the report of what is shown, in the format the name asks for, never over a file
without asking, under a default name that is free."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_app import SIZE, files, make_app, settle  # noqa: F401 (a fixture)
from tui.app.screens.export import ExportScreen, free_name, target


async def export(app, pilot, *keys: str, name: str | None = None) -> None:
    """Open the export screen, press `keys` (the format list), type `name` over the
    proposed one (or keep it), and press Enter."""
    await pilot.press("x")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    await pilot.press(*keys)
    if name is not None:
        app.screen.query_one("#export-name").value = name
        app.screen.query_one("#export-name").focus()
        await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_the_suffix_decides_the_format_not_the_list(files, tmp_path):
    app = make_app(files, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await export(app, pilot, name=str(tmp_path / "r.json"))  # the list says markdown
        data = json.loads((tmp_path / "r.json").read_text())
        assert data["format"] == "ceasefire-diff/2"
        await export(app, pilot, name=str(tmp_path / "r.html"))
        assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
        await export(app, pilot, "down", "down", "enter", name=str(tmp_path / "notes"))
        assert (tmp_path / "notes").read_text().startswith("<!DOCTYPE html>")  # no suffix


async def test_a_folder_gets_the_default_name_inside_it(files, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    app = make_app(files, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await export(app, pilot, name=str(folder))
        assert [p.name for p in folder.iterdir()] == ["ceasefire-report.md"]
        assert not isinstance(app.screen, ExportScreen)


async def test_exporting_twice_takes_the_next_free_name(files, tmp_path):
    app = make_app(files, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f", "f")  # conflicts only
        await export(app, pilot, "down", "down", "enter")  # html
        first = (tmp_path / "ceasefire-report.html").read_text()
        assert first.startswith("<!DOCTYPE html>") and "one-sided</td>" not in first
        await export(app, pilot, "down", "down", "enter")
        assert (tmp_path / "ceasefire-report-2.html").exists()
        assert not isinstance(app.screen, ExportScreen)
        await export(app, pilot, "enter")  # markdown
        await export(app, pilot, "enter")
        assert sorted(p.name for p in tmp_path.glob("*.md")) == [
            "ceasefire-report-2.md", "ceasefire-report.md"]
        assert (tmp_path / "ceasefire-report.html").read_text() == first


async def test_a_users_file_is_replaced_only_when_asked_twice(files, tmp_path):
    mine = tmp_path / "mine.md"
    mine.write_text("my notes\n")
    app = make_app(files, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await export(app, pilot, name=str(mine))
        assert isinstance(app.screen, ExportScreen)
        assert "exists" in str(app.screen.query_one("#export-error").render())
        assert mine.read_text() == "my notes\n"
        await pilot.press("enter")  # asked, and confirmed
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert mine.read_text().startswith("# ")


@pytest.mark.parametrize("typed, expected", [
    ("r.json", ("r.json", "json")), ("r.HTM", ("r.HTM", "html")), ("r.txt", ("r.txt", "text")),
    ("r", ("r", "markdown")), ("r.yaml", ("r.yaml", "markdown")),
])
def test_target_reads_the_format_from_the_suffix(typed, expected, tmp_path):
    path, report_format = target(str(tmp_path / typed), "markdown")
    assert (path.name, report_format) == expected


def test_free_name_counts_up(tmp_path):
    assert free_name(tmp_path, "json").name == "ceasefire-report.json"
    (tmp_path / "ceasefire-report.json").write_text("{}")
    (tmp_path / "ceasefire-report-2.json").write_text("{}")
    assert free_name(tmp_path, "json").name == "ceasefire-report-3.json"
    assert free_name(Path(tmp_path), "markdown").name == "ceasefire-report.md"


async def test_a_proposal_compared_is_never_replaced_even_when_asked_twice(files, tmp_path):
    before = files[0].read_bytes()
    app = make_app(files, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await export(app, pilot, name=str(files[0]))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "never writes it" in str(app.screen.query_one("#export-error").render())
    assert files[0].read_bytes() == before
