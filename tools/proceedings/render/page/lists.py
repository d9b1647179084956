"""Long lists of links to paper pages (the contents, the author index) and the lines of links
that every page has (to every edition; on a paper page, to its neighbours), as one node each.

A list of 2,600 papers as ordinary docutils nodes is some 18,000 nodes, which every one of
Sphinx's ~60 transforms walks on each rebuild: two seconds to rebuild the contents after one
title changed. A ``paper_list`` node holds the entries as data instead; sphinx/links.py
finds the URI of each page it links to, and the HTML writer writes the list straight out
(escaped like any text node); other writers get it expanded into ordinary nodes (``expand``).
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from .nodes import Translator

BADGE_CLASSES = ("sd-badge", "sd-bg-warning", "sd-bg-text-warning")  # sphinx-design's badge


@dataclass(frozen=True, slots=True)
class Entry:
    """One list item: an optional bold lead ('Family, Given: '), links to pages separated by
    '; ', an optional badge after them, and an optional second line."""

    links: tuple[tuple[str, str], ...]  # (docname or 'docname#anchor', link text)
    lead: str | None = None
    badge: str | None = None
    line: str | None = None
    anchor: str | None = None  # the item's id, for links to it


class paper_list(nodes.General, nodes.Element):  # type: ignore[misc]  # docutils is untyped
    """Attributes: ``entries`` (a tuple of Entry), ``ordered`` (bool), ``classes``,
    ``line_class`` (the class of the second line); ``uris`` (docname -> URI from the page, or
    None for a page that does not exist), set before writing."""


class link_line(nodes.General, nodes.Element):  # type: ignore[misc]  # docutils is untyped
    """A paragraph of an optional bold lead, text and links, as one node: on every page (the
    way to every edition), so that it costs the same whatever the number of editions, and on
    every paper page (its neighbours). Attributes: ``strong`` (None: no lead), ``parts`` (each
    a text or a (target, link text) pair, the target a docname or '#id' on the same page),
    ``classes``; ``uris`` as for a paper_list."""


def make_line(
    strong: str | None, parts: list[str | tuple[str, str]], *, classes: list[str]
) -> link_line:
    return link_line("", strong=strong, parts=tuple(parts), classes=classes)


def targets(node: paper_list | link_line) -> list[str]:
    """The pages the node links to (docname or 'docname#anchor')."""
    if isinstance(node, link_line):
        return [p[0] for p in node["parts"] if isinstance(p, tuple) and not p[0].startswith("#")]
    return [target for entry in node["entries"] for target, _ in entry.links]


def make_list(
    entries: list[Entry], *, ordered: bool, classes: list[str], line_class: str = ""
) -> paper_list:
    return paper_list(
        "", entries=tuple(entries), ordered=ordered, classes=classes, line_class=line_class
    )


def expand(node: paper_list, uris: dict[str, str | None]) -> nodes.Element:
    """The list as ordinary nodes, its links to ``uris`` (docname -> URI, None for a missing
    page), for writers other than HTML."""
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
            uri = uris.get(docname)
            para += nodes.reference(text, text, refuri=uri) if uri else nodes.Text(text)
        if entry.badge is not None:
            para += nodes.Text(" ")
            para += nodes.inline(entry.badge, entry.badge, classes=list(BADGE_CLASSES))
        item = nodes.list_item("", para, ids=[entry.anchor] if entry.anchor else [])
        if entry.line is not None:
            item += nodes.paragraph(entry.line, entry.line, classes=[node["line_class"]])
        out += item
    return out


def expand_line(node: link_line, uris: dict[str, str | None]) -> nodes.paragraph:
    para = nodes.paragraph(classes=list(node["classes"]))
    if node["strong"] is not None:
        para += nodes.strong(node["strong"], node["strong"])
    for part in node["parts"]:
        if isinstance(part, str):
            para += nodes.Text(part)
            continue
        target, text = part
        uri = target if target.startswith("#") else uris.get(target)
        para += nodes.reference(text, text, refuri=uri, internal=True) if uri else nodes.Text(text)
    return para


def _link(self: Translator, uri: str | None, text: str) -> str:
    if uri is None:  # a missing page: reported where the URIs were resolved
        return self.encode(text)
    # The markup Sphinx writes for a resolved :doc: reference.
    return (
        f'<a class="reference internal" href="{self.attval(uri)}">'
        f'<span class="doc">{self.encode(text)}</span></a>'
    )


def _entry(self: Translator, entry: Entry, uris: dict[str, str | None], line_class: str) -> str:
    out = [f'<li id="{self.attval(entry.anchor)}"><p>' if entry.anchor else "<li><p>"]
    if entry.lead is not None:
        out.append(f"<strong>{self.encode(entry.lead)}</strong>: ")
    out.append("; ".join(_link(self, uris.get(docname), text) for docname, text in entry.links))
    if entry.badge is not None:
        out.append(f' <span class="{" ".join(BADGE_CLASSES)}">{self.encode(entry.badge)}</span>')
    out.append("</p>\n")
    if entry.line is not None:
        out.append(f'<p class="{self.attval(line_class)}">{self.encode(entry.line)}</p>\n')
    out.append("</li>\n")
    return "".join(out)


def visit_paper_list_html(self: Translator, node: paper_list) -> None:
    tag = "ol" if node["ordered"] else "ul"
    self.body.append(self.starttag(node, tag))  # with the node's classes and ids
    uris: dict[str, str | None] = node["uris"]
    self.body.extend(_entry(self, entry, uris, node["line_class"]) for entry in node["entries"])
    self.body.append(f"</{tag}>\n")
    raise nodes.SkipNode


def visit_link_line_html(self: Translator, node: link_line) -> None:
    uris: dict[str, str | None] = node["uris"]
    out = [self.starttag(node, "p", "")]
    if node["strong"] is not None:
        out.append(f"<strong>{self.encode(node['strong'])}</strong>")
    for part in node["parts"]:
        if isinstance(part, str):
            out.append(self.encode(part))
        elif part[0].startswith("#"):  # a part of this page: the markup of a local reference
            target, text = part
            out.append(f'<a class="reference internal" href="{self.attval(target)}">'
                       f"{self.encode(text)}</a>")  # fmt: skip
        else:
            out.append(_link(self, uris.get(part[0]), part[1]))
    out.append("</p>\n")
    self.body.append("".join(out))
    raise nodes.SkipNode
