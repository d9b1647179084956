"""Hashes that say when made files are out of date: of the code (tools/, libraries), of data."""

from __future__ import annotations

import functools
import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent  # tools/: proceedings and program
# Libraries whose upgrade can change what a build writes (markup, parsing, text, files).
LIBRARIES = (
    "sphinx", "docutils", "myst-parser", "sphinx-design", "sphinx-book-theme",
    "pydata-sphinx-theme", "sphinx-copybutton", "sphinx-sitemap",
    "bibtexparser", "pylatexenc", "PyYAML", "icalendar", "Jinja2", "Pygments",
)  # fmt: skip
SUFFIXES = (".py", ".js", ".css", ".html")


def _library_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


@functools.cache  # the files and versions of one process's code do not change while it runs
def code_stamp() -> str:
    """A hex digest that changes whenever any module of tools/ or a library version does."""
    hashed = hashlib.sha256()
    for path in sorted(TOOLS.rglob("*")):
        if path.suffix in SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
            hashed.update(f"{path.relative_to(TOOLS).as_posix()}\0".encode())
            hashed.update(path.read_bytes())
            hashed.update(b"\0")
    for name in LIBRARIES:
        hashed.update(f"{name}=={_library_version(name)}\n".encode())
    return hashed.hexdigest()


def digest(shown: object) -> str:
    """A short hash of a value's repr(): the model's frozen dataclasses leave ``source`` (line
    numbers) out of it, so an edit that moves later records down a line changes no digest."""
    return hashlib.sha256(repr(shown).encode()).hexdigest()[:16]


def env_version() -> int:
    """The stamp as the number Sphinx compares (``env_version``): a new one rebuilds every page."""
    return int(code_stamp()[:15], 16)
