"""People in the model: one entry per person across the series, with every role they had."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .model import Author, normalize_name
from .paths import paper_docname
from .series import Series


class Role(enum.StrEnum):
    CHAIR = "chair"
    COMMITTEE = "TPC member"
    AUTHOR = "author"
    PRESENTER = "presenter"
    SPEAKER = "invited speaker"


@dataclass(frozen=True, slots=True)
class Credit:
    """One role of a person in one edition, and the page (and anchor) that shows it."""

    year: int
    role: Role
    what: str = ""  # the paper's or the talk's title; '' for a committee role
    target: str = ""  # 'docname' or 'docname#anchor'


@dataclass(frozen=True, slots=True)
class Mention:
    """A person as one place names them: a committee, an author list, a program."""

    person: Author
    credit: Credit


@dataclass(frozen=True, slots=True)
class Person:
    name: Author  # the first spelling met (data before programs, older editions first)
    orcid: str | None
    affiliations: tuple[str, ...]
    credits: tuple[Credit, ...]
    anchor: str  # the entry's id on the people index


def data_mentions(series: Series, organizers: str) -> list[Mention]:
    """Everyone the data names: the chairs and committees (on the ``organizers`` page) and the
    authors of every volume (on their papers' pages), older editions first."""
    out: list[Mention] = []
    for edition in series.editions:
        year = edition.year
        for role, members in ((Role.CHAIR, edition.chairs), (Role.COMMITTEE, edition.committee)):
            credit = Credit(year, role, "", f"{organizers}#edition-{year}")
            out += [Mention(member.person, credit) for member in members or ()]
        for paper in edition.proceedings.papers if edition.proceedings else ():
            credit = Credit(year, Role.AUTHOR, paper.title, paper_docname(year, paper.id))
            out += [Mention(author, credit) for author in paper.authors]
    return out


def people(mentions: Iterable[Mention]) -> list[Person]:
    """One Person for each person ``mentions`` name, sorted by family then given name. Names
    match after normalize_name; an ORCID joins two spellings of a name, and two different ORCIDs
    keep two people of one name apart."""
    by_orcid: dict[str, list[Mention]] = {}
    by_name: dict[str, list[list[Mention]]] = {}  # name key -> the people of that name
    groups: list[list[Mention]] = []
    for mention in mentions:
        orcid, key = mention.person.orcid, normalize_name(mention.person.display_name)
        if orcid:
            group = by_orcid.get(orcid)
            if group is None:
                named = by_name.get(key, [])
                if len(named) == 1 and not any(m.person.orcid for m in named[0]):
                    group = named[0]  # the one person of that name, named so far without one
                else:
                    group = []
                    groups.append(group)
                    by_name.setdefault(key, []).append(group)
                by_orcid[orcid] = group
            group.append(mention)
            continue
        named = by_name.get(key, [])
        if len(named) == 1:  # one person of that name: the same (ORCID or not)
            named[0].append(mention)
        else:  # nobody yet, or two people of that name told apart by their ORCIDs
            group = [mention]
            groups.append(group)
            if not named:
                by_name[key] = [group]
    return _anchored(sorted(map(_person, groups), key=lambda p: p.name.sort_key))


def _person(group: list[Mention]) -> Person:
    affiliations: list[str] = []
    for mention in group:
        affiliations += [a for a in mention.person.affiliations if a not in affiliations]
    credits = tuple(dict.fromkeys(m.credit for m in group))  # in order, each once
    orcid = next((m.person.orcid for m in group if m.person.orcid), None)
    return Person(group[0].person, orcid, tuple(affiliations), credits, "")


def _anchored(made: list[Person]) -> list[Person]:
    """Each person with an id of their own: the name made ASCII ('memedhe-ibrahimi')."""
    seen: dict[str, int] = {}
    out = []
    for person in made:
        base = slug(person.name.display_name) or "person"
        seen[base] = seen.get(base, 0) + 1
        out.append(replace(person, anchor=base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return out


def slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    kept = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", kept).strip("-")
