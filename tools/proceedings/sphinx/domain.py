"""The proceedings' build state, kept the way Sphinx keeps it: a Domain. Its data (pickled with
the environment) holds the one thing a page keeps of a build: whether it shows what the clock
decides, and the clock's epoch it showed. The Domain object itself (made anew for every build,
never pickled) holds what one build shares between its pages: the loaded series, where it was
read from, the clock, and each paper's rendered citations. Everything else a page shows it
notes as a dependency (Sphinx's own tracking), and the derived files are made at every build."""

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

from ..load import LoadedSeries
from ..model import Paper
from ..paths import paper_docname
from ..render.citation.files import render_paper
from ..series import Edition, Series

NAME = "proceedings"
Doctree = nodes.document | None  # as html-page-context hands it to its handlers


class DataBuildError(SystemExit):
    """The data has errors: the build stops, and says which (file, record, field), one a line.
    A SystemExit, as a command-line tool ends with a message: Sphinx reports any Exception
    from an extension as a crash, with its traceback and a plea to report it to Sphinx."""

    def __init__(self, message: str) -> None:
        super().__init__(f"Data error: {message}")


@dataclass(frozen=True)
class DataRef:
    """Where this build's data was read from."""

    root: Path  # the series' folder
    override: tuple[int, Path] | None  # a volume folder read in place of an edition's
    files: dict[int, tuple[Path, ...]]  # each edition's files (0: series.yaml)
    # The list of those files, written when it changes (sphinx/generate.py): a page that
    # shows which editions there are, or which files an edition has, depends on it. (Sphinx
    # tracks files only: a missing one, or a folder, would make a page outdated forever.)
    manifest: Path

    @property
    def all_files(self) -> tuple[Path, ...]:
        return tuple(path for year in sorted(self.files) for path in self.files[year])

    def shown_by(self, years: Iterable[int], *, volume: bool = True) -> tuple[Path, ...]:
        """What a page showing these editions depends on: series.yaml, each one's edition.yaml
        (load.py lists it first) and, with ``volume``, its papers and volume, and the list of
        files (which changes when one is added or removed)."""
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
        self._loaded: LoadedSeries | None = None
        self._citations: dict[tuple[int, str], dict[str, str]] = {}

    def store(self, ref: DataRef, loaded: LoadedSeries) -> None:
        """The data of this build (read once, when the build starts: sphinx/generate.py)."""
        self._ref, self._loaded = ref, loaded
        self._citations.clear()

    @property
    def ref(self) -> DataRef:
        if self._ref is None:
            raise DataBuildError("the proceedings data was not loaded")
        return self._ref

    @property
    def loaded(self) -> LoadedSeries:
        if self._loaded is None:
            raise DataBuildError("the proceedings data was not loaded")
        return self._loaded

    @property
    def series(self) -> Series:
        return self.loaded.series

    def edition(self, year: int) -> Edition:
        return self.series.edition(year)

    def citation_files(self, year: int, paper: Paper) -> dict[str, str]:
        """The paper's citation files, rendered once a build for its page and for its files.
        Shared: callers must not change it."""
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
        """The build's clock, for a page that shows what it decides: the page is read again
        when the clock passes a moment of the series (Series.epoch)."""
        self.data["clock_docs"].add(docname)
        return self.clock

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Each paper with a DOI, named by it, for the search page."""
        for edition in self.series.editions if self._loaded else ():
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
