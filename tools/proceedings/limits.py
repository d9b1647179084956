"""Bounds on what a data file may cost to read: its size and how deeply its values nest."""

from __future__ import annotations

from pathlib import Path

from .errors import Location, Problems

# The largest real sources we know are far below this: the ICLR 2020 CSV (687 papers with
# abstracts) is 0.9 MB, a 2,000-paper papers.yaml about 5 MB, a full HotCRP export of a large
# conference 10 to 20 MB. A bigger file is a mistake (a PDF, a database dump) and would cost
# seconds and hundreds of MB before any message: refuse it before reading it.
MAX_INPUT_BYTES = 32 * 2**20
# papers.yaml nests five levels (papers, a paper, authors, an author, affiliations); JSON
# exports about as much. Deeper input is not data: stop before Python's recursion limit does.
MAX_DEPTH = 32


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def too_large(size: int) -> str:
    limit = megabytes(MAX_INPUT_BYTES)
    return (
        f"the file is {megabytes(size)}, more than the {limit} limit for a data file "
        "(is it the right file?)"
    )


def read_input(path: Path, problems: Problems, *, label: str | None = None) -> bytes | None:
    """The bytes of a data file; None, with a problem recorded, if it cannot be read or is
    larger than MAX_INPUT_BYTES. Never reads more than MAX_INPUT_BYTES + 1 bytes."""
    name = label or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            problems.error(Location(name), too_large(size))
            return None
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)  # the file may have grown since stat()
    except OSError as exc:
        problems.error(Location(name), f"cannot read the file: {exc.strerror or exc}")
        return None
    if len(data) > MAX_INPUT_BYTES:
        problems.error(Location(name), too_large(len(data)))
        return None
    return data


TOO_DEEP = "values nested too deeply: this is not proceedings data"
# A 2,000-paper papers.yaml holds about 40,000 values (scalars, lists, mappings). YAML aliases
# may repeat a value, but ten lines of them can stand for millions ("billion laughs"): the
# readers stop expanding at this many.
MAX_VALUES = 250_000
TOO_MANY_VALUES = (
    f"more than {MAX_VALUES:,} values once YAML aliases (*name) are expanded: "
    "this is not proceedings data"
)
