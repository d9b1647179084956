"""Guards against markup injection through page titles in theme templates."""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


def escape_page_title(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    # sphinx-book-theme 1.4.0 sets pagetitle to the title's plain text and prints it unescaped
    # in its print header (<h1>{{ pagetitle }}</h1>): a paper titled "<script>..." would run.
    title = context.get("pagetitle")
    if isinstance(title, str):
        context["pagetitle"] = escape(title, quote=True)


def setup(app: Sphinx) -> None:
    # After the book theme's own html-page-context handler (default priority 500).
    app.connect("html-page-context", escape_page_title, priority=900)
