"""The site's template loader: Sphinx's own, whose whole pages pass through html_safety.harden
(the only point where a page, theme markup included, is complete), with compiled templates
cached between builds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.theming import Theme
from sphinx.util import logging

from .html_safety import FONTAWESOME_JS, fontawesome_css_hash, harden

logger = logging.getLogger(__name__)

BRIDGE = f"{__name__}.SafeTemplateBridge"
TEMPLATE_CACHE = "jinja-bytecode"  # in the doctree folder
DOCUMENT_RE = re.compile(r"\s*<(?:!doctype|html)\b", re.I)  # a whole page, not a fragment


class SafeTemplateBridge(BuiltinTemplateLoader):
    """Sphinx's own template loader, whose pages pass through ``harden`` once rendered: the only
    point where the whole page, theme markup included, is known."""

    def init(
        self, builder: Builder, theme: Theme | None = None, dirs: list[str] | None = None
    ) -> None:
        super().init(builder, theme, dirs)
        # Compiled templates kept between builds, in jinja's own cache (keyed by template
        # name and source): compiling the theme's templates again took 0.25 s of every build.
        cache = Path(builder.doctreedir) / TEMPLATE_CACHE
        cache.mkdir(parents=True, exist_ok=True)
        self.environment.bytecode_cache = FileSystemBytecodeCache(str(cache))

    # Sphinx types TemplateBridge.render as returning None; its own loader ignores that too.
    def render(self, template: str, context: dict[str, Any]) -> str:  # type: ignore[override]
        html: str = super().render(template, context)
        # Only whole pages: pydata-sphinx-theme also renders each sidebar template on its own,
        # to see whether it is empty, and throws the result away.
        return harden(html) if DOCUMENT_RE.match(html) else html


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
    if fontawesome_css_hash() is None:
        logger.warning(
            "[proceedings] FontAwesome's stylesheet was not found in %s: its icons will be "
            "unstyled under the Content-Security-Policy",
            FONTAWESOME_JS,
            type="proceedings",
            subtype="csp",
        )


def setup(app: Sphinx) -> None:
    app.connect("config-inited", use_bridge)
