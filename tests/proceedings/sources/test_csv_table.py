"""The CSV reader: documented columns, author lists, names, and the ICLR 2020 table."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools.proceedings.errors import Problems
from tools.proceedings.model import Author, Paper, PaperType
from tools.proceedings.sources.common import normalize_pages, split_plain_name
from tools.proceedings.sources.csv_table import read_csv

DATA = ROOT / "tests" / "data"
CORPORA = ROOT / "tests" / "data" / "corpora"


def read(path: Path) -> tuple[list[Paper], Problems, list[str]]:
    problems, notes = Problems(), list[str]()
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    papers = read_csv(text, label=path.name, problems=problems, notes=notes)
    return papers, problems, notes


def test_fixture_columns() -> None:
    papers, problems, _ = read(DATA / "papers.csv")
    assert problems.items == []
    p1, p2 = papers
    assert (p1.id, p1.title) == ("p1", "Routing first, then learning")  # ﬁ ligature undone
    assert [a.family for a in p1.authors] == ["Lovelace", "Van de Wiele", "de Masson d'Autume"]
    assert p1.authors[0] == Author(
        "Ada", "Lovelace", affiliations=("Example University",), orcid="0000-0002-1825-0097"
    )
    assert p1.authors[2].affiliations == ("Sample Labs",)
    assert p1.abstract == "We route $x_i$ packets.\n\nA second paragraph: with a colon."
    assert p1.keywords == ("routing", "learning")
    assert (p1.pages, p1.doi, p1.links.pdf) == (
        "1--6",
        "10.5555/1234567.0001",
        "https://example.org/p1.pdf",
    )
    assert (p1.session, p1.source.line, p1.source.pointer) == ("Morning", 2, "P1")
    assert p2.title == "No"  # stays text, not a YAML boolean, all the way through
    assert p2.authors == (Author("Grace", "Hopper"), Author("", "", name="Plato"))
    assert (p2.type, p2.keywords, p2.pages) == (PaperType.SHORT, ("yes", "12:30"), "7--9")


@pytest.mark.parametrize(
    ("name", "given", "family"),
    [
        ("Ada Lovelace", "Ada", "Lovelace"),
        ("Hopper, Grace", "Grace", "Hopper"),
        ("Patrick van der Smagt", "Patrick", "van der Smagt"),
        ("Tom Van de Wiele", "Tom", "Van de Wiele"),
        ("Cyprien de Masson d'Autume", "Cyprien", "de Masson d'Autume"),
        ("Martin Luther King Jr.", "Martin Luther", "King Jr."),
        ("Marcin Michalski\u200e", "Marcin", "Michalski"),
    ],
)
def test_plain_names(name: str, given: str, family: str) -> None:
    assert split_plain_name(name) == Author(given, family)


@pytest.mark.parametrize(
    ("pages", "normal"),
    [("1-23", "1--23"), ("1--23", "1--23"), ("12 – 18", "12--18"), ("e123", "e123")],
)
def test_page_ranges(pages: str, normal: str) -> None:
    assert normalize_pages(pages) == normal


def test_crlf_and_bom_are_accepted() -> None:
    papers, problems, _ = read(DATA / "ok" / "crlf.csv")
    assert problems.items == []
    assert [(p.id, p.title) for p in papers] == [("c1", "CRLF row"), ("c2", "Two lines")]
    papers, problems, _ = read(DATA / "ok" / "bom.csv")
    assert (problems.items, [p.id for p in papers]) == ([], ["b1"])


def test_iclr_2020_all_papers() -> None:
    papers, problems, notes = read(CORPORA / "miniconf-iclr2020-papers.csv")
    assert problems.errors == []
    assert len(papers) == 687
    assert len({p.id for p in papers}) == 687  # upper-case UIDs stay unique in lower case
    first = papers[0]
    assert first.id == "b1xsperkvh"
    assert [a.display_name for a in first.authors] == [
        "Nitin Rathi",
        "Gopalakrishnan Srinivasan",
        "Priyadarshini Panda",
        "Kaushik Roy",
    ]
    assert "$10{\\times}{-}25{\\times}$" in (first.abstract or "")
    assert not any("\ufb01" in (p.abstract or "") + p.title for p in papers)
    # One cell held 'A and B': two authors, as BibTeX's separator means.
    (heckel,) = [p for p in papers if any(a.family == "Soltanolkotabi" for a in p.authors)]
    names = [a.display_name for a in heckel.authors]
    assert "Reinhard Heckel" in names and "Mahdi Soltanolkotabi" in names
    assert notes == [
        "miniconf-iclr2020-papers.csv:2 B1xSperKvH: 2 sessions "
        "(Tues Session 1, Mon Session 1); kept the first"
    ]
