"""Every HTML page through the site's rules (render/html_safety.py), theme markup included."""

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
    """Sphinx's own template loader, whose pages pass through ``harden``: the only point where
    a whole page, theme markup included, is known."""

    def init(
        self, builder: Builder, theme: Theme | None = None, dirs: list[str] | None = None
    ) -> None:
        super().init(builder, theme, dirs)
        # Compiling the theme's templates took 0.25 s of every build; jinja's cache keys them
        # by name and source.
        cache = make_folder(Path(builder.doctreedir) / TEMPLATE_CACHE)
        self.environment.bytecode_cache = FileSystemBytecodeCache(str(cache))

    # Sphinx types TemplateBridge.render as returning None; its own loader ignores that too.
    def render(self, template: str, context: dict[str, Any]) -> str:  # type: ignore[override]
        html: str = super().render(template, context)
        # Whole pages only: pydata-sphinx-theme also renders each sidebar template alone to see
        # whether it is empty.
        return harden(html) if DOCUMENT_RE.match(html) else html


def use_bridge(app: Sphinx, config: Config) -> None:
    """config-inited: before Sphinx compares configurations, so it is never a change."""
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
