"""A CSV table of accepted papers (one row a paper, a header of documented columns) -> Papers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..errors import Location, Problems
from ..model import Author, Links, Paper, PaperType
from ..numbers import NUMPAGES
from . import common
from .common import (
    Track,
    clean_text,
    derive_id,
    normalize_doi,
    normalize_pages,
    one_line,
    split_cells,
    split_list,
    split_plain_name,
    untracked,
)

# Header (compared in lower case) -> field. Aliases cover common exports (MiniConf: UID).
COLUMNS = {
    "id": "id", "uid": "id", "pid": "id", "paper": "id",
    "title": "title", "authors": "authors", "abstract": "abstract",
    "keywords": "keywords", "topics": "keywords",
    "affiliations": "affiliations", "orcids": "orcids",
    "type": "type", "pages": "pages", "numpages": "numpages", "doi": "doi",
    "pdf": "pdf", "slides": "slides", "video": "video", "code": "code",
    "session": "session", "sessions": "session", "published": "published",
}  # fmt: skip
REQUIRED = ("id", "title")
Row = tuple[int, dict[str, str]]  # (first line, field -> cell)


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def read_table(text: str, *, label: str, problems: Problems) -> Table | None:
    """Split CSV text into a header and rows; wrong cell counts become problems."""
    first = text.split("\n", 1)[0]
    delimiter = next((d for d in ",\t;" if d in first), ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, tuple[str, ...]]] = []
    header: tuple[str, ...] | None = None
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = tuple(c.strip() for c in cells)
            elif len(cells) != len(header):
                problems.error(
                    Location(label, start),
                    f"row has {len(cells)} cells, the header has {len(header)} "
                    "(a quote or a separator missing?)",
                )
            else:
                rows.append((start, tuple(cells)))
    except csv.Error as exc:
        problems.error(Location(label, line), f"CSV syntax error: {exc}")
        return None
    if header is None:
        problems.error(Location(label), "the file is empty")
        return None
    return Table(header, tuple(rows))


def _columns(header: Sequence[str], *, label: str, problems: Problems) -> list[str] | None:
    fields: list[str] = []
    before = len(problems.errors)
    for name in header:
        field = COLUMNS.get(name.lower())
        if field is None:
            message = f"unknown column {name!r} (known: {', '.join(sorted(COLUMNS))})"
            problems.error(Location(label, 1), message, field=name)
        elif field in fields:
            problems.error(Location(label, 1), f"column {name!r} given twice", field=name)
        fields.append(field or "")
    for field in REQUIRED:
        if field not in fields:
            problems.error(Location(label, 1), f"missing column {field!r}", field=field)
    return fields if len(problems.errors) == before else None


def read_csv(
    text: str, *, label: str, problems: Problems, notes: list[str], track: Track = untracked
) -> list[Paper]:
    """Papers from a CSV of accepted papers (columns: see COLUMNS and the README)."""
    table = read_table(text, label=label, problems=problems)
    if table is None:
        return []
    fields = _columns(table.header, label=label, problems=problems)
    if fields is None:
        return []
    rows: list[Row] = [(line, dict(zip(fields, cells, strict=True))) for line, cells in table.rows]
    if not rows:  # as for a BibTeX file without papers: an import of nothing is a mistake
        problems.error(Location(label), "no rows after the header: nothing to import")
    papers = [_paper(cells, Location(label, line), problems, notes) for line, cells in track(rows)]
    return [p for p in papers if p is not None]


def _paper(
    cells: dict[str, str], loc: Location, problems: Problems, notes: list[str]
) -> Paper | None:
    def text(field: str) -> str | None:
        return clean_text(cells.get(field) or "") or None

    raw_id, title = (cells.get("id") or "").strip(), one_line(cells.get("title") or "")
    loc = loc.at(raw_id) if raw_id else loc  # messages name the row by its id, as written
    for field, value in (("id", raw_id), ("title", title)):
        if not value:
            problems.error(loc, f"missing {field!r}", field=field)
    paper_id = derive_id(raw_id, loc, problems, notes) if raw_id else None
    if not (paper_id and title):
        return None
    return Paper(
        id=paper_id,
        title=title,
        authors=_authors(cells, loc, problems),
        abstract=text("abstract"),
        keywords=tuple(split_list(cells.get("keywords") or "")),
        type=_type(text("type"), loc, problems),
        pages=normalize_pages(cells["pages"]) if text("pages") else None,
        numpages=_numpages(cells, loc, problems),
        doi=normalize_doi(cells["doi"]) if text("doi") else None,
        links=Links(pdf=text("pdf"), slides=text("slides"), video=text("video"), code=text("code")),
        session=_session(text("session"), loc, notes),
        published=_date(cells, loc, problems),
        source=loc,
    )


def _authors(cells: dict[str, str], loc: Location, problems: Problems) -> tuple[Author, ...]:
    # 'A and B' inside one item is BibTeX's separator, seen in real exports: two authors.
    items = split_list(cells.get("authors") or "")
    authors = [split_plain_name(n) for item in items for n in re.split(r"\s+and\s+", item)]
    for field in ("affiliations", "orcids"):
        values = split_cells(cells.get(field) or "")
        if not any(values):
            continue
        if len(values) != len(authors):
            message = f"{len(values)} {field} for {len(authors)} authors (one per author, in order)"
            problems.error(loc, message, field=field)
            continue
        authors = [_with(a, field, v) for a, v in zip(authors, values, strict=True)]
    return tuple(authors)


def _with(author: Author, field: str, value: str) -> Author:
    if not value:
        return author
    if field == "affiliations":
        return replace(author, affiliations=(value,))
    return replace(author, orcid=re.sub(r"^https?://orcid\.org/", "", value))


def _type(value: str | None, loc: Location, problems: Problems) -> PaperType:
    if value is None:
        return PaperType.FULL
    try:
        return PaperType(value.lower())
    except ValueError:
        allowed = ", ".join(t.value for t in PaperType)
        problems.error(loc, f"'type' must be one of {allowed}, not {value!r}", field="type")
        return PaperType.FULL


def _numpages(cells: dict[str, str], loc: Location, problems: Problems) -> int | None:
    # The cell as given: ' 7' and '7.0' are refused, not read as 7 (common.whole).
    value = cells.get("numpages") or ""
    return common.whole(value, NUMPAGES, loc, problems, "numpages") if value.strip() else None


def _date(cells: dict[str, str], loc: Location, problems: Problems) -> dt.date | None:
    value = cells.get("published") or ""
    return common.date(value, loc, problems, "published") if value.strip() else None


def _session(value: str | None, loc: Location, notes: list[str]) -> str | None:
    sessions = split_list(value or "")
    if len(sessions) > 1:  # the model has one session a paper: the table of contents groups by it
        notes.append(f"{loc}: {len(sessions)} sessions ({', '.join(sessions)}); kept the first")
    return sessions[0] if sessions else None
