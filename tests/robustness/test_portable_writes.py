"""Writing where the system lacks a call or a filesystem refuses it: without os.fchmod
(Windows before Python 3.13), without hard links (FAT, exFAT, some network filesystems).
The guarantees stay: the file is written whole, an existing file is replaced only when
asked, permissions are kept where the filesystem can, and no temporary file is left."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from tui import files


def _refuse(*args, **kwargs):
    raise OSError(errno.EPERM, "Operation not permitted")


def _names(folder) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture(params=["refused", "missing"])
def no_hard_links(request, monkeypatch):
    """os.link refused by the filesystem (EPERM, as vfat answers), or not there at all."""
    if request.param == "refused":
        monkeypatch.setattr(os, "link", _refuse)
    else:
        monkeypatch.delattr(os, "link")


def test_a_new_file_is_written_whole_without_hard_links(tmp_path, no_hard_links):
    target = tmp_path / "draft.yaml"
    files.write_new(target, "party: Ukraine\n")
    assert target.read_text() == "party: Ukraine\n"
    assert _names(tmp_path) == ["draft.yaml"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600


def test_an_existing_file_is_never_replaced_without_hard_links(tmp_path, no_hard_links):
    target = tmp_path / "draft.yaml"
    target.write_text("what the user wrote")
    with pytest.raises(FileExistsError):
        files.write_new(target, "a template")
    assert target.read_text() == "what the user wrote"
    assert _names(tmp_path) == ["draft.yaml"]


def test_a_failed_rename_without_hard_links_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "link", _refuse)
    monkeypatch.setattr(os, "replace", _refuse)
    with pytest.raises(OSError):
        files.write_new(tmp_path / "draft.yaml", "a template")
    assert _names(tmp_path) == []  # neither the reservation nor the temporary file


def test_new_refuses_to_overwrite_on_a_filesystem_without_hard_links(tmp_path, monkeypatch,
                                                                     capsys):
    from tui.cli import main

    monkeypatch.setattr(os, "link", _refuse)
    target = tmp_path / "ukraine.yaml"
    assert main(["new", "--party", "Ukraine", "-o", str(target)]) == 0
    written = target.read_text()
    assert 'party: "Ukraine"' in written
    assert main(["new", "--party", "Russia", "-o", str(target)]) == 2
    assert "exists; nothing written" in capsys.readouterr().err
    assert target.read_text() == written
    assert _names(tmp_path) == ["ukraine.yaml"]


def test_a_replaced_file_keeps_its_permissions_without_fchmod(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "fchmod")
    target = tmp_path / "report.md"
    target.write_text("the previous report")
    target.chmod(0o640)
    files.write_atomically(target, "the new report")
    assert target.read_text() == "the new report"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _names(tmp_path) == ["report.md"]


def test_a_file_is_still_written_where_permissions_cannot_be_set(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "fchmod", _refuse)
    monkeypatch.setattr(os, "chmod", _refuse)
    files.write_atomically(tmp_path / "report.md", "the report")
    files.write_new(tmp_path / "draft.yaml", "a template")
    assert (tmp_path / "report.md").read_text() == "the report"
    assert (tmp_path / "draft.yaml").read_text() == "a template"
    assert _names(tmp_path) == ["draft.yaml", "report.md"]
