"""The citation files at stable URLs beside the pages, written once the pages are read (before
the environment is saved, so its record of them is true) and rendered again only where they
changed: the domain keeps a stamp of the code and base URL (a change re-renders everything)
and a digest of each paper; unchanged papers reuse their files, which the volume files are
joined from."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..model import Paper, Proceedings
from ..paths import PAPERS_DIR, VOLUME_DIR
from ..render.citation.files import PAPER_SUFFIXES, join_volume, paper_files
from ..stamp import code_stamp as tools_stamp
from ..stamp import digest
from ..write import remove_unlisted, safe_child, sync_folder, write_atomic
from .domain import DownloadState, domain


def code_stamp(app: Sphinx) -> str:
    """What every citation file depends on besides its paper: the code and the base URL."""
    return digest((app.config.html_baseurl, tools_stamp()))


def paper_stamp(paper: Paper, proceedings: Proceedings) -> str:
    return digest((paper, proceedings.volume))


def _reusable(folder: Path, paper: Paper) -> dict[str, str] | None:
    """The paper's files as written by an earlier build, or None if one is missing."""
    files = {}
    for name in paper_files(paper):
        try:
            files[name] = (folder / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
    return files


def write_downloads(app: Sphinx, env: BuildEnvironment) -> None:
    """env-updated: every published paper's .bib, .ris and .json, and the volume's."""
    if app.builder.format != "html":
        return
    state = domain(env)
    out = Path(app.outdir)
    papers_dir = out / PAPERS_DIR
    code = code_stamp(app)
    before = state.downloads
    old = before.papers if before is not None and before.code == code else {}
    if before is not None and before.data == state.ref.fingerprint and old:
        names = [f"{pid}{suffix}" for pid in old for suffix in PAPER_SUFFIXES]
        if all((papers_dir / name).is_file() for name in names):
            return  # unchanged data and code, files in place: nothing to do (nor to load)
    proceedings = state.proceedings
    stamps: dict[str, str] = {}
    texts: dict[str, str] = {}  # every paper's files, for the volume files
    for paper in proceedings.published:
        stamps[paper.id] = stamp = paper_stamp(paper, proceedings)
        reused = _reusable(papers_dir, paper) if old.get(paper.id) == stamp else None
        if reused is None:
            reused = state.citation_files(paper)
            for name, text in reused.items():
                write_atomic(safe_child(papers_dir, name), text.encode("utf-8"), durable=False)
        texts.update(reused)
    remove_unlisted(papers_dir, texts, suffixes=PAPER_SUFFIXES)  # papers no longer cited
    volume = join_volume(proceedings, texts)
    sync_folder(out / VOLUME_DIR, volume, owned_suffixes=tuple(volume), swap=False)
    state.store_downloads(DownloadState(code, state.ref.fingerprint, stamps))
