"""sphinx-design's tabs with aria-controls on each tab's radio input instead of its label."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator
from sphinx_design.tabs import TabSetHtmlTransform, depart_tab_input, sd_tab_input, sd_tab_label


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


def setup(app: Sphinx) -> None:
    app.add_post_transform(ControlsOnInput)
    app.add_node(sd_tab_input, override=True, html=(visit_tab_input, depart_tab_input))
