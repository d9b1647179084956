"""The directives of the pages, each rendered from the data (every file of which the page then
depends on): an edition's volume (front matter, contents), its call (status, submission, dates),
its committee, each section's list of editions, the home page's editions and news."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..numbers import YEAR, parse_whole
from ..paths import SECTIONS, edition_of
from ..render.page import editions as blocks
from ..render.page.nodes import missing
from ..render.page.volume import contents, front_matter, series_downloads
from ..series import Edition, Series
from .domain import domain


class DataDirective(SphinxDirective):
    """Base of the directives that render from the loaded data."""

    # False for a directive that shows nothing of an edition's volume (its papers): its page
    # depends on series.yaml and edition.yaml only, and a changed title does not rebuild it.
    shows_volume: ClassVar[bool] = True

    def volume_shown(self) -> bool:
        return self.shows_volume

    def series(self, *years: int) -> Series:
        """The series; the page depends on series.yaml and on the files of ``years`` (every
        edition's when none is named)."""
        ref = domain(self.env).ref
        for path in ref.shown_by(
            years or sorted(y for y in ref.files if y), volume=self.volume_shown()
        ):
            self.env.note_dependency(str(path))
        return domain(self.env).series

    option_spec: ClassVar[dict[str, object]] = {"edition": directives.positive_int}

    def edition(self) -> tuple[Series, Edition]:
        """The edition of this page (by its folder: cfp/2026/index is 2026's, or its
        ``:edition:`` option on a page of the series), or an error."""
        year = self.options.get("edition") or edition_of(self.env.docname)
        series = self.series(*([year] if year else []))
        if year is None or not series.has(year):
            raise self.error(
                f"{self.name!r} belongs on a page of an edition (cfp/<year>/, program/<year>/, "
                f"proceedings/<year>/), not on {self.env.docname!r}, or the data has no {year}"
            )
        return series, series.edition(year)

    def named_edition(self) -> tuple[Series, Edition]:
        """The edition the directive's argument names by its year, or an error."""
        text = self.arguments[0]
        year = parse_whole(text, YEAR)
        series = self.series(*([year] if year else []))
        if year is None or not series.has(year):
            raise self.error(f"{text!r}: the data has no such edition (give its year)")
        return series, series.edition(year)


class FrontMatter(DataDirective):
    def run(self) -> list[nodes.Node]:
        series, edition = self.edition()
        if edition.proceedings is None:
            label = series.label(edition)
            return [missing(f"The papers and proceedings of {label} are not known.")]
        return front_matter(edition.proceedings, edition.year, self.env.docname)


class Contents(DataDirective):
    def run(self) -> list[nodes.Node]:
        _, edition = self.edition()
        if edition.proceedings is None:
            return []
        return contents(edition.proceedings, edition.year)


class CallStatus(DataDirective):
    """``{cfp-status}``: whether the call is open, measured against the data's revision date."""

    shows_volume = False

    def run(self) -> list[nodes.Node]:
        return [blocks.call_notice(*self.edition())]


class EditionLine(DataDirective):
    """``{edition-line}``: the edition of the page, its day, place and host, in a line."""

    shows_volume = False

    def run(self) -> list[nodes.Node]:
        return [blocks.edition_line(*self.edition())]


class Submission(DataDirective):
    shows_volume = False

    def run(self) -> list[nodes.Node]:
        return [blocks.submission(*self.edition())]


class Deadlines(DataDirective):
    """``{cfp-dates}``: the call's dates as a table, extensions shown."""

    shows_volume = False

    def run(self) -> list[nodes.Node]:
        note = "Every deadline is at 23:59 Anywhere on Earth (AoE, UTC−12) on the day given."
        return [blocks.deadline_table(self.edition()[1]), nodes.paragraph(note, note)]


class Committee(DataDirective):
    """``{committee} YEAR``: an edition's chairs and program committee (on a page of the
    series: an anchor ``edition-YEAR`` that the people index links to)."""

    required_arguments = 1

    shows_volume = False

    def run(self) -> list[nodes.Node]:
        series, edition = self.named_edition()
        box = nodes.container(ids=[blocks.edition_anchor(edition.year)],
                              classes=["edition-committee"])  # fmt: skip
        box.extend(blocks.committee(series, edition))
        return [box]


class EditionList(DataDirective):
    """``{edition-list} SECTION``: the section's page of every edition, the current first."""

    required_arguments = 1

    def volume_shown(self) -> bool:
        return bool(self.arguments[0] != "cfp")  # the program's and proceedings' count papers

    def run(self) -> list[nodes.Node]:
        section = directives.choice(self.arguments[0], SECTIONS)
        return [blocks.edition_list(self.series(), section)]


class EditionSummary(DataDirective):
    """``{edition-summary} YEAR``: an edition at a glance."""

    required_arguments = 1
    shows_volume = False

    def run(self) -> list[nodes.Node]:
        return blocks.edition_summary(*self.named_edition())


class News(DataDirective):
    shows_volume = False

    def run(self) -> list[nodes.Node]:
        return [blocks.news_list(self.series())]


class SeriesDownloads(DataDirective):
    def run(self) -> list[nodes.Node]:
        self.series()
        return [series_downloads(self.env.docname)]
