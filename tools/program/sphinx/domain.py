"""The program's build state: a Domain whose data holds each page's sessions."""

from __future__ import annotations

from collections.abc import Set
from typing import Any, ClassVar, cast

from sphinx.environment import BuildEnvironment

from ...proceedings import edition_of
from ...proceedings.sphinx import StateDomain
from ..model import Program, Session

NAME = "program"


class ProgramDomain(StateDomain):
    name = NAME
    label = "Program"
    data_version = 4  # 4: the sessions only
    initial_data: ClassVar[dict[str, Any]] = {"sessions": {}}  # docname -> its sessions

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._pages: dict[int, list[str]] | None = None  # this build's, never pickled

    def pages(self, year: int) -> list[str]:
        """The edition's program pages, listed once a build (not a scan a paper page)."""
        if self._pages is None:
            self._pages = {}
            for doc in self.env.found_docs:
                if doc.startswith("program/") and (y := edition_of(doc)) is not None:
                    self._pages.setdefault(y, []).append(doc)
        return self._pages.get(year, [])

    @property
    def sessions(self) -> dict[str, list[Session]]:
        value: dict[str, list[Session]] = self.data["sessions"]
        return value

    def add_session(self, docname: str, session: Session) -> None:
        self.sessions.setdefault(docname, []).append(session)

    def program(self, year: int) -> Program:
        """The sessions of the edition's program pages (program/<year>/...), pages in order."""
        docs = sorted(doc for doc in self.sessions if edition_of(doc) == year)
        return Program(tuple(s for doc in docs for s in self.sessions[doc]))

    @property
    def programs(self) -> dict[int, Program]:
        years = {y for doc in self.sessions if (y := edition_of(doc)) is not None}
        return {year: self.program(year) for year in sorted(years)}

    def clear_doc(self, docname: str) -> None:
        self.sessions.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        found: dict[str, list[Session]] = otherdata["sessions"]
        self.sessions.update((doc, found[doc]) for doc in docnames if doc in found)


def domain(env: BuildEnvironment) -> ProgramDomain:
    return cast(ProgramDomain, env.get_domain(NAME))
