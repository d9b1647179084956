"""The author index by first letter of the family name: one page a letter for large volumes
(15,000 names on one page took seconds to rebuild after any title changed, and are heavy for
a reader), one page for all when there are few."""

from __future__ import annotations

import unicodedata

from ..model import Author, Paper, Proceedings
from .pages import digest, stub, stub_name

OTHER = "other"  # names that do not start with a letter A-Z (after removing accents)
AuthorPapers = tuple[Author, list[Paper]]  # one entry of the index


def letter_of(author: Author) -> str:
    """'a'..'z' by the first letter of the family (else display) name, accents removed."""
    for char in unicodedata.normalize("NFKD", author.family or author.display_name):
        if unicodedata.combining(char) or not char.strip():
            continue
        low = char.lower()
        return low if "a" <= low <= "z" else OTHER
    return OTHER


def letter_label(letter: str) -> str:
    return "Other" if letter == OTHER else letter.upper()


def by_letter(entries: list[AuthorPapers]) -> dict[str, list[AuthorPapers]]:
    """Entries (in index order) grouped by letter, the letters in order, 'other' last."""
    groups: dict[str, list[AuthorPapers]] = {}
    for entry in entries:
        groups.setdefault(letter_of(entry[0]), []).append(entry)
    return {k: groups[k] for k in sorted(groups, key=lambda k: (k == OTHER, k))}


def letter_digest(letters: list[str], entries: list[AuthorPapers]) -> str:
    """What a letter page shows: the letters it links to, each name and its papers' titles."""
    return digest(
        (
            letters,
            [
                (a.family, a.given, a.display_name, [(p.id, p.title) for p in papers])
                for a, papers in entries
            ],
        )
    )


def is_split(entries: list[AuthorPapers], split_from: int) -> bool:
    """Whether the index gets a page a letter: from ``split_from`` listed papers (a paper is
    listed once under each of its authors), which is what a page's size and cost grow with."""
    return sum(len(papers) for _, papers in entries) >= split_from


def author_files(proceedings: Proceedings, *, split_from: int) -> dict[str, str]:
    """Stub name (inside AUTHORS_DIR) -> content: a page a letter for a large index (see
    is_split), else none (the author index shows everyone on one page)."""
    entries = proceedings.authors()
    if not is_split(entries, split_from):
        return {}
    groups = by_letter(entries)
    letters = list(groups)
    return {
        stub_name(letter): stub("authors", letter, letter_digest(letters, group))
        for letter, group in groups.items()
    }
