"""The proceedings' build state, in a Domain as Sphinx keeps it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, cast

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment

from ..model import Paper
from ..paths import paper_docname
from ..render.citation.files import render_paper
from ..series import Edition, Series

NAME = "proceedings"
Doctree = nodes.document | None  # as html-page-context hands it to its handlers


class DataBuildError(SystemExit):
    """The data has errors: the build stops and lists them. A SystemExit, as Sphinx reports any
    Exception from an extension as a crash, with a traceback and a plea to report it."""

    def __init__(self, message: str) -> None:
        super().__init__(f"Data error: {message}")


@dataclass(frozen=True)
class DataRef:
    """Where this build's data was read from."""

    files: dict[int, tuple[Path, ...]]  # each edition's files (0: series.yaml)
    # The list of those files (generate.py): a page that shows which editions or files there
    # are depends on it, as Sphinx tracks files only (a missing one or a folder would make a
    # page outdated forever).
    manifest: Path

    def shown_by(self, years: Iterable[int], *, volume: bool = True) -> tuple[Path, ...]:
        """What a page showing these editions depends on: series.yaml, the manifest, each one's
        edition.yaml (listed first by load.py) and, with ``volume``, its other files."""
        out = [*self.files[0], self.manifest]
        for year in years:
            files = self.files.get(year, ())
            out += files if volume else files[:1]
        return tuple(out)


class StateDomain(Domain):
    """A Domain that holds build state only: no object types, roles or cross-references."""

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []


class ProceedingsDomain(StateDomain):
    """Its data (pickled with the environment) holds only which pages show what the clock
    decides, and the epoch they showed; the object (new every build) holds what a build shares
    between pages: the series, where it was read from, the clock, each paper's citations."""

    name = NAME
    label = "Proceedings"
    # Search finds a paper by its DOI: words of digits are not indexed, objects' names are.
    object_types: ClassVar[dict[str, ObjType]] = {"paper": ObjType("paper (DOI)")}
    data_version = 5  # 5: no stamps, the clock only
    # The pages that show what the build's clock decides (a call open or closed), and the
    # series' epoch (Series.epoch) they were read at.
    initial_data: ClassVar[dict[str, Any]] = {"clock_docs": set(), "epoch": None}

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self.now: dt.datetime | None = None  # the build's clock (sources/clock.py)
        self._ref: DataRef | None = None
        self._series: Series | None = None
        self._citations: dict[tuple[int, str], dict[str, str]] = {}
        self.read_now: set[str] = set()  # the pages this build reads (note_read_now)

    def store(self, ref: DataRef, series: Series) -> None:
        self._ref, self._series = ref, series
        self._citations.clear()

    @property
    def ref(self) -> DataRef:
        if self._ref is None:
            raise DataBuildError("the proceedings data was not loaded")
        return self._ref

    @property
    def series(self) -> Series:
        if self._series is None:
            raise DataBuildError("the proceedings data was not loaded")
        return self._series

    def edition(self, year: int) -> Edition:
        return self.series.edition(year)

    def citation_files(self, year: int, paper: Paper) -> dict[str, str]:
        """Rendered once a build, for the page and the files. Shared: do not change it."""
        key = (year, paper.id)
        if key not in self._citations:
            proceedings = self.edition(year).proceedings
            assert proceedings is not None  # only papers of a volume are cited
            self._citations[key] = render_paper(paper, proceedings.volume)
        return self._citations[key]

    @property
    def clock(self) -> dt.datetime:
        if self.now is None:
            raise DataBuildError("the build's clock was not read")
        return self.now

    def note_clock(self, docname: str) -> dt.datetime:
        """The clock, for a page read again when it passes a moment of the series."""
        self.data["clock_docs"].add(docname)
        return self.clock

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Each paper with a DOI, named by it, for the search page."""
        for edition in self._series.editions if self._series is not None else ():
            for paper in edition.proceedings.papers if edition.proceedings else ():
                if paper.doi:
                    docname = paper_docname(edition.year, paper.id)
                    yield paper.doi, paper.doi, "paper", docname, "paper", 1

    def clear_doc(self, docname: str) -> None:
        self.data["clock_docs"].discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self.data["clock_docs"] |= otherdata["clock_docs"] & set(docnames)


def domain(env: BuildEnvironment) -> ProceedingsDomain:
    return cast(ProceedingsDomain, env.get_domain(NAME))


def note_data(
    env: BuildEnvironment, years: Iterable[int] | None = None, *, volume: bool = True
) -> None:
    """The page being read shows these editions' data (None: every edition's)."""
    ref = domain(env).ref
    shown = sorted(y for y in ref.files if y) if years is None else years
    for path in ref.shown_by(shown, volume=volume):
        env.note_dependency(str(path))
