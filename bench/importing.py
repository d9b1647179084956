"""The project's command line in this process, and the import of a volume's BibTeX timed
against a bare bibtexparser parse of the same file."""

from __future__ import annotations

import contextlib
import importlib
import io
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bibtexparser.entrypoint import parse_string

from tools.proceedings import cli


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
    """Seconds of one import of a file and of a bare parse of it, or the fastest of several."""

    entries: int
    parse_s: float  # bare bibtexparser.parse_string of the file
    # `import FILE --data FOLDER`: reading, validating every record, the merge, and the check
    # that the new papers.yaml reads back as meant, before writing it
    import_s: float

    @property
    def ratio(self) -> float:
        return self.import_s / self.parse_s


def seconds(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def time_import(bib: Path, entries: int, folder: Path) -> ImportFigures:
    """Time a bare parse of ``bib`` and its import into the new volume folder ``folder``."""
    parse_s = seconds(lambda: parse_string(bib.read_text(encoding="utf-8")))
    importlib.import_module("tools.proceedings.importer")  # loading modules is not the import
    import_s = seconds(lambda: cli_or_fail("import", str(bib), "--data", str(folder)))
    return ImportFigures(entries, parse_s, import_s)


def fastest_import(runs: Sequence[ImportFigures]) -> ImportFigures:
    return ImportFigures(
        runs[0].entries, min(r.parse_s for r in runs), min(r.import_s for r in runs)
    )
