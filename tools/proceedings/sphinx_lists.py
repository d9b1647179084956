"""Writing ``paper_list`` nodes (render/lists.py): straight to HTML, else as ordinary nodes."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator

from .render.lists import BADGE_CLASSES, Entry, expand, paper_list

logger = logging.getLogger(__name__)

HTML_FORMATS = ("html",)  # every HTML-family builder (html, dirhtml, singlehtml, epub)


def _link(self: HTML5Translator, docname: str, text: str) -> str:
    if docname not in self.builder.env.all_docs:
        # What Sphinx's own cross-references do for a missing page (nitpicky builds fail).
        logger.warning(
            "[proceedings] a list links to a missing page %r", docname,
            location=self.builder.current_docname, type="proceedings", subtype="link",
        )  # fmt: skip
        return str(self.encode(text))
    uri = self.builder.get_relative_uri(self.builder.current_docname, docname)
    # The markup Sphinx writes for a resolved :doc: reference.
    return (
        f'<a class="reference internal" href="{self.attval(uri)}">'
        f'<span class="doc">{self.encode(text)}</span></a>'
    )


def _entry(self: HTML5Translator, entry: Entry, line_class: str) -> str:
    out = ["<li><p>"]
    if entry.lead is not None:
        out.append(f"<strong>{self.encode(entry.lead)}</strong>: ")
    out.append("; ".join(_link(self, docname, text) for docname, text in entry.links))
    if entry.badge is not None:
        out.append(f' <span class="{" ".join(BADGE_CLASSES)}">{self.encode(entry.badge)}</span>')
    out.append("</p>\n")
    if entry.line is not None:
        out.append(f'<p class="{self.attval(line_class)}">{self.encode(entry.line)}</p>\n')
    out.append("</li>\n")
    return "".join(out)


def visit_paper_list_html(self: HTML5Translator, node: paper_list) -> None:
    tag = "ol" if node["ordered"] else "ul"
    self.body.append(self.starttag(node, tag))  # with the node's classes and ids
    self.body.extend(_entry(self, entry, node["line_class"]) for entry in node["entries"])
    self.body.append(f"</{tag}>\n")
    raise nodes.SkipNode


class ExpandPaperLists(SphinxPostTransform):
    """For writers other than HTML: the lists as ordinary nodes, before references are
    resolved (Sphinx's ReferencesResolver runs at priority 10)."""

    default_priority = 5

    def is_supported(self) -> bool:
        # The opposite of `formats` (which lists the formats a post-transform is for), read
        # the way SphinxPostTransform.is_supported reads it.
        return self.env._builder_cls.format not in HTML_FORMATS

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(paper_list)):
            node.replace_self(expand(node))


def setup(app: Sphinx) -> None:
    app.add_node(paper_list, html=(visit_paper_list_html, None))
    app.add_post_transform(ExpandPaperLists)
