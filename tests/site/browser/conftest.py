"""Browser fixtures: the built site served on 127.0.0.1, one headless Chromium, guarded tabs."""

from __future__ import annotations

import functools
import os
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal, cast
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Error,
    Locator,
    Page,
    Playwright,
    Request,
    ViewportSize,
    sync_playwright,
)

from tests.conftest import ROOT, Site
from tests.site.pages import PAPER
from tests.support import CHROMIUM, CHROMIUM_ARGS, require, site_pages
from tools.proceedings.load import load_series
from tools.proceedings.model import Paper

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 375, "height": 812}
SCREENSHOTS = ROOT / "_build" / "screenshots"
# The site's path on its host (html_baseurl's, as the tests build it): the 404 page, served at
# any address, resolves its files from there (<base href>); the server serves it at both.
PUBLISHED_PATH = "/inet4ai/"


class _QuietHandler(SimpleHTTPRequestHandler):
    """A static file server; citation files get a plain text type, as many static hosts give."""

    protocol_version = "HTTP/1.1"  # keep-alive: pages load twice as fast

    def translate_path(self, path: str) -> str:
        if path.startswith(PUBLISHED_PATH):
            path = "/" + path.removeprefix(PUBLISHED_PATH)
        return super().translate_path(path)

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        # With a text type the browser shows the file instead of saving it, unless the link asks
        # for a download: the journeys then check what a reader gets on any host.
        if str(path).endswith((".bib", ".ris")):
            return "text/plain; charset=utf-8"
        return super().guess_type(path)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # Every answer passes here, also those Playwright keeps out of its response and
        # requestfailed events: it leaves out every /favicon.ico request.
        if isinstance(code, int) and code >= 400:
            referer = self.headers.get("Referer")
            cast(_Server, self.server).errors.append(
                f"HTTP {int(code)}: {self.path}" + (f" (asked by {referer})" if referer else "")
            )

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""


class _Server(ThreadingHTTPServer):
    errors: list[str]  # failed answers, in order, until the tests take them

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser closing a kept-alive connection is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass(frozen=True)
class Served:
    """The built site, served over HTTP on 127.0.0.1."""

    site: Site
    base: str  # "http://127.0.0.1:PORT/"
    errors: list[str]  # what the server answered with an error, until a tab takes it

    @property
    def origin(self) -> str:
        return self.base.rstrip("/")

    def pages(self) -> list[str]:
        return site_pages(self.site.out)


@dataclass
class Tab:
    """A page in its own browser context, recording everything that went wrong while it ran."""

    page: Page
    base: str
    server_errors: list[str]  # Served.errors: shared by the tabs, the server appends to it
    problems: list[str] = field(default_factory=list)  # console errors, failed requests
    external: list[str] = field(default_factory=list)  # requests that tried to leave

    def visit(self, path: str, *, wait: Literal["load", "networkidle"] = "load") -> None:
        response = self.page.goto(self.base + path, wait_until=wait)
        assert response is not None, f"{path}: no response"
        assert response.ok, f"{path}: HTTP {response.status}"

    def follow(self, link: Locator, path: str) -> None:
        """Click a link and wait until its page, at `path` from the site root, has loaded."""
        link.click()
        self.page.wait_for_url(lambda url: urlsplit(url).path.lstrip("/") == path, timeout=10_000)
        self.page.wait_for_load_state()

    def settle(self) -> None:
        """Wait for the theme's colour transitions (run on load) to end, so colours are final."""
        self.page.wait_for_function(  # a function, not an expression: the site's CSP bans eval
            "() => document.getAnimations().filter(a => a instanceof CSSTransition)"
            ".every(a => a.playState !== 'running')",
            timeout=5_000,
        )

    @property
    def path(self) -> str:
        """The current page's path relative to the site root, without query or fragment."""
        return urlsplit(self.page.url).path.lstrip("/")

    @property
    def fragment(self) -> str:
        return urlsplit(self.page.url).fragment

    def take_problems(self) -> list[str]:
        """What went wrong since the last call, in the browser and on the server."""
        found, self.problems = self.problems, []
        while self.server_errors:  # pop, not copy and clear: the server thread may append
            found.append(self.server_errors.pop(0))
        return found

    def watch(self) -> None:
        self.page.on("request", self._on_request)
        self.page.on("console", self._on_console)
        self.page.on("pageerror", self._on_page_error)
        self.page.on("requestfailed", self._on_failed)

    def _on_request(self, request: Request) -> None:
        url = request.url
        local = url.startswith(self.base) or url.split(":", 1)[0] in ("data", "blob", "about")
        if not local:
            self.external.append(url)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.problems.append(f"console error on {self.page.url}: {message.text} ({where})")

    def _on_page_error(self, error: Error) -> None:
        self.problems.append(f"uncaught error on {self.page.url}: {error}")

    def _on_failed(self, request: Request) -> None:
        # Aborted is the browser dropping a request itself, e.g. the icon of a page that the
        # test has already left; a request the server failed, the server records.
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"request failed: {request.url} ({request.failure})")


@pytest.fixture(scope="session")
def served(site: Site) -> Iterator[Served]:
    """Serve the session's built site on a free port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(site.out))
    server = _Server(("127.0.0.1", 0), handler)
    server.errors = []
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield Served(site, f"http://127.0.0.1:{server.server_address[1]}/", server.errors)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="package")
def browser(served: Served) -> Iterator[Browser]:
    """One headless Chromium for the browser tests, closed when they are done.

    It starts after the site is built and closes before other tests build sites: the build forks
    (sphinx-sitemap's multiprocessing manager), and a child forked while Playwright's driver runs
    inherits the driver's pipe, so that closing Playwright would wait for that child forever.
    """
    require(CHROMIUM.exists(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    with _dead_end() as proxy, sync_playwright() as playwright:
        chromium = _launch(playwright, proxy)
        yield chromium
        chromium.close()


@contextmanager
def _dead_end() -> Iterator[str]:
    """A proxy address that refuses every connection: a bound port that never listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


def _launch(playwright: Playwright, proxy: str) -> Browser:
    # Chromium sends everything but loopback through the proxy, which refuses it: no request
    # leaves the machine, and the tabs record every one that tried (without routing every
    # request through Python, which would also turn off the browser's cache).
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, f"--proxy-server={proxy}"]
    )


@pytest.fixture
def open_tab(browser: Browser, served: Served) -> Iterator[Callable[..., Tab]]:
    """Open tabs in fresh contexts. A request that tries to leave 127.0.0.1 fails the test, and
    so does a console error or failed request that the test did not take itself."""
    tabs: list[Tab] = []
    contexts: list[BrowserContext] = []

    def _open(
        *,
        viewport: ViewportSize = DESKTOP,
        dark: bool = False,
        clipboard: bool = False,
        scripts: bool = True,
        touch: bool = False,
    ) -> Tab:
        context = browser.new_context(
            viewport=viewport,
            color_scheme="dark" if dark else "light",
            accept_downloads=True,
            java_script_enabled=scripts,  # off: a reader whose browser runs no script
            has_touch=touch,  # a phone: no hover (the media query '(hover: none)' matches)
            is_mobile=touch,
        )
        contexts.append(context)
        if dark:  # what the theme switcher stores once a reader chose dark
            context.add_init_script("localStorage.setItem('mode', 'dark');")
        if clipboard:
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.origin)
        tab = Tab(context.new_page(), served.base, served.errors)
        tab.watch()
        tabs.append(tab)
        return tab

    yield _open
    # Every journey, not only those that look: Chromium asks for a missing /favicon.ico once per
    # browser, in whichever test first opens a page declaring no icon. Taken before the
    # contexts close, which aborts requests still running.
    untaken = [problem for tab in tabs for problem in tab.take_problems()]
    for context in contexts:
        context.close()
    leaked = sorted({url for tab in tabs for url in tab.external})
    assert not leaked, "requests tried to leave 127.0.0.1:\n" + "\n".join(leaked)
    assert not untaken, "console errors or failed requests:\n" + "\n".join(untaken)


# The pages a reader uses most, by name: the home page, each section's landing page (listing
# every edition), the current call and the last one, the last program and volume, a paper's
# page, the people index and the committees.
KEY_PAGES = [
    "home",
    "calls",
    "cfp-2026",
    "cfp-2025",
    "programs",
    "program-2025",
    "volumes",
    "proceedings-2025",
    "paper",
    "people",
    "organizers",
]


@dataclass(frozen=True)
class KeyPages:
    """The pages a reader uses most, checked for accessibility and saved as screenshots."""

    paper: Paper  # a paper with authors, so its page shows the full layout

    def path(self, name: str) -> str:
        return {
            "home": "index.html",
            "calls": "cfp/index.html",
            "cfp-2026": "cfp/2026/index.html",
            "cfp-2025": "cfp/2025/index.html",
            "programs": "program/index.html",
            "program-2025": "program/2025/index.html",
            "volumes": "proceedings/index.html",
            "proceedings-2025": "proceedings/2025/index.html",
            "paper": PAPER.format(self.paper.id),
            "people": "proceedings/people.html",
            "organizers": "organizers.html",
        }[name]


@pytest.fixture(scope="session")
def sample_paper(site: Site) -> Paper:
    """The first published paper of 2025 (in program order) that has authors, from the site's
    data read as the build reads it (the series, then its editions)."""
    proceedings = load_series(site.src / "proceedings" / "data").series.edition(2025).proceedings
    assert proceedings is not None, "the 2025 edition has no proceedings"
    with_authors = [p for p in proceedings.published if p.authors]
    assert with_authors, "the proceedings data has no published paper with authors"
    return with_authors[0]


@pytest.fixture(scope="session")
def key_pages(site: Site, sample_paper: Paper) -> KeyPages:
    pages = KeyPages(sample_paper)
    themed = site_pages(site.out)  # the site's own pages: no redirect page is a key page
    missing = [pages.path(name) for name in KEY_PAGES if pages.path(name) not in themed]
    assert not missing, f"key pages that are not pages of the built site: {missing}"
    return pages
