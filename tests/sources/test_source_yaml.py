"""YAML in: the quick reading of simple files gives exactly what the general path gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.proceedings.errors import Problem, Problems
from tools.proceedings.limits import MAX_VALUES, TOO_MANY_VALUES
from tools.proceedings.model import Paper
from tools.proceedings.sources import yaml_, yaml_nodes
from tools.proceedings.sources.yaml_ import Node, load_yaml_text, read_papers_text
from tools.proceedings.sources.yaml_nodes import quick_nodes, reads_as

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "proceedings" / "data" / "papers.yaml"


@contextmanager
def general_path_only() -> Iterator[None]:
    """compose() then _convert(), as every file was read before the quick path."""
    with (
        mock.patch.object(yaml_nodes, "quick_nodes", lambda *args, **kwargs: None),
        mock.patch.object(yaml_, "quick_nodes", lambda *args, **kwargs: None),
    ):
        yield


def both(text: str) -> tuple[tuple[Node | None, list[Problem]], tuple[Node | None, list[Problem]]]:
    quick_problems, general_problems = Problems(), Problems()
    quick = load_yaml_text(text, quick_problems, label="f.yaml")
    with general_path_only():
        general = load_yaml_text(text, general_problems, label="f.yaml")
    return (quick, quick_problems.items), (general, general_problems.items)


def papers_both(text: str) -> tuple[tuple[list[Paper], list[Problem]], ...]:
    quick_problems, general_problems = Problems(), Problems()
    quick = read_papers_text(text, quick_problems, label="papers.yaml")
    with general_path_only():
        general = read_papers_text(text, general_problems, label="papers.yaml")
    return (quick, quick_problems.items), (general, general_problems.items)


def sources(papers: list[Paper]) -> list[object]:
    return [p.source for p in papers]  # not part of a paper's equality: compared apart


SIMPLE = [
    "a: 1\n",
    "- x\n- 2\n- 2025-01-01\n- ~\n- yes\n- '1'\n",
    "k: !!str 12\nn: !!int '3'\nf: 1.5\nd: 2025-02-03 10:00:00\n",
    "a/b: {c/d: [1, {e: f}]}\n",
    "1: one\ntrue: t\nnull: n\n",
    'q: "a\\u00e9\\n b"\nb: |-\n  x\n   y\n\n  z\nc: >\n  folded\n  text\n',
    "just a scalar\n",
    "---\n",
    "--- \n- a\n...\n",
    "x:\n  -\n  - - []\n    - {}\n",
]
GENERAL = [  # the quick path gives way: the general one says what is wrong, or knows more
    "a: &x 1\nb: *x\n",
    "? [a, b]\n: c\n",
    "a: 1\na: 2\n",
    "published: 2025-13-45\n",
    "a: 1\n---\nb: 2\n",
    "",
    "# only a comment\n",
    "a: [1, 2\n",
    "a: b\x07\n",
    "k: !custom x\n",
    "x: " + "[" * 40 + "]" * 40 + "\n",
]


@pytest.mark.parametrize("text", SIMPLE)
def test_simple_documents_are_read_quickly_and_the_same(text: str) -> None:
    (quick, quick_problems), general = both(text)
    assert quick_nodes(text, "f.yaml") is not None
    assert (quick, quick_problems) == general


@pytest.mark.parametrize("text", GENERAL)
def test_other_documents_take_the_general_path(text: str) -> None:
    assert quick_nodes(text, "f.yaml") is None
    quick, general = both(text)
    assert [str(p) for p in quick[1]] == [str(p) for p in general[1]]
    assert quick == general


def test_the_value_budget_is_the_general_path_s() -> None:
    """As many values as the limit allows (the mapping, its list, the items) read quickly; one
    more is left to the general path, which says why it refuses the file."""
    at_limit = "x: [" + "a, " * (MAX_VALUES - 2) + "]\n"
    assert quick_nodes(at_limit, "f.yaml") is not None
    over = "x: [" + "a, " * (MAX_VALUES - 1) + "]\n"
    assert quick_nodes(over, "f.yaml") is None
    problems = Problems()
    load_yaml_text(over, problems, label="f.yaml")
    assert [p.message for p in problems.items] == [TOO_MANY_VALUES]


def test_the_site_data_reads_the_same_both_ways() -> None:
    text = GOOD.read_text(encoding="utf-8")
    assert quick_nodes(text, "f.yaml") is not None
    (quick, quick_problems), (general, general_problems) = papers_both(text)
    assert quick and quick_problems == general_problems == []
    assert quick == general and sources(quick) == sources(general)


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
    """Records are first read with only their own locations; a problem reads them again."""
    text = "papers:\n  - id: ok\n    title: Fine\n" + record
    (quick, quick_problems), (general, general_problems) = papers_both(text)
    assert quick_problems and quick_problems == general_problems
    assert quick == general and sources(quick) == sources(general)


SCALARS = st.one_of(
    st.text(alphabet=" :#?-,[]{}'\"!&*|>%@`\\\n\t~0123456789aeyNnTtOo.+<=_/é\u00a0", max_size=8),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1999, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.floats(allow_nan=False, width=16),
)
KEYS = st.one_of(st.text(alphabet="abc/ :#1", min_size=1, max_size=4), st.integers(0, 3))
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=20,
)


@settings(database=None, deadline=None, max_examples=300)
@given(VALUES, st.sampled_from([None, True, False]), st.sampled_from([None, "'", '"', "|"]))
def test_any_document_reads_the_same_both_ways(
    value: object, flow: bool | None, style: str | None
) -> None:
    text = yaml.safe_dump(
        {"data": value}, default_flow_style=flow, default_style=style, allow_unicode=True
    )
    (quick, quick_problems), (general, general_problems) = both(text)
    assert quick == general
    assert [str(p) for p in quick_problems] == [str(p) for p in general_problems]


def values(node: Node) -> object:
    """The plain values of a node tree."""
    if isinstance(node.value, dict):
        return {k: values(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [values(v) for v in node.value]
    return node.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: [x, 2025-01-02]\n", {"a": 1, "b": ["x", dt.date(2025, 1, 2)]}),
        ("# a comment\npapers:\n  - {id: a}\n", {"papers": [{"id": "a"}]}),
        ("k: '1'\n", {"k": "1"}),
    ],
)
def test_reads_as_the_values_it_holds(text: str, expected: object) -> None:
    assert reads_as(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("k: 1\n", {"k": "1"}),  # a number, not text
        ("k: yes\n", {"k": 1}),  # true, not 1 (equal in Python)
        ("k: 2025-01-02\n", {"k": "2025-01-02"}),
        ("a: 1\nb: 2\n", {"b": 2, "a": 1}),  # the keys in another order
        ("a: 1\nb: 2\n", {"a": 1}),
        ("a: 1\n", {"a": 1, "b": 2}),
        ("a: 1\na: 1\n", {"a": 1}),  # a duplicate key: the reader refuses it
        ("l: [1]\n", {"l": [1, 2]}),
        ("l: [1, 2]\n", {"l": [1]}),
        ("l: [1]\n", {"l": 1}),
        ("a: &x 1\nb: *x\n", {"a": 1, "b": 1}),
        ("a: 1\n---\na: 1\n", {"a": 1}),
        ("a: [1\n", {"a": [1]}),
        ("d: 2025-13-45\n", {"d": "2025-13-45"}),
    ],
)
def test_reads_as_nothing_else(text: str, expected: object) -> None:
    assert not reads_as(text, expected)


@settings(database=None, deadline=None, max_examples=300)
@given(VALUES, st.sampled_from([None, True, False]), st.sampled_from([None, "'", '"', "|"]))
def test_reads_as_what_the_reader_reads(
    value: object, flow: bool | None, style: str | None
) -> None:
    text = yaml.safe_dump(
        {"data": value}, default_flow_style=flow, default_style=style, allow_unicode=True
    )
    problems = Problems()
    with general_path_only():
        read = load_yaml_text(text, problems, label="f.yaml")
    assert read is not None
    assert reads_as(text, values(read)) == (problems.items == [])
    assert not reads_as(text, {"data": value, "more": 1})
