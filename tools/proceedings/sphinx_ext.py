"""Sphinx extension: load the proceedings data when the build starts, generate one stub page per
paper, and render pages from the data through a parser and directives of ours."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import CONFIG_OK
from sphinx.parsers import Parser
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import (
    design_tabs,
    highlighting,
    html_safety,
    mathml,
    navigation,
    sitemap,
    sphinx_citations,
    sphinx_lists,
    template_bridge,
)
from .errors import DataError, Severity
from .load import fingerprint, input_files, load
from .render import doctree
from .render.pages import (
    AUTHORS_DIR,
    GENERATED_DIRS,
    PAPERS_DIR,
    STUB_FILETYPE,
    STUB_SUFFIX,
    read_stub,
    stub_name,
)
from .sphinx_downloads import write_downloads
from .sphinx_ext_state import (
    ProceedingsDataError,
    data_dir,
    data_ref,
    loaded,
    previous_ref,
    store,
)
from .stamp import env_version
from .write import write_author_pages, write_pages

logger = logging.getLogger(__name__)


def generate(app: Sphinx) -> None:
    """builder-inited: validate everything, then write the stubs that changed."""
    folder = data_dir(app)
    previous = previous_ref(app.env)
    site = Path(app.srcdir)
    if (
        previous is not None
        and app.env.config_status == CONFIG_OK  # e.g. proceedings_author_pages_from
        and previous.fingerprint == fingerprint(input_files(folder))
    ):
        # Unchanged data and settings: nothing to parse or write, unless stubs went missing.
        stubs = previous.generated
        if stubs and all((site / name).is_file() for name in stubs):
            logger.info("[proceedings] data unchanged: %d generated pages", len(stubs))
            return
    try:
        result = load(folder)
    except DataError as exc:
        for problem in exc.problems:  # one clear line each, before Sphinx's error report
            if problem.severity is Severity.ERROR:
                logger.error("[proceedings] %s", problem)
        raise ProceedingsDataError(str(exc)) from None
    for problem in result.incomplete:
        logger.info("[proceedings] incomplete: %s", problem)
    proceedings = result.proceedings
    report = write_pages(proceedings, site / PAPERS_DIR)
    split_from: int = app.config.proceedings_author_pages_from
    letters = write_author_pages(proceedings, site / AUTHORS_DIR, split_from=split_from)
    generated = [f"{PAPERS_DIR}/{stub_name(p.id)}" for p in proceedings.papers]
    generated += [f"{AUTHORS_DIR}/{name}" for name in letters.written + letters.unchanged]
    store(app.env, folder, result, generated=frozenset(generated))
    logger.info("[proceedings] %d papers: %s", len(proceedings.papers), report.summary())


class GeneratedPageParser(Parser):
    """Reads a generated stub (a paper id or an author-index letter, and a digest) and builds
    the page from the data. These pages are orphans: linked from the contents and the author
    index, not listed in the site's navigation tree, which keeps a build's cost linear in the
    number of papers."""

    supported = (STUB_FILETYPE,)

    def parse(self, inputstring: str, document: nodes.document) -> None:
        env = document.settings.env
        docname: str = env.current_document.docname
        proceedings = loaded(env).proceedings
        kind, key = read_stub(inputstring) or ("", "")
        body: list[nodes.Node] | None = None
        if kind == "paper" and docname.startswith(PAPERS_DIR + "/"):
            if proceedings.has(key):
                body = doctree.paper_body(proceedings, proceedings.paper(key), docname)
        elif kind == "authors" and docname.startswith(AUTHORS_DIR + "/"):
            body = doctree.author_letter_page(proceedings, key)
        if body is None:
            logger.warning(
                "[proceedings] %s is not a page of the data (%s): pages in %s and %s are "
                "generated from proceedings/data at each build, do not edit them",
                env.doc2path(docname),
                f"unknown {kind} {key!r}" if kind else "not a generated page",
                PAPERS_DIR,
                AUTHORS_DIR,
                location=docname,
                type="proceedings",
                subtype="stub",
            )
            return
        # Page metadata as a document's docinfo (MetadataCollector reads it and removes it).
        orphan = nodes.field("", nodes.field_name("", "orphan"), nodes.field_body())
        document += nodes.docinfo("", orphan)
        document.extend(body)


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: Sphinx leaves the HTML of a removed document in place; a generated page
    whose paper (or letter) left the data must go."""
    if exception is not None or app.builder.format != "html":
        return
    for folder in GENERATED_DIRS:
        out = Path(app.outdir) / folder
        if not out.is_dir():
            continue
        for page in out.glob("*.html"):
            if f"{folder}/{page.stem}" not in app.env.found_docs:
                page.unlink()
        if not any(out.iterdir()):
            out.rmdir()  # the author index is one page again


class DataDirective(SphinxDirective):
    """Base of the directives that render from the loaded data."""

    def note_data_dependency(self) -> None:
        for path in data_ref(self.env).files:
            self.env.note_dependency(str(path))


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
        split_from: int = self.config.proceedings_author_pages_from
        return doctree.author_index(loaded(self.env).proceedings, split_from=split_from)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("proceedings_data", "proceedings/data", "env", types=[str])
    # From this many listed papers (summed over authors), the author index gets a page a
    # letter (see render/author_pages.is_split).
    app.add_config_value("proceedings_author_pages_from", 1000, "env", types=[int])
    app.add_source_suffix(STUB_SUFFIX, STUB_FILETYPE)
    app.add_source_parser(GeneratedPageParser)
    app.connect("builder-inited", generate)
    app.connect("build-finished", write_downloads)
    app.connect("build-finished", remove_stale_pages)
    app.add_directive("proceedings-front-matter", FrontMatter)
    app.add_directive("proceedings-contents", Contents)
    app.add_directive("proceedings-authors", AuthorIndex)
    mathml.setup(app)
    html_safety.setup(app)
    template_bridge.setup(app)
    navigation.setup(app)
    highlighting.setup(app)
    sphinx_lists.setup(app)
    sitemap.setup(app)
    sphinx_citations.setup(app)
    design_tabs.setup(app)
    return {
        "version": "2.1",
        # Any change of our code or of a library that shapes the output rebuilds every page.
        "env_version": env_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
