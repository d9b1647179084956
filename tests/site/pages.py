"""What the hostile-input tests read from built pages: element skeletons and site-wide rules."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from tests.conftest import Site

NOT_PAGES = {"_static", "_sources", "_images", "_downloads"}
# webcal: the series calendar's subscribe link (made from the base URL, never from the data).
SCHEMES = {"http", "https", "mailto", "webcal"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href")
# The inline scripts the theme writes on every page; anything else would have come from data.
THEME_SCRIPTS = (
    "DOCUMENTATION_OPTIONS.pagename = '",
    "DOCUMENTATION_OPTIONS.search_as_you_type = ",
    'document.documentElement.dataset.mode = localStorage.getItem("mode")',
    "// Activate the search field on page load",
    "const DOCUMENTATION_OPTIONS = {",  # Sphinx's documentation_options.js (tools/theme)
    "// Marks the words a search found",  # tools/theme/inet4ai/layout.html
)
# A program page that refers to no paper, for builds from fabricated data.
NO_PROGRAM = {"program/2025/index.md": "# Program\n\nExample site: no program.\n"}
PAPER = "proceedings/2025/papers/{}.html"


def text(node: object) -> str:
    return " ".join(str(getattr(node, "get_text")()).split())  # noqa: B009


def skeleton(node: Tag) -> list[tuple[str, tuple[str, ...]]]:
    """Elements in document order, each with its attribute names: no text, no values."""
    return [(el.name, tuple(sorted(el.attrs))) for el in [node, *node.find_all(True)]]


def pages(out: Path) -> Iterator[Path]:
    for path in sorted(out.rglob("*.html")):
        if not NOT_PAGES & set(path.relative_to(out).parts):
            yield path


def inline_scripts(page: BeautifulSoup) -> list[Tag]:
    return [s for s in page.find_all("script") if not s.get("src")]


def check_page_rules(page: BeautifulSoup, name: str) -> None:
    """What no data may ever produce anywhere: event handlers, other URL schemes, scripts."""
    for el in page.find_all(True):
        handlers = [a for a in el.attrs if a.lower().startswith("on")]
        assert not handlers, (name, el.name, handlers)
        for attribute in URL_ATTRIBUTES:
            value = el.get(attribute)
            if isinstance(value, str) and value.strip():
                scheme = urlsplit(value.strip()).scheme.lower()
                assert not scheme or scheme in SCHEMES, (name, el.name, value)
    for script in inline_scripts(page):
        body = script.get_text()
        if script.get("type") == "application/ld+json":
            assert "<" not in body, name
            json.loads(body)
        else:
            assert body.strip().startswith(THEME_SCRIPTS), (name, body[:80])


def check_site_rules(site: Site) -> None:
    for path in pages(site.out):
        name = str(path.relative_to(site.out))
        check_page_rules(BeautifulSoup(path.read_text(encoding="utf-8"), "lxml"), name)
