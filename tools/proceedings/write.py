"""WRITE: the only module that writes or deletes files, atomically and only when they change."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UnsafeIdError


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        written, unchanged, removed = len(self.written), len(self.unchanged), len(self.removed)
        return f"{written} pages written, {unchanged} unchanged, {removed} removed"


def safe_child(root: Path, name: str) -> Path:
    """root/name, refusing any name that would leave root (an id is never a path)."""
    if not name or any(c in name for c in "/\\\0") or name.startswith(".") or ".." in name:
        raise UnsafeIdError(name)
    path = root / name
    if path.is_symlink():  # one lstat; resolve() takes one per folder of the path
        raise UnsafeIdError(name)
    return path


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write to a temporary file beside ``path``, then rename: readers never see half a file.
    ``durable`` flushes it to disk first (data files); build output can be made again."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644  # mkstemp would give 0600
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        Path(tmp).chmod(mode)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _plan(root: Path, files: Mapping[str, bytes], suffixes: tuple[str, ...]) -> WriteReport:
    report = WriteReport()
    listed = listing(root)
    for name in sorted(files):
        same = listed.get(name, False) and (root / name).read_bytes() == files[name]
        (report.unchanged if same else report.written).append(name)
    report.removed = sorted(
        name for name, is_file in listed.items()
        if is_file and name.endswith(suffixes) and name not in files
    )  # fmt: skip
    return report


def listing(folder: Path) -> dict[str, bool]:
    """Each name in ``folder`` -> whether it is a file, without a stat per file."""
    if not folder.is_dir():
        return {}
    with os.scandir(folder) as entries:
        return {e.name: e.is_file() for e in entries}


def _recover(root: Path) -> None:
    """Finish or undo a swap that a killed run left half done."""
    old = root.with_name(root.name + ".old")
    if old.is_dir() and not root.exists():
        old.rename(root)
    elif old.is_dir():
        shutil.rmtree(old)
    for stale in root.parent.glob(f".{root.name}.new-*"):
        shutil.rmtree(stale, ignore_errors=True)


def sync_folder(
    root: Path,
    files: Mapping[str, str | bytes],
    *,
    owned_suffixes: Iterable[str],
    swap: bool = True,
) -> WriteReport:
    """Make ``root`` hold exactly ``files`` among names with ``owned_suffixes``: staged beside
    it and swapped in with two renames, so a killed run leaves the old set or the new, never a
    mix; unchanged files are hard-linked with their mtimes, so Sphinx's incremental build holds.
    ``swap=False`` (a folder shared with others, Sphinx's output): each file replaced alone."""
    for name in files:
        safe_child(root, name)  # check every name before touching anything
    data = {n: c.encode("utf-8") if isinstance(c, str) else c for n, c in files.items()}
    root.parent.mkdir(parents=True, exist_ok=True)
    _recover(root)
    report = _plan(root, data, tuple(owned_suffixes))
    if not report.written and not report.removed:
        return report
    if not swap:
        for name in report.written:
            write_atomic(root / name, data[name], durable=False)
        for name in report.removed:
            (root / name).unlink()
        return report
    stage = Path(tempfile.mkdtemp(dir=root.parent, prefix=f".{root.name}.new-"))
    try:
        if root.is_dir():
            for path in root.iterdir():  # keep files we do not own (and unchanged ones)
                if path.name in report.removed or path.name in report.written:
                    continue
                if path.is_dir():
                    shutil.copytree(path, stage / path.name, copy_function=_link_or_copy)
                else:
                    _link_or_copy(str(path), str(stage / path.name))
        for name in report.written:
            (stage / name).write_bytes(data[name])
        _swap(stage, root)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return report


def _link_or_copy(src: str, dest: str) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def _swap(stage: Path, root: Path) -> None:
    stage.chmod(0o755)
    if not root.exists():
        stage.rename(root)
        return
    old = root.with_name(root.name + ".old")
    root.rename(old)
    stage.rename(root)
    shutil.rmtree(old)


def write_if_changed(path: Path, data: bytes, *, durable: bool = False) -> bool:
    """Replace ``path`` with ``data`` unless it holds it already; True if it was written."""
    if path.is_file() and path.read_bytes() == data:
        return False
    write_atomic(path, data, durable=durable)
    return True


def remove_unlisted(folder: Path, keep: Iterable[str], *, suffixes: tuple[str, ...]) -> list[str]:
    """Delete the files of ``folder`` with ``suffixes`` not named in ``keep``; an emptied folder
    goes too."""
    if not folder.is_dir():
        return []
    kept, listed = set(keep), listing(folder)
    owned = (n for n, is_file in sorted(listed.items()) if is_file and n.endswith(suffixes))
    removed = [n for n in owned if n not in kept]
    for name in removed:
        (folder / name).unlink()
    if len(removed) == len(listed):
        folder.rmdir()
    return removed


def make_folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
