"""Addresses that never break: every moved URL (moved.yaml) keeps working (tools/README.md)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.osutil import relative_uri

from ..errors import Problems, Warn
from ..paths import papers_dir
from ..render.html_safety import harden
from ..sources.located_yaml import Node, Reader, load_yaml
from ..write import write_if_changed
from .domain import Doctree
from .generate import data_root, override
from .logs import warn

MOVED_FILE = "moved.yaml"  # in the series' folder
TEMPLATE = Path(__file__).with_name("redirect.html")
STATIC = Path(__file__).with_name("static")
SCRIPT = "moved-fragments.js"
# A path of the site: plain segments only. It goes into the redirect page's script and
# attributes as written, so it can hold no quote, no markup and no way out of the site.
PATH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*")
FRAGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class Moved:
    """Old address -> new address, relative to the site's root; fragments by the old page."""

    files: dict[str, str] = field(default_factory=dict)
    # old page (e.g. program/index.html) -> {old fragment id: new page#id}
    fragments: dict[str, dict[str, str]] = field(default_factory=dict)


def _pairs(r: Reader, key: str) -> list[tuple[str, str, Node]]:
    node = r.mapping(key)
    pairs = node.value if node is not None else {}
    return [(old, new.value if isinstance(new.value, str) else "", new)
            for old, new in pairs.items()]  # fmt: skip


def read_moved(path: Path, problems: Problems) -> Moved:
    if not path.is_file():
        return Moved()
    root = load_yaml(path, problems)
    if root is None:
        return Moved()
    r = Reader(root, problems, {"moved", "fragments"}, "the moved addresses")
    moved = Moved()
    for old, new, node in _pairs(r, "moved"):
        if (
            not (PATH.fullmatch(old) and PATH.fullmatch(new))
            or Path(old).suffix != Path(new).suffix
        ):
            problems.error(node.loc, f"{old!r}: {new!r} must be a file of the same kind, both "
                                     "paths of the site (from its root, no '..')")  # fmt: skip
            continue
        moved.files[old] = new
    for old, new, node in _pairs(r, "fragments"):
        page, _, fragment = old.partition("#")
        to_page, _, to_fragment = new.partition("#")
        if not (all(PATH.fullmatch(p) and p.endswith(".html") for p in (page, to_page))
                and FRAGMENT.fullmatch(fragment) and FRAGMENT.fullmatch(to_fragment)):  # fmt: skip
            problems.error(node.loc, f"{old!r}: {new!r} must be 'page.html#id', both pages of "
                                     "the site (from its root)")  # fmt: skip
            continue
        moved.fragments.setdefault(page, {})[fragment] = new
    return moved


def moved(app: Sphinx) -> Moved:
    root = data_root(app)
    path = root / MOVED_FILE
    stat = path.stat() if path.is_file() else None
    found = _read(path, stat and (stat.st_mtime_ns, stat.st_size))
    replaced = override(app, root)
    if replaced is None:
        return found
    # `-D proceedings_data=DIR`: another volume in place of the edition's, whose published
    # papers (their pages and files, at their old addresses) are not this build's to keep.
    inside = papers_dir(replaced[0]) + "/"
    return Moved(
        {old: new for old, new in found.files.items() if not new.startswith(inside)},
        {page: kept for page, fs in found.fragments.items()
         if (kept := {f: new for f, new in fs.items() if not new.startswith(inside)})},
    )  # fmt: skip


@cache  # every page asks; read (and its problems reported) once for each version of the file
def _read(path: Path, version: tuple[int, int] | None) -> Moved:
    problems = Problems()
    found = read_moved(path, problems)
    for problem in problems.errors:
        warn(Warn.MOVED, str(problem), None)
    return found


def redirect_pages(app: Sphinx, config: Config) -> None:
    """config-inited: the moved pages as sphinx-reredirects' redirects, with our template."""
    pages = {old.removesuffix(".html"): "/" + new for old, new in moved(app).files.items()
             if old.endswith(".html")}  # fmt: skip
    config.redirects = {**pages, **(config.redirects or {})}
    config.redirect_html_template_file = str(TEMPLATE)
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def follow_fragments(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                     doctree: Doctree) -> None:  # fmt: skip
    """html-page-context: on a page some of whose parts moved, the script that follows them."""
    page = app.builder.get_target_uri(pagename)
    fragments = moved(app).fragments.get(page)
    if not fragments:
        return
    targets = {}
    for fragment, new in fragments.items():
        to_page, _, to_fragment = new.partition("#")
        targets[fragment] = f"{relative_uri(page, to_page)}#{to_fragment}"
    attributes: dict[str, Any] = {"data-moved": json.dumps(targets, sort_keys=True)}
    app.add_js_file(SCRIPT, **attributes)


def finish_moved(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: each moved file at its old address too; each redirect page hardened;
    every new address checked to exist (a redirect to nowhere is a broken URL)."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    found = moved(app)
    news = list(found.files.items())
    news += [(page, new.partition("#")[0]) for page, fs in found.fragments.items()
             for new in fs.values()]  # fmt: skip
    for old, new in sorted(news):
        target = out / new
        if not target.is_file():
            message = f"{MOVED_FILE}: {old!r} moved to {new!r}, which the build did not make"
            warn(Warn.MOVED, message, None)
            continue
        if old not in found.files:
            continue
        if old.endswith(".html"):
            page = out / old
            html = page.read_text(encoding="utf-8")
            if "Content-Security-Policy" not in html:
                html = with_head_links(app, old, new, html)
                write_if_changed(page, harden(html).encode("utf-8"))
        else:
            write_if_changed(out / old, target.read_bytes())


def with_head_links(app: Sphinx, page: str, new: str, html: str) -> str:
    """The redirect page's canonical link, absolute (sphinx-reredirects gives its template the
    relative one only), and the site's icon: else a browser that stays on it (scripts off)
    asks for /favicon.ico, outside the site on its host."""
    base: str = app.config.html_baseurl or ""
    canonical = urljoin(base, new) if base else relative_uri(page, new)
    links = f'<link rel="canonical" href="{escape(canonical, quote=True)}">\n'
    favicon: str = app.config.html_favicon or ""
    if favicon and "://" not in favicon:
        links += f'<link rel="icon" href="{relative_uri(page, f"_static/{Path(favicon).name}")}">\n'
    return html.replace("</title>\n", f"</title>\n{links}", 1)


def setup(app: Sphinx) -> None:
    app.setup_extension("sphinx_reredirects")
    app.connect("config-inited", redirect_pages)
    app.connect("html-page-context", follow_fragments)
    app.connect("build-finished", finish_moved, priority=900)  # after every writer
