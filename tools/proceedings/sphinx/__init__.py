"""The proceedings as a Sphinx extension (``tools.proceedings.sphinx`` in conf.py): the only
package of the proceedings that imports Sphinx. It also offers the program extension what it
needs of the build: the loaded data and the data files, the error that stops a build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..model import Proceedings
from ..render.page.lists import paper_list, visit_paper_list_html
from ..render.page.nodes import depart_download_link, download_link, visit_download_link
from ..render.page.stubs import STUB_FILETYPE, STUB_SUFFIX
from ..stamp import env_version
from . import head, mathml, safety, sitemap, speedups, tabs
from .directives import AuthorIndex, Contents, FrontMatter
from .domain import DataBuildError, Doctree, ProceedingsDomain, StateDomain, domain
from .downloads import write_downloads
from .generate import generate, remove_stale_pages
from .links import PageRefs, resolve_lists
from .parser import GeneratedPageParser

__all__ = [
    "DataBuildError", "Doctree", "StateDomain", "data_files", "data_fingerprint",
    "proceedings_of", "setup",
]  # fmt: skip


def proceedings_of(env: BuildEnvironment) -> Proceedings:
    """The validated data of this build."""
    return domain(env).proceedings


def data_files(env: BuildEnvironment) -> tuple[Path, ...]:
    """Every file the data was read from: a page that shows the data depends on them."""
    return domain(env).ref.files


def data_fingerprint(env: BuildEnvironment) -> str:
    """A hash of the data files' bytes: equal fingerprints, equal data."""
    return domain(env).ref.fingerprint


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("proceedings_data", "proceedings/data", "env", types=[str])
    # From this many listed papers (summed over authors), the author index gets a page a
    # letter (see render/page/authors.is_split).
    app.add_config_value("proceedings_author_pages_from", 1000, "env", types=[int])
    app.add_domain(ProceedingsDomain)
    app.add_source_suffix(STUB_SUFFIX, STUB_FILETYPE)
    app.add_source_parser(GeneratedPageParser)
    app.add_directive("proceedings-front-matter", FrontMatter)
    app.add_directive("proceedings-contents", Contents)
    app.add_directive("proceedings-authors", AuthorIndex)
    app.add_transform(PageRefs)
    app.connect("doctree-resolved", resolve_lists)
    app.add_node(paper_list, html=(visit_paper_list_html, None))
    app.add_node(download_link, html=(visit_download_link, depart_download_link))
    app.connect("builder-inited", generate)
    app.connect("env-updated", write_downloads)
    app.connect("build-finished", remove_stale_pages)
    for part in (mathml, safety, speedups, tabs, sitemap, head):
        part.setup(app)
    return {
        "version": "3.0",
        # Any change of our code or of a library that shapes the output rebuilds every page.
        "env_version": env_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
