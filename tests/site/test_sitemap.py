"""The sitemap lists every page, sorted, after full and incremental builds alike."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from tests.conftest import Site

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(site: Site) -> list[str]:
    root = ET.fromstring(site.file("sitemap.xml"))
    return [loc.text or "" for loc in root.findall("s:url/s:loc", NS)]


def test_incremental_build_keeps_every_page(build_site: Callable[..., Site]) -> None:
    full = locations(build_site())
    assert full == sorted(full)
    assert any(url.endswith("proceedings/papers/moe-load-balancing.html") for url in full)
    assert not any(url.endswith(("search.html", "genindex.html")) for url in full)
    index = build_site().src / "index.md"
    index.write_text(index.read_text("utf-8") + "\n", "utf-8")  # one page changes
    assert locations(build_site()) == full
