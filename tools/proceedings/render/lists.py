"""Long lists of links to paper pages (the contents, the author index) as one node each.

A list of 2,600 papers as ordinary docutils nodes is some 18,000 nodes, which every one of
Sphinx's ~60 transforms walks on each rebuild: two seconds to rebuild the contents after one
title changed. A ``paper_list`` node holds the entries as data instead; the HTML writer
writes them straight out (escaped like any text node, see sphinx_lists.py), and other
writers get the same list expanded into ordinary nodes (``expand``).
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from .nodes_ import doc_link

BADGE_CLASSES = ("sd-badge", "sd-bg-warning", "sd-bg-text-warning")  # sphinx-design's badge


@dataclass(frozen=True, slots=True)
class Entry:
    """One list item: an optional bold lead ('Family, Given: '), links to pages separated by
    '; ', an optional badge after them, and an optional second line."""

    links: tuple[tuple[str, str], ...]  # (docname, link text)
    lead: str | None = None
    badge: str | None = None
    line: str | None = None


class paper_list(nodes.General, nodes.Element):  # type: ignore[misc]  # docutils is untyped
    """Attributes: ``entries`` (a tuple of Entry), ``ordered`` (bool), ``classes``,
    ``line_class`` (the class of the second line)."""


def make_list(
    entries: list[Entry], *, ordered: bool, classes: list[str], line_class: str = ""
) -> paper_list:
    return paper_list(
        "", entries=tuple(entries), ordered=ordered, classes=classes, line_class=line_class
    )


def expand(node: paper_list) -> nodes.Element:
    """The list as ordinary nodes (links as pending cross-references), for other writers."""
    out = nodes.enumerated_list() if node["ordered"] else nodes.bullet_list()
    out["classes"] = list(node["classes"])
    for entry in node["entries"]:
        para = nodes.paragraph()
        if entry.lead is not None:
            para += nodes.strong(entry.lead, entry.lead)
            para += nodes.Text(": ")
        for i, (docname, text) in enumerate(entry.links):
            if i:
                para += nodes.Text("; ")
            para += doc_link(docname, text)
        if entry.badge is not None:
            para += nodes.Text(" ")
            para += nodes.inline(entry.badge, entry.badge, classes=list(BADGE_CLASSES))
        item = nodes.list_item("", para)
        if entry.line is not None:
            item += nodes.paragraph(entry.line, entry.line, classes=[node["line_class"]])
        out += item
    return out
