"""LOAD: a volume's folder or the whole series read and checked, or DataError with every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .check.series import check_series
from .check.validate import validate
from .errors import Location, Problem, Problems, Severity
from .model import Paper, Proceedings, Volume
from .series import Edition, Series
from .sources.bibtex import attach_publisher_fields, read_publisher_bib
from .sources.data_files import read_papers, read_volume
from .sources.series_files import read_edition, read_series

PAPERS_FILE = "papers.yaml"
VOLUME_FILE = "volume.yaml"
BIB_FILE = "papers.bib"  # optional: the publisher's BibTeX, matched to papers by DOI or key
SERIES_FILE = "series.yaml"
EDITION_FILE = "edition.yaml"
YEAR_RE = re.compile(r"[0-9]{4}")


@dataclass(frozen=True)
class Loaded:
    proceedings: Proceedings
    problems: tuple[Problem, ...]  # only non-errors: incomplete records
    files: tuple[Path, ...]  # every input file read, for dependency tracking

    @property
    def incomplete(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.INCOMPLETE)


def input_files(data_dir: Path) -> tuple[Path, ...]:
    names = (PAPERS_FILE, VOLUME_FILE, BIB_FILE)
    return tuple(data_dir / n for n in names if (data_dir / n).is_file())


def with_publisher_fields(data_dir: Path, papers: list[Paper], problems: Problems) -> list[Paper]:
    """The papers with what the publisher's papers.bib (if the folder has one) gives them."""
    if not (data_dir / BIB_FILE).is_file():
        return papers
    entries = read_publisher_bib(data_dir / BIB_FILE, problems)
    return attach_publisher_fields(papers, entries, problems)


def load(data_dir: Path) -> Loaded:
    problems = Problems()
    loaded = _load_into(data_dir, problems)
    problems.raise_if_errors()
    assert loaded is not None  # None only with an error recorded
    return loaded


def is_volume(folder: Path) -> bool:
    return (folder / PAPERS_FILE).is_file() or (folder / VOLUME_FILE).is_file()


def _load_into(
    data_dir: Path, problems: Problems, *, default: Volume | None = None
) -> Loaded | None:
    """The volume in ``data_dir`` (``default`` if it has no volume.yaml); None on errors."""
    before = len(problems.errors)
    papers_path, volume_path = data_dir / PAPERS_FILE, data_dir / VOLUME_FILE
    for path in (papers_path, volume_path):
        if not path.is_file() and not (path == volume_path and default is not None):
            problems.error(Location(str(path)), "file not found")
    if len(problems.errors) > before:
        return None
    volume = read_volume(volume_path, problems) if volume_path.is_file() else default
    papers = with_publisher_fields(data_dir, read_papers(papers_path, problems), problems)
    validate(volume, papers, problems)
    if len(problems.errors) > before or volume is None:
        return None
    return Loaded(Proceedings(volume, tuple(papers)), tuple(problems.items), input_files(data_dir))


@dataclass(frozen=True)
class LoadedSeries:
    series: Series
    problems: tuple[Problem, ...]  # only non-errors: incomplete records
    files: dict[int, tuple[Path, ...]]  # each edition's files (0: series.yaml), for dependencies


def edition_folders(root: Path) -> list[tuple[int, Path]]:
    """The folders of ``root`` named by a year, in order."""
    if not root.is_dir():
        return []
    found = [(int(p.name), p) for p in root.iterdir() if p.is_dir() and YEAR_RE.fullmatch(p.name)]
    return sorted(found)


def load_series(root: Path, *, override: tuple[int, Path] | None = None) -> LoadedSeries:
    """The series in ``root``; ``override``: (year, folder), a volume folder read in place of
    that edition's (``-D proceedings_data=DIR``)."""
    problems = Problems()
    series = read_series(root / SERIES_FILE, problems)
    editions: list[Edition] = []
    files: dict[int, tuple[Path, ...]] = {0: (root / SERIES_FILE,)}
    for year, folder in edition_folders(root):
        volume_dir = override[1] if override and override[0] == year else folder
        files[year] = (folder / EDITION_FILE, *input_files(volume_dir))
        edition = _edition(year, folder, volume_dir, series, len(editions) + 1, problems)
        if edition is not None:
            editions.append(edition)
    if series is not None and not editions:
        problems.error(Location(str(root)), "no edition: a folder named by its year is needed")
    if series is not None:
        check_series(series, editions, problems)
    problems.raise_if_errors()
    assert series is not None  # read_series returns None only with an error recorded
    full = replace(series, editions=tuple(editions))
    return LoadedSeries(full, tuple(problems.items), files)


def _edition(
    year: int, folder: Path, volume_dir: Path, series: Series | None, number: int,
    problems: Problems,
) -> Edition | None:  # fmt: skip
    """An edition, ``number`` in the series, with its volume when it has one."""
    if not (folder / EDITION_FILE).is_file():
        problems.error(Location(str(folder / EDITION_FILE)), "file not found")
        return None
    read = read_edition(folder / EDITION_FILE, year, problems)
    edition = replace(read, number=number) if read is not None else None
    if edition is None or not (is_volume(volume_dir) or volume_dir != folder):
        return edition
    default = accepted_volume(series, edition) if series is not None else None
    loaded = _load_into(volume_dir, problems, default=default)
    if loaded is None:
        return edition
    volume = loaded.proceedings.volume
    if volume.event is None:
        volume = replace(volume, event=edition.host)
    return replace(edition, proceedings=Proceedings(volume, loaded.proceedings.papers))


def accepted_volume(series: Series, edition: Edition) -> Volume:
    """An edition's volume before its volume.yaml: named by the edition, no publisher (unknown)."""
    return Volume(
        title=series.title(edition),
        short_title=series.short_title(edition),
        year=edition.year,
        source=Location(str(edition.source.file)),
    )
