"""The bad-input catalogue: each file in tests/data/bad/ with the exact errors it must produce
(its .errors file).

Every case goes through a real import into a data folder that already holds a good
papers.yaml: the import must report all the errors (file, line or record, field) and write
nothing. yaml/ cases are a broken papers.yaml met by a good import; publisher/ cases are a
broken papers.bib in the data folder.
"""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from tests.conftest import DATA, catalogue
from tools.proceedings.errors import DataError, Severity
from tools.proceedings.importer import plan_import, run_import

CATALOGUE = BAD = DATA / "bad"
GOOD_SOURCE = DATA / "papers.csv"
EXISTING = """\
papers:
  - id: a
    title: One
    doi: 10.5555/0000001.0000001
  - id: b
    title: Two
"""
KNOWN = (
    "abstract, affiliations, authors, code, doi, id, keywords, numpages, orcids, pages, paper, "
    "pdf, pid, published, session, sessions, slides, title, topics, type, uid, video"
)

CASES = catalogue(CATALOGUE)


def prepare(case: str, data: Path) -> Path:
    """The data folder for a case, and the source to import."""
    shutil.copy(DATA / "volume.yaml", data / "volume.yaml")
    (data / "papers.yaml").write_text(EXISTING, encoding="utf-8")
    bad = BAD / case
    if bad.parent.name == "yaml":
        shutil.copy(bad, data / "papers.yaml")
        return GOOD_SOURCE
    if bad.parent.name == "publisher":
        shutil.copy(bad, data / "papers.bib")
        return GOOD_SOURCE
    return bad


def _fill(text: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        text = text.replace(name, value)
    return text


def snapshot(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data.iterdir())}


def test_the_catalogue_is_complete() -> None:
    # Every expectation has its input, and every input its errors.
    assert all(p.with_suffix("").is_file() for p in BAD.rglob("*.errors"))
    assert all(lines for _, lines in CASES)
    assert len(CASES) >= 30


@pytest.mark.parametrize(("case", "expected"), CASES, ids=[c for c, _ in CASES])
def test_bad_input_is_reported_and_nothing_written(
    case: str, expected: list[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    source = prepare(case, data)
    before = snapshot(data)
    with pytest.raises(DataError) as caught:
        plan_import(source, data)
    errors = [str(p) for p in caught.value.problems if p.severity is Severity.ERROR]
    fill = {"{file}": str(source), "{data}": str(data), "{known}": KNOWN}
    assert errors == [_fill(e, fill) for e in expected]

    out = StringIO()
    code = run_import(source, data, console=Console(file=out, width=300), dry_run=False)
    assert code == 1
    assert out.getvalue().endswith(f"{len(expected)} error(s); nothing written.\n")
    assert snapshot(data) == before
