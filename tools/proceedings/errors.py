"""Problems found in the data, and the exceptions that carry them."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.StrEnum):
    ERROR = "error"
    INCOMPLETE = "incomplete"  # valid, but something a reader would expect is missing


@dataclass(frozen=True, slots=True)
class Location:
    """Where a record or value came from: a file, a 1-based line when known, a record path."""

    file: str
    line: int | None = None
    pointer: str = ""

    def at(self, pointer: str, line: int | None = None) -> Location:
        return Location(self.file, line if line is not None else self.line, pointer)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where} {self.pointer}" if self.pointer else where


@dataclass(frozen=True, slots=True)
class Problem:
    location: Location
    message: str
    severity: Severity = Severity.ERROR
    field: str | None = None

    def __str__(self) -> str:
        field = f" [{self.field}]" if self.field else ""
        return f"{self.location}{field}: {self.message}"


class ProceedingsError(Exception):
    """Root of every error the generator raises on purpose."""


class DataError(ProceedingsError, ValueError):
    """The input has errors; ``problems`` lists all of them (nothing was written)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        lines = "\n".join(f"  {p}" for p in errors)
        super().__init__(f"{len(errors)} error(s) in the proceedings data:\n{lines}")


class UnsafeIdError(ProceedingsError, ValueError):
    """An identifier that is not safe as a file name and URL segment."""

    def __init__(self, value: str) -> None:
        self.value = value
        super().__init__(f"unsafe identifier {value!r}")


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

    def raise_if_errors(self) -> None:
        if self.errors:
            raise DataError(self.items)
