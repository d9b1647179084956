"""The citation files at stable URLs beside the pages, written once the pages are read (before
the environment is saved, so its record of them is true) and rendered again only where they
changed: the domain keeps a stamp of the code and base URL (a change re-renders everything)
and each paper's digest and files; an unchanged paper whose files are in place keeps them,
and the volume files are joined from every paper's."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..model import Paper
from ..paths import SERIES_STEM, VOLUME_STEM, papers_dir, volume_dir
from ..render.citation.files import PAPER_SUFFIXES, VOLUME_JOINS, join_volume
from ..series import Edition
from ..stamp import code_stamp as tools_stamp
from ..stamp import digest
from ..write import listing, remove_unlisted, safe_child, sync_folder, write_atomic
from .domain import DownloadState, PaperFiles, ProceedingsDomain, domain


def code_stamp(app: Sphinx) -> str:
    """What every citation file depends on besides its paper: the code and the base URL."""
    return digest((app.config.html_baseurl, tools_stamp()))


def paper_stamp(paper: Paper, volume_stamp: str) -> str:
    """What a paper's files are made of: the paper, and its volume by its own digest (made once
    for the volume, not once per paper)."""
    return digest((paper, volume_stamp))


def _files_in(folder: Path) -> set[str]:
    """The names of the files in ``folder``: one listing, not a stat per file."""
    return {name for name, is_file in listing(folder).items() if is_file}


def _in_place(out: Path, papers: Mapping[str, PaperFiles]) -> bool:
    """Whether every file of ``papers`` is in the output."""
    listed: dict[str, set[str]] = {}
    for key, files in papers.items():
        folder = key.rpartition("/")[0]
        if folder not in listed:
            listed[folder] = _files_in(out / folder)
        if not listed[folder].issuperset(files.texts):
            return False
    return True


def write_downloads(app: Sphinx, env: BuildEnvironment) -> None:
    """env-updated: every published paper's .bib, .ris and .json, each volume's, the series'."""
    if app.builder.format != "html":
        return
    state, out = domain(env), Path(app.outdir)
    code = code_stamp(app)
    before = state.downloads
    old = before.papers if before is not None and before.code == code else {}
    if before is not None and before.data == state.ref.fingerprint and old and _in_place(out, old):
        return  # unchanged data and code, files in place: nothing to do (nor to load)
    series = state.series
    made: dict[str, PaperFiles] = {}
    joined: list[dict[str, str]] = []  # each volume's files, for the series' files
    for edition in series.editions:
        if edition.proceedings is not None:
            texts = _edition_files(state, out, edition, old, made)
            if edition.proceedings.published:
                joined.append(join_volume(edition.proceedings, texts))
    series_files = {
        f"{SERIES_STEM}{suffix}".rpartition("/")[2]: join(
            [v[f"{VOLUME_STEM}{suffix}"] for v in joined]
        )
        for suffix, join in VOLUME_JOINS.items()
    }
    folder = out / SERIES_STEM.rpartition("/")[0]
    sync_folder(folder, series_files, owned_suffixes=tuple(series_files), swap=False)
    state.store_downloads(DownloadState(code, state.ref.fingerprint, made))


def _edition_files(
    state: ProceedingsDomain, out: Path, edition: Edition, old: Mapping[str, PaperFiles],
    made: dict[str, PaperFiles],
) -> dict[str, str]:  # fmt: skip
    """The edition's papers' files (rendered again where they changed) and its volume files;
    returns every paper's files, by name, for the volume's."""
    proceedings = edition.proceedings
    assert proceedings is not None
    year, papers = edition.year, out / papers_dir(edition.year)
    texts: dict[str, str] = {}
    volume_stamp, present = digest(proceedings.volume), _files_in(papers)
    for paper in proceedings.published:
        key = f"{papers_dir(year)}/{paper.id}"
        stamp, before = paper_stamp(paper, volume_stamp), old.get(key)
        if before is not None and before.stamp == stamp and present.issuperset(before.texts):
            files = before.texts
        else:
            files = state.citation_files(year, paper)
            for name, text in files.items():
                write_atomic(safe_child(papers, name), text.encode("utf-8"), durable=False)
        made[key] = PaperFiles(stamp, files)
        texts.update(files)
    remove_unlisted(papers, texts, suffixes=PAPER_SUFFIXES)  # papers no longer cited
    volume = join_volume(proceedings, texts)
    sync_folder(out / volume_dir(year), volume, owned_suffixes=tuple(volume), swap=False)
    return texts
