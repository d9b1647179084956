"""The people index: everyone, once, each role linked to the page that shows it."""

from __future__ import annotations

from docutils import nodes

from ...people import Credit, Person
from .nodes import page_link


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


def person_item(person: Person) -> nodes.list_item:
    """'Family, Given: 2025 author: Title; 2025 TPC member' and the affiliations below."""
    para = nodes.paragraph()
    para += nodes.strong(person.name.sort_name, person.name.sort_name)
    para += nodes.Text(": ")
    for i, (target, text) in enumerate(credit_links(person.credits)):
        if i:
            para += nodes.Text("; ")
        para += page_link(target, text)
    item = nodes.list_item("", para, ids=[person.anchor])
    if person.affiliations:
        line = "; ".join(person.affiliations)
        item += nodes.paragraph(line, line, classes=["people-affiliation"])
    return item


def people_index(people: list[Person]) -> nodes.bullet_list:
    # "simple": the compact spacing docutils gives a list of one-paragraph items.
    items = nodes.bullet_list(classes=["people-index", "simple"])
    items.extend(person_item(person) for person in people)
    return items


class people_placeholder(nodes.General, nodes.Element):  # type: ignore[misc]
    """Where the people index goes: it names people of the programs too, known only once every
    page is read (sphinx/people.py fills it)."""
