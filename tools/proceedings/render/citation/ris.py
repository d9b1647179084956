"""RIS records (TY  - CONF) for papers and the volume, as EndNote and Zotero read them."""

from __future__ import annotations

from ...model import Paper, Volume
from .record import Facts, facts


def ris_date(parts: tuple[int, ...]) -> str | None:
    """RIS's DA form 'YYYY/MM/DD/' ('YYYY/MM//' without a day); None for a year alone."""
    if len(parts) < 2:
        return None
    day = f"{parts[2]:02d}" if len(parts) > 2 else ""
    return f"{parts[0]:04d}/{parts[1]:02d}/{day}/"


def ris_lines(f: Facts) -> list[tuple[str, str]]:
    """(tag, value) pairs of one record in RIS's customary order, TY first and ER last. CONF,
    not CPAPER: the 2011 specification gives only CONF a proceedings title (C3), series (T3) and
    ISBN (SN), and JabRef reads CPAPER as @other (Zotero reads both alike)."""
    lines: list[tuple[str, str | None]] = [("TY", "CONF")]
    lines += [("AU", a.sort_name) for a in f.authors]
    lines += [
        ("TI", f.title),
        ("T2", f.event_title),
        ("C3", f.container_title),
        ("T3", f.series),
        ("PY", str(f.year)),
        ("DA", ris_date(f.issued)),
        ("SP", f.first_page),
        ("EP", f.last_page if f.last_page != f.first_page else None),
        ("PB", f.publisher),
        # Zotero has one place for a conference paper: it takes the first of C1 and CY, and keeps
        # the other as a note. Its own RIS export writes the place as C1.
        ("C1", f.publisher_place),
        ("CY", f.event_place),
        ("SN", f.isbn),
        ("DO", f.doi),
        ("UR", f.url),
        ("L1", f.pdf),
        ("AB", f.abstract),
    ]
    lines += [("KW", k) for k in f.keywords]
    # A value is one line: RIS has no continuation lines, so any line break becomes a space.
    kept = [(tag, " ".join(value.split())) for tag, value in lines if value]
    return [*kept, ("ER", "")]


def format_record(lines: list[tuple[str, str]]) -> str:
    # 'TAG  - value': two spaces, a hyphen and a space; 'ER  - ' keeps its trailing space.
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


def paper_ris(paper: Paper, volume: Volume) -> str:
    return format_record(ris_lines(facts(paper, volume)))
