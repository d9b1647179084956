"""The Content-Security-Policy meta tag and rel="noopener" (render/html_safety.py),
checked on every page of the real site with an HTML parser independent of the one that wrote
them, and on small pages made up for the edge cases. Every page is every HTML file of the
output: the redirect pages at moved addresses (sphinx/moved.py) too, which hold none of the
theme's styles and so get a stricter policy."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from tests.conftest import SERIES_DATA, Site
from tools.proceedings.render.html_safety import (
    harden,
    is_external,
    scan_page,
    sha256_source,
)

from .pages import inline_scripts, pages

RUNS = {None, "", "text/javascript", "module"}
COLUMN_WIDTH = re.compile(r"^width: \d+(\.\d+)?%$")


def policy_of(page: BeautifulSoup) -> dict[str, list[str]]:
    metas = page.select('meta[http-equiv="Content-Security-Policy"]')
    assert len(metas) == 1
    content = metas[0]["content"]
    assert isinstance(content, str)
    return {
        name: sources for name, *sources in (d.split() for d in content.split(";") if d.strip())
    }


def moved_pages() -> frozenset[str]:
    """The old addresses of moved pages (moved.yaml): a redirect page each."""
    moved: dict[str, str] = yaml.safe_load((SERIES_DATA / "moved.yaml").read_text("utf-8"))["moved"]
    return frozenset(old for old in moved if old.endswith(".html"))


REDIRECTS = moved_pages()


def site_pages(site: Site) -> list[tuple[str, BeautifulSoup]]:
    found = [
        (p.relative_to(site.out).as_posix(), BeautifulSoup(p.read_text(encoding="utf-8"), "lxml"))
        for p in pages(site.out)
    ]
    assert {name for name, _ in found} >= REDIRECTS  # the redirect pages are checked too
    return found


def is_redirect(name: str, page: BeautifulSoup) -> bool:
    moved = name in REDIRECTS
    assert moved == (page.title is not None and page.title.get_text() == "This page moved"), name
    return moved


def test_every_page_has_a_policy_before_anything_it_governs(site: Site) -> None:
    for name, page in site_pages(site):
        head = page.head
        assert isinstance(head, Tag), name
        first = head.find(["script", "style", "link", "meta"])
        assert isinstance(first, Tag) and first.get("charset"), name
        after = first.find_next(["script", "style", "link", "meta"])
        assert isinstance(after, Tag) and after.get("http-equiv") == "Content-Security-Policy"


def test_the_policy_allows_only_the_site_and_the_page_s_own_inline_code(site: Site) -> None:
    for name, page in site_pages(site):
        policy = policy_of(page)
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
        for directive, sources in policy.items():
            assert not [s for s in sources if "://" in s or s == "*"], (name, directive)
        scripts = policy["script-src"]
        assert scripts[0] == "'self'" and all(s.startswith("'sha256-") for s in scripts[1:])
        ran = {sha256_source(s.get_text()) for s in inline_scripts(page) if s.get("type") in RUNS}
        assert ran == set(scripts[1:]), name  # every inline script, and nothing else
        styles = {sha256_source(s.get_text()) for s in page.find_all("style")}
        if is_redirect(name, page):  # no stylesheet at all
            assert not page.select("style, link[rel=stylesheet]") and len(ran) == 1, name
        # No script inserts a style at run time (the theme draws no icon with FontAwesome's).
        assert set(policy["style-src"]) == {"'self'", *styles}, name
        assert policy["style-src-attr"] == ["'unsafe-inline'"]  # why: see html_safety.policy
        for el in page.select("[style]"):  # and only docutils' column widths use it
            assert el.name == "col" and COLUMN_WIDTH.match(str(el["style"])), (name, el)


def test_scripts_styles_and_images_come_from_the_site(site: Site) -> None:
    for name, page in site_pages(site):
        for el in page.select("script[src], link[href], img[src], iframe, object, embed"):
            url = str(el.get("src") or el.get("href") or "")
            if el.name == "link" and el.get("rel") == ["canonical"]:
                continue  # the page's own address, not a resource
            assert url and "://" not in url and not url.startswith("//"), (name, str(el)[:120])


def test_every_external_link_has_noopener(site: Site) -> None:
    seen = 0
    for name, page in site_pages(site):
        for link in page.select("a[href]"):
            if is_external(str(link["href"])):
                seen += 1
                assert "noopener" in (link.get("rel") or []), (name, str(link)[:160])
    assert seen >= 10  # DOIs, ORCIDs, the theme's and the footer's links


def test_the_fast_scan_agrees_with_an_html_parser(site: Site) -> None:
    """html_safety reads the page with one regular expression; BeautifulSoup must agree."""
    for path in pages(site.out):
        html = path.read_text(encoding="utf-8")
        page = BeautifulSoup(html, "lxml")
        scan = scan_page(html)
        parsed = [s.get_text() for s in inline_scripts(page) if s.get("type") in RUNS]
        assert scan.scripts == parsed, path
        assert scan.styles == [s.get_text() for s in page.find_all("style")], path


# Made-up pages for the edge cases --------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8" />
<!-- <script>commented()</script> <a href="https://x.example"> -->
<script type="application/ld+json">{"name": "data, not code"}</script>
<script>run();</script>
<style>p { color: red; }</style>
</head><body>
<a class="reference external" href="https://doi.org/10.5555/1">DOI</a>
<a href='https://example.org/?a=1&amp;b=2' rel="me">me</a>
<a href="https://example.org/" rel="noopener">already</a>
<a href="relative.html">here</a>
<a href="mailto:x@example.org">mail</a>
<a title="a > b" href="//cdn.example/x">protocol-relative</a>
<pre>&lt;a href="https://text.example"&gt;</pre>
</body></html>
"""


def test_harden_adds_the_policy_after_the_charset_and_noopener_where_missing() -> None:
    out = harden(PAGE)
    page = BeautifulSoup(out, "lxml")
    first = page.head.find(["meta", "script"]) if page.head else None
    assert isinstance(first, Tag) and first.get("charset") == "utf-8"
    policy = policy_of(page)
    assert policy["script-src"] == ["'self'", sha256_source("run();")]
    assert sha256_source("p { color: red; }") in policy["style-src"]
    rels = {str(a["href"]): a.get("rel") for a in page.select("a")}
    assert rels == {
        "https://doi.org/10.5555/1": ["noopener"],
        "https://example.org/?a=1&b=2": ["me", "noopener"],
        "https://example.org/": ["noopener"],
        "relative.html": None,
        "mailto:x@example.org": None,
        "//cdn.example/x": ["noopener"],
    }
    assert '<!-- <script>commented()</script> <a href="https://x.example"> -->' in out
    assert '&lt;a href="https://text.example"&gt;' in out
    assert out.replace(' rel="noopener"', "").count("\n") == PAGE.count("\n") + 1


@pytest.mark.parametrize("fragment", ["<p>no head at all</p>", "", "<html><body>x</body></html>"])
def test_a_fragment_without_head_gets_no_policy(fragment: str) -> None:
    assert "Content-Security-Policy" not in harden(fragment)
