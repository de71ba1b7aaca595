"""A save is read at once where the system says a file was saved whole (Linux inotify,
`tui/app/saves.py`), and a file still open for writing is never read on that word (issue
12: from a save to the repainted grid within 150 ms; issue 15: never shown half-written)."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.watching import loaded
from tui.app.app import CeasefireApp
from tui.app.saves import Saves
from tui.app.session import Watcher
from tui.inputs import Source

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the system's word on saves is Linux's inotify")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("ukraine.yaml", "russia.yaml"):
        shutil.copy(EXAMPLES / "istanbul-2025-06-02" / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def saves(folder: Path):
    opened = Saves.watch([folder / "ukraine.yaml", folder / "russia.yaml"])
    assert opened is not None
    yield opened
    opened.close()


def test_a_write_closed_is_a_save(folder, saves):
    assert not saves.saved()  # nothing yet
    (folder / "russia.yaml").write_text("changed")
    assert saves.saved()
    assert not saves.saved()  # said once


def test_a_file_open_for_writing_is_not_saved_until_closed(folder, saves):
    with (folder / "russia.yaml").open("w") as writer:
        writer.write("half")
        writer.flush()
        assert not saves.saved()
        writer.write(" and the rest")
    assert saves.saved()


def test_no_save_while_another_watched_file_is_half_written(folder, saves):
    with (folder / "ukraine.yaml").open("w") as writer:
        writer.write("half")
        writer.flush()
        (folder / "russia.yaml").write_text("whole")
        assert not saves.saved()  # ukraine.yaml is still being written
    assert saves.saved()


def test_a_rename_into_place_is_a_save(folder, saves):
    temporary = folder / ".russia.yaml.swp"
    temporary.write_text("the editor's new text")
    assert not saves.saved()  # not a watched name
    os.replace(temporary, folder / "russia.yaml")
    assert saves.saved()


def test_other_files_in_the_folder_say_nothing(folder, saves):
    (folder / "notes.txt").write_text("x")
    with (folder / "other.yaml").open("w") as writer:
        writer.write("x")
    assert not saves.saved()


def test_a_deletion_is_left_to_the_poll(folder, saves):
    (folder / "russia.yaml").unlink()
    assert not saves.saved()


def test_a_file_named_through_a_link_is_watched_where_it_lies(tmp_path, folder):
    link = tmp_path / "elsewhere"
    link.mkdir()
    (link / "russia.yaml").symlink_to(folder / "russia.yaml")
    saves = Saves.watch([link / "russia.yaml"])
    assert saves is not None
    try:
        (folder / "russia.yaml").write_text("through the link")
        assert saves.saved()
    finally:
        saves.close()


def test_the_watcher_reports_a_save_without_waiting_for_stillness(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("a")
    now = [0.0]
    watcher = Watcher([path], settle=60, clock=lambda: now[0])
    watcher.saved()
    assert not watcher.changed()  # the word alone, with nothing changed, reports nothing
    path.write_text("ab")
    assert not watcher.changed()  # the earlier word is spent: this change waits
    watcher.saved()
    assert watcher.changed()
    assert not watcher.changed()


def russia(app: CeasefireApp) -> str | None:
    row = app.comparison.row("ceasefire.duration") if app.comparison else None
    return row.positions["russia"].text if row else None


async def until(pilot, holds, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if holds():
            return True
        await pilot.pause(0.01)
    return holds()


async def test_the_app_reads_a_save_at_once_and_never_a_file_still_open(folder, monkeypatch):
    # no wait for stillness could explain a reading: only the word on saves can
    monkeypatch.setattr("tui.app.app.SETTLE_WITH_EVENTS", 3600)
    path = folder / "russia.yaml"
    app = CeasefireApp([Source(folder / "ukraine.yaml", "ukraine.yaml"), Source(path, "russia.yaml")],
                       watch=True, blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        assert app.saves is not None
        rows = len(app.comparison.rows)
        text = path.read_text()
        whole = text.replace("value: 2-3 days", "value: 9-9 days")
        cut = whole.index("  political.language_religion:")
        with path.open("w") as writer:  # a valid prefix on disk, the file still open
            writer.write(whole[:cut])
            writer.flush()
            assert not await until(pilot, lambda: russia(app) == "9-9 days", seconds=0.5)
            writer.write(whole[cut:])
        assert await until(pilot, lambda: russia(app) == "9-9 days")
        assert len(app.comparison.rows) == rows
        path.write_text(text)  # a second save, read as the first
        assert await until(pilot, lambda: russia(app) == "2-3 days")
