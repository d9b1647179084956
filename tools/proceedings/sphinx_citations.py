"""Citation metadata in each paper page's head (Highwire Press tags for Google Scholar)."""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .render.pages import PAPERS_DIR
from .sphinx_ext_state import loaded


def add_paper_metadata(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    prefix = PAPERS_DIR + "/"
    if not pagename.startswith(prefix):
        return
    proceedings = loaded(app.env).proceedings
    try:
        paper = proceedings.paper(pagename[len(prefix) :])
    except KeyError:
        return
    tags = [("citation_title", paper.title)]
    tags += [("citation_author", a.display_name) for a in paper.authors]
    if paper.doi:
        tags.append(("citation_doi", paper.doi))
    meta = "".join(f'<meta name="{n}" content="{escape(v, quote=True)}">\n' for n, v in tags if v)
    context["metatags"] = context.get("metatags", "") + meta


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", add_paper_metadata)
