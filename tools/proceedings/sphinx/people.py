"""The people index, filled once every page is read: the data names the chairs, committees and
authors, and each program page its presenters and speakers (the event ``people-mentions``,
which tools.program answers), so the index is made when its page is resolved."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from ..paths import edition_of
from ..people import Mention, Person, data_mentions, people
from ..render.page.editions import edition_nav
from ..render.page.people import people_index, people_placeholder
from .domain import domain
from .generate import ORGANIZERS

EVENT = "people-mentions"  # handlers: (app, env) -> list[Mention]


class PeopleIndex(SphinxDirective):
    """``{people-index}``: everyone of every edition; the page depends on every data file and
    on the pages of the programs, which name presenters and speakers."""

    def run(self) -> list[nodes.Node]:
        ref = domain(self.env).ref
        for path in ref.shown_by(sorted(y for y in ref.files if y)):
            self.env.note_dependency(str(path))
        for doc in sorted(self.env.found_docs):
            if doc.startswith("program/") and edition_of(doc) is not None:
                self.env.note_dependency(self.env.doc2path(doc))
        return [people_placeholder()]


def everyone(app: Sphinx, env: BuildEnvironment) -> list[Person]:
    mentions: list[Mention] = data_mentions(domain(env).series, ORGANIZERS)
    for found in app.emit(EVENT, env):
        mentions += found
    return people(mentions)


def fill_people(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: the people placeholder becomes the index (its links are resolved by
    links.resolve_late, connected after this)."""
    for node in list(doctree.findall(people_placeholder)):
        node.replace_self(people_index(everyone(app, app.env)))


def add_edition_nav(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: which edition a page belongs to, and the way to the others, above its
    title (the generated pages have it from their parser). The way depends on the editions
    there are (the data's list of files) and on the series' name."""
    if any("edition-nav" in n.get("classes", []) for n in doctree.children[:3]
           if isinstance(n, nodes.Element)):  # fmt: skip
        return
    state, docname = domain(app.env), app.env.docname
    for path in state.ref.shown_by([], volume=False):
        app.env.note_dependency(str(path))
    first = next((i for i, n in enumerate(doctree.children) if isinstance(n, nodes.section)), 0)
    doctree.insert(first, edition_nav(state.series, docname))
