"""Sphinx extension: load the proceedings data when the build starts, generate one stub page per
paper, and render pages from the data through directives of ours."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import html_safety, mathml, render, sitemap, sphinx_citations
from .errors import DataError, Severity
from .load import Loaded, fingerprint, input_files, load
from .render import doctree
from .render.downloads import (
    PAPER_SUFFIXES,
    VOLUME_DIR,
    paper_downloads,
    paper_files,
    volume_downloads,
)
from .render.pages import PAPERS_DIR, stub_name
from .sphinx_ext_state import ENV_KEY, ProceedingsDataError, data_dir, loaded, store
from .write import sync_folder, write_atomic, write_pages

logger = logging.getLogger(__name__)


def generate(app: Sphinx) -> None:
    """builder-inited: validate everything, then write the stubs that changed."""
    folder = data_dir(app)
    previous: Loaded | None = getattr(app.env, ENV_KEY, None)
    stubs = Path(app.srcdir) / PAPERS_DIR
    if previous is not None and previous.fingerprint == fingerprint(input_files(folder)):
        # Unchanged data (the env pickle keeps it): skip parsing, unless stubs went missing.
        expected = {stub_name(p.id) for p in previous.proceedings.papers}
        if stubs.is_dir() and expected <= {p.name for p in stubs.iterdir()}:
            logger.info("[proceedings] data unchanged: %d papers", len(previous.proceedings.papers))
            return
    try:
        result = load(folder)
    except DataError as exc:
        for problem in exc.problems:  # one clear line each, before Sphinx's error report
            if problem.severity is Severity.ERROR:
                logger.error("[proceedings] %s", problem)
        raise ProceedingsDataError(str(exc)) from None
    store(app.env, result)
    for problem in result.incomplete:
        logger.info("[proceedings] incomplete: %s", problem)
    report = write_pages(result.proceedings, stubs)
    logger.info("[proceedings] %d papers: %s", len(result.proceedings.papers), report.summary())


class DataDirective(SphinxDirective):
    """Base of the directives that render from the loaded data."""

    def note_data_dependency(self) -> None:
        for path in loaded(self.env).files:
            self.env.note_dependency(str(path))


class PaperPage(DataDirective):
    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"digest": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        proceedings = loaded(self.env).proceedings
        try:
            paper = proceedings.paper(self.arguments[0])
        except KeyError:
            raise self.error(f"unknown paper id {self.arguments[0]!r}") from None
        return doctree.paper_body(proceedings, paper, self.env.docname)


class FrontMatter(DataDirective):
    def run(self) -> list[nodes.Node]:
        self.note_data_dependency()
        return doctree.front_matter(loaded(self.env).proceedings, self.env.docname)


class Contents(DataDirective):
    def run(self) -> list[nodes.Node]:
        self.note_data_dependency()
        return doctree.contents(loaded(self.env).proceedings)


class AuthorIndex(DataDirective):
    def run(self) -> list[nodes.Node]:
        self.note_data_dependency()
        return doctree.author_index(loaded(self.env).proceedings)


def downloads_stamp(app: Sphinx, fingerprint: str) -> str:
    """What the citation files depend on: the data, the base URL and the renderers' code."""
    digest = hashlib.sha256(f"{fingerprint}\0{app.config.html_baseurl}".encode())
    for module in sorted(Path(render.__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()


def write_downloads(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: citation files at stable URLs beside the pages; stale pages removed."""
    if exception is not None or app.builder.format != "html":
        return
    result = loaded(app.env)
    proceedings = result.proceedings
    out = Path(app.outdir)
    stamp_file = Path(app.doctreedir) / "proceedings-downloads.stamp"
    stamp = downloads_stamp(app, result.fingerprint)
    expected = [out / PAPERS_DIR / n for p in proceedings.papers for n in paper_files(p)]
    if (
        stamp_file.is_file()
        and stamp_file.read_text() == stamp
        and all(map(Path.is_file, expected))
    ):
        return  # a rebuild with unchanged data: rendering 3 files a paper again is the cost
    sync_folder(
        out / PAPERS_DIR, paper_downloads(proceedings), owned_suffixes=PAPER_SUFFIXES, swap=False
    )
    volume_files = volume_downloads(proceedings)
    sync_folder(out / VOLUME_DIR, volume_files, owned_suffixes=tuple(volume_files), swap=False)
    pages = {f"{p.id}.html" for p in proceedings.papers}
    for page in (out / PAPERS_DIR).glob("*.html"):
        if page.name not in pages:
            page.unlink()
    write_atomic(stamp_file, stamp.encode())


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("proceedings_data", "proceedings/data", "env", types=[str])
    app.connect("builder-inited", generate)
    app.connect("build-finished", write_downloads)
    app.add_directive("paper-page", PaperPage)
    app.add_directive("proceedings-front-matter", FrontMatter)
    app.add_directive("proceedings-contents", Contents)
    app.add_directive("proceedings-authors", AuthorIndex)
    mathml.setup(app)
    html_safety.setup(app)
    sitemap.setup(app)
    sphinx_citations.setup(app)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
