"""The parser of the generated pages: it reads a stub (a paper id or an author-index letter,
and a digest) and builds the page from the data. These pages are orphans, linked from the
contents and the author index and not listed in the site's navigation tree, which keeps a
build's cost linear in the number of papers."""

from __future__ import annotations

from docutils import nodes
from sphinx.parsers import Parser

from ..errors import Warn
from ..paths import AUTHORS_DIR, PAPERS_DIR
from ..render.page.authors import letter_page
from ..render.page.paper import paper_body
from ..render.page.stubs import STUB_FILETYPE, read_stub
from .domain import domain
from .logs import warn


class GeneratedPageParser(Parser):
    supported = (STUB_FILETYPE,)

    def parse(self, inputstring: str, document: nodes.document) -> None:
        env = document.settings.env
        docname: str = env.current_document.docname
        state = domain(env)
        proceedings = state.proceedings
        kind, key = read_stub(inputstring) or ("", "")
        body: list[nodes.Node] | None = None
        if kind == "paper" and docname.startswith(PAPERS_DIR + "/"):
            if proceedings.has(key):
                paper = proceedings.paper(key)
                body = paper_body(proceedings, paper, docname, state.citation_files(paper))
        elif kind == "authors" and docname.startswith(AUTHORS_DIR + "/"):
            body = letter_page(proceedings, key)
        if body is None:
            what = f"unknown {kind} {key!r}" if kind else "not a generated page"
            warn(
                Warn.STUB,
                f"[proceedings] {env.doc2path(docname)} is not a page of the data ({what}): "
                f"pages in {PAPERS_DIR} and {AUTHORS_DIR} are generated from proceedings/data "
                "at each build, do not edit them",
                docname,
            )
            return
        # Page metadata as a document's docinfo (MetadataCollector reads it and removes it).
        orphan = nodes.field("", nodes.field_name("", "orphan"), nodes.field_body())
        document += nodes.docinfo("", orphan)
        document.extend(body)
