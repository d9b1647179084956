"""Links between pages: our page_ref nodes become Sphinx cross-references (so a missing page
warns, and fails a -n build, as Sphinx's own do); those made once every page is read (the
people index, the way between editions) or to an anchor are resolved when the page is."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..errors import Warn
from ..render.page.nodes import page_ref
from .logs import warn


def cross_reference(node: page_ref) -> pending_xref:
    """The :doc: reference Sphinx resolves; its target is a docname from the site's root."""
    xref = pending_xref(
        "", refdomain="std", reftype="doc", reftarget="/" + node["target"], refexplicit=True
    )
    xref.extend(node.children)
    return xref


def resolve_page_refs(document: nodes.Node) -> None:
    """Every page_ref to a whole page, as a cross-reference (one to an anchor in a page is
    resolved once the pages are known: resolve_late)."""
    for node in list(document.findall(page_ref)):
        if "#" not in node["target"]:
            node.replace_self(cross_reference(node))


class PageRefs(SphinxTransform):
    """While reading: every page_ref of a page, as a cross-reference."""

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        resolve_page_refs(self.document)


def uri_of(app: Sphinx, docname: str, target: str) -> str | None:
    """The URI of ``target`` ('docname' or 'docname#anchor') from ``docname``; None, with a
    warning, for a page that does not exist."""
    page, _, anchor = target.partition("#")
    if page not in app.env.all_docs:
        warn(Warn.LINK, f"[proceedings] a link to a missing page {page!r}", docname)
        return None
    uri = app.builder.get_relative_uri(docname, page)
    return f"{uri}#{anchor}" if anchor else uri


def resolve_late(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: the page_refs left (to an anchor, or made once every page was read),
    as references."""
    for node in list(doctree.findall(page_ref)):
        uri = uri_of(app, docname, node["target"])
        if uri is None:
            node.replace_self(nodes.inline("", "", *node.children))
        else:
            node.replace_self(nodes.reference("", "", *node.children, refuri=uri, internal=True))
