"""The parser of the generated pages: a stub (a paper id and a digest) becomes the page."""

from __future__ import annotations

from docutils import nodes
from sphinx.parsers import Parser

from ...theme import NO_PAGE_TOC
from ..errors import Warn
from ..paths import edition_of, papers_dir
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
        kind, key = read_stub(inputstring) or ("", "")
        year = edition_of(docname)
        body: list[nodes.Node] | None = None
        if kind == "paper" and year is not None and docname == f"{papers_dir(year)}/{key}":
            proceedings = state.edition(year).proceedings if state.series.has(year) else None
            if proceedings is not None and proceedings.has(key):
                paper = proceedings.paper(key)
                files = state.citation_files(year, paper)
                body = paper_body(proceedings, year, paper, docname, files)
        if body is None:
            what = f"unknown {kind} {key!r}" if kind else "not a generated page"
            warn(
                Warn.STUB,
                f"[proceedings] {env.doc2path(docname)} is not a page of the data ({what}): "
                "pages in proceedings/<year>/papers are generated from proceedings/data at each "
                "build, do not edit them",
                docname,
            )
            return
        # As docinfo, which MetadataCollector reads and removes: orphans (out of the navigation
        # tree, which keeps a build linear in the papers); no "On this page" sidebar (a paper
        # has two sections, and the Cite link beside its title), as the theme's field says.
        fields = [nodes.field("", nodes.field_name("", name), nodes.field_body())
                  for name in ("orphan", NO_PAGE_TOC)]  # fmt: skip
        document += nodes.docinfo("", *fields)
        document.extend(body)
