"""Every HTML page through the site's rules (render/html_safety.py): pages are rendered by
Sphinx's own template loader, whose whole pages, theme markup included, pass through
``harden`` (the only point where a page is complete); compiled templates are cached between
builds; and the book theme's print title is escaped."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.theming import Theme

from ..render.html_safety import harden
from ..write import make_folder
from .domain import Doctree

BRIDGE = f"{__name__}.SafeTemplateBridge"
TEMPLATE_CACHE = "jinja-bytecode"  # in the doctree folder
DOCUMENT_RE = re.compile(r"\s*<(?:!doctype|html)\b", re.I)  # a whole page, not a fragment


def escape_page_title(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Doctree
) -> None:
    # sphinx-book-theme 1.4.0 sets pagetitle to the title's plain text and prints it unescaped
    # in its print header (<h1>{{ pagetitle }}</h1>): a paper titled "<script>..." would run.
    title = context.get("pagetitle")
    if isinstance(title, str):
        context["pagetitle"] = escape(title, quote=True)


class SafeTemplateBridge(BuiltinTemplateLoader):
    """Sphinx's own template loader, whose pages pass through ``harden`` once rendered: the only
    point where the whole page, theme markup included, is known."""

    def init(
        self, builder: Builder, theme: Theme | None = None, dirs: list[str] | None = None
    ) -> None:
        super().init(builder, theme, dirs)
        # Compiled templates kept between builds, in jinja's own cache (keyed by template
        # name and source): compiling the theme's templates again took 0.25 s of every build.
        cache = make_folder(Path(builder.doctreedir) / TEMPLATE_CACHE)
        self.environment.bytecode_cache = FileSystemBytecodeCache(str(cache))

    # Sphinx types TemplateBridge.render as returning None; its own loader ignores that too.
    def render(self, template: str, context: dict[str, Any]) -> str:  # type: ignore[override]
        html: str = super().render(template, context)
        # Only whole pages: pydata-sphinx-theme also renders each sidebar template on its own,
        # to see whether it is empty, and throws the result away.
        if not DOCUMENT_RE.match(html):
            return html
        return harden(html)


def use_bridge(app: Sphinx, config: Config) -> None:
    """config-inited: render pages through SafeTemplateBridge (set before Sphinx compares the
    configuration with the last build's, so it never counts as a change)."""
    current = config.template_bridge
    if current and current != BRIDGE:
        raise ExtensionError(
            f"template_bridge is {current!r}: the proceedings extension needs its own "
            f"({BRIDGE}) to add the Content-Security-Policy and rel=noopener"
        )
    config.template_bridge = BRIDGE


def setup(app: Sphinx) -> None:
    app.connect("config-inited", use_bridge)
    # After the book theme's own html-page-context handler (default priority 500).
    app.connect("html-page-context", escape_page_title, priority=900)
