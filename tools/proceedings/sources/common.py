"""What every reader shares: file limits and reading, numbers reported, names, ids, text cells."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from ..errors import Location, Problems
from ..model import Author
from ..numbers import Whole, foreign_digit, parse_date, parse_whole, shown, split_pages

T = TypeVar("T")

# Real sources are far smaller (the ICLR 2020 CSV, 687 papers, is 0.9 MB; a large HotCRP export
# 10-20 MB): a bigger file is a mistake (a PDF, a dump), refused before it costs seconds.
MAX_INPUT_BYTES = 32 * 2**20
# papers.yaml nests five levels: deeper input is not data; stop before Python's recursion limit.
MAX_DEPTH = 32
TOO_DEEP = "values nested too deeply: this is not proceedings data"
# A 2,000-paper papers.yaml holds about 40,000 values; ten lines of YAML aliases can stand for
# millions ("billion laughs"): the readers stop expanding at this many.
MAX_VALUES = 250_000
TOO_MANY_VALUES = (
    f"more than {MAX_VALUES:,} values once YAML aliases (*name) are expanded: "
    "this is not proceedings data"
)

_PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "dos", "du", "la",
    "le", "les", "ter", "ten", "zu", "zur", "y", "bin", "ibn", "al", "el", "d'", "dell'"
})  # fmt: skip
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_LIGATURES = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
_SPECIAL_LETTERS = str.maketrans({
    "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i", "ŋ": "ng", "Ŋ": "NG",
    "ĳ": "ij", "Ĳ": "IJ",
})  # fmt: skip
_NOT_ID = re.compile(r"[^a-z0-9._-]+")
_DOTS = re.compile(r"\.{2,}")


def too_large(size: int) -> str:
    return (
        f"the file is {size / 2**20:.1f} MB, more than the {MAX_INPUT_BYTES / 2**20:.1f} MB limit"
        " for a data file (is it the right file?)"
    )


def read_input(path: Path, problems: Problems, *, label: str | None = None) -> bytes | None:
    """The bytes of a data file; None, with the problem recorded, if it cannot be read or is
    larger than MAX_INPUT_BYTES (never more is read)."""
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


def read_text(
    path: Path, problems: Problems, *, label: str | None = None, empty_ok: bool = False
) -> str | None:
    """A file's text: UTF-8 (a byte order mark is fine), CRLF and CR read as LF; None, with the
    problem recorded, when it is too large, not UTF-8, or (unless ``empty_ok``) empty."""
    name = label or str(path)
    data = read_input(path, problems, label=name)
    if data is None:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.error(Location(name, line), f"not valid UTF-8 (byte {exc.start})")
        return None
    if not empty_ok and (not text or text.isspace()):  # not strip(): no copy of a large file
        problems.error(Location(name), "the file is empty")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


class Track(Protocol):
    """Wraps the records of a long import in a progress display."""

    def __call__(self, items: Sequence[T], /) -> Iterable[T]: ...


def untracked(items: Sequence[T]) -> Iterable[T]:
    """The default Track: no progress display."""
    return items


def whole(
    text: str,
    kind: Whole,
    loc: Location,
    problems: Problems,
    field: str,
    *,
    spelled: str | None = None,
) -> int | None:
    """parse_whole(), or None with the problem recorded. ``spelled``: the value as its source
    writes it when that is not ``text`` quoted (a JSON number: 7, not '7')."""
    number = parse_whole(text, kind)
    if number is None:
        problems.error(loc, refusal(field, kind.what, text, spelled), field=field)
    return number


def refusal(field: str, kind: str, text: str, spelled: str | None = None) -> str:
    """``field`` must be ``kind``, not ``text`` (shown as ``spelled``), naming a foreign digit."""
    value = shown(text) if spelled is None else shown(spelled, quoted=False)
    message = f"{field!r} must be {kind}, not {value}"
    char = foreign_digit(text)
    if char is not None:
        message += f" ({char!r} U+{ord(char):04X} is not one of the digits 0-9)"
    return message


def date(text: str, loc: Location, problems: Problems, field: str) -> dt.date | None:
    """parse_date(), or None with the problem recorded."""
    day = parse_date(text)
    if day is None:
        problems.error(loc, refusal(field, "a date (YYYY-MM-DD)", text), field=field)
    return day


def clean_text(value: str) -> str:
    """Plain text from a cell: one newline style, no trailing blanks, no PDF ligatures (ﬁ)."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").translate(_LIGATURES).split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def one_line(value: str) -> str:
    """Titles, names, keywords: one line, single spaces (a tie, U+00A0, stays)."""
    return re.sub(r"[ \t\n]+", " ", clean_text(value)).strip()


def split_cells(value: str) -> list[str]:
    """Items separated by '|' (or ';' when there is no '|'), trimmed; empty ones kept."""
    text = clean_text(value)
    return [one_line(item) for item in text.split("|" if "|" in text else ";")] if text else []


def split_list(value: str) -> list[str]:
    return [item for item in split_cells(value) if item]


def split_plain_name(value: str) -> Author:
    """'Given Family', 'Family, Given' or a single name, with particles kept in the family name."""
    name = one_line(value).strip("\u200e\u200f\u200b\ufeff ")
    if "," in name:
        family, _, given = name.partition(",")
        return Author(given=given.strip(), family=family.strip())
    words = name.split(" ")
    if len(words) == 1:
        return Author(given="", family="", name=name)
    has_suffix = len(words) > 2 and words[-1].lower().rstrip(".") in _SUFFIXES
    suffix = [words.pop()] if has_suffix else []
    start = next((i for i in range(1, len(words) - 1) if words[i] in _PARTICLES), len(words) - 1)
    while start > 1 and words[start - 1].lower() in _PARTICLES:  # Tom Van de Wiele
        start -= 1
    return Author(given=" ".join(words[:start]), family=" ".join(words[start:] + suffix))


def normalize_pages(value: str) -> str:
    """'12-18', '12–18' or '12--18' -> '12--18' (BibTeX's range); one page as given."""
    first, last = split_pages(value)
    return first if first == last else f"{first}--{last}"


def normalize_doi(value: str) -> str:
    return _DOI_PREFIX.sub("", value.strip())


def derive_id(raw: str, loc: Location, problems: Problems, notes: list[str]) -> str | None:
    """A safe id from a source's key; a change beyond lower-casing is reported as a note."""
    paper_id = ascii_id(raw)
    if paper_id is None:
        message = f"cannot derive a safe ASCII id from {raw!r}; give the paper an id"
        problems.error(loc, message, field="id")
    elif paper_id != raw.lower():
        notes.append(f"{loc}: id {paper_id!r} derived from {raw!r}")
    return paper_id


def ascii_id(text: str) -> str | None:
    """A lower-case ASCII id from a key or UID (schrödter26 -> schrodter26); None when a letter
    has no ASCII transliteration (another script): the organizer then chooses the id."""
    kept = text
    if not text.isascii():
        folded = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
        kept = "".join(c for c in folded if not unicodedata.combining(c))
        if any(ord(c) > 127 and c.isalnum() for c in kept):
            return None
    slug = _DOTS.sub(".", _NOT_ID.sub("-", kept.lower())).strip("-._")
    return slug[:80].rstrip("-._") or None
