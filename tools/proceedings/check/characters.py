"""Which characters a text value of the data may hold: invisible controls are errors, not pages."""

from __future__ import annotations

import dataclasses
import enum
import functools
import re
import unicodedata
from dataclasses import dataclass

from ..errors import Location, Problems

# Line breaks and tabs are whitespace that every renderer folds. Other controls pasted from a PDF
# (NUL, ESC, form feed) would reach the HTML (as U+FFFD), the .bib and .ris files (some readers
# cut at a NUL) and terminals: rejected, never dropped.
ALLOWED_CONTROLS = frozenset("\t\n\r")
# Embeddings, overrides and isolates reorder the text around the value ("Trojan Source"); the
# marks right-to-left names need (U+200E, U+200F, U+061C) stay allowed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
SKIPPED_FIELDS = frozenset({"source", "_index"})
PUBLISHER_FIELDS, PUBLISHER_FACTS = "publisher_fields", "publisher_facts"
Path_ = tuple[str | int, ...]


class Reason(enum.StrEnum):
    CONTROL = "a control character"
    SURROGATE = "a lone surrogate (not a character: the text was decoded wrongly)"
    NONCHARACTER = "a Unicode noncharacter"
    BIDI = "an invisible bidirectional control, which reorders the text around it"


def reason(char: str) -> Reason | None:
    """Why ``char`` may not appear in a text value of the data, or None."""
    code = ord(char)
    if char in ALLOWED_CONTROLS:
        return None
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return Reason.CONTROL
    if 0xD800 <= code <= 0xDFFF:
        return Reason.SURROGATE
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return Reason.NONCHARACTER
    if char in BIDI_CONTROLS:
        return Reason.BIDI
    return None


@dataclass(frozen=True, slots=True)
class BadCharacter:
    position: int  # 1-based, in characters
    char: str
    reason: Reason

    def __str__(self) -> str:
        name = unicodedata.name(self.char, "")
        label = f"U+{ord(self.char):04X}" + (f" {name}" if name else "")
        return f"{label} at character {self.position} is {self.reason.value}"


def _class(spans: list[tuple[int, int]]) -> re.Pattern[str]:
    return re.compile(
        "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans) + "]"
    )


# ``reason``'s rule as searches in C: the BMP's (a bitmap: fast over a volume's abstracts), the
# other planes' noncharacters, and both at once with any astral character (rare) as a first pass.
_BMP_BAD = (
    [(0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x9F), (0xD800, 0xDFFF), (0xFDD0, 0xFDEF)]
    + [(0xFFFE, 0xFFFF)]
    + [(ord(c), ord(c)) for c in sorted(BIDI_CONTROLS)]
)
BMP_BAD_RE = _class(_BMP_BAD)
ASTRAL_BAD_RE = _class([(p + 0xFFFE, p + 0xFFFF) for p in range(0x10000, 0x110000, 0x10000)])
MAYBE_BAD_RE = _class([*_BMP_BAD, (0x10000, 0x10FFFF)])
# The ASCII ones: deleting them from ASCII bytes (most text) is 6x faster than any search.
_ASCII_BAD = bytes([*(c for c in range(0x20) if chr(c) not in ALLOWED_CONTROLS), 0x7F])


def has_bad_character(text: str) -> bool:
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_BAD)) != len(text)
    if not MAYBE_BAD_RE.search(text):  # nearly all other text: one search
        return False
    return BMP_BAD_RE.search(text) is not None or ASTRAL_BAD_RE.search(text) is not None


def bad_characters(text: str) -> list[BadCharacter]:
    if not has_bad_character(text):
        return []
    return [
        BadCharacter(i + 1, c, why) for i, c in enumerate(text) if (why := reason(c)) is not None
    ]


def describe(found: list[BadCharacter]) -> str:
    """One message for every bad character of a value: the first named, the others counted."""
    more = len(found) - 1
    tail = f" (and {more} more such character{'s' if more > 1 else ''})" if more else ""
    return f"{found[0]}{tail}: remove it"


@functools.cache
def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in SKIPPED_FIELDS)


def text_values(value: object, path: Path_ = ()) -> list[tuple[Path_, str]]:
    """Every string inside a model object (nested dataclasses, tuples), with its field path."""
    out: list[tuple[Path_, str]] = []
    stack: list[tuple[Path_, object]] = [(path, value)]
    while stack:
        where_, item = stack.pop()
        if isinstance(item, str):
            if not isinstance(item, enum.Enum):  # enum values were checked against choices
                out.append((where_, item))
        elif isinstance(item, tuple):
            stack.extend(((*where_, i), v) for i, v in enumerate(item))
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            for name in _fields(type(item)):
                field = getattr(item, name)
                if name == PUBLISHER_FIELDS:  # (BibTeX field, value) pairs from papers.bib
                    out.extend(((*where_, "papers.bib", k), v) for k, v in field)
                elif name == PUBLISHER_FACTS:  # the same values, decoded: checked above
                    continue
                elif field:  # most optional fields are None or empty
                    stack.append(((*where_, name), field))
    out.reverse()  # the stack pops last first: give them in field order
    return out


def where(base: Location, path: Path_) -> tuple[Location, str]:
    """('authors', 1, 'family') -> (base/authors/1, 'family'); ('keywords', 2) ->
    (base/keywords/2, 'keywords'): an item of a list is pointed at, its field named."""
    names = [i for i, part in enumerate(path) if isinstance(part, str)]
    if not names:
        return base, ""
    last = names[-1]
    kept = path if last < len(path) - 1 else path[:last]
    return base.at(base.pointer + "".join(f"/{p}" for p in kept)), str(path[last])


def check_characters(record: object, base: Location, problems: Problems) -> None:
    """Report every text value of ``record`` (a Paper, a Volume) that holds a bad character."""
    values = text_values(record)
    if not has_bad_character("\n".join(text for _, text in values)):
        return  # nearly every record: one search over all its text
    for path, text in values:
        found = bad_characters(text)
        if found:
            location, field = where(base, path)
            problems.error(location, describe(found), field=field or None)
