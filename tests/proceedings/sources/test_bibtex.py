"""BibTeX in: PMLR-style volumes (fixture and real ones) and the publisher's papers.bib."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools.proceedings.errors import DataError, Problems
from tools.proceedings.load import load
from tools.proceedings.model import Author, Paper, Volume
from tools.proceedings.sources.bibtex import read_pmlr

DATA = ROOT / "tests" / "data"
CORPORA = ROOT / "tests" / "data" / "corpora"


def read(path: Path) -> tuple[Volume | None, list[Paper], Problems, list[str]]:
    problems, notes = Problems(), list[str]()
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    volume, papers = read_pmlr(text, label=path.name, problems=problems, notes=notes)
    return volume, papers, problems, notes


def test_fixture_volume_and_papers() -> None:
    volume, papers, problems, notes = read(DATA / "volume.bib")
    assert problems.items == []
    assert volume is not None
    assert (volume.title, volume.short_title, volume.year, volume.month) == (
        "Proceedings of the Fabricated Workshop",
        "FAB 2026",
        2026,
        4,
    )
    assert volume.editors == (Author("Jörg", "Müller"), Author("Anna", "van der Berg"))
    assert volume.event is not None
    assert (volume.event.city, volume.event.country) == ("Zürich", "Switzerland")
    first, second = papers
    assert first.id == "schrodter26"
    assert first.title == "GRAIL: Compensation \u2013 with $\\mathcal{L}_2$ Loss"
    assert first.authors == (
        Author("Karsten", "Schrödter"),
        Author("María", "García"),
        Author("Hans", "Straße"),
    )
    assert first.pages == "1--12"
    assert first.paragraphs == [
        "We propose post-hoc Blockwise compensation for $O(n^2)$ layers at 50% cost & more_data; "
        "see https://x.org/a_b.",
        "A second paragraph with https://github.com/x/GRAIL (https://github.com/x/GRAIL_Long) "
        "and \\Custom{arg}.",
    ]
    assert second.authors == (Author("Jane", "Doe"), Author("John", "von Neumann"))
    assert notes == [
        "volume.bib:2 FAB2026: volume number 999 not stored (no such volume field)",
        "volume.bib:16 schrödter26: id 'schrodter26' derived from 'schrödter26'",
        "volume.bib:21 schrödter26 [abstract]: unknown LaTeX macro \\Custom kept as written",
        "volume.bib: fields not imported (papers.yaml has no place for them): openreview (1)",
    ]


def test_bom_and_crlf_are_accepted() -> None:
    _, papers, problems, _ = read(DATA / "ok" / "bom-crlf.bib")
    assert problems.items == []
    assert [(p.id, p.title) for p in papers] == [("bom26", "BOM and CRLF")]


def test_cpal26_all_papers() -> None:
    volume, papers, problems, _ = read(CORPORA / "pmlr-cpal26.bib")
    assert problems.errors == []
    assert len(papers) == 54
    assert volume is not None and volume.short_title == "CPAL 2026"
    by_id = {p.id: p for p in papers}
    assert {"schrodter26", "minoza26", "tang26a"} <= set(by_id)
    # tang26a broke LatexDecodingMiddleware ("list index out of range"); here its \href survives.
    assert (by_id["tang26a"].abstract or "").endswith(
        "https://github.com/TWWinde/GRAIL (https://github.com/TWWinde/GRAIL_Compensation)"
    )
    chen = by_id["chen26a"].abstract or ""
    assert "(input\u2013label exemplars)" in chen
    assert "question: can LLMs benefit" in chen  # \emph{...} -> its text
    assert "(BIDS-ICL)" in chen  # \textbf{B}atch ... (\textbf{BIDS}-ICL)
    assert "$1\\%\\sim 3\\%$" in (by_id["huang26b"].abstract or "")  # math verbatim
    assert len(by_id["yang26"].paragraphs) == 2
    assert by_id["schrodter26"].authors[0] == Author("Karsten", "Schrödter")
    assert by_id["chen26a"].pages == "1--23"


def test_acml25_messy_volume() -> None:
    _, papers, problems, _ = read(CORPORA / "pmlr-acml25-original.bib")
    assert problems.errors == []
    assert len(papers) == 79
    by_id = {p.id: p for p in papers}
    assert by_id["rehman25"].authors[1] == Author("S M A", "Sharif")
    assert by_id["rehman25"].title == (
        "Punching Above Precision: Small Quantized Model Distillation with Learnable Regularizer"
    )
    assert "$\\mathcal{D_{i}}$" in (by_id["jiang25"].abstract or "")


def test_clean_volume() -> None:
    volume, papers, problems, _ = read(CORPORA / "pmlr-clean-volume.bib")
    assert problems.items == []
    assert volume is not None and volume.editors[0] == Author("John", "Smith")
    assert [p.title for p in papers] == [
        "A Clean Paper with $\\mathcal{L}$ Loss",
        "Another Clean Paper",
    ]
    assert papers[0].abstract == ("A clean abstract using $\\delta$-divergence and method name.")


PAPERS_YAML = """\
papers:
  - id: one
    title: One
    doi: 10.5555/0000001.0000001
  - id: two
    title: Two
"""
PUBLISHER_BIB = """\
@inproceedings{10.5555/0000001.0000001,
  author = {Lovelace, Ada},
  title = {One},
  DOI = {10.5555/0000001.0000001},
  numpages = {6},
  keywords = {routing, {LaTeX} as given}
}

@inproceedings{two,
  title = {Two: {The} Sequel},
  pages = {7--9}
}
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    shutil.copy(DATA / "volume.yaml", tmp_path / "volume.yaml")
    (tmp_path / "papers.yaml").write_text(PAPERS_YAML, encoding="utf-8")
    return tmp_path


def test_publisher_fields_by_doi_and_by_key(data_dir: Path) -> None:
    (data_dir / "papers.bib").write_text(PUBLISHER_BIB, encoding="utf-8")
    loaded = load(data_dir)
    one, two = loaded.proceedings.papers
    assert one.publisher_fields == (
        ("author", "Lovelace, Ada"),
        ("title", "One"),
        ("doi", "10.5555/0000001.0000001"),
        ("numpages", "6"),
        ("keywords", "routing, {LaTeX} as given"),
    )
    assert two.publisher_fields == (("title", "Two: {The} Sequel"), ("pages", "7--9"))
    assert data_dir / "papers.bib" in loaded.files


def test_doi_matches_in_any_case(data_dir: Path) -> None:
    (data_dir / "papers.bib").write_text(
        "@inproceedings{acm,\n  doi = {https://doi.org/10.5555/0000001.0000001}\n}\n".replace(
            "10.5555/0000001.0000001", "10.5555/ABC"
        )
    )
    (data_dir / "papers.yaml").write_text(PAPERS_YAML.replace("0000001.0000001", "abc"))
    one = load(data_dir).proceedings.papers[0]
    assert one.publisher_fields == (("doi", "https://doi.org/10.5555/ABC"),)


def test_no_papers_bib_no_publisher_fields(data_dir: Path) -> None:
    loaded = load(data_dir)
    assert all(p.publisher_fields == () for p in loaded.proceedings.papers)
    assert data_dir / "papers.bib" not in loaded.files


def test_every_problem_of_papers_bib_is_reported(data_dir: Path) -> None:
    (data_dir / "papers.bib").write_text(
        "@inproceedings{nobody,\n  title = {X}\n}\n\n@inproceedings{two,\n  title = {A},\n"
        "  title = {B}\n}\n\n@inproceedings{broken,\n  title = {open\n"
    )
    with pytest.raises(DataError) as caught:
        load(data_dir)
    bib = data_dir / "papers.bib"
    errors = [str(p) for p in caught.value.problems if p.severity.value == "error"]
    assert errors == [
        f"{bib}:5 two: a field is given twice: title; the entry was not read",
        f"{bib}:10 broken: the entry could not be parsed (unbalanced braces or a missing "
        "comma?): Unexpectedly reached end of file.",
        f"{bib}:1 nobody: matches no paper (no paper has id 'nobody' or its title)",
    ]
