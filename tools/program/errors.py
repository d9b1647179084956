"""Errors the program tools raise on purpose, under one root."""

from __future__ import annotations

from collections.abc import Iterable

from sphinx.errors import SphinxError

from ..proceedings.errors import Problem, Severity


class ProgramError(Exception):
    """Root of every error the program tools raise on purpose."""


class BadTimeError(ProgramError, ValueError):
    """A time or time range the program page gives that cannot be read; keeps the text."""

    def __init__(self, value: str, reason: str) -> None:
        self.value = value
        super().__init__(f"{reason}: {value!r}" if value else reason)


class DatesError(ProgramError, ValueError):
    """The dates file has errors; ``problems`` lists every one of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(p for p in problems if p.severity is Severity.ERROR)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} error(s) in the dates file:\n{lines}")


class ProgramDataError(SphinxError):
    """The dates file has errors: the build stops before reading any page."""

    category = "Program data error"
