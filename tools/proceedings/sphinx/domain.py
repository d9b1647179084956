"""The proceedings' build state, kept the way Sphinx keeps it: a Domain. Its data (pickled with
the environment) holds what a rebuild compares with: the series' folder, its files and their
fingerprint, the generated pages, the stamps of the citation files. The Domain object itself
(made anew for every build, never pickled) holds what one build shares between its pages: the
loaded series, read at most once, and each paper's rendered citations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, cast

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from ..errors import DataError
from ..load import LoadedSeries, load_series
from ..model import Paper
from ..people import Person
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
    """What the data of the last build was: enough to tell whether it changed."""

    root: Path  # the series' folder
    override: tuple[int, Path] | None  # a volume folder read in place of an edition's
    fingerprint: str  # of the input files' bytes (load.fingerprint)
    files: dict[int, tuple[Path, ...]]  # each edition's files (0: series.yaml)
    generated: frozenset[str]  # the stubs written from it, relative to the source folder
    editions: str  # what every page shows of the series (stubs.editions_digest)

    @property
    def all_files(self) -> tuple[Path, ...]:
        return tuple(path for year in sorted(self.files) for path in self.files[year])

    def shown_by(self, years: Iterable[int], *, volume: bool = True) -> tuple[Path, ...]:
        """The files a page showing these editions depends on: series.yaml, each one's
        edition.yaml (load.py lists it first) and, with ``volume``, its papers and volume."""
        out = list(self.files[0])
        for year in years:
            files = self.files.get(year, ())
            out += files if volume else files[:1]
        return tuple(out)


@dataclass(frozen=True)
class PaperFiles:
    """A paper's citation files as the output holds them, and what they were made from."""

    stamp: str  # digest of what the files show (downloads.paper_stamp)
    texts: dict[str, str]  # file name (in the edition's papers folder) -> content


@dataclass(frozen=True)
class DownloadState:
    """What the citation files in the output were made from, for a rebuild to reuse them.
    Their texts are kept too: a volume's files are joined from its papers', and reading every
    paper's three files back was a tenth of a one-paper rebuild at 2,600 papers (make bench)."""

    code: str  # the code and base URL (downloads.code_stamp)
    data: str  # the data's fingerprint
    papers: dict[str, PaperFiles]  # the paper's files' folder in the output, '/', its id


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
    data_version = 4  # 4: the pages that show the clock
    # The feed: the stamp of what atom.xml was last made from. Clock: the pages that show what
    # the build's clock decides (a call open or closed), and the series' epoch they showed.
    initial_data: ClassVar[dict[str, Any]] = {
        "ref": None, "downloads": None, "feed": None, "clock_docs": set(), "epoch": None,
    }  # fmt: skip

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self.now: dt.datetime | None = None  # the build's clock (sources/clock.py)
        self.files_changed: set[int] = set()  # editions whose set of data files changed
        self._loaded: LoadedSeries | None = None
        self._citations: dict[tuple[int, str], dict[str, str]] = {}
        self.shared: dict[str, str] = {}  # this build's work shared between pages (speedups)
        self.people_index: tuple[list[Person], bool] | None = None  # everyone, split or not

    @property
    def ref(self) -> DataRef:
        ref = self.data["ref"]
        if not isinstance(ref, DataRef):
            raise DataBuildError("the proceedings data was not loaded")
        return ref

    @property
    def previous(self) -> DataRef | None:
        ref = self.data["ref"]
        return ref if isinstance(ref, DataRef) else None

    def store(self, ref: DataRef, loaded: LoadedSeries) -> None:
        self.data["ref"] = ref
        self._loaded = loaded
        self._citations.clear()
        self.people_index = None

    @property
    def loaded(self) -> LoadedSeries:
        """The data of this build; read again from its folder when the environment came from
        disk (a rebuild whose data did not change reads it only if a page needs it)."""
        ref = self.ref
        if self._loaded is None or self._loaded.fingerprint != ref.fingerprint:
            try:
                loaded = load_series(ref.root, override=ref.override)
            except DataError as exc:
                raise DataBuildError(str(exc)) from None
            if loaded.fingerprint != ref.fingerprint:
                raise DataBuildError(f"the data in {ref.root} changed while the site was built")
            self._loaded = loaded
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
    def downloads(self) -> DownloadState | None:
        state = self.data["downloads"]
        return state if isinstance(state, DownloadState) else None

    def store_downloads(self, state: DownloadState) -> None:
        self.data["downloads"] = state

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

    # What a page shows of the data it notes as a dependency; the clock is the one thing of
    # a page kept here.
    def clear_doc(self, docname: str) -> None:
        self.data["clock_docs"].discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self.data["clock_docs"] |= otherdata["clock_docs"] & set(docnames)


def domain(env: BuildEnvironment) -> ProceedingsDomain:
    return cast(ProceedingsDomain, env.get_domain(NAME))
