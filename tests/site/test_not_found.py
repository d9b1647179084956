"""The 404 page (404.md), which GitHub Pages serves at any address it does not have: it works
at any depth (its addresses resolve from the site's root, <base href>), leads to each section
of the site and to search, and stays out of search engines and the sitemap."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

from tests.conftest import Site

BASE = "https://irtf-net4ai.github.io/inet4ai/"
# Where a reader may meet the page: addresses the site does not have, at several depths.
MISSING = ["nothing.html", "proceedings/2031/papers/gone.html", "a/b/c/d/"]


def test_the_page_resolves_its_addresses_from_the_site_root(site: Site) -> None:
    page = site.page("404.html")
    head = page.head
    assert head is not None
    bases = head.find_all("base")
    assert [b["href"] for b in bases] == [urlsplit(BASE).path + "404.html"]
    # Before anything whose address it resolves.
    order = head.find_all(True)
    with_urls = [i for i, el in enumerate(order) if el.name in ("link", "script", "img")]
    assert order.index(bases[0]) < min(with_urls)
    for missing in MISSING:
        reader_at = urljoin(BASE, missing)
        base = urljoin(reader_at, str(bases[0]["href"]))
        for el in page.select("link[rel=stylesheet], script[src], img[src], a[href]"):
            url = urljoin(base, str(el.get("href") or el.get("src")))
            if not url.startswith(BASE):
                continue  # another site
            path = PurePosixPath(urlsplit(url).path.removeprefix(urlsplit(BASE).path))
            assert (site.out / path).is_file(), (missing, str(el)[:120])


def test_the_page_leads_to_every_section_and_search(site: Site) -> None:
    article = site.page("404.html").select_one("article")
    assert article is not None
    links = {str(a["href"]).split("#")[0] for a in article.select("a[href]")}
    assert {
        "cfp/index.html",
        "program/index.html",
        "proceedings/index.html",
        "search.html",
        "index.html",
    } <= links
    assert article.h1 is not None and "not found" in article.h1.get_text()


def test_the_page_is_not_indexed(site: Site) -> None:
    page = site.page("404.html")
    assert page.select_one('meta[name="robots"][content="noindex"]') is not None
    assert "404.html" not in site.file("sitemap.xml")
