"""The HotCRP reader: accepted papers only, three author formats, ORCIDs from the authors CSV."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tools.proceedings.errors import Problems
from tools.proceedings.model import Author, Paper, PaperType
from tools.proceedings.sources.hotcrp import read_authors_csv, read_hotcrp

DATA = ROOT / "tests" / "data"
CORPORA = ROOT / "tests" / "data" / "corpora"


def read(path: Path, *, authors: Path | None = None) -> tuple[list[Paper], Problems, list[str]]:
    problems, notes = Problems(), list[str]()
    table = None
    if authors is not None:
        table = read_authors_csv(authors.read_text(), label=authors.name, problems=problems)
    text = path.read_bytes().decode("utf-8-sig")
    papers = read_hotcrp(text, label=path.name, problems=problems, notes=notes, authors=table)
    return papers, problems, notes


def test_example_export_keeps_two_of_three() -> None:
    papers, problems, notes = read(CORPORA / "hotcrp-export-example.json")
    assert problems.items == []
    assert [(p.id, p.title) for p in papers] == [
        ("12", "An Example Accepted Paper"),
        ("14", "An Example From an Older HotCRP Version"),
    ]
    assert papers[0].authors == (
        Author("Ada", "Example", affiliations=("Example University",)),
        Author("Bo", "Sample", affiliations=("Sample Labs",)),
    )
    assert papers[0].keywords == ("Federated learning",)
    assert papers[1].authors == (Author("Di", "Older", affiliations=("Example Institute",)),)
    assert notes == ["hotcrp-export-example.json: left out 1 not accepted (1 reject)"]


def test_statuses_decisions_and_author_formats() -> None:
    papers, problems, notes = read(DATA / "hotcrp.json")
    assert problems.items == []
    current, older = papers
    assert (current.id, older.id) == ("3", "8")
    assert current.type is PaperType.POSTER  # from "Accept (poster)"
    assert current.numpages == 4  # from the final version's page count
    assert current.abstract == "Line one\nline two.\n\nSecond paragraph with $\\alpha$."
    assert current.keywords == ("Networking", "Machine learning")
    assert older.authors == (Author("Grace", "Hopper"), Author("Margaret", "Hamilton"))
    assert notes == [
        "hotcrp.json: left out 6 not accepted "
        "(1 desk_reject, 1 draft, 1 reject, 2 submitted, 1 withdrawn)"
    ]


def test_authors_csv_adds_orcids_and_missing_affiliations() -> None:
    papers, problems, _ = read(DATA / "hotcrp.json", authors=DATA / "hotcrp-authors.csv")
    assert problems.items == []
    current, older = papers
    # Matched by e-mail (any case), and by name where the export has no e-mail.
    assert current.authors[0].orcid == "0000-0002-1825-0097"
    assert current.authors[0].affiliations == ("Example University",)
    assert current.authors[1] == Author("Alan", "Turing", affiliations=("Sample Labs",))
    assert older.authors[1].orcid == "0000-0001-5109-3700"
    assert older.authors[0].orcid is None


def test_no_email_is_ever_kept() -> None:
    papers, _, _ = read(DATA / "hotcrp.json", authors=DATA / "hotcrp-authors.csv")
    assert "example.org" not in repr(papers)
