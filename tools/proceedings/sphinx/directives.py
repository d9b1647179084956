"""The directives of the pages, each rendered from the data its page then depends on."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from ..paths import SECTIONS, edition_of
from ..render.page import editions as blocks
from ..render.page.nodes import FROM_DATA, call_notice_pending, from_data, missing
from ..render.page.volume import contents, front_matter, series_downloads
from ..series import Edition, Series
from .domain import domain, note_data


class DataDirective(SphinxDirective):
    """Base of the directives that render from the loaded data."""

    option_spec: ClassVar[dict[str, object]] = {"edition": directives.positive_int}
    # False: shows nothing of a volume (its papers), so a changed title does not rebuild it.
    shows_volume: ClassVar[bool] = True

    def volume_shown(self) -> bool:
        return self.shows_volume

    def series(self, *years: int) -> Series:
        """The series; the page depends on the files of ``years`` (none: every edition's)."""
        note_data(self.env, years or None, volume=self.volume_shown())
        return domain(self.env).series

    def edition(self) -> tuple[Series, Edition]:
        """The page's edition (by its folder, else its ``:edition:`` option), or an error."""
        year = self.options.get("edition") or edition_of(self.env.docname)
        series = self.series(*([year] if year else []))
        if year is None or not series.has(year):
            raise self.error(
                f"{self.name!r} belongs on a page of an edition (cfp/<year>/, program/<year>/, "
                f"proceedings/<year>/), not on {self.env.docname!r}, or the data has no {year}"
            )
        return series, series.edition(year)


class FrontMatter(DataDirective):
    def run(self) -> list[nodes.Node]:
        series, edition = self.edition()
        if edition.proceedings is None:
            return [missing(f"The papers of {series.label(edition)} are not known, nor whether "
                            "and by whom they will be published.")]  # fmt: skip
        return front_matter(edition.proceedings, edition.year, self.env.docname)


class Contents(DataDirective):
    def run(self) -> list[nodes.Node]:
        _, edition = self.edition()
        proceedings = edition.proceedings
        return [] if proceedings is None else contents(proceedings, edition.year)


class CallStatus(DataDirective):
    """``{cfp-status}``: whether the call is open by the build's clock (see CallNotices)."""

    shows_volume = False

    def run(self) -> list[nodes.Node]:
        _, edition = self.edition()
        domain(self.env).note_clock(self.env.docname)
        return [call_notice_pending(year=edition.year)]


TEXT_NODES = (nodes.paragraph, nodes.table, nodes.literal_block)
FRAMING = (nodes.title, nodes.docinfo)


class CallNotices(SphinxTransform):
    """A page's call status, once the page is read: a call is published once it has a date, a
    portal or a text of its own on the page."""

    default_priority = 500

    def apply(self, **kwargs: object) -> None:
        pending = list(self.document.findall(call_notice_pending))
        if not pending:
            return
        has_text = any(
            isinstance(node, TEXT_NODES) and _own_text(node) for node in self.document.findall()
        )
        state = domain(self.env)
        for node in pending:
            edition = state.series.edition(node["year"])
            notice = blocks.call_notice(state.series, edition, state.clock, has_text=has_text)
            node.replace_self(from_data([notice]))


def _own_text(node: nodes.Element) -> bool:
    """Not a title, not from the data, not the front matter (a field list before the first
    section until Sphinx takes it)."""
    current: nodes.Element | None = node
    while current is not None:
        if FROM_DATA in current.get("classes", ()) or isinstance(current, FRAMING):
            return False
        if isinstance(current, nodes.field_list) and isinstance(current.parent, nodes.document):
            return False
        current = current.parent
    return True


class EditionLine(DataDirective):
    """``{edition-line}``: the page's edition, its day, place and host, in a line."""

    shows_volume = False

    def run(self) -> list[nodes.Node]:
        series, edition = self.edition()
        if not edition.call.has_data and self.env.docname.startswith("cfp/"):
            return []  # a call not published yet says only that
        return from_data([blocks.edition_line(series, edition)])


class Submission(DataDirective):
    shows_volume = False

    def run(self) -> list[nodes.Node]:
        return from_data(blocks.submission(*self.edition()))


class Deadlines(DataDirective):
    """``{cfp-dates}``: the call's dates as a table, extensions shown."""

    shows_volume = False

    def run(self) -> list[nodes.Node]:
        return from_data(blocks.deadline_table(self.edition()[1]))


class Committees(DataDirective):
    """``{committees}``: every edition's chairs and committee, a section ``#edition-YEAR`` each."""

    shows_volume = False

    def run(self) -> list[nodes.Node]:
        return blocks.committee_sections(self.series())


class EditionList(DataDirective):
    """``{edition-list} SECTION``: the section's page of every edition, the current first."""

    required_arguments = 1

    def volume_shown(self) -> bool:
        return bool(self.arguments[0] != "cfp")  # the program's and proceedings' count papers

    def run(self) -> list[nodes.Node]:
        section = directives.choice(self.arguments[0], SECTIONS)
        now = domain(self.env).note_clock(self.env.docname)
        return [blocks.edition_list(self.series(), section, now)]


class Editions(DataDirective):
    """``{editions}``: every edition, the current first, a section ``#edition-YEAR`` each."""

    def run(self) -> list[nodes.Node]:
        now = domain(self.env).note_clock(self.env.docname)
        return blocks.edition_sections(self.series(), now)


class News(DataDirective):
    shows_volume = False

    def run(self) -> list[nodes.Node]:
        return [blocks.news_list(self.series())]


class Subscribe(SphinxDirective):
    """``{subscribe}``: the series' calendar (to subscribe to or download) and news feed."""

    def run(self) -> list[nodes.Node]:
        base: str = self.config.html_baseurl or ""
        return [blocks.subscribe(self.env.docname, base)]


class SeriesDownloads(DataDirective):
    def run(self) -> list[nodes.Node]:
        self.series()
        return [series_downloads(self.env.docname)]
