"""The proceedings and the series as a Sphinx extension; it also serves tools.program."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..render.page import cite
from ..render.page import nodes as page
from ..render.page.stubs import STUB_FILETYPE, STUB_SUFFIX
from ..series import Series
from ..stamp import env_version
from . import clock, directives, garbage_collection, head, mathml, moved, safety, series, sitemap
from .domain import DataBuildError, Doctree, ProceedingsDomain, StateDomain, domain, note_data
from .downloads import note_read_now, write_downloads
from .generate import generate, remove_stale_pages
from .links import PageRefs, resolve_late
from .parser import GeneratedPageParser
from .people import EVENT, PeopleIndex, fill_people

__all__ = [
    "DataBuildError", "Doctree", "StateDomain", "note_data", "series_of", "setup",
]  # fmt: skip


def series_of(env: BuildEnvironment) -> Series:
    return domain(env).series


DIRECTIVES = {
    "proceedings-front-matter": directives.FrontMatter,
    "proceedings-contents": directives.Contents,
    "proceedings-series-downloads": directives.SeriesDownloads,
    "people-index": PeopleIndex,
    "cfp-status": directives.CallStatus,
    "cfp-submission": directives.Submission,
    "cfp-dates": directives.Deadlines,
    "committees": directives.Committees,
    "edition-line": directives.EditionLine,
    "edition-list": directives.EditionList,
    "editions": directives.Editions,
    "news": directives.News,
    "subscribe": directives.Subscribe,
}


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("series_data", "proceedings/data", "env", types=[str])
    # `-D proceedings_data=DIR`: a volume folder built in place of the volume of
    # `proceedings_edition` (0: the latest edition that has one).
    app.add_config_value("proceedings_data", "", "env", types=[str])
    app.add_config_value("proceedings_edition", 0, "env", types=[int])
    app.add_domain(ProceedingsDomain)
    app.add_event(EVENT)
    app.add_source_suffix(STUB_SUFFIX, STUB_FILETYPE)
    app.add_source_parser(GeneratedPageParser)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_transform(PageRefs)
    app.add_transform(directives.CallNotices)
    app.add_node(page.call_notice_pending)
    app.add_node(page.program_part, html=(page.visit_skip, None))
    app.add_node(cite.disclosure, html=(cite.visit_disclosure, cite.depart_disclosure))
    app.add_node(cite.summary, html=(cite.visit_summary, cite.depart_summary))
    app.add_node(cite.wbr, html=(cite.visit_wbr, None))
    app.add_node(cite.file_text, html=(cite.visit_file_text, None))
    app.add_node(page.download_link, html=(page.visit_download_link, page.depart_download_link))
    app.add_node(page.struck, html=(page.visit_struck, page.depart_struck))
    app.connect("builder-inited", generate)
    app.connect("env-before-read-docs", note_read_now, priority=900)
    app.connect("env-updated", write_downloads)
    # The fillers first (people here, the program's talks), then the links they make.
    app.connect("doctree-resolved", fill_people, priority=400)
    app.connect("doctree-resolved", resolve_late, priority=600)
    app.connect("build-finished", remove_stale_pages)
    for part in (clock, garbage_collection, mathml, safety, sitemap, head, moved, series):
        part.setup(app)
    return {
        "version": "4.0",
        # Any change of our code or of a library that shapes the output rebuilds every page.
        "env_version": env_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
