"""Load a data folder into a validated Proceedings, or raise DataError listing every problem."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Location, Problem, Problems, Severity
from .model import Proceedings
from .sources.bibtex import attach_publisher_fields, read_publisher_bib
from .sources.yaml_ import read_papers, read_volume
from .validate import validate

PAPERS_FILE = "papers.yaml"
VOLUME_FILE = "volume.yaml"
BIB_FILE = "papers.bib"  # optional: the publisher's BibTeX, matched to papers by DOI or key


@dataclass(frozen=True)
class Loaded:
    proceedings: Proceedings
    problems: tuple[Problem, ...]  # only non-errors: incomplete records
    files: tuple[Path, ...]  # every input file read, for dependency tracking

    @property
    def incomplete(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.INCOMPLETE)


def load(data_dir: Path) -> Loaded:
    problems = Problems()
    papers_path, volume_path = data_dir / PAPERS_FILE, data_dir / VOLUME_FILE
    bib_path = data_dir / BIB_FILE
    files = tuple(p for p in (papers_path, volume_path, bib_path) if p.is_file())
    for path in (papers_path, volume_path):
        if not path.is_file():
            problems.error(Location(str(path)), "file not found")
    problems.raise_if_errors()
    volume = read_volume(volume_path, problems)
    papers = read_papers(papers_path, problems)
    if bib_path.is_file():
        papers = attach_publisher_fields(papers, read_publisher_bib(bib_path, problems), problems)
    validate(volume, papers, problems)
    problems.raise_if_errors()
    assert volume is not None  # read_volume returns None only with an error recorded
    return Loaded(Proceedings(volume, tuple(papers)), tuple(problems.items), files)
