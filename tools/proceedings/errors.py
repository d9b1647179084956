"""Problems found in the data, the kinds of warnings a build gives, and the one exception root."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.StrEnum):
    ERROR = "error"
    INCOMPLETE = "incomplete"  # valid, but something a reader would expect is missing
    WARNING = "warning"  # a mistake a build reports and goes on from (see Warn)


class Warn(enum.StrEnum):
    """Every kind of warning the tools give, as Sphinx's ``type.subtype``: one of them can be
    silenced with ``suppress_warnings = ["program.overlap"]`` and ``-W`` still fails on the rest."""

    # proceedings
    STUB = "proceedings.stub"  # a page in a generated folder that the data does not make
    LINK = "proceedings.link"  # a generated list links to a page that does not exist
    MOVED = "proceedings.moved"  # a moved address (moved.yaml) that leads nowhere
    # program
    UNKNOWN_PAPER = "program.unknown-paper"
    BAD_TIME = "program.bad-time"
    BAD_LINK = "program.bad-link"
    DUPLICATE_ANCHOR = "program.duplicate-anchor"
    STRUCTURE = "program.structure"  # a session inside a session, an item outside any
    OVERLAP = "program.overlap"
    DUPLICATE_PAPER = "program.duplicate-paper"
    OUTSIDE_DAY = "program.outside-day"
    UNSCHEDULED_PAPER = "program.unscheduled-paper"

    @property
    def type(self) -> str:
        return self.value.partition(".")[0]

    @property
    def subtype(self) -> str:
        return self.value.partition(".")[2]


@dataclass(frozen=True, slots=True)
class Location:
    """A file, a 1-based line when known, a record path; for a page, its Sphinx docname."""

    file: str
    line: int | None = None
    pointer: str = ""
    doc: str = ""

    def at(self, pointer: str, line: int | None = None) -> Location:
        return Location(self.file, line if line is not None else self.line, pointer, self.doc)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where} {self.pointer}" if self.pointer else where


@dataclass(frozen=True, slots=True)
class Problem:
    location: Location
    message: str
    severity: Severity = Severity.ERROR
    field: str | None = None
    kind: Warn | None = None  # for warnings: what suppress_warnings names

    def __str__(self) -> str:
        field = f" [{self.field}]" if self.field else ""
        return f"{self.location}{field}: {self.message}"


class ToolkitError(Exception):
    """Root of every error the tools (proceedings and program) raise on purpose."""


class DataError(ToolkitError, ValueError):
    """The input has errors; ``problems`` lists all of them (nothing was written)."""

    def __init__(self, problems: Iterable[Problem], *, what: str = "the proceedings data") -> None:
        self.problems = tuple(problems)
        errors = self.errors
        lines = "\n".join(f"  {p}" for p in errors)
        super().__init__(f"{len(errors)} error(s) in {what}:\n{lines}")

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)


class UnsafeIdError(ToolkitError, ValueError):
    """An identifier that is not safe as a file name and URL segment."""

    def __init__(self, value: str) -> None:
        self.value = value
        super().__init__(f"unsafe identifier {value!r}")


class BadTimeError(ToolkitError, ValueError):
    """A time or time range of the program that cannot be read; keeps the text."""

    def __init__(self, value: str, reason: str) -> None:
        self.value = value
        super().__init__(f"{reason}: {value!r}" if value else reason)


class Problems:
    """Collects problems so that every one is reported before anything fails."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, location: Location, message: str, *, field: str | None = None) -> None:
        self.items.append(Problem(location, message, Severity.ERROR, field))

    def incomplete(self, location: Location, message: str, *, field: str | None = None) -> None:
        self.items.append(Problem(location, message, Severity.INCOMPLETE, field))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    def raise_if_errors(self, *, what: str = "the proceedings data") -> None:
        if self.errors:
            raise DataError(self.items, what=what)
