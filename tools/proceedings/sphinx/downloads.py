"""The citation files of every published paper, each volume and the series, at every build."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..model import Paper
from ..paths import SERIES_STEM, paper_docname, papers_dir, volume_dir
from ..render.citation.files import join_series, join_volume
from ..render.citation.formats import SUFFIXES
from ..write import sync_folder
from .domain import ProceedingsDomain, domain


def paper_files(state: ProceedingsDomain, out: Path, year: int, paper: Paper) -> dict[str, str]:
    """Rendered if this build reads the paper's page, else as the last build wrote them: Sphinx
    reads it again when its stub's digest (of the paper and volume, all render_paper reads) or
    the code (env_version) changes. make bench, no change at 1,000 papers: 1.9 s -> 1.5 s."""
    if paper_docname(year, paper.id) in state.read_now:
        return state.citation_files(year, paper)
    try:
        return {n: (out / papers_dir(year) / n).read_bytes().decode("utf-8")
                for n in (f"{paper.id}{s}" for s in SUFFIXES)}  # fmt: skip
    except (OSError, UnicodeDecodeError):  # not written yet, or removed: made again
        return state.citation_files(year, paper)


def note_read_now(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """env-before-read-docs, after the others: the pages this build reads (-j: elsewhere)."""
    domain(env).read_now = set(docnames)


def write_downloads(app: Sphinx, env: BuildEnvironment) -> None:
    """env-updated: every citation file the site offers."""
    if app.builder.format != "html":
        return
    state, out = domain(env), Path(app.outdir)
    volumes: list[dict[str, str]] = []
    for edition in state.series.editions:
        if (proceedings := edition.proceedings) is None:
            continue
        texts: dict[str, str] = {}
        for paper in proceedings.published:
            texts.update(paper_files(state, out, edition.year, paper))
        # swap=False: these folders are Sphinx's output, shared with the pages.
        sync_folder(out / papers_dir(edition.year), texts, owned_suffixes=SUFFIXES, swap=False)
        volume = join_volume(proceedings, texts)
        sync_folder(out / volume_dir(edition.year), volume, owned_suffixes=list(volume),
                    swap=False)  # fmt: skip
        if proceedings.published:
            volumes.append(volume)
    series = join_series(volumes)
    folder = out / SERIES_STEM.rpartition("/")[0]
    sync_folder(folder, series, owned_suffixes=list(series), swap=False)
