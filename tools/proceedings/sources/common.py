"""Helpers every reader shares: the limits on what a file may cost, one way to read a file's
text, the reporting of numbers and dates (numbers.py is the one parser), names, ids and the
cleaning of text cells."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from ..errors import Location, Problems
from ..model import Author
from ..numbers import Whole, foreign_digit, parse_date, parse_whole, shown, split_pages

T = TypeVar("T")

# Files ----------------------------------------------------------------------------------------

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


def read_text(
    path: Path, problems: Problems, *, label: str | None = None, empty_ok: bool = False
) -> str | None:
    """A data or source file's text: UTF-8 (a byte order mark is fine), CRLF and CR read as
    LF; None, with the problem recorded, when it is too large, not UTF-8, or (unless
    ``empty_ok``) empty."""
    name = label or str(path)
    data = read_input(path, problems, label=name)  # refuses files over MAX_INPUT_BYTES unread
    if data is None:
        return None
    return decode_text(data, label=name, problems=problems, empty_ok=empty_ok)


def decode_text(
    data: bytes, *, label: str, problems: Problems, empty_ok: bool = False
) -> str | None:
    """The text of ``data``, as read_text reads a file's bytes."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.error(Location(label, line), f"not valid UTF-8 (byte {exc.start})")
        return None
    if not empty_ok and (not text or text.isspace()):  # not strip(): no copy of a large file
        problems.error(Location(label), "the file is empty")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def untracked(items: Sequence[T]) -> Iterable[T]:
    """The default progress hook of the readers: no progress display."""
    return items


# Numbers and dates, as the readers report them ---------------------------------------------


def whole(
    text: str,
    kind: Whole,
    loc: Location,
    problems: Problems,
    field: str,
    *,
    spelled: str | None = None,
) -> int | None:
    """parse_whole(), or None with the problem recorded at ``loc``. ``spelled``: the value as
    its source writes it when that is not ``text`` quoted (a JSON number: 7, not '7')."""
    number = parse_whole(text, kind)
    if number is None:
        problems.error(loc, refusal(field, kind.what, text, spelled), field=field)
    return number


def refusal(field: str, kind: str, text: str, spelled: str | None = None) -> str:
    """The message refusing ``text`` (shown as ``spelled`` when given) for ``field``: it must
    be ``kind``; a digit other than 0-9 in it is named."""
    value = shown(text) if spelled is None else shown(spelled, quoted=False)
    message = f"{field!r} must be {kind}, not {value}"
    char = foreign_digit(text)
    if char is not None:
        message += f" ({char!r} U+{ord(char):04X} is not one of the digits 0-9)"
    return message


def date(text: str, loc: Location, problems: Problems, field: str) -> dt.date | None:
    """parse_date(), or None with the problem recorded at ``loc``."""
    day = parse_date(text)
    if day is None:
        problems.error(loc, refusal(field, "a date (YYYY-MM-DD)", text), field=field)
    return day


# Text, names and ids ---------------------------------------------------------------------

_PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "dos", "du", "la",
    "le", "les", "ter", "ten", "zu", "zur", "y", "bin", "ibn", "al", "el", "d'", "dell'"
})  # fmt: skip
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_LIGATURES = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
)


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
    suffix = [words.pop()] if len(words) > 2 and _is_suffix(words[-1]) else []
    start = next((i for i in range(1, len(words) - 1) if words[i] in _PARTICLES), len(words) - 1)
    while start > 1 and words[start - 1].lower() in _PARTICLES:  # Tom Van de Wiele
        start -= 1
    return Author(given=" ".join(words[:start]), family=" ".join(words[start:] + suffix))


def _is_suffix(word: str) -> bool:
    return word.lower().rstrip(".") in _SUFFIXES


_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)


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
        problems.error(
            loc, f"cannot derive a safe ASCII id from {raw!r}; give the paper an id", field="id"
        )
    elif paper_id != raw.lower():
        notes.append(f"{loc}: id {paper_id!r} derived from {raw!r}")
    return paper_id


_SPECIAL_LETTERS = str.maketrans(
    {
        "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l",
        "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i",
        "ŋ": "ng", "Ŋ": "NG", "ĳ": "ij", "Ĳ": "IJ",
    }
)  # fmt: skip
_NOT_ID = re.compile(r"[^a-z0-9._-]+")
_DOTS = re.compile(r"\.{2,}")


def ascii_id(text: str) -> str | None:
    """A lower-case ASCII id from a key or UID (schrödter26 -> schrodter26).

    None when a letter has no ASCII transliteration (a key in another script): the organizer
    then chooses the id, rather than us dropping part of it.
    """
    kept = text
    if not text.isascii():  # most keys are ASCII: nothing to fold, nothing to refuse
        folded = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
        kept = "".join(c for c in folded if not unicodedata.combining(c))
        if any(ord(c) > 127 and c.isalnum() for c in kept):
            return None
    slug = _NOT_ID.sub("-", kept.lower())
    slug = _DOTS.sub(".", slug).strip("-._")
    slug = slug[:80].rstrip("-._")
    return slug or None
