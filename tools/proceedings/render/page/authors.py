"""The author index: everyone with their papers, grouped by the first letter of the family
name; for large volumes a page a letter (15,000 names on one page took seconds to rebuild after
any title changed, and are heavy for a reader), one page for all when there are few."""

from __future__ import annotations

import unicodedata

from docutils import nodes

from ...model import Author, Paper, Proceedings
from ...paths import AUTHOR_INDEX, AUTHORS_DIR, PROCEEDINGS_INDEX, paper_docname
from .lists import Entry, make_list, paper_list
from .nodes import page_link

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


def is_split(entries: list[AuthorPapers], split_from: int) -> bool:
    """Whether the index gets a page a letter: from ``split_from`` listed papers (a paper is
    listed once under each of its authors), which is what a page's size and cost grow with."""
    return sum(len(papers) for _, papers in entries) >= split_from


def index_list(entries: list[AuthorPapers]) -> paper_list:
    items = [
        Entry(
            lead=author.sort_name,
            links=tuple((paper_docname(p.id), p.title) for p in papers),
        )
        for author, papers in entries
    ]
    # "simple": the compact spacing docutils gives a list of one-paragraph items.
    return make_list(items, ordered=False, classes=["author-index", "simple"])


def letters_nav(letters: list[str], current: str | None = None) -> nodes.paragraph:
    """Links to the author index's letter pages; the current letter is not a link."""
    nav = nodes.paragraph(classes=["author-letters"])
    for i, letter in enumerate(letters):
        if i:
            nav += nodes.Text(" · ")
        label = letter_label(letter)
        if letter == current:
            nav += nodes.strong(label, label)
        else:
            nav += page_link(f"{AUTHORS_DIR}/{letter}", label)
    return nav


def author_index(proceedings: Proceedings, *, split_from: int) -> list[nodes.Node]:
    """Everyone on this page, or (for a large index) links to a page a letter."""
    entries = proceedings.authors()
    if not is_split(entries, split_from):
        return [index_list(entries)]
    groups = by_letter(entries)
    intro = nodes.paragraph(
        "",
        f"{len(entries):,} authors of {len(proceedings.papers):,} papers, "
        "by the first letter of their family name:",
    )
    return [intro, letters_nav(list(groups))]


def letter_page(proceedings: Proceedings, letter: str) -> list[nodes.Node] | None:
    """The page of one letter of a split author index; None if no author has that letter."""
    groups = by_letter(proceedings.authors())
    if letter not in groups:
        return None
    label = letter_label(letter)
    page = nodes.section(ids=["authors"], names=["authors"])
    title = f"Author index: {label}"
    page += nodes.title(title, title)
    page += letters_nav(list(groups), current=letter)
    page += index_list(groups[letter])
    back = nodes.paragraph(classes=["paper-nav"])
    back += page_link(AUTHOR_INDEX, "Author index")
    back += nodes.Text(" · ")
    back += page_link(PROCEEDINGS_INDEX, "All papers")
    page += back
    return [page]
