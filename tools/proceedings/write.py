"""The only code that touches disk: writes changed files, removes stale ones."""

from __future__ import annotations

import os
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


def safe_child(root: Path, name: str) -> Path:
    """root/name, refusing any name that would leave root (an id is never a path)."""
    if not name or any(c in name for c in "/\\\0") or name.startswith(".") or ".." in name:
        raise UnsafeIdError(name)
    path = root / name
    if path.resolve().parent != root.resolve():
        raise UnsafeIdError(name)
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sync_folder(
    root: Path,
    files: Mapping[str, str | bytes],
    *,
    owned_suffixes: Iterable[str],
) -> WriteReport:
    """Make ``root`` hold exactly ``files`` among names with ``owned_suffixes``.

    Unchanged files are not touched, so their mtimes (and Sphinx's incremental build) hold.
    """
    report = WriteReport()
    targets = {name: safe_child(root, name) for name in files}  # check every name first
    root.mkdir(parents=True, exist_ok=True)
    for name in sorted(files):
        content = files[name]
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = targets[name]
        if path.is_file() and path.read_bytes() == data:
            report.unchanged.append(name)
            continue
        write_atomic(path, data)
        report.written.append(name)
    suffixes = tuple(owned_suffixes)
    for path in sorted(root.iterdir()):
        if path.is_file() and path.name.endswith(suffixes) and path.name not in files:
            path.unlink()
            report.removed.append(path.name)
    return report
