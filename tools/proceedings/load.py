"""Load a data folder into a validated Proceedings, or raise DataError listing every problem."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .check.validate import validate
from .errors import Location, Problem, Problems, Severity
from .model import Proceedings
from .sources.bibtex import attach_publisher_fields, read_publisher_bib
from .sources.common import gc_paused
from .sources.data_files import read_papers, read_volume

PAPERS_FILE = "papers.yaml"
VOLUME_FILE = "volume.yaml"
BIB_FILE = "papers.bib"  # optional: the publisher's BibTeX, matched to papers by DOI or key


@dataclass(frozen=True)
class Loaded:
    proceedings: Proceedings
    problems: tuple[Problem, ...]  # only non-errors: incomplete records
    files: tuple[Path, ...]  # every input file read, for dependency tracking
    fingerprint: str = ""  # of the input files' bytes: equal fingerprints, equal result

    @property
    def incomplete(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.INCOMPLETE)


def input_files(data_dir: Path) -> tuple[Path, ...]:
    names = (PAPERS_FILE, VOLUME_FILE, BIB_FILE)
    return tuple(data_dir / n for n in names if (data_dir / n).is_file())


def fingerprint(files: tuple[Path, ...]) -> str:
    """A hash of the inputs, so that a rebuild with unchanged data can skip parsing them."""
    digest = hashlib.sha256()
    for path in files:
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def load(data_dir: Path) -> Loaded:
    with gc_paused():  # 10^5 objects and no cycle among them: the collector only slows this
        return _load(data_dir)


def _load(data_dir: Path) -> Loaded:
    problems = Problems()
    papers_path, volume_path = data_dir / PAPERS_FILE, data_dir / VOLUME_FILE
    bib_path = data_dir / BIB_FILE
    files = input_files(data_dir)
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
    proceedings = Proceedings(volume, tuple(papers))
    return Loaded(proceedings, tuple(problems.items), files, fingerprint(files))
