"""The sitemap lists every page, sorted, after full and incremental builds alike; never a
redirect page at a moved address (proceedings/data/moved.yaml), which is not a page of its own."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

import yaml

from tests.conftest import SERIES_DATA, Site
from tools.proceedings.paths import paper_docname

from .pages import pages

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NOT_LISTED = {"search.html", "genindex.html", "404.html"}  # conf.py: sitemap_excludes


def locations(site: Site) -> list[str]:
    root = ET.fromstring(site.file("sitemap.xml"))
    return [loc.text or "" for loc in root.findall("s:url/s:loc", NS)]


def moved_pages() -> set[str]:
    """The old addresses of moved pages: each a redirect page in the output."""
    moved: dict[str, str] = yaml.safe_load((SERIES_DATA / "moved.yaml").read_text("utf-8"))["moved"]
    return {old for old in moved if old.endswith(".html")}


def base_url(site: Site) -> str:
    """The site's published address, as its home page gives it (html_baseurl)."""
    canonical = site.page("index.html").select_one("link[rel=canonical]")
    assert canonical is not None
    href = str(canonical["href"])
    assert href.endswith("/index.html"), href
    return href.removesuffix("index.html")


def expected(site: Site) -> list[str]:
    """Every page of the output, less the redirect pages and the pages left out on purpose."""
    base, redirects = base_url(site), moved_pages()
    names = [p.relative_to(site.out).as_posix() for p in pages(site.out)]
    assert redirects and redirects <= set(names)  # the redirect pages are in the output ...
    return sorted(base + n for n in names if n not in redirects | NOT_LISTED)  # ... not listed


def test_incremental_build_keeps_every_page(build_site: Callable[..., Site]) -> None:
    first = build_site()
    full = locations(first)
    assert full == sorted(full)
    assert full == expected(first)
    assert any(url.endswith(f"{paper_docname(2025, 'moe-load-balancing')}.html") for url in full)
    assert not any(url.endswith(tuple(NOT_LISTED)) for url in full)
    assert not {base_url(first) + old for old in moved_pages()} & set(full)
    unchanged = build_site()  # nothing changed
    assert locations(unchanged) == full
    index = unchanged.src / "index.md"
    index.write_text(index.read_text("utf-8") + "\n", "utf-8")  # one page changes
    again = build_site()
    assert locations(again) == full == expected(again)
