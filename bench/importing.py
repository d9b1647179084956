"""The project's command line in this process, and the import of a volume's BibTeX timed
against a bare bibtexparser parse of the same file."""

from __future__ import annotations

import contextlib
import importlib
import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bibtexparser.entrypoint import parse_string

from tools.proceedings import cli

from .measure import RUNS


class CommandFailedError(RuntimeError):
    """The project's command line exited non-zero."""


def cli_or_fail(*argv: str) -> None:
    """`python -m tools.proceedings ARGV` (its entry point, cli.main), in this process: 40
    commands make a series, and the interpreter's start-up is not what is measured.
    CommandFailedError with its output if it exits non-zero."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(list(argv))
    if code != 0:
        raise CommandFailedError(f"{' '.join(argv[:2])} exited {code}:\n{out.getvalue()[-3000:]}")


@dataclass(frozen=True)
class ImportFigures:
    """Seconds, the fastest of RUNS each."""

    entries: int
    parse_s: float  # bare bibtexparser.parse_string of the file
    # `import FILE --data FOLDER`: reading, validating every record, the merge, and the check
    # that the new papers.yaml reads back as meant, before writing it
    import_s: float

    @property
    def ratio(self) -> float:
        return self.import_s / self.parse_s


def fastest_seconds(func: Callable[[int], object]) -> float:
    times = []
    for i in range(RUNS):
        start = time.perf_counter()
        func(i)
        times.append(time.perf_counter() - start)
    return min(times)


def measure_import(bib: Path, entries: int, work: Path) -> ImportFigures:
    """Time a bare parse of ``bib`` and its import into a new volume folder."""
    parse_s = fastest_seconds(lambda _: parse_string(bib.read_text(encoding="utf-8")))
    importlib.import_module("tools.proceedings.importer")  # loading modules is not the import
    import_s = fastest_seconds(
        lambda i: cli_or_fail("import", str(bib), "--data", str(work / f"import-{i}"))
    )
    return ImportFigures(entries, parse_s, import_s)
