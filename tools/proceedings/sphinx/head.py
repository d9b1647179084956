"""Every page's link preview (OpenGraph); paper pages' Highwire tags and JSON-LD; robots.txt."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ..model import Paper, Volume
from ..paths import FEED, edition_of, papers_dir, relative
from ..render.citation import head
from ..render.citation.record import facts
from ..write import write_if_changed
from .domain import Doctree, domain

logger = logging.getLogger(__name__)

ROBOTS = "robots.txt"


def page_paper(app: Sphinx, pagename: str) -> tuple[Paper, Volume] | None:
    """The paper (and its volume) whose page ``pagename`` is, if it is one."""
    year = edition_of(pagename)
    if year is None or not pagename.startswith(papers_dir(year) + "/"):
        return None
    series = domain(app.env).series
    proceedings = series.edition(year).proceedings if series.has(year) else None
    paper_id = pagename.rpartition("/")[2]
    if proceedings is None or not proceedings.has(paper_id):
        return None
    return proceedings.paper(paper_id), proceedings.volume


def absolute(app: Sphinx, url: str | None) -> str | None:
    base: str = app.config.html_baseurl
    return urljoin(base, url) if url and base else url


def add_head_tags(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Doctree
) -> None:
    """html-page-context: every page's OpenGraph tags and news feed; a paper page's description
    and Twitter card, and for a published paper Highwire tags and JSON-LD. Not
    sphinxext-opengraph: it warns on every build without matplotlib (a second to import)."""
    found = page_paper(app, pagename)
    tags = [("description", head.description(*found)), ("twitter:card", "summary")] if found else []
    description = tags[0][1] if tags else None
    html = head.meta_html(tags) + head.meta_html(
        opengraph(app, context, doctree, description, article=bool(found)), attribute="property"
    )
    if found is not None and found[0].is_published:
        record = facts(*found)
        pdf = absolute(app, record.pdf)
        html += head.meta_html(head.highwire_tags(record, pdf_url=pdf))
        # Sphinx's own canonical URL (html_baseurl + page); without a base URL, none.
        page_url: str | None = context.get("pageurl")
        html += head.json_ld_script(head.json_ld(record, page_url=page_url, pdf_url=pdf))
    href = escape(relative(pagename, FEED), quote=True)  # for feed readers to find it
    html += f'<link rel="alternate" type="application/atom+xml" title="News" href="{href}" />\n'
    context["metatags"] = context.get("metatags", "") + html


def opengraph(
    app: Sphinx, context: dict[str, Any], doctree: Doctree, description: str | None, *,
    article: bool,
) -> list[tuple[str, str]]:  # fmt: skip
    """A page's OpenGraph properties; none for a page without content (the search page)."""
    title = doctree.next_node(nodes.title) if doctree is not None else None
    if title is None:
        return []
    meta = context.get("meta") or {}
    text = description or meta.get("og:description") or meta.get("description")
    image = absolute(app, app.config.preview_image)
    return [
        (name, value)
        for name, value in (
            ("og:title", title.astext()),
            ("og:type", "article" if article else "website"),
            ("og:url", context.get("pageurl")),
            ("og:site_name", app.config.html_title),
            ("og:description", text),
            ("og:image", image),
            ("og:image:alt", app.config.html_title if image else None),
        )
        if value
    ]


def sitemap_url(app: Sphinx) -> str | None:
    base: str = app.config.html_baseurl
    if not base or "sphinx_sitemap" not in app.extensions:
        return None
    filename: str = app.config.sitemap_filename or "sitemap.xml"
    return urljoin(base, filename)


def write_robots(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: robots.txt naming the sitemap, unless the site ships its own."""
    if exception is not None or app.builder.format != "html":
        return
    extra: list[str] = app.config.html_extra_path
    if any((Path(app.confdir) / folder / ROBOTS).is_file() for folder in extra):
        return
    data = head.robots_txt(sitemap_url(app)).encode("utf-8")
    if write_if_changed(Path(app.outdir) / ROBOTS, data):
        logger.info("[proceedings] wrote %s", ROBOTS)


def setup(app: Sphinx) -> None:
    # The link preview's image: a path from the site's root (_static/preview.png).
    app.add_config_value("preview_image", "", "html", types=[str])
    app.connect("html-page-context", add_head_tags)
    app.connect("build-finished", write_robots)
