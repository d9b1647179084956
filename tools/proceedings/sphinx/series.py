"""The site's title, logo, footer and copyright from series.yaml, and its news feed."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from ..errors import Problems
from ..load import edition_folders
from ..paths import FEED
from ..render.feed import feed
from ..sources.series_files import read_series
from ..write import write_if_changed
from .domain import domain

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


def setup(app: Sphinx) -> None:
    app.connect("config-inited", site_settings)
    app.connect("env-updated", write_feed)
