"""Links between pages: our page_ref nodes become Sphinx cross-references (so a missing page
warns, and fails a -n build, as Sphinx's own do), and each long paper_list learns the URI of
every page it links to before the HTML writer writes it straight out."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..errors import Warn
from ..render.page.lists import expand, paper_list
from ..render.page.nodes import page_ref
from .logs import warn

HTML_FORMATS = ("html",)  # every HTML-family builder (html, dirhtml, singlehtml, epub)


def cross_reference(node: page_ref) -> pending_xref:
    """The :doc: reference Sphinx resolves; its target is a docname from the site's root."""
    xref = pending_xref(
        "", refdomain="std", reftype="doc", reftarget="/" + node["target"], refexplicit=True
    )
    xref.extend(node.children)
    return xref


def resolve_page_refs(document: nodes.Node) -> None:
    for node in list(document.findall(page_ref)):
        node.replace_self(cross_reference(node))


class PageRefs(SphinxTransform):
    """While reading: every page_ref of a page, as a cross-reference."""

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        resolve_page_refs(self.document)


def resolve_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: the URI of every page each paper_list links to (a missing page warns,
    as Sphinx's own cross-references do); for writers other than HTML, the list becomes
    ordinary nodes."""
    builder = app.builder
    for node in list(doctree.findall(paper_list)):
        uris: dict[str, str | None] = {}
        for entry in node["entries"]:
            for target, _ in entry.links:
                if target in uris:
                    continue
                if target in app.env.all_docs:
                    uris[target] = builder.get_relative_uri(docname, target)
                else:
                    message = f"[proceedings] a list links to a missing page {target!r}"
                    warn(Warn.LINK, message, docname)
                    uris[target] = None
        if builder.format in HTML_FORMATS:
            node["uris"] = uris
        else:
            node.replace_self(expand(node, uris))
