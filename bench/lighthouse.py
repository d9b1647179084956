"""python -m bench.lighthouse [SITE] (make lighthouse): Lighthouse 12's four scores (mobile
preset) for the home page, each volume page and each paper page of a built site, served on
127.0.0.1 as GitHub Pages serves it (text gzipped, cached ten minutes); PASS when performance
is at least 95 and accessibility, best practices and SEO are 100 (issue 24).

Lighthouse comes from tests/node (npm, pinned in its lock file) and drives Debian's Chromium
(CHROME_PATH), headless with the flags the browser tests use."""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tests" / "node" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = Path("/usr/bin/chromium")
# As tests/support.py's CHROMIUM_ARGS, headless (Lighthouse starts the browser itself).
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-quic --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# What GitHub Pages sends gzipped (its text types); the rest goes as it is.
GZIPPED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".bib", ".ris"}


class GitHubPagesLike(SimpleHTTPRequestHandler):
    """A static server that answers as GitHub Pages does where it matters to a page's load:
    text gzipped when the browser accepts it, every file cached for ten minutes."""

    protocol_version = "HTTP/1.1"

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or path.suffix not in GZIPPED or not wants_gzip:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: Lighthouse prints what it needs."""


class _Body:
    """The gzipped body, as the file object SimpleHTTPRequestHandler copies out."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        self.data = b""


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(GitHubPagesLike, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Scores:
    page: str
    scores: dict[str, int]

    @property
    def passed(self) -> bool:
        return all(self.scores[c] >= TARGETS[c] for c in CATEGORIES)


def budget_pages(site: Path) -> list[str]:
    """The home page, each volume page, each paper page."""
    found = [*site.glob("proceedings/2*/index.html"), *site.glob("proceedings/2*/papers/*.html")]
    return ["index.html", *sorted(p.relative_to(site).as_posix() for p in found)]


def audit(url: str, page: str) -> Scores:
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        command = [
            "node", str(LIGHTHOUSE), url + page, "--quiet", "--output=json",
            f"--output-path={report}", f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]  # fmt: skip
        env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
        subprocess.run(command, check=True, env=env, cwd=tmp)
        result = json.loads(report.read_text(encoding="utf-8"))
    categories = result["categories"]
    return Scores(page, {c: round(100 * (categories[c]["score"] or 0)) for c in CATEGORIES})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse", description=__doc__)
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("pages", nargs="*", help="pages of the site (default: the budget's)")
    args = parser.parse_args(argv)
    for needed, hint in ((LIGHTHOUSE, "make lighthouse installs it"), (CHROMIUM, "apt")):
        if not needed.exists():
            print(f"{needed} not found ({hint})", file=sys.stderr)
            return 2
    pages = args.pages or budget_pages(args.site)
    print(f"{'page':<50} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    results = []
    with served(args.site) as url:
        for page in pages:
            scores = audit(url, page)
            results.append(scores)
            row = " ".join(f"{scores.scores[c]:>14}" for c in CATEGORIES)
            print(f"{page:<50} {row}  {'PASS' if scores.passed else 'FAIL'}", flush=True)
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
