"""The program's build state, kept the way Sphinx keeps it: a Domain whose data (pickled with
the environment) holds each page's sessions, the slots the paper pages last showed, what the
pages of people and talks last showed, and the stamp of the calendar files."""

from __future__ import annotations

from collections.abc import Set
from typing import Any, ClassVar, cast

from sphinx.environment import BuildEnvironment

from ...proceedings import edition_of
from ...proceedings.sphinx import StateDomain
from ..model import Program, Session, Slot

NAME = "program"


class ProgramDomain(StateDomain):
    name = NAME
    label = "Program"
    data_version = 3
    initial_data: ClassVar[dict[str, Any]] = {
        "sessions": {},  # docname -> its sessions, in page order
        "slots": {},  # (year, paper id) -> its slots as the paper pages last showed them
        "parts_shown": set(),  # the pages that show what a program says (its talks, ...)
        "people": "",  # digest of the presenters and speakers the people index last showed
        "shown_from": "",  # digest of the programs and the data the three above were made from
        "calendars": None,  # the stamp of what the calendar files were made from
        "calendar_files": (),  # and their names, from the output folder
    }

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

    def note_parts_shown(self, docname: str) -> None:
        self.data["parts_shown"].add(docname)

    @property
    def parts_shown(self) -> set[str]:
        value: set[str] = self.data["parts_shown"]
        return value

    @property
    def shown_slots(self) -> dict[tuple[int, str], tuple[Slot, ...]]:
        value: dict[tuple[int, str], tuple[Slot, ...]] = self.data["slots"]
        return value

    def store_shown_slots(self, value: dict[tuple[int, str], tuple[Slot, ...]]) -> None:
        self.data["slots"] = value

    @property
    def calendars(self) -> str | None:
        value: str | None = self.data["calendars"]
        return value

    @property
    def calendar_files(self) -> tuple[str, ...]:
        value: tuple[str, ...] = self.data["calendar_files"]
        return value

    def store_calendars(self, stamp: str, files: tuple[str, ...]) -> None:
        self.data["calendars"] = stamp
        self.data["calendar_files"] = files

    def clear_doc(self, docname: str) -> None:
        """A page about to be read again (or removed) forgets its sessions."""
        self.sessions.pop(docname, None)
        self.parts_shown.discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """The sessions a parallel reader found in its documents."""
        found: dict[str, list[Session]] = otherdata["sessions"]
        for docname in docnames:
            if docname in found:
                self.sessions[docname] = found[docname]
        self.parts_shown.update(d for d in otherdata["parts_shown"] if d in docnames)


def domain(env: BuildEnvironment) -> ProgramDomain:
    return cast(ProgramDomain, env.get_domain(NAME))
