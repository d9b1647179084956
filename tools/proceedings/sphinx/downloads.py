"""The citation files of every published paper, each volume and the series, at every build."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..paths import SERIES_STEM, papers_dir, volume_dir
from ..render.citation.files import join_series, join_volume
from ..render.citation.formats import SUFFIXES
from ..write import sync_folder
from .domain import domain


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
            texts.update(state.citation_files(edition.year, paper))
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
