"""The one YAML reader: every value as PyYAML reads it, each with its line and record path, and
every problem (syntax, duplicate keys, aliases beyond the budget, depth) said with its line."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import VOLUME_2025
from tools.proceedings.errors import Location, Problems
from tools.proceedings.sources.common import MAX_VALUES, TOO_MANY_VALUES
from tools.proceedings.sources.data_files import read_papers_text
from tools.proceedings.sources.located_yaml import Node, load_yaml_text

GOOD = VOLUME_2025 / "papers.yaml"


def values(node: Node) -> object:
    """The plain values of a node tree."""
    if isinstance(node.value, dict):
        return {k: values(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [values(v) for v in node.value]
    return node.value


def read(text: str) -> tuple[Node | None, list[str]]:
    problems = Problems()
    node = load_yaml_text(text, problems, label="f.yaml")
    return node, [str(p) for p in problems.items]


DOCUMENTS = [
    "a: 1\n",
    "- x\n- 2\n- 2025-01-01\n- ~\n- yes\n- '1'\n",
    "k: !!str 12\nn: !!int '3'\nf: 1.5\nd: 2025-02-03 10:00:00\n",
    "a/b: {c/d: [1, {e: f}]}\n",
    'q: "a\\u00e9\\n b"\nb: |-\n  x\n   y\n\n  z\nc: >\n  folded\n  text\n',
    "just a scalar\n",
    "x:\n  -\n  - - []\n    - {}\n",
    "a: &x 1\nb: *x\n",  # aliases within reason are read
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_values_are_pyyaml_s(text: str) -> None:
    node, problems = read(text)
    assert problems == []
    assert node is not None and values(node) == yaml.safe_load(text)


def test_every_value_knows_its_line_and_path() -> None:
    node, _ = read("papers:\n  - id: a\n    title: A\n  - id: b\n    authors:\n      - {x: 1}\n")
    assert node is not None
    second = node.value["papers"].value[1]
    assert second.loc == Location("f.yaml", 4, "/papers/1")
    author = second.value["authors"].value[0]
    assert author.value["x"].loc == Location("f.yaml", 6, "/papers/1/authors/0/x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", ["f.yaml:2 /a: duplicate key 'a'"]),
        ("", ["f.yaml: the file is empty"]),
        ("# only a comment\n", ["f.yaml: the file is empty"]),
        ("a: [1, 2\n", ["f.yaml:2: YAML syntax error: did not find expected ',' or ']'"]),
        ("a: 1\n---\nb: 2\n", ["f.yaml:2: YAML syntax error: but found another document"]),
        ("a: b\x07\n", ["f.yaml:1: YAML syntax error: character U+0007 is not allowed in a YAML "
                        "file"]),
        ("x: " + "[" * 40 + "]" * 40 + "\n",
         ["f.yaml:1 /x" + "/0" * 32 + ": values nested too deeply: this is not proceedings "
          "data"]),
    ],
)  # fmt: skip
def test_problems_name_their_line(text: str, expected: list[str]) -> None:
    assert read(text)[1] == expected


def test_the_value_budget() -> None:
    """As many values as the limit allows (the mapping, its list, the items) are read; one more
    and the file is refused with the reason."""
    at_limit = "x: [" + "a, " * (MAX_VALUES - 2) + "]\n"
    assert read(at_limit)[1] == []
    problems = Problems()
    load_yaml_text("x: [" + "a, " * (MAX_VALUES - 1) + "]\n", problems, label="f.yaml")
    assert [p.message for p in problems.items] == [TOO_MANY_VALUES]


def test_numbers_and_dates_keep_their_text() -> None:
    node, _ = read("pages: 010\nday: 2025-01-02\nodd: 2025-13-45\n")
    assert node is not None
    pages, day, odd = (node.value[k] for k in ("pages", "day", "odd"))
    assert (pages.value, pages.text) == (8, "010")  # YAML 1.1's octal; the reader keeps '010'
    assert (day.value, day.text) == (dt.date(2025, 1, 2), "2025-01-02")
    assert odd.value == "2025-13-45"  # a date PyYAML cannot build: the field's reader says why


def test_the_site_data_reads_without_a_problem() -> None:
    problems = Problems()
    papers = read_papers_text(GOOD.read_text(encoding="utf-8"), problems, label="papers.yaml")
    assert problems.items == [] and len(papers) == 4


@pytest.mark.parametrize(
    "record",
    [
        "  - id: a\n    titel: A\n",
        "  - id: a\n    title: A\n    authors: x\n",
        "  - id: a\n    title: A\n    authors:\n      - {given: B}\n      - {}\n",
        "  - id: a\n    title: [A]\n    numpages: many\n    published: soon\n",
        "  - id: a\n    title: A\n    links: {pdf: [u], web: v}\n",
        "  - id: a\n    title: A\n  - []\n  - title: B\n",
    ],
)
def test_a_problem_in_a_record_is_reported_with_its_own_line(record: str) -> None:
    text = "papers:\n  - id: ok\n    title: Fine\n" + record
    problems = Problems()
    read_papers_text(text, problems, label="papers.yaml")
    assert problems.items
    assert all((p.location.line or 0) >= 4 for p in problems.items)  # the record's own lines


SCALARS = st.one_of(
    st.text(alphabet=" :#?-,[]{}'\"!&*|>%@`\\\n\t~0123456789aeyNnTtOo.+<=_/é\u00a0", max_size=8),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1999, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.floats(allow_nan=False, width=16),
)
KEYS = st.text(alphabet="abc/ :#1", min_size=1, max_size=4)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=20,
)


@settings(database=None, deadline=None, max_examples=300)
@given(VALUES, st.sampled_from([None, True, False]), st.sampled_from([None, "'", '"', "|"]))
def test_any_document_reads_as_pyyaml_reads_it(
    value: object, flow: bool | None, style: str | None
) -> None:
    text = yaml.safe_dump(
        {"data": value}, default_flow_style=flow, default_style=style, allow_unicode=True
    )
    node, problems = read(text)
    assert problems == []
    assert node is not None and values(node) == yaml.safe_load(text)
