"""Helpers shared by the tests that check the built site from outside (browser, HTML checker)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Playwright's own browser download does not work here: drive Debian's Chromium.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--disable-sync",
    "--no-first-run",
]
# Folders of the output that hold assets, not pages (the theme also copies its Jinja macro files,
# such as _static/webpack-macros.html, there: they are not pages).
NOT_PAGES = {"_static", "_sources", "_images", "_downloads"}


def require(available: bool, reason: str) -> None:
    """Skip when a tool is missing locally; in CI (CI=true) a missing tool is a failure."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: .ci/run must install it)", pytrace=False)
    pytest.skip(reason)


def site_pages(out: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to its root, sorted."""
    return sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*.html")
        if not NOT_PAGES.intersection(p.relative_to(out).parts[:-1])
    )
