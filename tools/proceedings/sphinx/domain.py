"""The proceedings' build state, kept the way Sphinx keeps it: a Domain. Its data (pickled with
the environment) holds what a rebuild compares with: the data folder, its files and their
fingerprint, the generated pages, the stamps of the citation files. The Domain object itself
(made anew for every build, never pickled) holds what one build shares between its pages: the
loaded data, read at most once, and each paper's rendered citations."""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, cast

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.errors import SphinxError

from ..load import Loaded, load
from ..model import Paper, Proceedings
from ..render.citation.files import render_paper

NAME = "proceedings"
Doctree = nodes.document | None  # as html-page-context hands it to its handlers


class DataBuildError(SphinxError):
    """The data has errors (each reported on its own line before): the build stops."""

    category = "Data error"


@dataclass(frozen=True)
class DataRef:
    """What the data of the last build was: enough to tell whether it changed."""

    folder: Path
    fingerprint: str  # of the input files' bytes (load.fingerprint)
    files: tuple[Path, ...]  # every input file, for dependency tracking
    generated: frozenset[str]  # the stubs written from it, relative to the source folder


@dataclass(frozen=True)
class DownloadState:
    """What the citation files in the output were made from, for a rebuild to reuse them."""

    code: str  # the code and base URL (downloads.code_stamp)
    data: str  # the data's fingerprint
    papers: dict[str, str]  # paper id -> digest of what its files show


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
    data_version = 1
    initial_data: ClassVar[dict[str, Any]] = {"ref": None, "downloads": None}

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._loaded: Loaded | None = None
        self._citations: dict[str, dict[str, str]] = {}
        self.shared: dict[str, str] = {}  # this build's work shared between pages (speedups)

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

    def store(self, folder: Path, loaded: Loaded, *, generated: Iterable[str]) -> None:
        self.data["ref"] = DataRef(folder, loaded.fingerprint, loaded.files, frozenset(generated))
        self._loaded = loaded
        self._citations.clear()

    @property
    def loaded(self) -> Loaded:
        """The data of this build; read again from its folder when the environment came from
        disk (a rebuild whose data did not change reads it only if a page needs it)."""
        ref = self.ref
        if self._loaded is None or self._loaded.fingerprint != ref.fingerprint:
            loaded = load(ref.folder)
            if loaded.fingerprint != ref.fingerprint:
                raise DataBuildError(f"the data in {ref.folder} changed while the site was built")
            self._loaded = loaded
        return self._loaded

    @property
    def proceedings(self) -> Proceedings:
        return self.loaded.proceedings

    def citation_files(self, paper: Paper) -> dict[str, str]:
        """The paper's citation files, rendered once a build for its page and for its files.
        Shared: callers must not change it."""
        if paper.id not in self._citations:
            self._citations[paper.id] = render_paper(paper, self.proceedings.volume)
        return self._citations[paper.id]

    @property
    def downloads(self) -> DownloadState | None:
        state = self.data["downloads"]
        return state if isinstance(state, DownloadState) else None

    def store_downloads(self, state: DownloadState) -> None:
        self.data["downloads"] = state

    # Nothing here belongs to one document: what a page shows comes from the data, on which
    # every such page notes its dependency.
    def clear_doc(self, docname: str) -> None:
        pass

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        pass  # parallel readers read the data the main process stored; they change nothing


def domain(env: BuildEnvironment) -> ProceedingsDomain:
    return cast(ProceedingsDomain, env.get_domain(NAME))
