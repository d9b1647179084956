"""Small docutils node builders shared by the page renderers."""

from __future__ import annotations

import posixpath
import re

from docutils import nodes
from sphinx import addnodes

from .pages import PAPERS_DIR

MATH_RE = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$")


def paper_docname(paper_id: str) -> str:
    return f"{PAPERS_DIR}/{paper_id}"


def relative(from_doc: str, target: str) -> str:
    """URI of an output file ``target`` (relative to the site root) as seen from a page."""
    return posixpath.relpath(target, posixpath.dirname(from_doc) or ".")


def text_with_math(text: str) -> list[nodes.Node]:
    """Inline ``$...$`` becomes math nodes; everything else stays literal text."""
    out: list[nodes.Node] = []
    pos = 0
    for match in MATH_RE.finditer(text):
        if match.start() > pos:
            out.append(nodes.Text(text[pos : match.start()]))
        out.append(nodes.math(match.group(1), match.group(1)))
        pos = match.end()
    if pos < len(text):
        out.append(nodes.Text(text[pos:]))
    return out


def doc_link(
    target_doc: str, label: str, *, classes: list[str] | None = None
) -> addnodes.pending_xref:
    xref = addnodes.pending_xref(
        "", refdomain="std", reftype="doc", reftarget="/" + target_doc, refexplicit=True
    )
    xref += nodes.inline(label, label, classes=classes or [])
    return xref  # type: ignore[no-any-return]


def external(url: str, label: str, *, classes: list[str] | None = None) -> nodes.reference:
    return nodes.reference(label, label, refuri=url, classes=classes or [])


def button(url: str, label: str, *, primary: bool = True) -> nodes.reference:
    style = "sd-btn-primary" if primary else "sd-btn-outline-primary"
    return external(url, label, classes=["sd-sphinx-override", "sd-btn", "sd-text-wrap", style])


def section(title: str, ids: str, *children: nodes.Node) -> nodes.section:
    sect = nodes.section(ids=[ids], names=[ids])
    sect += nodes.title(title, title)
    sect.extend(children)
    return sect


def missing(text: str, url: str | None = None, label: str = "") -> nodes.paragraph:
    para = nodes.paragraph(classes=["missing"])
    para += nodes.Text(text)
    if url:
        para += nodes.Text(" ")
        para += external(url, label or url)
        para += nodes.Text(".")
    return para
