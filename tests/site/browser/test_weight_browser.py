"""The weight budget's count of what a page loads (tests/site/weight.py, read from the files) is
what a browser asks for: on a first visit to the home page, a volume and a paper page, headless
Chromium fetches nothing that the count left out, fonts and images of the stylesheets
included."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Request

from tests.site.browser.conftest import PHONE, KeyPages, Served, Tab
from tests.site.weight import ORIGIN, first_visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", ["home", "proceedings-2025", "paper", "cfp-2026"])
@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_a_browser_fetches_only_what_the_budget_counts(
    open_tab: Callable[..., Tab], served: Served, key_pages: KeyPages, name: str, phone: bool
) -> None:
    page = key_pages.path(name)
    counted = {urlsplit(f.url).path + _query(f.url) for f in first_visit(served.site.out, page)}
    tab = open_tab(viewport=PHONE) if phone else open_tab()
    asked: list[str] = []

    def record(request: Request) -> None:
        parts = urlsplit(request.url)
        if request.url.startswith(served.base):
            asked.append(parts.path + (f"?{parts.query}" if parts.query else ""))

    tab.page.on("request", record)
    tab.visit(page, wait="networkidle")
    assert asked, page
    uncounted = sorted(set(asked) - counted)
    assert not uncounted, f"{page}: the browser fetched what the budget did not count"


def _query(url: str) -> str:
    query = urlsplit(url).query
    assert url.startswith(ORIGIN)
    return f"?{query}" if query else ""
