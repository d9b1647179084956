"""Import + validate timings of a volume BibTeX against a bare bibtexparser parse of it."""

from __future__ import annotations

import contextlib
import importlib
import io
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bibtexparser.entrypoint import parse_string

from tools.proceedings import cli
from tools.proceedings.load import VOLUME_FILE, load

IMPORTER_MODULE = "tools.proceedings.importer"


class ImportFailedError(RuntimeError):
    """The project's importer exited non-zero on a synthetic volume."""


@dataclass(frozen=True)
class ImportFigures:
    """Median seconds of each step of an import, and of a bare parse of the same file."""

    parse_s: float  # bare bibtexparser.parse_string of the same file
    # `python -m tools.proceedings import`, in-process: reading, validating every record, the
    # merge, and the check that the new papers.yaml reads back as meant, before writing it
    import_s: float
    load_s: float  # tools.proceedings.load.load of the written folder: what every build runs
    check_s: float  # `python -m tools.proceedings check`, in-process, with its printing

    @property
    def ratio(self) -> float:
        """The target's figure: the import command (its validation included) / a bare parse."""
        return self.import_s / self.parse_s

    @property
    def with_load_ratio(self) -> float:
        """Import, then a separate load of what it wrote, against a bare parse (information)."""
        return (self.import_s + self.load_s) / self.parse_s


def median_seconds(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_cli(argv: list[str]) -> tuple[int, str]:
    """The project's command line in this process (no interpreter start-up), output captured."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(argv)
    return code, out.getvalue()


def cli_or_fail(*argv: str) -> None:
    """The project's command line, in this process; ImportFailedError with its output if it
    exits non-zero."""
    code, output = run_cli(list(argv))
    if code != 0:
        raise ImportFailedError(f"{' '.join(argv[:2])} exited {code}:\n{output[-3000:]}")


def import_with_cli(bib: Path, data: Path) -> None:
    data.mkdir(parents=True, exist_ok=True)
    cli_or_fail("import", str(bib), "--data", str(data))


def measure_import(bib: Path, work: Path, *, repeat: int = 3) -> tuple[ImportFigures, Path]:
    """Time parse, import (validation included) and load; return the figures and a data folder
    ready to build."""
    parse_s = median_seconds(lambda: parse_string(bib.read_text(encoding="utf-8")), repeat)
    importlib.import_module(IMPORTER_MODULE)  # the cost of importing modules is not the import's
    runs = iter(range(repeat))
    import_s = median_seconds(lambda: import_with_cli(bib, work / f"import-{next(runs)}"), repeat)
    data = work / "import-0"
    if not (data / VOLUME_FILE).is_file():
        raise ImportFailedError(f"the import of {bib.name} wrote no {VOLUME_FILE}")
    load_s = median_seconds(lambda: load(data), repeat)
    check_s = median_seconds(lambda: run_cli(["check", "--data", str(data)]), 1)
    return ImportFigures(parse_s, import_s, load_s, check_s), data
