"""People across the series (tools/proceedings/people.py), on fabricated names: one Person for
each person, whatever the order the data names them in."""

from __future__ import annotations

import itertools
import unicodedata

import pytest

from tools.proceedings.model import Author
from tools.proceedings.people import Credit, Mention, Person, Role, people

ORCID_A = "0000-0002-1825-0097"  # ORCID's own example iDs: valid checksums, nobody's
ORCID_B = "0000-0001-5109-3700"


def mention(given: str, family: str, year: int = 2031, role: Role = Role.AUTHOR,
            orcid: str | None = None, what: str = "A paper") -> Mention:  # fmt: skip
    return Mention(Author(given, family, orcid=orcid), Credit(year, role, what, f"p/{year}"))


def names(found: list[Person]) -> list[tuple[str, int]]:
    return [(p.name.display_name, len(p.credits)) for p in found]


def test_spellings_equal_after_unicode_normalization_and_case_are_one_person() -> None:
    composed = unicodedata.normalize("NFC", "Jörg")
    decomposed = unicodedata.normalize("NFD", "Jörg")
    assert composed != decomposed
    found = people([
        mention(composed, "Müller", role=Role.CHAIR),
        mention(decomposed, "MÜLLER", what="Another paper"),
        mention("Jörg", "Müller", year=2032, role=Role.COMMITTEE),
    ])  # fmt: skip
    assert names(found) == [("Jörg Müller", 3)]
    assert [c.role for c in found[0].credits] == [Role.CHAIR, Role.AUTHOR, Role.COMMITTEE]


def test_accents_are_part_of_a_name() -> None:
    """Normalization, not folding: 'Muller' and 'Müller' may be two people."""
    assert len(people([mention("Jorg", "Muller"), mention("Jörg", "Müller")])) == 2


def test_an_orcid_joins_two_spellings() -> None:
    found = people([
        mention("A.", "Example", orcid=ORCID_A),
        mention("Ada", "Example", orcid=ORCID_A, year=2032),
    ])  # fmt: skip
    assert names(found) == [("A. Example", 2)] and found[0].orcid == ORCID_A


def test_two_orcids_keep_two_people_of_one_name_apart() -> None:
    found = people([
        mention("Ada", "Example", orcid=ORCID_A),
        mention("Ada", "Example", orcid=ORCID_B, year=2032),
    ])  # fmt: skip
    assert sorted(p.orcid or "" for p in found) == sorted([ORCID_A, ORCID_B])
    assert [p.anchor for p in found] == ["ada-example", "ada-example-2"]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_a_name_without_orcid_joins_the_one_person_of_that_name(order: tuple[int, ...]) -> None:
    """Whichever comes first: the committee (no ORCID) or the author list (with one)."""
    every = [
        mention("Ada", "Example", role=Role.COMMITTEE),
        mention("Ada", "Example", orcid=ORCID_A),
        mention("Ada", "Example", role=Role.PRESENTER, year=2032),
    ]
    found = people([every[i] for i in order])
    assert len(found) == 1 and found[0].orcid == ORCID_A
    assert {c.role for c in found[0].credits} == {Role.COMMITTEE, Role.AUTHOR, Role.PRESENTER}


def test_a_name_shared_by_two_orcids_is_not_guessed() -> None:
    """Once two people of one name are known apart, a mention without an ORCID is neither."""
    found = people([
        mention("Ada", "Example", orcid=ORCID_A),
        mention("Ada", "Example", orcid=ORCID_B),
        mention("Ada", "Example", role=Role.PRESENTER),
    ])  # fmt: skip
    assert len(found) == 3


def test_people_are_sorted_by_family_then_given_name() -> None:
    found = people([mention("Bea", "Zed"), mention("Cy", "Able"), mention("Al", "Able")])
    assert [p.name.display_name for p in found] == ["Al Able", "Cy Able", "Bea Zed"]
