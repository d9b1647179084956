"""The people index, filled once every page is read: the data names the chairs, committees and
authors, and each program page its presenters and speakers (the event ``people-mentions``,
which tools.program answers), so the index is made when a page is resolved."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from ..paths import PEOPLE_DIR
from ..people import Mention, Person, data_mentions, people
from ..render.page.editions import edition_nav
from ..render.page.people import letter_page, people_index, people_placeholder
from .domain import domain
from .generate import ORGANIZERS

EVENT = "people-mentions"  # handlers: (app, env) -> list[Mention]


class PeopleIndex(SphinxDirective):
    """``{people-index}``: everyone of every edition (a page a letter for a large series)."""

    def run(self) -> list[nodes.Node]:
        for path in domain(self.env).ref.all_files:
            self.env.note_dependency(str(path))
        return [people_placeholder(letter="")]


def everyone(app: Sphinx, env: BuildEnvironment) -> list[Person]:
    mentions: list[Mention] = data_mentions(domain(env).series, ORGANIZERS)
    for found in app.emit(EVENT, env):
        mentions += found
    return people(mentions)


def fill_people(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: each people placeholder becomes its list (the index's links are
    resolved by links.resolve_lists, connected after this)."""
    placeholders = list(doctree.findall(people_placeholder))
    if not placeholders:
        return
    found, split = _index(app)
    for node in placeholders:
        letter = node["letter"]
        node.replace_self(
            letter_page(found, letter) if letter else people_index(found, split=split)
        )


def _index(app: Sphinx) -> tuple[list[Person], bool]:
    """Everyone, and whether the index has a page a letter: made once a build (every page is
    read by then), not once for each of the letter pages."""
    state = domain(app.env)
    if state.people_index is None:
        # Split when the data's people got letter pages (generate.write_stubs decided it).
        split = any(name.startswith(PEOPLE_DIR + "/") for name in state.ref.generated)
        state.people_index = (everyone(app, app.env), split)
    return state.people_index


def add_edition_nav(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: which edition a page belongs to, and the way to the others, above its
    title (the generated pages have it from their parser)."""
    if any("edition-nav" in n.get("classes", []) for n in doctree.children[:3]
           if isinstance(n, nodes.Element)):  # fmt: skip
        return
    docname = app.env.docname
    first = next((i for i, n in enumerate(doctree.children) if isinstance(n, nodes.section)), 0)
    doctree.insert(first, edition_nav(domain(app.env).series, docname))
