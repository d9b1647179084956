"""The citation files beside the pages (build-finished), rendered again only where they changed.

A state file in the doctree folder records what the files were made from: the code (stamp.py)
and the base URL (a change re-renders everything), and a digest of each paper and the volume.
A rebuild renders the papers whose digest changed and reuses the other papers' files, which
the volume files are joined from.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx

from .model import Paper, Proceedings
from .render.downloads import (
    PAPER_SUFFIXES,
    VOLUME_DIR,
    join_volume,
    paper_files,
    render_paper,
)
from .render.pages import PAPERS_DIR, digest
from .sphinx_ext_state import data_ref, loaded
from .stamp import code_stamp as tools_stamp
from .write import safe_child, sync_folder, write_atomic

STATE_FILE = "proceedings-downloads.json"


def code_stamp(app: Sphinx) -> str:
    """What every citation file depends on besides its paper: the code and the base URL."""
    return digest((app.config.html_baseurl, tools_stamp()))


def paper_stamp(paper: Paper, proceedings: Proceedings) -> str:
    return digest((paper, proceedings.volume))


def _read_state(path: Path) -> dict[str, object]:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _reusable(folder: Path, paper: Paper) -> dict[str, str] | None:
    """The paper's files as written by an earlier build, or None if one is missing."""
    files = {}
    for name in paper_files(paper):
        try:
            files[name] = (folder / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
    return files


def write_downloads(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: citation files at stable URLs beside the pages; stale pages removed."""
    if exception is not None or app.builder.format != "html":
        return
    ref = data_ref(app.env)
    out = Path(app.outdir)
    papers_dir = out / PAPERS_DIR
    state_path = Path(app.doctreedir) / STATE_FILE
    before = _read_state(state_path)
    code = code_stamp(app)
    old_stamps = before.get("papers") if before.get("code") == code else None
    if not isinstance(old_stamps, dict):
        old_stamps = {}
    if before.get("data") == ref.fingerprint and old_stamps:
        names = [f"{pid}{suffix}" for pid in old_stamps for suffix in PAPER_SUFFIXES]
        if all((papers_dir / name).is_file() for name in names):
            return  # unchanged data and code, files in place: nothing to do (nor to load)
    proceedings = loaded(app.env).proceedings
    stamps: dict[str, str] = {}
    texts: dict[str, str] = {}  # every paper's files, for the volume files
    for paper in proceedings.published:
        stamps[paper.id] = stamp = paper_stamp(paper, proceedings)
        reused = _reusable(papers_dir, paper) if old_stamps.get(paper.id) == stamp else None
        if reused is None:
            reused = render_paper(paper, proceedings.volume)
            for name, text in reused.items():
                write_atomic(safe_child(papers_dir, name), text.encode("utf-8"), durable=False)
        texts.update(reused)
    for path in papers_dir.iterdir():
        if path.name.endswith(PAPER_SUFFIXES) and path.name not in texts:
            path.unlink()  # the files of a paper no longer cited
    volume_files = join_volume(proceedings, texts)
    sync_folder(out / VOLUME_DIR, volume_files, owned_suffixes=tuple(volume_files), swap=False)
    state = {"code": code, "data": ref.fingerprint, "papers": stamps}
    write_atomic(state_path, json.dumps(state, sort_keys=True).encode(), durable=False)
