"""The one parser of numbers, dates and page ranges as the data writes them: ASCII digits."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Whole:
    low: int
    high: int
    what: str  # "a four-digit year": completes "'year' must be ..."


NUMPAGES = Whole(1, 100_000, "a whole number from 1 to 100000")
YEAR = Whole(1000, 9999, "a four-digit year")
MONTH = Whole(1, 12, "a number from 1 to 12")
# HotCRP numbers papers from 1; the pid becomes the paper's id, so it stays short.
PID = Whole(1, 999_999_999, "a positive number of at most 9 digits")
PAGE = Whole(1, 1_000_000, "a page number from 1 to 1000000")

SHOWN = 40  # characters of a value quoted in a message; a 400-digit one is cut
# A page range's separator: BibTeX's '--', a hyphen, an en or em dash, spaces around.
_PAGE_SEPARATOR = re.compile(r"\s*(?:-+|[\u2010-\u2015])\s*")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # [0-9]: ASCII, unlike \d
_DIGIT_CATEGORIES = frozenset({"Nd", "No"})  # '٧', '７', '߇'; '²', '①'


def foreign_digit(text: str) -> str | None:
    """The first digit in ``text`` that is not 0-9 ('²', '٧', '７'): int(), str.isdigit() and
    fromisoformat() each take a different set of them."""
    if text.isascii():
        return None
    found = (c for c in text if not c.isascii() and unicodedata.category(c) in _DIGIT_CATEGORIES)
    return next(found, None)


def parse_whole(text: str, kind: Whole) -> int | None:
    """The number ``text`` is, in ASCII digits only (no sign, space or point; '07' is fine)
    and within ``kind``'s bounds; else None."""
    if not (text.isascii() and text.isdigit()):  # isdigit() alone takes '²', which int() refuses
        return None
    if len(text.lstrip("0")) > len(str(kind.high)):  # int() refuses over 4,300 digits: not asked
        return None
    number = int(text)
    return number if kind.low <= number <= kind.high else None


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` is, as YYYY-MM-DD in ASCII digits; else None (fromisoformat() also
    takes '20250102', '2025-W01-1' and, in some versions, other digits)."""
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:  # 2025-13-01, 2025-02-30
        return None


def split_pages(text: str) -> tuple[str, str]:
    """(first, last) page of '12--18', '12-18', '12–18' or ACM's '2:1--2:7'; a single page is
    its own last."""
    parts = _PAGE_SEPARATOR.split(text.strip(), maxsplit=1)
    return (parts[0], parts[-1]) if all(parts) else (text.strip(), text.strip())


def page_number(text: str | None) -> int | None:
    """A page of a range as a number, when it is one ('12'; not 'e5', '2:1' or 'iv')."""
    return parse_whole(text, PAGE) if text else None


def shown(text: str, *, quoted: bool = True) -> str:
    """``text`` for a message (quoted unless it is a source's own spelling, JSON's 7), cut."""
    show = repr if quoted else str
    if len(text) <= SHOWN:
        return show(text)
    return f"{show(text[:SHOWN])}... ({len(text)} characters)"


def pages_problem(text: str) -> str | None:
    """Why ``text`` is no page range, or None. Pages are labels ('e5--e9', '2:1--2:7', 'iv'):
    only empty sides, digits not 0-9, numbers out of bounds and ranges going down are refused."""
    parts = _PAGE_SEPARATOR.split(text.strip(), maxsplit=1)
    if not all(parts):
        return f"pages {shown(text)} must be 'N' or 'N--M'"
    char = foreign_digit(text)
    if char is not None:
        return f"pages {shown(text)}: {char!r} U+{ord(char):04X} is not one of the digits 0-9"
    found: list[int | None] = []
    for part in parts:
        found.append(parse_whole(part, PAGE))
        if found[-1] is None and part.isascii() and part.isdigit():
            page = "" if part == text else f": page {shown(part)}"
            return f"pages {shown(text)}{page} is not {PAGE.what}"
    first, last = found[0], found[-1]
    if first is not None and last is not None and last < first:
        return f"pages {shown(text)} end before they start"
    return None
