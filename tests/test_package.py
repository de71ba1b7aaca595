"""The package as pip builds it: the declared setuptools floor builds it from a clean copy,
and the wheel holds the licence, both output schemas and every file the tool reads at run
time, and runs from its own files (README 'Building the package' gives the command)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tui.reports.contracts import CONTRACTS, schema_file

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("proposals", "diffing", "tui")
LEFT_OUT = shutil.ignore_patterns(".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__",
                                  ".pytest_cache", ".hypothesis", "*.pyc")
"""What a fresh clone does not have: a clean copy leaves out what earlier runs left behind."""


def _floor() -> str:
    """The lowest setuptools the build declares (`setuptools>=X`)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^requires = \["setuptools>=([\d.]+)"\]', text, re.M)[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel `pip wheel . --no-deps` builds from a clean copy, with exactly the declared
    setuptools floor in its build environment (fetched first; no registry, no test)."""
    tmp = tmp_path_factory.mktemp("package")
    floor, pinned = _floor(), tmp / "floor"
    fetched = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                              "-d", pinned, f"setuptools=={floor}"],
                             capture_output=True, text=True, timeout=120)
    if fetched.returncode:
        pytest.skip(f"setuptools {floor} cannot be fetched: "
                    f"{(fetched.stderr.strip().splitlines() or ['?'])[-1]}")
    (tmp / "constraints.txt").write_text(f"setuptools=={floor}\n")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=LEFT_OUT)
    only_the_floor = {**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1",
                      "PIP_FIND_LINKS": str(pinned),
                      "PIP_CONSTRAINT": str(tmp / "constraints.txt")}
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-w",
                            tmp / "out"], cwd=source, env=only_the_floor,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    [found] = (tmp / "out").glob("ceasefire-*.whl")
    return found


def test_the_declared_setuptools_floor_builds_a_wheel_with_the_licence(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        [metadata] = [n for n in names if n.endswith(".dist-info/METADATA")]
        fields = archive.read(metadata).decode()
        [licence] = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        text = archive.read(licence).decode()
    assert "License-Expression: MIT" in fields and "License-File: LICENSE" in fields
    assert text.startswith("MIT License") and "ceasefire" in text


def test_the_wheel_holds_both_output_schemas_and_every_file_read_at_run_time(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    schemas = {schema_file(command).relative_to(ROOT).as_posix() for command in CONTRACTS}
    assert len(schemas) == 2 and schemas <= names
    data = {path.relative_to(ROOT).as_posix() for package in PACKAGES
            for path in (ROOT / package).rglob("*")
            if path.is_file() and path.suffix not in (".py", ".pyc")
            and "__pycache__" not in path.parts}
    assert {"proposals/topics.yaml", "tui/app/app.tcss"} <= data
    assert any(name.startswith("proposals/examples/") for name in data)
    assert not data - names
    pages = {f"tui/docs/{page.name}" for page in (ROOT / "docs").glob("*.md")}
    assert "tui/docs/json.md" in pages and pages <= names  # setup.py copies docs/ there


def test_the_installed_wheel_compares_an_example_prints_the_schemas_and_the_docs(wheel,
                                                                                 tmp_path):
    """Its own files, not the checkout's: run from the unpacked wheel, away from the source."""
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    script = f"""
import sys
sys.path.insert(0, {str(unpacked)!r})
import tui
assert tui.__file__.startswith({str(unpacked)!r}), tui.__file__
from tui.cli import main
sys.exit(main(sys.argv[1:]))
"""
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", script, *args], cwd=tmp_path,
                              capture_output=True, text=True, timeout=60)

    compared = run("diff", "--example", "istanbul-2025-06-02", "--format", "json")
    assert compared.returncode == 1, compared.stderr
    assert json.loads(compared.stdout)["format"] == CONTRACTS["diff"]
    for command in CONTRACTS:
        printed = run("schema", "--output-of", command)
        assert printed.returncode == 0, printed.stderr
        assert printed.stdout == schema_file(command).read_text(encoding="utf-8")
    page = run("docs", "json")
    assert page.stdout == (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    listed = run("docs")
    assert listed.returncode == 0 and str(unpacked / "tui" / "docs") in listed.stdout


def test_schema_output_of_prints_the_shipped_schema_of_each_json_contract(capsys):
    from tui.cli import main

    for command, contract in CONTRACTS.items():
        assert main(["schema", "--output-of", command]) == 0
        printed = capsys.readouterr().out
        assert printed == schema_file(command).read_text(encoding="utf-8")
        assert json.loads(printed)["title"].endswith(f"format {contract}")
    assert main(["completion", "bash"]) == 0
    assert "schema:--output-of) words='diff history'" in capsys.readouterr().out
    assert main(["schema"]) == 0  # without it, still the proposal format
    assert json.loads(capsys.readouterr().out)["$id"].startswith("urn:ceasefire:proposal:")


def test_the_readme_build_command_pins_the_declared_floor():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Building the package", 1)[1].split("\n## ", 1)[0]
    assert f"'setuptools=={_floor()}'" in section and "pip wheel . --no-deps" in section
    assert f"lowest setuptools that `pyproject.toml` declares ({_floor()}" in section


def test_docs_lists_every_page_and_prints_one(capsys):
    from tui.cli import main

    assert main(["docs"]) == 0
    listed = capsys.readouterr().out
    for page in (ROOT / "docs").glob("*.md"):
        title = page.read_text(encoding="utf-8").partition("\n")[0].lstrip("# ")
        assert f"{page.stem}  " in listed and title.replace("`", "") in listed
    assert main(["docs", "limits"]) == 0
    assert capsys.readouterr().out == (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")


def test_what_the_package_prints_points_at_no_docs_path_a_pip_install_lacks(capsys):
    from tui.cli import main

    for args in (["schema"], *(["schema", "--output-of", c] for c in CONTRACTS), ["docs"]):
        assert main(args) == 0
        assert "docs/" not in capsys.readouterr().out.replace(str(ROOT / "docs"), ""), args
