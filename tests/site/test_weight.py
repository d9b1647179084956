"""What a reader downloads (issue 24): every page of the site, the home page, the volumes and
each paper's page among them, costs at most 200 KB served gzipped and 15 requests on a first
visit, counted from the built files (tests/site/weight.py); and the theme loads nothing that
these pages do not use."""

from __future__ import annotations

import pytest

from conf import copybutton_selector
from tests.conftest import Site
from tests.site.weight import Fetch, first_visit
from tests.support import site_pages

MAX_BYTES = 200_000  # gzipped, the page and everything it loads
MAX_REQUESTS = 15
# Files a page fetches only if it uses them: never on a first visit of a page without code,
# tabs or search.
SEARCH_FILES = {"searchindex.js", "_static/searchtools.js", "_static/language_data.js"}
CODE_FILES = {"_static/pygments.css"}  # what highlighted code needs
COPY_FILES = {"_static/copybutton.js", "_static/clipboard.min.js"}  # what copy buttons need
COPIED: str = copybutton_selector  # what sphinx-copybutton adds its button to


def describe(page: str, fetched: list[Fetch]) -> str:
    lines = [f"{f.size:>9,} {f.path}" for f in fetched]
    total = sum(f.size for f in fetched)
    return f"{page}: {len(fetched)} requests, {total:,} bytes\n" + "\n".join(lines)


@pytest.fixture(scope="module")
def visits(site: Site) -> dict[str, list[Fetch]]:
    return {page: first_visit(site.out, page) for page in site_pages(site.out)}


def test_the_budgeted_pages_are_all_there(visits: dict[str, list[Fetch]]) -> None:
    """The home page, each volume page and each paper page: the budget is checked on them."""
    volumes = [p for p in visits if p.startswith("proceedings/2") and p.endswith("/index.html")]
    papers = [p for p in visits if p.startswith("proceedings/2") and "/papers/" in p]
    assert "index.html" in visits
    assert "proceedings/2025/index.html" in volumes
    assert len(papers) >= 4


def test_every_page_fits_the_budget(visits: dict[str, list[Fetch]]) -> None:
    over = [
        describe(page, fetched)
        for page, fetched in visits.items()
        if len(fetched) > MAX_REQUESTS or sum(f.size for f in fetched) > MAX_BYTES
    ]
    assert not over, "pages over the budget:\n" + "\n\n".join(over)


def test_no_icon_font_or_script(visits: dict[str, list[Fetch]]) -> None:
    """The theme's icons are inline SVG: no FontAwesome script, no web font at all."""
    for page, fetched in visits.items():
        heavy = [f.path for f in fetched if "fontawesome" in f.path or f.path.endswith(".woff2")]
        assert not heavy, (page, heavy)


def test_search_and_code_files_only_where_they_are_used(
    site: Site, visits: dict[str, list[Fetch]]
) -> None:
    for page, fetched in visits.items():
        paths = {f.path for f in fetched}
        if page == "search.html":
            assert paths >= SEARCH_FILES
        else:
            assert not paths & SEARCH_FILES, page
        has_code = site.page(page).select_one("div.highlight pre") is not None
        assert (paths >= CODE_FILES) == has_code, page
        has_copied = site.page(page).select_one(COPIED) is not None
        assert (paths >= COPY_FILES) == has_copied, page


def test_one_viewport_tag_per_page(site: Site) -> None:
    for page in site_pages(site.out):
        assert len(site.page(page).select('meta[name="viewport"]')) == 1, page
