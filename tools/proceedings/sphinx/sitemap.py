"""Make sphinx-sitemap's sitemap complete and sorted on every build, incremental ones too:
it lists only the pages a build wrote (jdillard/sphinx-sitemap#13, open since 2018)."""

from __future__ import annotations

import queue
from typing import Any

from sphinx.application import Sphinx

Link = tuple[str, Any]


def _drain(links: Any) -> list[Link]:
    items: list[Link] = []
    while True:
        try:
            items.append(links.get_nowait())
        except queue.Empty:
            return items


def complete_sitemap(app: Sphinx, exception: Exception | None) -> None:
    # sphinx-sitemap 2.9.0 lists only the pages written by this build (an incremental build
    # wrote a 2-page sitemap here), in the order worker processes wrote them.
    import sphinx_sitemap

    links = getattr(app, "sitemap_links", None)
    if exception is not None or links is None or app.builder.format != "html":
        return
    written = _drain(links)
    if not written:
        return  # no page written: sphinx-sitemap keeps the complete sitemap of the last build
    # The workers are done: a plain queue from here on. sphinx-sitemap's own is a
    # multiprocessing.Manager proxy, one round trip to its server process per link (0.4 s for
    # 2,600 pages, put and got twice).
    local: queue.Queue[Link] = queue.Queue()
    setattr(app, "sitemap_links", local)  # noqa: B010  # sphinx-sitemap's attribute
    for docname in sorted(app.env.found_docs):
        sphinx_sitemap.add_html_link(app, docname, "page.html", {}, None)
    from_docs = _drain(local)
    known = {link for link, _ in from_docs}
    extra = [item for item in written if item[0] not in known]  # pages that are not documents
    for item in sorted({*from_docs, *extra}, key=lambda item: item[0]):
        local.put(item)


def setup(app: Sphinx) -> None:
    if "sphinx_sitemap" in app.extensions:
        app.connect("build-finished", complete_sitemap, priority=400)  # before it is written
