"""Helpers shared by the tests that use outside tools (browser, checkers, citation consumers):
they skip locally when a tool is missing, and fail in CI (CI=true)."""

from __future__ import annotations

import os
import shutil
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


def require_tool(tool: str) -> str:
    """The path of a command the test needs; skipped locally when absent, failed in CI."""
    path = shutil.which(tool)
    require(path is not None, f"{tool!r} is not installed (Debian: see .ci/run)")
    assert path is not None
    return path


def pandoc() -> str:
    """The path of the pinned pandoc 3 (PyPI's pypandoc_binary, in the test extra, ships the
    binary): Debian's pandoc 2.17 lower-cases a brace-protected "{INET4AI}" in a .bib's series,
    and readers cite with the current one."""
    try:
        import pypandoc
    except ImportError:
        require(False, "pypandoc_binary is not installed (the test extra pins it)")
    version = pypandoc.get_pandoc_version()
    major = int(version.split(".")[0])
    require(major >= 3, f"pandoc {version} found, 3.x needed (pypandoc_binary)")
    path: str = pypandoc.get_pandoc_path()
    return path


# What tools/proceedings/sphinx/redirect.html writes at a moved page's old address.
REDIRECT_TITLE = "<title>This page moved</title>"


def is_redirect(path: Path) -> bool:
    """A redirect page at a moved page's old address (proceedings/data/moved.yaml)."""
    return REDIRECT_TITLE in path.read_text(encoding="utf-8")


def site_pages(out: Path, *, redirects: bool = False) -> list[str]:
    """Every HTML page of a built site, as paths relative to its root, sorted: the site's own
    pages, and with ``redirects`` also the redirect pages at moved addresses."""
    return sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*.html")
        if not NOT_PAGES.intersection(p.relative_to(out).parts[:-1])
        and (redirects or not is_redirect(p))
    )


def redirect_pages(out: Path) -> list[str]:
    return sorted(set(site_pages(out, redirects=True)) - set(site_pages(out)))
