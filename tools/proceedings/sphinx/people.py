"""The people index, filled once every page is read (program pages name people too)."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..paths import edition_of
from ..people import Mention, data_mentions, people
from ..render.page.people import people_index, people_placeholder
from .domain import domain, note_data
from .generate import ORGANIZERS

EVENT = "people-mentions"  # handlers: (app, env) -> list[Mention]; tools.program answers


class PeopleIndex(SphinxDirective):
    """``{people-index}``: everyone; the page depends on all the data and the program pages."""

    def run(self) -> list[nodes.Node]:
        note_data(self.env)
        for doc in sorted(self.env.found_docs):
            if doc.startswith("program/") and edition_of(doc) is not None:
                self.env.note_dependency(self.env.doc2path(doc))
        return [people_placeholder()]


def fill_people(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: the placeholder becomes the index (resolve_late then makes its links)."""
    for node in list(doctree.findall(people_placeholder)):
        mentions: list[Mention] = data_mentions(domain(app.env).series, ORGANIZERS)
        for found in app.emit(EVENT, app.env):
            mentions += found
        node.replace_self(people_index(people(mentions)))
