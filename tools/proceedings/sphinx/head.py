"""Paper pages' <head>: Highwire tags, JSON-LD, link-preview text; robots.txt for the site."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from sphinx.application import Sphinx
from sphinx.util import logging

from ..model import Paper, Volume
from ..paths import FEED, edition_of, papers_dir, relative
from ..render.citation import head
from ..render.citation.record import facts
from ..write import write_if_changed
from .domain import Doctree, domain

logger = logging.getLogger(__name__)

# sphinxext-opengraph writes its tags at the default priority (500): the description and
# og:type go before it, so that it takes them instead of adding a second one; the Twitter card
# after it, so that it is added only if opengraph did not add one. The Highwire tags and
# JSON-LD go after it too: opengraph, and the card's check, read every tag already in
# `metatags` with an HTML parser, and the citation tags made that 3% of a full build.
BEFORE_OPENGRAPH, AFTER_OPENGRAPH = 400, 600
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


def add_description(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Doctree
) -> None:
    """A paper page's description (also OpenGraph's) and og:type."""
    found = page_paper(app, pagename)
    if found is None:
        return
    text = head.description(*found)
    # OpenGraph reads per-page overrides from the page metadata and writes them as they are
    # (its own descriptions it escapes first): give it escaped text. A copy keeps the
    # environment's own metadata (which is pickled) unchanged.
    context["meta"] = {
        **(context.get("meta") or {}),
        "og:description": escape(text, quote=True),
        "og:type": "article",
    }
    context["metatags"] = context.get("metatags", "") + head.meta_html([("description", text)])


def add_citation_tags(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Doctree
) -> None:
    """A paper page's Twitter card, unless opengraph wrote one; for a cited paper Highwire
    tags and JSON-LD."""
    found = page_paper(app, pagename)
    if found is None:
        return
    html: str = context.get("metatags", "")
    if "twitter:card" not in head.meta_names(html):
        html += head.meta_html([("twitter:card", "summary")])
    paper, volume = found
    if paper.is_published:
        record = facts(paper, volume)
        pdf = absolute(app, record.pdf)
        html += head.meta_html(head.highwire_tags(record, pdf_url=pdf))
        # Sphinx's own canonical URL (html_baseurl + page); without a base URL, none.
        page_url: str | None = context.get("pageurl")
        html += head.json_ld_script(head.json_ld(record, page_url=page_url, pdf_url=pdf))
    context["metatags"] = html


def add_feed_link(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Doctree
) -> None:
    """Every page names the news feed, for feed readers to find it."""
    href = escape(relative(pagename, FEED), quote=True)
    link = f'<link rel="alternate" type="application/atom+xml" title="News" href="{href}" />\n'
    context["metatags"] = context.get("metatags", "") + link


def sitemap_url(app: Sphinx) -> str | None:
    base: str = app.config.html_baseurl
    if not base or "sphinx_sitemap" not in app.extensions:
        return None
    filename: str = app.config.sitemap_filename or "sitemap.xml"
    return urljoin(base, filename)


def write_robots(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: robots.txt at the output root, naming the sitemap; a robots.txt the
    site ships itself (html_extra_path) is left alone."""
    if exception is not None or app.builder.format != "html":
        return
    extra: list[str] = app.config.html_extra_path
    if any((Path(app.confdir) / folder / ROBOTS).is_file() for folder in extra):
        return
    data = head.robots_txt(sitemap_url(app)).encode("utf-8")
    if write_if_changed(Path(app.outdir) / ROBOTS, data):
        logger.info("[proceedings] wrote %s", ROBOTS)


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", add_description, priority=BEFORE_OPENGRAPH)
    app.connect("html-page-context", add_citation_tags, priority=AFTER_OPENGRAPH)
    app.connect("html-page-context", add_feed_link)
    app.connect("build-finished", write_robots)
