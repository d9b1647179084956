"""The people index: everyone of every edition with each of their roles, one entry each with an
anchor; for a large series a page a letter (15,000 names on one page took seconds to rebuild
after any title changed, and are heavy for a reader), one page for all when there are few."""

from __future__ import annotations

import string
import unicodedata

from docutils import nodes

from ...model import Author
from ...paths import PEOPLE_DIR, PEOPLE_INDEX
from ...people import Credit, Person
from .lists import Entry, make_list, paper_list
from .nodes import page_link

OTHER = "other"  # names that do not start with a letter A-Z (after removing accents)
LETTERS = (*string.ascii_lowercase, OTHER)


def letter_of(name: Author) -> str:
    """'a'..'z' by the first letter of the family (else display) name, accents removed."""
    for char in unicodedata.normalize("NFKD", name.family or name.display_name):
        if unicodedata.combining(char) or not char.strip():
            continue
        low = char.lower()
        return low if "a" <= low <= "z" else OTHER
    return OTHER


def letter_label(letter: str) -> str:
    return "Other" if letter == OTHER else letter.upper()


def by_letter(people: list[Person]) -> dict[str, list[Person]]:
    """People (in index order) grouped by letter, the letters in order, 'other' last."""
    groups: dict[str, list[Person]] = {}
    for person in people:
        groups.setdefault(letter_of(person.name), []).append(person)
    return {k: groups[k] for k in LETTERS if k in groups}


def is_split(entries: int, split_from: int) -> bool:
    """Whether the index gets a page a letter: from ``split_from`` entries (a person counted
    once for each role they had), which is what a page's size and cost grow with."""
    return entries >= split_from


def credit_links(credits: tuple[Credit, ...]) -> tuple[tuple[str, str], ...]:
    """(target, text) of each credit, '2025 author: SCALE-CCL: ...', '2025 TPC member'; the
    roles one person had for one paper or talk in one link ('2025 author and presenter')."""
    roles: dict[tuple[int, str, str], list[str]] = {}
    for c in credits:
        roles.setdefault((c.year, c.what, c.target), []).append(str(c.role))
    return tuple(
        (target, f"{year} {' and '.join(names)}" + (f": {what}" if what else ""))
        for (year, what, target), names in roles.items()
    )


def index_list(people: list[Person]) -> paper_list:
    items = [
        Entry(
            lead=person.name.sort_name,
            links=credit_links(person.credits),
            line="; ".join(person.affiliations) or None,
            anchor=person.anchor,
        )
        for person in people
    ]
    # "simple": the compact spacing docutils gives a list of one-paragraph items.
    return make_list(
        items, ordered=False, classes=["people-index", "simple"], line_class="people-affiliation"
    )


def letters_nav(letters: dict[str, list[Person]], current: str | None = None) -> nodes.paragraph:
    """Links to the letter pages that have people; the current letter is not a link."""
    nav = nodes.paragraph(classes=["people-letters"])
    for i, letter in enumerate(LETTERS):
        if i:
            nav += nodes.Text(" · ")
        label = letter_label(letter)
        if letter == current or letter not in letters:
            nav += nodes.strong(label, label) if letter == current else nodes.Text(label)
        else:
            nav += page_link(f"{PEOPLE_DIR}/{letter}", label)
    return nav


def people_index(people: list[Person], *, split: bool) -> list[nodes.Node]:
    """Everyone on this page, or (for a large index) links to a page a letter."""
    if not split:
        return [index_list(people)]
    intro = nodes.paragraph(
        "", f"{len(people):,} people, by the first letter of their family name:"
    )
    return [intro, letters_nav(by_letter(people))]


class people_placeholder(nodes.General, nodes.Element):  # type: ignore[misc]
    """Where the people index (``letter`` '') or one of its letters goes: it names people of
    the programs too, known only once every page is read (sphinx/people.py fills it)."""


def letter_page(people: list[Person], letter: str) -> list[nodes.Node]:
    """The body of one letter's page of a split people index (it may have nobody)."""
    groups = by_letter(people)
    out: list[nodes.Node] = [letters_nav(groups, current=letter)]
    if letter in groups:
        out.append(index_list(groups[letter]))
    else:
        out.append(nodes.paragraph("", "No one's family name starts with this letter."))
    back = nodes.paragraph(classes=["paper-nav"])
    back += page_link(PEOPLE_INDEX, "All people")
    out.append(back)
    return out
