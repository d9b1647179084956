"""Docutils node builders and node classes shared by the page renderers (the program's too)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from docutils import nodes

MATH_RE = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$")
BUTTON_CLASSES = ("sd-sphinx-override", "sd-btn", "sd-text-wrap")  # sphinx-design's button
BADGE_CLASSES = ("sd-badge", "sd-bg-warning", "sd-bg-text-warning")  # sphinx-design's badge


class Translator(Protocol):
    """What our HTML visitors use of Sphinx's HTML5Translator."""

    body: list[str]

    def starttag(
        self, node: nodes.Element, tagname: str, suffix: str = ..., **attributes: Any
    ) -> str: ...

    def encode(self, text: str) -> str: ...


class page_ref(nodes.Inline, nodes.TextElement):  # type: ignore[misc]  # docutils is untyped
    """A link to another page of the site by its docname (``target``); sphinx/ makes it a
    cross-reference, so a missing page warns (and fails a -n build) as Sphinx's own do."""


# The class of what a directive renders from the data: what is not is the page's own text.
FROM_DATA = "from-data"


def from_data(rendered: Sequence[nodes.Node]) -> list[nodes.Node]:
    """Mark nodes rendered from the data, so that a page can tell its own text from them."""
    for node in rendered:
        if isinstance(node, nodes.Element):
            node["classes"].append(FROM_DATA)
    return list(rendered)


class call_notice_pending(nodes.General, nodes.Element):  # type: ignore[misc]
    """Where a call's status goes (attribute ``year``), once the page is read: a call whose
    data is empty is published only if its page has text of its own."""


class program_part(nodes.General, nodes.Element):  # type: ignore[misc]
    """What an edition's program says elsewhere (``year``; ``part``: 'talks' or 'summary'),
    filled in by tools.program once it has read the programs; removed when it is not loaded."""


def visit_skip(self: Translator, node: nodes.Element) -> None:
    raise nodes.SkipNode


class download_link(nodes.reference):  # type: ignore[misc]
    """A link to a file that browsers save (HTML ``download``) rather than show: static hosts
    serve .bib and .ris as text. Other writers write it as the plain reference it is."""


class struck(nodes.inline):  # type: ignore[misc]
    """Text no longer in force (a date before an extension): HTML's <del>; other writers fall
    back to inline's visitor."""


def visit_struck(self: Translator, node: struck) -> None:
    self.body.append(self.starttag(node, "del", ""))


def depart_struck(self: Translator, node: struck) -> None:
    self.body.append("</del>")


def visit_download_link(self: Translator, node: download_link) -> None:
    # starttag escapes every attribute and adds the node's classes.
    attributes = {"href": node["refuri"], "download": node["filename"]}
    self.body.append(self.starttag(node, "a", "", CLASS="reference download", **attributes))


def depart_download_link(self: Translator, node: download_link) -> None:
    self.body.append("</a>")


def page_link(target_doc: str, label: str, *, classes: Sequence[str] = ()) -> page_ref:
    """``label`` linked to the page ``target_doc`` (a docname from the site's root)."""
    return page_ref(label, "", nodes.inline(label, label, classes=list(classes)), target=target_doc)


def external(url: str, label: str, *, classes: Sequence[str] = ()) -> nodes.reference:
    return nodes.reference(label, label, refuri=url, classes=list(classes))


def button(url: str, label: str, *, primary: bool = True) -> nodes.reference:
    style = "sd-btn-primary" if primary else "sd-btn-outline-primary"
    return external(url, label, classes=[*BUTTON_CLASSES, style])


def link_line(parts: Sequence[str | tuple[str, str]], *, classes: list[str]) -> nodes.paragraph:
    """A paragraph of text and links: each link a (target docname['#anchor'], text) pair."""
    para = nodes.paragraph(classes=classes)
    for part in parts:
        para += nodes.Text(part) if isinstance(part, str) else page_link(*part)
    return para


def section(title: str, ids: str, *children: nodes.Node) -> nodes.section:
    return nodes.section("", nodes.title(title, title), *children, ids=[ids], names=[ids])


def missing(text: str, url: str | None = None, label: str = "") -> nodes.paragraph:
    """What the data does not give, said as not known, with a link where it may be found."""
    link = [nodes.Text(" "), external(url, label or url), nodes.Text(".")] if url else []
    return nodes.paragraph("", "", nodes.Text(text), *link, classes=["missing"])


def text_with_math(text: str) -> list[nodes.Node]:
    """Inline ``$...$`` becomes math nodes; everything else stays literal text."""
    # split() alternates text and the pattern's one group, the math.
    parts = enumerate(MATH_RE.split(text))
    return [nodes.math(part, part) if i % 2 else nodes.Text(part) for i, part in parts if part]
