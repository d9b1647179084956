"""The program's build state, kept the way Sphinx keeps it: a Domain whose data (pickled with
the environment) holds each page's sessions, the dates file read at the start of the build,
the slots the paper pages last showed, and the stamp of the calendar files."""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path
from typing import Any, ClassVar, cast

from sphinx.environment import BuildEnvironment

from ...proceedings.sphinx import DataBuildError, StateDomain
from ..model import Dates, Program, Session, Slot

NAME = "program"


class ProgramDomain(StateDomain):
    name = NAME
    label = "Program"
    data_version = 1
    initial_data: ClassVar[dict[str, Any]] = {
        "sessions": {},  # docname -> its sessions, in page order
        "dates": None,  # (the dates, the file they were read from)
        "slots": {},  # paper id -> its slots as the paper pages last showed them
        "calendars": None,  # the stamp of what the calendar files were made from
    }

    @property
    def sessions(self) -> dict[str, list[Session]]:
        value: dict[str, list[Session]] = self.data["sessions"]
        return value

    def add_session(self, docname: str, session: Session) -> None:
        self.sessions.setdefault(docname, []).append(session)

    @property
    def program(self) -> Program:
        return Program(tuple(s for doc in sorted(self.sessions) for s in self.sessions[doc]))

    def _dates(self) -> tuple[Dates, Path]:
        value: tuple[Dates, Path] | None = self.data["dates"]
        if value is None:
            raise DataBuildError("the program's dates file was not loaded")
        return value

    @property
    def dates(self) -> Dates:
        return self._dates()[0]

    @property
    def dates_file(self) -> Path:
        return self._dates()[1]

    def store_dates(self, value: Dates, path: Path) -> None:
        self.data["dates"] = (value, path)

    @property
    def shown_slots(self) -> dict[str, tuple[Slot, ...]]:
        value: dict[str, tuple[Slot, ...]] = self.data["slots"]
        return value

    def store_shown_slots(self, value: dict[str, tuple[Slot, ...]]) -> None:
        self.data["slots"] = value

    @property
    def calendars(self) -> str | None:
        value: str | None = self.data["calendars"]
        return value

    def store_calendars(self, stamp: str) -> None:
        self.data["calendars"] = stamp

    def clear_doc(self, docname: str) -> None:
        """A page about to be read again (or removed) forgets its sessions."""
        self.sessions.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """The sessions a parallel reader found in its documents."""
        found: dict[str, list[Session]] = otherdata["sessions"]
        for docname in docnames:
            if docname in found:
                self.sessions[docname] = found[docname]


def domain(env: BuildEnvironment) -> ProgramDomain:
    return cast(ProgramDomain, env.get_domain(NAME))
