"""Our page_ref nodes as links Sphinx checks: a missing page warns (and fails a -n build)."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..errors import Warn
from ..render.page.nodes import page_ref
from .logs import warn


class PageRefs(SphinxTransform):
    """While reading: page_refs to a whole page as :doc: references (others: resolve_late)."""

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(page_ref)):
            if "#" not in node["target"]:
                xref = pending_xref("", *node.children, refdomain="std", reftype="doc")
                xref["reftarget"] = "/" + node["target"]  # a docname from the site's root
                xref["refexplicit"] = True
                node.replace_self(xref)


def page_uri(app: Sphinx, docname: str, target: str) -> str | None:
    """The address of ``target`` ('page[#anchor]', '#id' on this one) from ``docname``; None
    (warned) if no such page."""
    page, _, anchor = target.partition("#")
    if not page:
        return target
    if page not in app.env.all_docs:
        warn(Warn.LINK, f"[proceedings] a link to a missing page {page!r}", docname)
        return None
    return app.builder.get_relative_uri(docname, page) + (f"#{anchor}" if anchor else "")


def resolve_late(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: the page_refs left (to an anchor, or made once every page was read)."""
    for node in list(doctree.findall(page_ref)):
        if (uri := page_uri(app, docname, node["target"])) is None:
            node.replace_self(nodes.inline("", "", *node.children))
        else:
            node.replace_self(nodes.reference("", "", *node.children, refuri=uri, internal=True))
