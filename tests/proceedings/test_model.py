"""Model, loading and validation on fabricated data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.proceedings.check.validate import is_safe_url, orcid_checksum_ok, validate
from tools.proceedings.errors import DataError, Problems, UnsafeIdError
from tools.proceedings.load import load
from tools.proceedings.model import Author, Paper
from tools.proceedings.write import safe_child

from .helpers import paper, write_data


def test_load_keeps_order_and_fields(tmp_path: Path) -> None:
    data = write_data(
        tmp_path,
        [
            paper("b", "Second", pages="9--14", keywords=["MoE", "GPU"]),
            paper("a", "First", status="withdrawn", notice="Withdrawn by the authors."),
        ],
    )
    proceedings = load(data).proceedings
    assert [p.id for p in proceedings.papers] == ["b", "a"]
    first = proceedings.paper("b")
    assert (first.first_page, first.last_page, first.page_count) == ("9", "14", 6)
    assert first.keywords == ("MoE", "GPU")
    assert [p.id for p in proceedings.published] == ["b"]
    assert proceedings.neighbours("a")[0] is first


def test_every_problem_is_reported_with_line_and_field(tmp_path: Path) -> None:
    data = write_data(
        tmp_path,
        [
            paper("ok", "Fine"),
            {"id": "../../etc", "title": "Escape"},
            {"id": "x", "titel": "Typo"},
            paper("y", "Bad links", doi="doi:10.1/x", links={"pdf": "javascript:alert(1)"}),
            paper("OK", "Collides after case folding"),
            paper(
                "z",
                "Bad ORCID",
                authors=[{"given": "A", "family": "B", "orcid": "0000-0002-1825-0098"}],
            ),
        ],
    )
    with pytest.raises(DataError) as caught:
        load(data)
    text = str(caught.value)
    assert "papers.yaml:" in text
    for expected in [
        "id '../../etc' is not safe",
        "unknown field 'titel'",
        "missing 'title'",
        "DOI 'doi:10.1/x' is not a DOI",
        "link 'pdf' 'javascript:alert(1)' must be an absolute http(s) URL",
        "id 'OK' collides with 'ok'",
        "ORCID '0000-0002-1825-0098' is not a valid ORCID iD",
    ]:
        assert expected in text
    line = next(p for p in caught.value.problems if "titel" in p.message)
    lines = (data / "papers.yaml").read_text("utf-8").splitlines()
    assert "titel" in lines[line.location.line - 1] and line.field == "titel"


def test_duplicate_yaml_key_and_syntax_error(tmp_path: Path) -> None:
    data = write_data(tmp_path, [paper("a", "A")])
    (data / "papers.yaml").write_text("papers:\n  - id: a\n    id: b\n    title: T\n", "utf-8")
    with pytest.raises(DataError, match=r"papers.yaml:3 /papers/0/id: duplicate key 'id'"):
        load(data)
    (data / "papers.yaml").write_text("papers:\n  - id: [a\n", "utf-8")
    with pytest.raises(DataError, match=r"papers.yaml:\d+: YAML syntax error"):
        load(data)


def test_incomplete_records_are_reported_not_rejected(tmp_path: Path) -> None:
    data = write_data(tmp_path, [{"id": "a", "title": "Only a title"}])
    result = load(data)
    fields = sorted(p.field or "" for p in result.incomplete)
    assert fields == ["abstract", "authors", "pdf"]


@pytest.mark.parametrize("value", ["../x", "/tmp/x", "a/b", "..", "x..y", "", "Ab", "a b", "é"])
def test_unsafe_ids_are_refused(value: str, tmp_path: Path) -> None:
    problems = Problems()
    validate(None, [Paper(id=value, title="T")], problems)
    assert any(p.field == "id" for p in problems.errors) or not value  # '' is 'missing'
    if (value and "/" in value) or value in ("..", ""):
        with pytest.raises(UnsafeIdError):
            safe_child(tmp_path, value)


def test_urls_and_orcids() -> None:
    assert is_safe_url("https://example.org/a.pdf")
    for bad in ["javascript:alert(1)", "data:text/html,x", "/relative", "https://", "http://a b"]:
        assert not is_safe_url(bad)
    assert orcid_checksum_ok("0000-0002-1825-0097")
    assert not orcid_checksum_ok("0000-0002-1825-0098")


def test_dates_in_house_style_and_acm_style_with_en_dashes() -> None:
    import datetime as dt

    from tools.proceedings.render import dates

    d = dt.date
    assert dates.acm_range(d(2025, 12, 1), d(2025, 12, 4)) == "December 1–4, 2025"
    assert dates.acm_range(d(2025, 12, 1), d(2025, 12, 1)) == "December 1, 2025"
    assert dates.acm_range(d(2025, 11, 30), d(2025, 12, 2)) == "November 30 – December 2, 2025"
    assert dates.acm_range(d(2025, 12, 31), d(2026, 1, 2)) == (
        "December 31, 2025 – January 2, 2026"
    )
    assert dates.day_range(d(2025, 12, 1), d(2025, 12, 4)) == "1–4 December 2025"
    assert dates.day_range(d(2025, 11, 30), d(2025, 12, 2)) == "30 November – 2 December 2025"
    assert dates.day_range(d(2025, 12, 31), d(2026, 1, 2)) == ("31 December 2025 – 2 January 2026")
    assert dates.day(d(2025, 12, 1)) == "1 December 2025"
    assert dates.weekday(d(2025, 12, 1)) == "Monday 1 December 2025"


def test_author_keys() -> None:
    a, b = Author("Ａda", "Lovelace"), Author("ada", "LOVELACE")
    assert a.key == b.key
