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
    """A paper's citation files: rendered if this build read its page, else as the last build
    wrote them. Sphinx reads a paper's page again when its stub changes, whose digest covers
    the paper and its volume (all that render_paper reads), and every page when the code does
    (env_version): a page not read again has the same files. At 1,000 papers, rendering them
    all was 0.7 s of a 1.9 s no-change rebuild (make bench)."""
    if paper_docname(year, paper.id) in state.read_now:
        return state.citation_files(year, paper)
    folder = out / papers_dir(year)
    try:
        return {name: (folder / name).read_bytes().decode("utf-8")
                for name in (f"{paper.id}{suffix}" for suffix in SUFFIXES)}  # fmt: skip
    except (OSError, UnicodeDecodeError):  # not written yet, or removed: made again
        return state.citation_files(year, paper)


def note_read_now(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """env-before-read-docs, after the others: the pages this build reads (in this process or,
    with -j, in others)."""
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
