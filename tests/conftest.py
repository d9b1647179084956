"""Shared fixtures: build the site (or a variant of it) from a temporary copy, parse the HTML."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis.configuration import set_hypothesis_home_dir
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace

# Hypothesis keeps caches and examples in .hypothesis/ of the working folder, even with
# database=None: keep them out of the repository (set before any test runs).
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "inet4ai-tests-hypothesis")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORPORA = DATA / "corpora"
FACTS = DATA / "facts"
SERIES_DATA = ROOT / "proceedings" / "data"  # series.yaml and a folder an edition
# The tests' fixed clock (the build reads SOURCE_DATE_EPOCH, as reproducible builds do): every
# build and every command the tests run sees this instant unless a test sets its own.
CLOCK = dt.datetime(2026, 12, 7, tzinfo=dt.UTC)


def epoch(instant: dt.datetime) -> str:
    return str(int(instant.timestamp()))


os.environ["SOURCE_DATE_EPOCH"] = epoch(CLOCK)
VOLUME_2025 = SERIES_DATA / "2025"  # the proceedings of the first edition


def catalogue(folder: Path) -> list[tuple[str, list[str]]]:
    """A catalogue of bad inputs: each file of ``folder`` (but the accepted ones, in ok/) with
    the errors it must produce, in order, from the .errors file beside it. In those, {data}
    stands for the data folder and {file} for the case's own path; a last line '...' allows
    more errors after the listed ones."""
    cases = []
    for path in sorted(folder.rglob("*")):
        if (
            not path.is_file()
            or path.suffix == ".errors"
            or path.parent.name == "ok"
            or path.name == "README.md"
        ):
            continue
        expected = path.with_name(path.name + ".errors").read_text(encoding="utf-8")
        cases.append((path.relative_to(folder).as_posix(), expected.splitlines()))
    return cases


def facts(year: int) -> dict[str, Any]:
    """The verified facts of an edition (tests/data/facts), which the site must agree with."""
    loaded: dict[str, Any] = yaml.safe_load((FACTS / f"inet4ai-{year}.yaml").read_text("utf-8"))
    return loaded


SITE_FILES = [
    "conf.py",
    "index.md",
    "organizers.md",
    "404.md",
    "_static",
    "cfp",
    "program",
    "proceedings",
]


def copy_site(dest: Path) -> Path:
    """A copy of the site's sources (never the generated pages or the build)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(
                # Generated pages (and a build's leftovers) are made again by each build.
                src,
                dest / name,
                ignore=shutil.ignore_patterns("papers", "people", "__pycache__"),
            )
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


class Site:
    """A built site: where it is, what Sphinx said, and parsed pages."""

    def __init__(self, src: Path, out: Path, warnings: str) -> None:
        self.src, self.out, self.warnings = src, out, warnings

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.out / name).read_text(encoding="utf-8"), "lxml")

    def file(self, name: str) -> str:
        return (self.out / name).read_text(encoding="utf-8")


def build(
    src: Path,
    out: Path,
    *,
    overrides: dict[str, object] | None = None,
    buildername: str = "html",
    now: dt.datetime = CLOCK,
) -> Site:
    """Build like `make html` (warnings are errors) at the clock ``now``; return the site."""
    warnings = StringIO()
    os.environ["SOURCE_DATE_EPOCH"] = epoch(now)
    with (
        docutils_namespace(),  # as sphinx-build does: roles and directives do not leak
        _clock_reset(),
    ):
        app = Sphinx(
            srcdir=src,
            confdir=src,
            outdir=out,
            doctreedir=out.parent / "doctrees",
            buildername=buildername,
            confoverrides=overrides or {},
            status=StringIO(),
            warning=warnings,
            freshenv=False,
            warningiserror=True,
            keep_going=True,
        )
        app.build()
    return Site(src, out, warnings.getvalue())


@contextlib.contextmanager
def _clock_reset() -> Iterator[None]:
    try:
        yield
    finally:
        os.environ["SOURCE_DATE_EPOCH"] = epoch(CLOCK)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real site, built once per test session from a temporary copy."""
    base = tmp_path_factory.mktemp("site")
    built = build(copy_site(base / "src"), base / "html")
    assert built.warnings == ""
    return built


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., Site]:
    """Build a copy of the site, optionally with another data folder or changed files."""

    def _build(
        *,
        data: Path | None = None,
        overrides: dict[str, object] | None = None,
        files: dict[str, str] | None = None,
    ) -> Site:
        src = tmp_path / "src"
        if not src.exists():
            copy_site(src)
        for name, text in (files or {}).items():
            (src / name).write_text(text, encoding="utf-8")
        opts = dict(overrides or {})
        if data is not None:
            opts["proceedings_data"] = str(data)
        return build(src, tmp_path / "html", overrides=opts)

    return _build
