"""Screenshots of the key pages at desktop and phone sizes, for a person to review."""

from __future__ import annotations

import struct
from collections.abc import Callable

import pytest
from playwright.sync_api import ViewportSize

from tests.site.browser.conftest import DESKTOP, KEY_PAGES, PHONE, SCREENSHOTS, KeyPages, Tab

pytestmark = pytest.mark.browser

SIZES: dict[str, tuple[ViewportSize, bool]] = {
    "desktop": (DESKTOP, False),
    "phone": (PHONE, False),
    "desktop-dark": (DESKTOP, True),
    "phone-dark": (PHONE, True),
}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


@pytest.mark.parametrize("size", list(SIZES))
def test_screenshots_for_review(
    open_tab: Callable[..., Tab], key_pages: KeyPages, size: str
) -> None:
    viewport, dark = SIZES[size]
    tab = open_tab(viewport=viewport, dark=dark)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Screenshots of pages that are no longer key pages (e.g. the 2025 site's) would mislead.
    kept = {f"{each}-{name}.png" for each in SIZES for name in KEY_PAGES}
    for stale in SCREENSHOTS.glob("*.png"):
        if stale.name not in kept:
            stale.unlink()
    for name in KEY_PAGES:
        tab.visit(key_pages.path(name))
        tab.settle()
        target = SCREENSHOTS / f"{size}-{name}.png"
        target.unlink(missing_ok=True)
        tab.page.screenshot(path=target, full_page=True)
        width, height = png_size(target.read_bytes())
        assert width == viewport["width"], f"{target.name}: {width}px wide"
        assert height >= viewport["height"], f"{target.name}: {height}px high"
