"""The app's watcher and its reading of the files (issue 15, failures 7 and 8): a file made
unreadable and readable again, an edit that keeps size and modification time, a file caught
half-written, and a slow load that never holds the keys (ctrl+c quits at once)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.terminal import base_env, needs_tmux, terminal  # noqa: F401 (a fixture)
from proposals.limits import DEFAULT_LIMITS
from tests.watching import loaded, watch_a_while, watch_until
from tui.app.app import CeasefireApp
from tui.app.session import Snapshot, Watcher, load
from tui.app.widgets.gap_grid import GapGrid
from tui.app.widgets.masthead import Masthead
from tui.app.widgets.problems import ProblemBar
from tui.inputs import Source

SIZE = (120, 40)
CHILD = "CEASEFIRE_TEST_WITHOUT_ROOT_POWERS"


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    for name in ("ukraine.yaml", "russia.yaml"):
        shutil.copy(EXAMPLES / "istanbul-2025-06-02" / name, tmp_path / name)
    return [tmp_path / "ukraine.yaml", tmp_path / "russia.yaml"]


def make_app(files: list[Path]) -> CeasefireApp:
    return CeasefireApp([Source(f, f.name) for f in files], watch=False, blink=False)


def notices(app: CeasefireApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def duration(app: CeasefireApp) -> str | None:
    row = app.comparison.row("ceasefire.duration") if app.comparison else None
    return row.positions["russia"].text if row else None


@pytest.fixture
def elsewhere(request) -> bool:
    """True when the test has run, and passed, in a child process where permission bits
    apply: root reads a file whatever its mode, so as root the test runs again without the
    capabilities that override them (setpriv); the caller then returns at once."""
    if os.name != "posix":
        pytest.skip("permission bits are POSIX")
    if os.geteuid() != 0 or os.environ.get(CHILD):
        return False
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("as root a chmod 000 file is still readable, and setpriv (util-linux) is "
                    "not installed to drop the capabilities that allow it")
    caps = "-dac_override,-dac_read_search"
    done = subprocess.run([setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}",
                           sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           request.node.nodeid], cwd=ROOT, env={**os.environ, CHILD: "1"},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout, done.stdout[-3000:]
    return True


# --- 8: permissions --------------------------------------------------------------------------


async def test_a_file_made_unreadable_is_said_and_the_last_good_comparison_kept(
        files, elsewhere):
    if elsewhere:
        return
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        good = app.comparison
        files[0].chmod(0)  # size and modification time stay as they were
        bar = app.query_one(ProblemBar)
        await watch_until(app, pilot, lambda: bar.has_class("-visible"))
        text = str(bar.render())
        assert "Showing the last good comparison" in text
        assert "ukraine.yaml" in text and "permission denied" in text
        assert app.comparison is good


async def test_a_file_made_readable_again_is_read_without_r(files, elsewhere):
    if elsewhere:
        return
    files[0].chmod(0)
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        bar = app.query_one(ProblemBar)
        assert app.comparison is None and "permission denied" in str(bar.render())
        files[0].chmod(0o644)
        await watch_until(app, pilot, lambda: app.comparison is not None)
        assert not bar.has_class("-visible")  # the stale "permission denied" is gone


async def test_a_repaired_file_reloads_and_names_the_file(files, elsewhere):
    if elsewhere:
        return
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        bar = app.query_one(ProblemBar)
        files[0].chmod(0)
        await watch_until(app, pilot, lambda: bar.has_class("-visible"))
        files[0].chmod(0o644)
        await watch_until(app, pilot, lambda: not bar.has_class("-visible"))
        assert "ukraine.yaml reloaded: no row changed" in notices(app)


# --- 8: contents -----------------------------------------------------------------------------


def same_size_edit(path: Path) -> None:
    """2-3 days → 9-9 days, then the modification time put back as it was."""
    before = path.stat()
    text = path.read_text()
    path.write_text(text.replace("value: 2-3 days", "value: 9-9 days"))
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


async def test_an_edit_that_keeps_size_and_modification_time_is_seen(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        same_size_edit(files[1])
        await watch_until(app, pilot, lambda: duration(app) == "9-9 days")
        assert "russia.yaml reloaded: 1 row changed" in notices(app)


async def test_the_contents_hash_sees_an_edit_no_stat_shows(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        same_size_edit(files[1])
        app.watcher.accept()  # as on a file system whose times do not move
        await watch_a_while(app, pilot)
        assert duration(app) == "2-3 days"
        app.verify_files()  # the app's slow timer
        await watch_until(app, pilot, lambda: duration(app) == "9-9 days")


async def test_a_touch_or_a_chmod_that_changes_nothing_stays_quiet(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        shown = app.snapshot
        os.utime(files[0])
        files[1].chmod(0o600)
        await watch_a_while(app, pilot)
        assert app.snapshot is shown and notices(app) == []


async def test_a_half_written_file_is_not_shown_as_the_current_comparison(files):
    app = make_app(files)
    applied: list[Snapshot] = []
    apply = app.apply
    app.apply = lambda snapshot, *args: (applied.append(snapshot), apply(snapshot, *args))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        rows = len(app.comparison.rows)
        whole = files[1].read_text().replace("value: 2-3 days", "value: 9-9 days")
        cut = whole.index("  political.language_religion:")
        with files[1].open("w") as writer:  # a writer midway: a valid prefix on disk
            writer.write(whole[:cut])
            writer.flush()
            app.poll_files()
            await loaded(app, pilot)
            writer.write(whole[cut:])
        await watch_until(app, pilot, lambda: duration(app) == "9-9 days")
        assert len(app.comparison.rows) == rows
        assert all(len(s.comparison.rows) == rows for s in applied if s.comparison)


def test_the_watcher_reports_a_change_once_the_files_are_still(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("a")
    now = [0.0]
    watcher = Watcher([path], settle=0.15, clock=lambda: now[0])
    path.write_text("ab")
    assert not watcher.changed()  # seen moving
    now[0] = 0.1
    path.write_text("abc")
    assert not watcher.changed()  # moved again: the wait starts over
    now[0] = 0.2
    assert not watcher.changed()
    now[0] = 0.26
    assert watcher.changed()
    assert not watcher.changed()  # once per change
    for change in (lambda: path.chmod(0o600), lambda: os.utime(path, (1, 1))):
        change()
        now[0] += 1
        assert not watcher.changed()
        now[0] += 1
        assert watcher.changed()


def test_a_file_read_is_hashed_as_read(files):
    sources = [Source(f, f.name) for f in files]
    first = load(sources, DEFAULT_LIMITS)
    same_size_edit(files[1])
    second = load(sources, DEFAULT_LIMITS)
    assert first.contents[0] == second.contents[0] and first.contents[1] != second.contents[1]


# --- 7: a slow load --------------------------------------------------------------------------


@pytest.fixture
def slow_load(monkeypatch) -> threading.Event:
    """The app's reading blocks until the event is set (at most 5 s)."""
    release = threading.Event()

    def slow(*args):
        release.wait(5)
        return load(*args)

    monkeypatch.setattr("tui.app.app.load", slow)
    yield release
    release.set()


async def test_a_slow_load_shows_a_loading_state_and_keys_work_meanwhile(files, slow_load):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Reading 2 files" in str(app.query_one(Masthead).render())
        await pilot.press("f")  # answered while the files are read
        assert app.filter_name == "gaps"
        slow_load.set()
        await loaded(app, pilot)
        assert app.comparison is not None
        assert "Reading" not in str(app.query_one(Masthead).render())
        assert app.focused is app.query_one(GapGrid)


@pytest.mark.parametrize("key", ["ctrl+c", "q"])
async def test_the_app_quits_at_once_during_a_slow_load(files, slow_load, key):
    app = make_app(files)
    start = time.monotonic()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
    assert app.return_code == 0
    assert time.monotonic() - start < 3  # not the 5 s the load still takes
    assert not slow_load.is_set()


async def test_ctrl_c_quits_from_the_search_box(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("slash", "x", "ctrl+c")
        await pilot.pause()
    assert app.return_code == 0


@needs_tmux
def test_ctrl_c_quits_at_once_during_a_slow_load_in_a_terminal(terminal, tmp_path):
    from benchmarks.generate import Plan, write

    files = write(Plan(2, 5000, structured=True), tmp_path)  # a few seconds to read
    terminal.start(["view", "--no-watch", *map(str, files)], base_env())
    terminal.wait_for("Reading 2 files")
    terminal.keys("C-c")
    pressed = time.monotonic()
    while terminal.tmux("display-message", "-p", "#{pane_current_command}").strip() != "sleep":
        assert time.monotonic() - pressed < 2, "the app still runs 2 s after ctrl+c"
        time.sleep(0.05)
