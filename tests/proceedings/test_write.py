"""write.py: the only code that touches disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tools.proceedings.errors import UnsafeIdError
from tools.proceedings.write import sync_folder


def test_sync_writes_changed_keeps_unchanged_and_removes_stale(tmp_path: Path) -> None:
    root = tmp_path / "out"
    sync_folder(root, {"a.md": "A", "b.md": "B"}, owned_suffixes=[".md"])
    (root / "notes.txt").write_text("not ours")
    os.utime(root / "a.md", (1_000_000, 1_000_000))
    report = sync_folder(root, {"a.md": "A", "c.md": "C"}, owned_suffixes=[".md"])
    assert (report.written, report.unchanged, report.removed) == (["c.md"], ["a.md"], ["b.md"])
    assert sorted(p.name for p in root.iterdir()) == ["a.md", "c.md", "notes.txt"]
    assert (root / "a.md").stat().st_mtime == 1_000_000  # untouched: Sphinx will not re-read it
    assert not list(tmp_path.glob(".out.*")) and not (tmp_path / "out.old").exists()


@pytest.mark.parametrize("name", ["../x.md", "/tmp/x.md", "a/b.md", ".hidden", "..", "x\0.md", ""])
def test_unsafe_names_write_nothing(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsafeIdError):
        sync_folder(tmp_path / "out", {"ok.md": "fine", name: "evil"}, owned_suffixes=[".md"])
    assert not (tmp_path / "out").exists()


def test_a_half_done_swap_is_recovered(tmp_path: Path) -> None:
    root = tmp_path / "out"
    sync_folder(root, {"a.md": "A"}, owned_suffixes=[".md"])
    root.rename(tmp_path / "out.old")  # as if killed between the two renames
    (tmp_path / ".out.new-x").mkdir()
    report = sync_folder(root, {"a.md": "A"}, owned_suffixes=[".md"])
    assert report.unchanged == ["a.md"]
    assert (root / "a.md").read_text() == "A"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
