"""The one docutils node of ours: a time range that HTML writes as a <time> element."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator


# Lower case like docutils' own node classes; docutils is untyped here (see pyproject).
class program_time(nodes.inline):  # type: ignore[misc]
    """A time range in the venue's zone; ``datetime`` and ``end`` hold ISO 8601 instants.

    Other builders write it as the inline it derives from (Sphinx's translators dispatch along
    the class hierarchy), so only HTML needs visitors.
    """


def visit_time_html(self: HTML5Translator, node: program_time) -> None:
    # The script that shows the visitor's own time reads these two attributes.
    attributes = {"datetime": node["datetime"], "data-end": node["end"]}
    self.body.append(self.starttag(node, "time", "", **attributes))


def depart_time_html(self: HTML5Translator, node: program_time) -> None:
    self.body.append("</time>")
