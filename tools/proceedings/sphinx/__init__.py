"""The proceedings and the series as a Sphinx extension (``tools.proceedings.sphinx`` in
conf.py): the only package of the proceedings that imports Sphinx. It also offers the program
extension what it needs of the build: the loaded series and its files, the error that stops a
build, the base of a Domain that holds build state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..render.page.cite import (
    depart_disclosure,
    depart_summary,
    disclosure,
    summary,
    visit_disclosure,
    visit_summary,
)
from ..render.page.nodes import (
    call_notice_pending,
    depart_download_link,
    depart_struck,
    download_link,
    program_part,
    struck,
    visit_download_link,
    visit_skip,
    visit_struck,
)
from ..render.page.stubs import STUB_FILETYPE, STUB_SUFFIX
from ..series import Series
from ..stamp import env_version
from . import clock, head, mathml, moved, safety, series, sitemap
from .directives import (
    CallNotices,
    CallStatus,
    Committees,
    Contents,
    Deadlines,
    EditionLine,
    EditionList,
    Editions,
    FrontMatter,
    News,
    SeriesDownloads,
    Submission,
    Subscribe,
)
from .domain import DataBuildError, Doctree, ProceedingsDomain, StateDomain, domain
from .downloads import write_downloads
from .generate import generate, remove_stale_pages
from .links import PageRefs, resolve_late
from .parser import GeneratedPageParser
from .people import EVENT, PeopleIndex, add_edition_nav, fill_people

__all__ = [
    "DataBuildError", "Doctree", "StateDomain", "data_files", "series_of", "setup",
]  # fmt: skip


def series_of(env: BuildEnvironment) -> Series:
    """The validated series of this build."""
    return domain(env).series


def data_files(
    env: BuildEnvironment, year: int | None = None, *, volume: bool = True
) -> tuple[Path, ...]:
    """The files an edition's data (or, for None, the whole series) was read from: a page that
    shows the data depends on them; without ``volume``, series.yaml and edition.yaml only."""
    ref = domain(env).ref
    if year is None:
        return ref.all_files
    return ref.shown_by([year], volume=volume)


DIRECTIVES = {
    "proceedings-front-matter": FrontMatter,
    "proceedings-contents": Contents,
    "proceedings-series-downloads": SeriesDownloads,
    "people-index": PeopleIndex,
    "cfp-status": CallStatus,
    "cfp-submission": Submission,
    "cfp-dates": Deadlines,
    "committees": Committees,
    "edition-line": EditionLine,
    "edition-list": EditionList,
    "editions": Editions,
    "news": News,
    "subscribe": Subscribe,
}


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("series_data", "proceedings/data", "env", types=[str])
    # A volume folder to build in place of the volume of `proceedings_edition` (0: the latest
    # edition that has one): `-D proceedings_data=DIR`.
    app.add_config_value("proceedings_data", "", "env", types=[str])
    app.add_config_value("proceedings_edition", 0, "env", types=[int])
    app.add_domain(ProceedingsDomain)
    app.add_event(EVENT)
    app.add_source_suffix(STUB_SUFFIX, STUB_FILETYPE)
    app.add_source_parser(GeneratedPageParser)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_transform(PageRefs)
    app.add_transform(CallNotices)
    app.add_node(call_notice_pending)
    app.add_node(program_part, html=(visit_skip, None))
    app.add_node(disclosure, html=(visit_disclosure, depart_disclosure))
    app.add_node(summary, html=(visit_summary, depart_summary))
    app.add_node(download_link, html=(visit_download_link, depart_download_link))
    app.add_node(struck, html=(visit_struck, depart_struck))
    app.connect("builder-inited", generate)
    app.connect("doctree-read", add_edition_nav)
    app.connect("env-updated", write_downloads)
    # The fillers first (people here, the program's talks), then the links they make.
    app.connect("doctree-resolved", fill_people, priority=400)
    app.connect("doctree-resolved", resolve_late, priority=600)
    app.connect("build-finished", remove_stale_pages)
    for part in (clock, mathml, safety, sitemap, head, moved, series):
        part.setup(app)
    return {
        "version": "4.0",
        # Any change of our code or of a library that shapes the output rebuilds every page.
        "env_version": env_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
