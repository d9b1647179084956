"""The local-time script on a program with times, in headless Chromium under two time zones."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import Site
from tests.site.browser.conftest import CHROMIUM, CHROMIUM_ARGS, require
from tests.site.test_program_build import TIMED, variant

pytestmark = pytest.mark.browser
PROGRAM = "program/2025/index.html"  # the page test_program_build's variants replace
__all__ = ["variant"]  # the fixture, shared with the build tests


def local_times(site: Site, zone: str) -> tuple[list[str], list[str]]:
    """The texts the script added, and the console errors, for a visitor in ``zone``."""
    require(CHROMIUM.is_file(), f"no Chromium at {CHROMIUM}")
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = browser.new_context(timezone_id=zone, locale="en-GB").new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto((site.out / PROGRAM).as_uri())
            page.wait_for_load_state("load")
            return page.locator(".program-local").all_inner_texts(), errors
        finally:
            browser.close()


def test_visitors_elsewhere_see_their_own_time(variant: Callable[..., Site]) -> None:
    site = variant(TIMED)
    texts, errors = local_times(site, "Europe/Paris")
    assert errors == []
    # 09:00-09:30 HKT (UTC+8) is 02:00-02:30 in Paris (UTC+1 in December).
    assert "your time: Mon 1 Dec, 02:00–02:30 CET" in [t.strip(" ()") for t in texts]
    assert len(texts) == len(site.page(PROGRAM).select("time.program-time"))


def test_visitors_in_the_venue_zone_see_nothing_added(variant: Callable[..., Site]) -> None:
    texts, errors = local_times(variant(TIMED), "Asia/Hong_Kong")
    assert (texts, errors) == ([], [])
