"""Where the program lives between Sphinx events: on the build environment, per document."""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .errors import ProgramDataError
from .model import Dates, Program, Session, Slot

SESSIONS_KEY = "inet4ai_program_sessions"  # docname -> its sessions, in page order
DATES_KEY = "inet4ai_program_dates"  # (the dates, the file they were read from)
SLOTS_KEY = "inet4ai_program_slots"  # paper id -> its slots as the paper pages last showed them


def sessions_by_doc(env: BuildEnvironment) -> dict[str, list[Session]]:
    value: dict[str, list[Session]] | None = getattr(env, SESSIONS_KEY, None)
    if value is None:
        value = {}
        setattr(env, SESSIONS_KEY, value)
    return value


def add_session(env: BuildEnvironment, docname: str, session: Session) -> None:
    sessions_by_doc(env).setdefault(docname, []).append(session)


def program(env: BuildEnvironment) -> Program:
    by_doc = sessions_by_doc(env)
    return Program(tuple(s for doc in sorted(by_doc) for s in by_doc[doc]))


def _dates(env: BuildEnvironment) -> tuple[Dates, Path]:
    value: tuple[Dates, Path] | None = getattr(env, DATES_KEY, None)
    if value is None:
        raise ProgramDataError("the program's dates file was not loaded")
    return value


def dates(env: BuildEnvironment) -> Dates:
    return _dates(env)[0]


def dates_file(env: BuildEnvironment) -> Path:
    return _dates(env)[1]


def store_dates(env: BuildEnvironment, value: Dates, path: Path) -> None:
    setattr(env, DATES_KEY, (value, path))


def shown_slots(env: BuildEnvironment) -> dict[str, tuple[Slot, ...]]:
    value: dict[str, tuple[Slot, ...]] = getattr(env, SLOTS_KEY, {})
    return value


def store_shown_slots(env: BuildEnvironment, value: dict[str, tuple[Slot, ...]]) -> None:
    setattr(env, SLOTS_KEY, value)


def purge_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """env-purge-doc: a page about to be re-read (or removed) forgets its sessions."""
    sessions_by_doc(env).pop(docname, None)


def merge_info(
    app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
) -> None:
    """env-merge-info: take the sessions a parallel reader found in its documents."""
    found = sessions_by_doc(other)
    mine = sessions_by_doc(env)
    for docname in docnames:
        if docname in found:
            mine[docname] = found[docname]
