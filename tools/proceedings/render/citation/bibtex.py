"""BibTeX entries for papers and the volume: ASCII LaTeX that classic bibtex and biber accept."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

from ...model import Author, Paper, Volume
from ..dates import MONTHS
from .record import Facts, by_word, facts
from .record import needs_protection as needs_protection  # the tests import it from here

MONTH_MACROS = tuple(m[:3].lower() for m in MONTHS)
# Our fields in order; the publisher's others follow, sorted. 'booktitle' holds all that ACM's
# reference prints after "In" (proceedings, series, conference dates and place): ACM's .bst
# prints 'location' and 'series' elsewhere and no dates, biblatex reads 'location' as the
# publisher's place, and 'key' prints where the authors go: so none of those three.
FIELD_ORDER = (
    "author", "title", "booktitle", "year", "month", "pages", "numpages",
    "publisher", "address", "isbn", "doi", "url",
)  # fmt: skip
# The publisher's values of these are dropped: booktitle holds their facts (from our data).
BOOKTITLE_PARTS = frozenset({"booktitle", "series", "location"})

# pylatexenc 2.11's table is wrong for these letters: ű is \H{u} (double acute), not \'{u};
# Ħ and Ŧ have a stroke, not a macron; ŀ a middle dot, not a dot above; ĸ is no small-capital
# k; Ѓ and Ќ take an acute, not a grave; ɛ gets \varepsilon (math only: "Missing $ inserted")
# and ŉ an undefined \nument. Where LaTeX has no right macro the letter stays UTF-8.
_FIXED_LETTERS = {"ű": r"\H{u}", "Ű": r"\H{U}"} | {c: c for c in "ĦħŦŧĿŀĸɛŉЃѓЌќ"}
# A combining mark that NFC could not join to its letter ('Ụ̈') gets a math accent with nothing
# under it from pylatexenc (\ensuremath{\ddot{}}): the mark is lost. It stays UTF-8 instead.
_COMBINING = {c: c for c in map(chr, range(0x300, 0x10000)) if unicodedata.category(c) == "Mn"}
# BibTeX counts braces even after a backslash, so '\{' would unbalance a value: use macros.
_ASCII_RULE = UnicodeToLatexConversionRule(
    RULE_DICT,
    {
        ord("{"): r"\textbraceleft",
        ord("}"): r"\textbraceright",
        ord("\\"): r"\textbackslash",
        # LaTeX's own input for dashes, which bibtex and biber count as dashes too.
        ord("\u2013"): "--",
        ord("\u2014"): "---",
        **{ord(letter): latex for letter, latex in (_FIXED_LETTERS | _COMBINING).items()},
    },
)
# Everything that 7-bit BibTeX cannot take becomes a braced LaTeX command ('{\"e}'), which
# bibtex treats as one letter when it sorts, abbreviates or changes case. A character with no
# LaTeX form (CJK, for instance) stays UTF-8: biber and inputenc handle it.
_ENCODER = UnicodeToLatexEncoder(
    conversion_rules=[_ASCII_RULE, "defaults"],
    non_ascii_only=False,
    replacement_latex_protection="braces-all",
    unknown_char_policy="keep",
    unknown_char_warning=False,
)
_UNBRACED = re.compile("\\{([" + "".join(map(re.escape, _COMBINING)) + "]|-{2,3})\\}")
# Printable ASCII that the encoder leaves as it is: most words, returned without calling it.
_PLAIN = frozenset(map(chr, range(32, 127))) - frozenset('"#$%&<>\\^_{}~')
# Pairs of characters that LaTeX's fonts join into another one: '--' an en dash, "''" and '``'
# double quotes, '!`' and '?`' inverted marks, ',,' a low quote (T1). The text holds the two
# characters (a dash is written as one, U+2013), so an empty group keeps them apart.
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=')(?=')|(?<=`)(?=`)|(?<=[!?])(?=`)|(?<=,)(?=,)")


@functools.lru_cache(maxsize=65536)
def _encode(text: str) -> str:
    if _LIGATURE.search(text):
        return "{}".join(map(_encode, _LIGATURE.split(text)))
    if _PLAIN.issuperset(text):
        return text
    encoded: str = _ENCODER.unicode_to_latex(text)
    # The encoder braces every replacement: a kept combining mark must touch its letter, and
    # a dash reads as LaTeX writes it ('1--4'; a literal '--' was split above, so is not here).
    return _UNBRACED.sub(r"\1", encoded)


def latex(text: str) -> str:
    """Unicode text as LaTeX on one line: specials escaped, non-ASCII encoded, braces balanced."""
    return _encode(" ".join(text.split()))


def protected(text: str) -> str:
    """``latex(text)`` with each word that ``needs_protection`` wrapped in braces."""
    return by_word(" ".join(text.split()), _encode, lambda word: f"{{{_encode(word)}}}")


def verbatim(value: str) -> str:
    """An identifier or URL as written, with the characters that would break BibTeX's
    brace matching (or the field) percent-encoded."""
    table = {"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"}
    return "".join(table.get(c, c) for c in value.strip())


def _name_part(text: str) -> str:
    # A comma or a lower-case 'and' inside a part would split the name list: group the part.
    return f"{{{latex(text)}}}" if "," in text or re.search(r"\sand\s", text) else latex(text)


def bib_name(author: Author) -> str:
    """'Family, Given' (BibTeX's unambiguous form); a one-part or corporate name is braced."""
    if author.family and author.given:
        return f"{_name_part(author.family)}, {_name_part(author.given)}"
    return "{" + latex(author.display_name) + "}"


def balanced(value: str) -> bool:
    depth = 0
    for char in value:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@dataclass(frozen=True, slots=True)
class Entry:
    """A BibTeX entry as written: values are BibTeX source (month a bare macro name)."""

    key: str
    fields: tuple[tuple[str, str], ...]

    def value(self, name: str) -> str | None:
        return dict(self.fields).get(name)


def booktitle(f: Facts) -> str:
    """'Proceedings of ... for {AI} ({INET4AI} '25), {December 1--4, 2025, Hong Kong, Hong
    Kong}': the conference's dates and place braced, as pandoc lower-cases a booktitle's words."""
    conference = f", {{{latex(f.conference)}}}" if f.conference else ""
    return protected(f.proceedings) + conference


def _pages(f: Facts) -> str | None:
    # The range's '--' is BibTeX's en dash; each page label is text.
    parts = (f.first_page, f.last_page if f.last_page != f.first_page else None)
    return "--".join(latex(p) for p in parts if p) or None


def _generated(f: Facts) -> dict[str, str | None]:
    return {
        "author": " and ".join(bib_name(a) for a in f.authors) or None,
        "title": protected(f.title),
        "booktitle": booktitle(f),
        "year": str(f.year),
        "month": MONTH_MACROS[f.month - 1] if f.month else None,
        "pages": _pages(f),
        "numpages": str(f.page_count) if f.page_count else None,
        "publisher": latex(f.publisher) if f.publisher else None,
        "address": latex(f.publisher_place) if f.publisher_place else None,
        "isbn": verbatim(f.isbn) if f.isbn else None,
        "doi": verbatim(f.doi) if f.doi else None,
        "url": verbatim(f.url) if f.url else None,
    }


def _month_macro(value: str) -> str | None:
    text = value.strip().lower()
    if text.isdigit() and 1 <= int(text) <= 12:
        return MONTH_MACROS[int(text) - 1]
    names = {m.lower(): MONTH_MACROS[i] for i, m in enumerate(MONTHS)}
    return text if text in MONTH_MACROS else names.get(text)


def _from_publisher(name: str, value: str) -> str:
    """A publisher's value as written, unless it would break the file (then as plain text)."""
    if name == "month":
        return _month_macro(value) or "{" + latex(value) + "}"
    return value.strip() if balanced(value) else latex(value)


def entry(paper: Paper, volume: Volume) -> Entry:
    """The entry of ``paper``: our fields in FIELD_ORDER, then the publisher's others."""
    record = facts(paper, volume)
    ours = _generated(record)
    publisher = {
        k.lower(): v
        for k, v in paper.publisher_fields
        if v.strip() and k.lower() not in BOOKTITLE_PARTS
    }
    values = ours | {name: _from_publisher(name, value) for name, value in publisher.items()}
    names = [*FIELD_ORDER, *sorted(set(publisher) - set(FIELD_ORDER))]
    return Entry(record.key, tuple((name, v) for name in names if (v := values.get(name))))


def format_entry(e: Entry) -> str:
    width = max(len(name) for name, _ in e.fields)
    lines = []
    for name, value in e.fields:
        bare = name == "month" and value in MONTH_MACROS  # a macro, not text
        lines.append(f"  {name.ljust(width)} = {value if bare else '{' + value + '}'}")
    return f"@inproceedings{{{e.key},\n" + ",\n".join(lines) + "\n}\n"


def bibtex_entry(paper: Paper, volume: Volume) -> str:
    return format_entry(entry(paper, volume))
