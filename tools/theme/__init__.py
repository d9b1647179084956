"""The site's theme ``inet4ai``: sphinx-book-theme's look, but a page loads only what it uses."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata
from sphinx.writers.html5 import HTML5Translator

# Pages downloaded 2.37 MB, two thirds of it FontAwesome's script for seven icons: icons are
# inline SVG; search, code, copy and tab scripts load only where used; every script deferred.
THEME = "inet4ai"
THEME_DIR = Path(__file__).with_name(THEME)
# First on templates_path (before the themes' components): ours replace theirs by name.
COMPONENTS = THEME_DIR / "components"
STYLESHEET = "inet4ai.css"  # the site's styles, after every extension's (as html_css_files)

# What pydata-sphinx-theme's theme.css @imports, and its own stylesheet: linked first.
BASE_STYLESHEETS = ("basic.css", "styles/pydata-sphinx-theme.css")
# Files that serve only one kind of element, and its markup in the page's body: a page without
# it does not load them (pygments.css acts on Pygments' blocks, sphinx-copybutton on what
# conf.py's copybutton_selector names). Text from the data cannot hold a marker: its quotes
# are escaped.
CODE = ('<div class="highlight">',)
COPIED = (*CODE, '<div class="cite-text"', '<p class="cite-acm-text"')  # copybutton_selector's
NEEDS: dict[str, tuple[str, ...]] = {
    "_static/pygments.css": CODE,
    "_static/copybutton.css": COPIED,
    "_static/clipboard.min.js": COPIED,
    "_static/copybutton.js": COPIED,
    "_static/design-tabs.js": ('class="sd-tab-label"',),
}
# The search page's scripts (layout.html loads them on a page opened from its results).
SEARCH_ONLY = {"_static/doctools.js", "_static/sphinx_highlight.js"}
INLINED = {"_static/documentation_options.js"}  # layout.html writes it into the page
SEARCH_PAGE = "search"
# A page's field (pydata-sphinx-theme's): no secondary sidebar, the page's own contents.
NO_PAGE_TOC = "html_theme.sidebar_secondary.remove"
# 404.md: GitHub Pages serves /404.html at any address it does not have, at any depth.
NOT_FOUND = "404"


def add_components(app: Sphinx, config: Config) -> None:
    """config-inited: our components first on the template path."""
    if config.html_theme == THEME and str(COMPONENTS) not in config.templates_path:
        config.templates_path.insert(0, str(COMPONENTS))


def _needed(filename: str, *, pagename: str, body: str) -> bool:
    if filename in INLINED:
        return False
    if filename in SEARCH_ONLY:
        return pagename == SEARCH_PAGE
    markers = NEEDS.get(filename)
    return markers is None or any(m in body for m in markers)


def prune_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """html-page-context, after the others: only the assets the page uses, each script deferred."""
    if app.config.html_theme != THEME:
        return
    body = context.get("body", "")
    scripts = []
    for js in context.get("script_files", []):
        filename = getattr(js, "filename", None)
        if not filename:  # an inline script: runs where it stands
            scripts.append(js)
        elif _needed(filename, pagename=pagename, body=body):
            # Not the search page's: its template loads Sphinx's search scripts undeferred,
            # and they need doctools.js first.
            scripts.append(js if filename in SEARCH_ONLY else _deferred(js))
    # In place: Sphinx's own lists, which it restores before each page, and which
    # app.add_css_file below appends to.
    context["script_files"][:] = scripts
    context["css_files"][:] = [
        css
        for css in context.get("css_files", [])
        if _needed(getattr(css, "filename", str(css)), pagename=pagename, body=body)
    ]
    # Added for this page only (Sphinx adds a file given in html-page-context to its page), with
    # Sphinx's ?v= checksum; first, as theme.css placed them.
    for priority, name in enumerate(BASE_STYLESHEETS, start=100):
        app.add_css_file(name, priority=priority)


def base_for_not_found(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """html-page-context: the 404 page's addresses from its own place (<base href>, from
    html_baseurl's path), so that they work wherever it is served. First in the head: before
    any element with an address, as HTML requires."""
    if pagename == NOT_FOUND and app.config.html_baseurl:
        root = urlsplit(app.config.html_baseurl).path.rstrip("/")
        href = escape(f"{root}/{app.builder.get_target_uri(pagename)}", quote=True)
        context["metatags"] = f'<base href="{href}" />\n' + context.get("metatags", "")


def _deferred(js: Any) -> Any:
    """The same script, run once the page is parsed (in order, as before)."""
    if "async" in js.attributes or "defer" in js.attributes:
        return js
    return type(js)(js.filename, priority=js.priority, **js.attributes, defer="defer")


class Translator(HTML5Translator):
    """Without docutils' viewport tag: Sphinx's layout writes its own (a page had three)."""

    meta: list[str]  # docutils' head tags, which Sphinx gives the page as its metatags

    def __init__(self, document: nodes.document, builder: Any) -> None:
        super().__init__(document, builder)
        self.meta = [tag for tag in self.meta if 'name="viewport"' not in tag]


def no_page_toc(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """html-page-context, before the theme's: a NO_PAGE_TOC page has no table of contents, in a
    sidebar or printed (the theme parses it to leave it out: 0.8 s of a 1,000-paper build)."""
    if NO_PAGE_TOC in (context.get("meta") or {}):
        context.pop("toc", None)


def share_orphan_sidebars() -> Callable[..., None]:
    """html-page-context: the orphan pages of a folder (paper pages, in no tree) share their
    sidebar's tree, made once a build; the tree grows with the editions. make bench, 20
    editions of 50 papers: a full build 26-27 s instead of 33-35 s."""
    made: dict[str, str] = {}  # this build's, never pickled

    def share(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
              doctree: Any) -> None:  # fmt: skip
        own = context.get("toctree")
        if own is None or "orphan" not in app.env.metadata.get(pagename, {}):
            return

        def toctree(**kwargs: Any) -> str:
            key = repr((posixpath.dirname(pagename), sorted(kwargs.items())))
            if key not in made:
                made[key] = own(**kwargs)
            return made[key]

        context["toctree"] = toctree

    return share


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinx_book_theme")
    app.add_html_theme(THEME, str(THEME_DIR))
    app.add_css_file(STYLESHEET, priority=800)
    app.set_translator("html", Translator)
    app.connect("config-inited", add_components)
    app.connect("html-page-context", prune_assets, priority=900)
    app.connect("html-page-context", base_for_not_found)
    app.connect("html-page-context", no_page_toc, priority=400)
    app.connect("html-page-context", share_orphan_sidebars())
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
