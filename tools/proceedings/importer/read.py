"""Which reader a source needs (chosen by its content), and its records read and checked."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path

from ..check.validate import validate
from ..errors import Location, Problems
from ..model import Paper, Volume
from ..sources.bibtex import read_pmlr
from ..sources.common import Track, read_text
from ..sources.csv_table import COLUMNS, read_csv
from ..sources.hotcrp import read_authors_csv, read_hotcrp

_FIRST = re.compile(r"\s*(.?)", re.S)
_LINE = re.compile(r"^.*$", re.M)


class Kind(enum.StrEnum):
    HOTCRP = "HotCRP JSON"
    BIBTEX = "PMLR-style BibTeX"
    CSV = "CSV"


@dataclass(frozen=True)
class Imported:
    kind: Kind
    papers: tuple[Paper, ...]
    volume: Volume | None
    notes: tuple[str, ...]  # what was left out, derived or kept verbatim: said, never silent


def sniff(text: str) -> Kind:
    """JSON (a list) -> HotCRP; '@type{' entries before any CSV header -> BibTeX; else CSV."""
    first = _FIRST.match(text)  # text.lstrip()[:1], without copying a large file
    if first is not None and first.group(1) in ("[", "{"):
        return Kind.HOTCRP
    lines = (m.group().strip() for m in _LINE.finditer(text))  # text.split("\n"), lazily
    line = next((s for s in lines if s and not s.startswith("%")), "")
    if re.split(r"[,;\t]", line, maxsplit=1)[0].strip('"').lower() in COLUMNS:
        return Kind.CSV
    bibtex = line and re.search(r"^\s*@\s*[A-Za-z]+\s*[{(]", text, re.M)
    return Kind.BIBTEX if bibtex else Kind.CSV


def read_source(
    path: Path, *, problems: Problems, track: Track, authors: Path | None = None
) -> Imported | None:
    """Read and check a source; None (with problems recorded) when it cannot be used."""
    text = read_text(path, problems)
    if text is None:
        return None
    kind, label = sniff(text), str(path)
    notes: list[str] = []
    volume = None
    if authors is not None and kind is not Kind.HOTCRP:
        problems.error(Location(str(authors)), f"--authors goes with a HotCRP export, not {kind}")
    if kind is Kind.HOTCRP:
        csv_text = read_text(authors, problems) if authors is not None else None
        table = csv_text and read_authors_csv(csv_text, label=str(authors), problems=problems)
        papers = read_hotcrp(
            text, label=label, problems=problems, notes=notes, authors=table or None, track=track
        )
    elif kind is Kind.BIBTEX:
        volume, papers = read_pmlr(text, label=label, problems=problems, notes=notes, track=track)
    else:
        papers = read_csv(text, label=label, problems=problems, notes=notes, track=track)
    checks = Problems()
    validate(None, papers, checks)  # safe ids, no two colliding, DOIs, ORCIDs, URLs
    problems.extend(checks.errors)
    return Imported(kind, tuple(papers), volume, tuple(notes))
