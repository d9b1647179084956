"""Which characters the data may hold (tools/proceedings/textsafety.py), and that validation
applies the rule to every text field of papers and the volume."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.hostile_text import KEPT_CHARS, PURE, REFUSED_CHARS, hostile_text
from tools.proceedings.check.characters import (
    Reason,
    bad_characters,
    check_characters,
    has_bad_character,
    reason,
)
from tools.proceedings.check.validate import validate
from tools.proceedings.errors import Location, Problems
from tools.proceedings.model import Author, Event, Links, Paper, Volume

VOLUME = Volume(title="Proceedings", short_title="P '25", year=2025, source=Location("v.yaml", 1))
PAPER = Paper(
    id="a",
    title="Title",
    authors=(Author(given="Ada", family="Example", affiliations=("Uni",)),),
    abstract="Text.",
    keywords=("k",),
    doi="10.5555/1",
    links=Links(pdf="https://example.org/a.pdf"),
    source=Location("papers.yaml", 2, "/papers/0"),
)


def test_the_rule_over_every_code_point() -> None:
    for code in range(0x110000):
        char = chr(code)
        why = reason(char)
        assert has_bad_character(f"ok{char}") == (why is not None), hex(code)  # the fast search
        category = unicodedata.category(char)
        if char in "\t\n\r":
            assert why is None
        elif category == "Cc":
            assert why is Reason.CONTROL, hex(code)
        elif category == "Cs":
            assert why is Reason.SURROGATE, hex(code)
        elif code in range(0xFDD0, 0xFDF0) or code & 0xFFFE == 0xFFFE:
            assert why is Reason.NONCHARACTER, hex(code)
        elif code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):
            assert why is Reason.BIDI, hex(code)
        else:  # letters, marks, emoji, spaces, private use, unassigned, RLM/LRM, ZWJ, BOM
            assert why is None, hex(code)


def test_every_nested_field_is_named() -> None:
    paper = replace(
        PAPER,
        title="A\x00B",
        authors=(Author(given="Ada", family="Ex\x1bample", affiliations=("Uni", "U\x7fni")),),
        keywords=("ok", "k\u202e"),
        links=Links(pdf="https://example.org/\x0c"),
        publisher_fields=(("title", "T\x0bT"),),
    )
    problems = Problems()
    check_characters(paper, paper.source, problems)
    assert [(str(p.location), p.field) for p in problems.errors] == [
        ("papers.yaml:2 /papers/0", "title"),
        ("papers.yaml:2 /papers/0/authors/0", "family"),
        ("papers.yaml:2 /papers/0/authors/0/affiliations/1", "affiliations"),
        ("papers.yaml:2 /papers/0/keywords/1", "keywords"),
        ("papers.yaml:2 /papers/0/links", "pdf"),
        ("papers.yaml:2 /papers/0/papers.bib", "title"),
    ]
    assert problems.errors[0].message == "U+0000 at character 2 is a control character: remove it"


def test_one_message_for_many_bad_characters() -> None:
    problems = Problems()
    check_characters(replace(PAPER, title="\x00\x01\x02x\x7f"), PAPER.source, problems)
    (problem,) = problems.errors
    assert problem.message == (
        "U+0000 at character 1 is a control character (and 3 more such characters): remove it"
    )


@PURE
@given(hostile_text(), REFUSED_CHARS, st.data())
def test_validation_refuses_a_bad_character_in_any_field(
    text: str, bad: str, data: st.DataObject
) -> None:
    """Fails until validate.py calls textsafety.check_characters (see the report)."""
    where = data.draw(st.sampled_from(["title", "abstract", "family", "affiliation", "venue"]))
    spoiled = text[: len(text) // 2] + bad + text[len(text) // 2 :]
    paper, volume = PAPER, VOLUME
    if where in ("title", "abstract"):
        paper = replace(PAPER, **{where: spoiled})
    elif where == "venue":
        volume = replace(VOLUME, event=Event(name=spoiled))
    else:
        author = Author(given="Ada", family=spoiled if where == "family" else "Example",
                        affiliations=(spoiled,) if where == "affiliation" else ())  # fmt: skip
        paper = replace(PAPER, authors=(author,))
    problems = Problems()
    validate(volume, [paper], problems)
    assert any(p.message.startswith(f"U+{ord(bad):04X}") for p in problems.errors)


@PURE
@given(hostile_text(chars=KEPT_CHARS))
def test_kept_text_passes(text: str) -> None:
    assert bad_characters(text) == []
    problems = Problems()
    validate(VOLUME, [replace(PAPER, title=text, abstract=text)], problems)
    assert problems.errors == []


@pytest.mark.parametrize(
    "name", ["עברית\u200f", "Zoë", "e\u0301", "👩\u200d💻", "\ufeffx", "\ue000"]
)
def test_what_real_names_need_is_kept(name: str) -> None:
    assert bad_characters(name) == []
