"""Shared fixtures: where the shared corpora live, and example files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
YAML_SUITE = SHARED / "corpora" / "yaml-test-suite"
EXAMPLES = ROOT / "proposals" / "examples"


@pytest.fixture(scope="session")
def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*/*.yaml"))


@pytest.fixture(autouse=True)
def config_home(tmp_path_factory, monkeypatch) -> Path:
    """Every test's own empty config directory: the app never reads or writes the real
    user's settings, and no test sees what another remembered."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture
def snap_compare(snap_compare):
    """pytest-textual-snapshot's, taking the picture once the files are read (the app reads
    them off the UI thread) and any `run_before` has run."""
    from tests.watching import loaded

    def compare(app, run_before=None, **options) -> bool:
        async def read_first(pilot) -> None:
            await loaded(pilot.app, pilot)
            if run_before is not None:
                await run_before(pilot)

        return snap_compare(app, run_before=read_first, **options)

    return compare
