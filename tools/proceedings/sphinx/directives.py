"""The directives of the proceedings pages: the volume's front matter, its contents and the
author index, each rendered from the data (every file of which the page then depends on)."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..model import Proceedings
from ..render.page.authors import author_index
from ..render.page.volume import contents, front_matter
from .domain import domain


class DataDirective(SphinxDirective):
    """Base of the directives that render from the loaded data."""

    @property
    def proceedings(self) -> Proceedings:
        state = domain(self.env)
        for path in state.ref.files:
            self.env.note_dependency(str(path))
        return state.proceedings


class FrontMatter(DataDirective):
    def run(self) -> list[nodes.Node]:
        return front_matter(self.proceedings, self.env.docname)


class Contents(DataDirective):
    def run(self) -> list[nodes.Node]:
        return contents(self.proceedings)


class AuthorIndex(DataDirective):
    def run(self) -> list[nodes.Node]:
        split_from: int = self.config.proceedings_author_pages_from
        return author_index(self.proceedings, split_from=split_from)
