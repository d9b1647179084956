"""The site's title, logo, footer and copyright from series.yaml, the way between editions on
every page, and the news feed."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from ..errors import Problems
from ..load import edition_folders
from ..paths import FEED
from ..render.feed import feed
from ..render.page.editions import edition_nav
from ..render.page.stubs import STUB_SUFFIX
from ..sources.series_files import read_series
from ..write import write_if_changed
from .domain import domain, note_data
from .links import page_uri

SERIES_FILE = "series.yaml"


def site_settings(app: Sphinx, config: Config) -> None:
    """config-inited: the settings that name the series (errors are reported by the load)."""
    root = (Path(app.confdir) / config.series_data).resolve()
    series = read_series(root / SERIES_FILE, Problems())
    if series is None:
        return
    name = series.short_name
    config.html_title = name
    years = [year for year, _ in edition_folders(root)] or [0]
    span = f"{years[0]}" if years[0] == years[-1] else f"{years[0]}\N{EN DASH}{years[-1]}"
    config.copyright = f"{span}, {name} organizers"
    options: dict[str, Any] = config.html_theme_options
    logo = options.setdefault("logo", {})
    logo["text"] = name
    logo["alt_text"] = f"{name} home"
    contacts = ", ".join(
        f"<a href='mailto:{escape(email, quote=True)}'>{escape(email)}</a> ({escape(label)})"
        for label, email in series.contacts
    )
    options["extra_footer"] = (
        f"<p>{escape(name)}: the {escape(series.name)}, a workshop series initiated in the "
        f"realm of the Internet Research Task Force (IRTF).<br>Contact: {contacts}.</p>"
    )


def write_feed(app: Sphinx, env: BuildEnvironment) -> None:
    """env-updated: the news of every edition, at atom.xml."""
    if app.builder.format != "html":
        return
    base: str = app.config.html_baseurl or "http://localhost/"
    home = app.builder.get_target_uri(app.config.root_doc)
    write_if_changed(Path(app.outdir) / FEED, feed(domain(env).series, base, home))


def note_editions_shown(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: every page shows the editions (edition_nav_context); a generated page's
    stub says so by its digest (a dependency on series.yaml would read every paper again)."""
    if app.env.doc2path(app.env.docname).suffix != STUB_SUFFIX:
        note_data(app.env, (), volume=False)


def edition_nav_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """html-page-context: the way between editions, links from this page, for the theme's
    page.html (as chrome: in each doctree, it cost every page a cross-reference an edition)."""
    if doctree is None:  # search, genindex: no content, no way between editions
        return
    strong, parts = edition_nav(domain(app.env).series, pagename)
    links = [
        (p, None) if isinstance(p, str) else (p[1], page_uri(app, pagename, p[0])) for p in parts
    ]
    context["edition_nav"] = {"strong": strong, "parts": links}


def setup(app: Sphinx) -> None:
    app.connect("config-inited", site_settings)
    app.connect("doctree-read", note_editions_shown)
    app.connect("html-page-context", edition_nav_context)
    app.connect("env-updated", write_feed)
