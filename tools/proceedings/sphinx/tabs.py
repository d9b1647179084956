"""sphinx-design's tabs: aria-controls on each tab's radio input instead of its label, and the
Cite tab set of a paper page (render/page/cite.py) written straight to HTML, as its
components would be, without passing through the page's transforms."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator
from sphinx_design.tabs import TabSetHtmlTransform, depart_tab_input, sd_tab_input, sd_tab_label

from ..render.page.cite import (
    SYNC_GROUP,
    cite_formats,
    download_button,
    download_target,
    tab_set,
)
from ..render.page.nodes import depart_download_link, visit_download_link
from .links import HTML_FORMATS


class ControlsOnInput(SphinxPostTransform):
    """Move each tab label's aria-controls (the panel it opens) to the label's radio input.

    sphinx-design 0.8.0 puts it on the <label>, which HTML forbids on a label tied to a
    labelable element (the Nu HTML Checker reports it); the radio is the control that a
    keyboard or a screen reader operates, so the relation belongs there.
    """

    # Right after sphinx-design's transform, which makes the inputs and labels.
    default_priority = TabSetHtmlTransform.default_priority + 1
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        inputs = {node["id"]: node for node in self.document.findall(sd_tab_input)}
        for label in self.document.findall(sd_tab_label):
            radio = inputs.get(label.get("input_id"))
            if radio is not None and "aria_controls" in label:
                radio["aria_controls"] = label["aria_controls"]
                del label["aria_controls"]


def visit_tab_input(self: HTML5Translator, node: sd_tab_input) -> None:
    # sphinx-design's own visitor, plus aria-controls: its visitor writes a fixed set.
    attributes = {"ids": [node["id"]], "type": node["type"], "name": node["set_id"]}
    if node["checked"]:
        attributes["checked"] = "checked"
    if "aria_controls" in node:
        attributes["aria-controls"] = node["aria_controls"]
    self.body.append(self.starttag(node, "input", **attributes))


class CiteTabsAsComponents(SphinxPostTransform):
    """For writers other than HTML: each cite_formats node as the sphinx-design components it
    stands for (before sphinx-design's own transforms see the page)."""

    default_priority = TabSetHtmlTransform.default_priority - 1
    formats = HTML_FORMATS

    def is_supported(self) -> bool:
        return not super().is_supported()  # every format but those

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(cite_formats)):
            node.replace_self(tab_set(node))


def visit_cite_formats_html(self: HTML5Translator, node: cite_formats) -> None:
    """The markup that sphinx-design's transform and visitors (with ControlsOnInput) and
    Sphinx's code-block visitor make of ``tab_set(node)``, written straight out: the page's one
    tab set, numbered as sphinx-design numbers a page's first (its ids are published
    fragments). A test builds the site both ways and compares every page byte for byte."""
    docname: str = node["docname"]
    self.body.append(self.starttag(node, "div", CLASS="docutils"))  # sphinx-design's visitor
    for i, tab in enumerate(node["tabs"]):
        item = f"sd-tab-item-{i}"
        checked = ' checked="checked"' if i == 0 else ""
        self.body.append(
            f'<input aria-controls="{item}-content"{checked} id="{item}" name="sd-tab-set-0" '
            'type="radio">\n'
            f'<label class="sd-tab-label" data-sync-group="{self.attval(SYNC_GROUP)}" '
            f'data-sync-id="{self.attval(tab.sync_id)}" for="{item}">\n'
            f'{self.encode(tab.label)}</label><div class="sd-tab-content docutils" '
            f'id="{item}-content">\n'
        )
        if tab.note:
            self.body.append(f'<p class="cite-note">{self.encode(tab.note)}</p>\n')
        highlighted = self.highlighter.highlight_block(
            tab.text, tab.language, opts=self.config.highlight_options.get(tab.language, {}),
            linenos=False, location=node, force=False,
        )  # fmt: skip
        classes = f"cite-{tab.sync_id} highlight-{tab.language} notranslate"
        self.body.append(f'<div class="{self.attval(classes)}">{highlighted}</div>\n')
        if tab.download:
            link = download_button(docname, download_target(docname, tab), tab.download_label)
            self.body.append("<p>")
            visit_download_link(self, link)
            self.body.append(self.encode(tab.download_label))
            depart_download_link(self, link)
            self.body.append("</p>\n")
        self.body.append("</div>\n")
    self.body.append("</div>\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_post_transform(ControlsOnInput)
    app.add_post_transform(CiteTabsAsComponents)
    app.add_node(sd_tab_input, override=True, html=(visit_tab_input, depart_tab_input))
    app.add_node(cite_formats, html=(visit_cite_formats_html, None))
