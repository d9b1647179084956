"""The bad-input catalogue: each file in tests/data/bad/ with the exact errors it must produce.

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

from tools.proceedings.errors import DataError, Severity
from tools.proceedings.importer import plan_import, run_import

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
BAD = DATA / "bad"
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

CASES = [
    (
        "bib/article.bib",
        [
            "{file}:1 a26: @article is not part of a PMLR-style volume (@proceedings + "
            "@inproceedings)",
        ],
    ),
    (
        "bib/bad-doi.bib",
        [
            "{file}:1 a26 [doi]: DOI '10.1/x' is not a DOI (10.NNNN/suffix)",
        ],
    ),
    (
        "bib/bad-name.bib",
        [
            "{file}:1 a26 [author]: cannot read the name 'Smith, John, Jr, X': Cannot split the "
            "following name `Smith, John, Jr, X` into parts: Too many commas",
        ],
    ),
    (
        "bib/bad-url.bib",
        [
            "{file}:1 a26 [pdf]: link 'pdf' 'javascript:alert(1)' must be an absolute http(s) URL",
        ],
    ),
    (
        "bib/bad-year.bib",
        [
            "{file}:1 V [year]: 'year' must be a four-digit year, not '26'",
        ],
    ),
    (
        "bib/colliding-keys.bib",
        [
            "{file}:5 muller26/id [id]: id 'muller26' collides with 'muller26' ({file}:1 Müller26)",
        ],
    ),
    (
        "bib/duplicate-field.bib",
        [
            "{file}:1 a26: a field is given twice: title; the entry was not read",
        ],
    ),
    (
        "bib/duplicate-key.bib",
        [
            "{file}:5 a26: duplicate key 'a26' (first used at line 1); the entry was not read",
        ],
    ),
    (
        "bib/missing-comma.bib",
        [
            "{file}:2 a26 [title]: field 'title' runs into 'author': a comma missing?",
        ],
    ),
    (
        "bib/missing-title.bib",
        [
            "{file}:1 a26 [title]: missing 'title'",
        ],
    ),
    (
        "bib/no-papers.bib",
        [
            "{file}: no @inproceedings entry: nothing to import",
        ],
    ),
    (
        "bib/stray-text.bib",
        [
            "{file}:1: text outside any entry was not read: '@InProceedings a26, title = {One} "
            "}' (a brace or '{' missing?)",
        ],
    ),
    (
        "bib/unbalanced.bib",
        [
            "{file}:1 a26: the entry could not be parsed (unbalanced braces or a missing "
            "comma?): Unexpected block start: `@InProceedings`. Was still looking for "
            "field-value closing `,` or `}`",
        ],
    ),
    (
        "csv/affiliations-count.csv",
        [
            "{file}:2 x1 [affiliations]: 2 affiliations for 3 authors (one per author, in order)",
        ],
    ),
    (
        "csv/bad-date.csv",
        [
            "{file}:2 x1 [published]: 'published' must be a date (YYYY-MM-DD), not '2025-13-01'",
        ],
    ),
    (
        "csv/bad-numpages.csv",
        [
            "{file}:2 x1 [numpages]: 'numpages' must be a whole number from 1 to 100000, not 'six'",
        ],
    ),
    (
        "csv/bad-orcid.csv",
        [
            "{file}:2 x1/authors/0 [orcid]: ORCID '0000-0002-1825-0098' is not a valid ORCID iD "
            "(0000-0002-1825-0097)",
        ],
    ),
    (
        "csv/bad-type.csv",
        [
            "{file}:2 x1 [type]: 'type' must be one of full, short, poster, demo, "
            "extended-abstract, not 'keynote'",
        ],
    ),
    (
        "csv/bad-url.csv",
        [
            "{file}:2 x1 [pdf]: link 'pdf' 'javascript:alert(1)' must be an absolute http(s) URL",
        ],
    ),
    (
        "csv/colliding-ids.csv",
        [
            "{file}:3 aBc/id [id]: id 'abc' collides with 'abc' ({file}:2 AbC)",
        ],
    ),
    (
        "csv/duplicate-column.csv",
        [
            "{file}:1 [title]: column 'title' given twice",
        ],
    ),
    (
        "csv/empty.csv",
        [
            "{file}: the file is empty",
        ],
    ),
    (
        "csv/extra-cell.csv",
        [
            "{file}:3: row has 4 cells, the header has 3 (a quote or a separator missing?)",
        ],
    ),
    (
        "csv/invalid-utf8.csv",
        [
            "{file}:2: not valid UTF-8 (byte 15)",
        ],
    ),
    (
        "csv/missing-title-column.csv",
        [
            "{file}:1 [name]: unknown column 'name' (known: {known})",
            "{file}:1 [title]: missing column 'title'",
        ],
    ),
    (
        "csv/missing-title.csv",
        [
            "{file}:3 x2 [title]: missing 'title'",
        ],
    ),
    (  # str.isdigit() takes '²' and int() does not: this was a ValueError traceback
        "csv/superscript-numpages.csv",
        [
            "{file}:2 x1 [numpages]: 'numpages' must be a whole number from 1 to 100000, not '²' "
            "('²' U+00B2 is not one of the digits 0-9)",
        ],
    ),
    (
        "csv/unclosed-quote.csv",
        [
            "{file}:2: CSV syntax error: unexpected end of data",
        ],
    ),
    (
        "csv/unknown-column.csv",
        [
            "{file}:1 [abstarct]: unknown column 'abstarct' (known: {known})",
        ],
    ),
    (
        "csv/unsafe-id.csv",
        [
            "{file}:2 张三 [id]: cannot derive a safe ASCII id from '张三'; give the paper an id",
        ],
    ),
    (
        "json/author-without-name.json",
        [
            "{file}:2 /0/authors/0 [name]: an author needs given_name/family_name, first/last or "
            "name",
        ],
    ),
    (
        "json/bad-pid.json",
        [
            "{file}:2 /0 [pid]: 'pid' must be a positive number of at most 9 digits, not true",
        ],
    ),
    (
        "json/bad-topics.json",
        [
            "{file}:2 /0 [topics]: 'topics' must be a list of names",
        ],
    ),
    (
        "json/duplicate-key.json",
        [
            "{file}:2 /0/title [title]: key 'title' given twice",
        ],
    ),
    (
        "json/duplicate-pid.json",
        [
            "{file}:3 /1/id [id]: id '1' collides with '1' ({file}:2 /0)",
        ],
    ),
    (
        "json/empty.json",
        [
            "{file}: the file is empty",
        ],
    ),
    (
        "json/missing-pid.json",
        [
            "{file}:2 /0 [pid]: missing 'pid'",
        ],
    ),
    (
        "json/not-an-object.json",
        [
            "{file}:3 /1: a paper must be a JSON object",
        ],
    ),
    (
        "json/not-a-list.json",
        [
            "{file}:1: not a HotCRP export: expected a JSON list of papers",
        ],
    ),
    (
        "json/syntax.json",
        [
            "{file}:3: JSON syntax error: Expecting value (column 1)",
        ],
    ),
    (
        "json/unknown-status.json",
        [
            "{file}:2 /0 [status]: 'status' must be one of accept, submitted, reject, "
            'desk_reject, withdrawn, draft, not "accepted"',
        ],
    ),
    (
        "json/wrong-type.json",
        [
            "{file}:2 /0 [title]: 'title' must be text, not int",
        ],
    ),
    (
        "publisher/duplicate-field.bib",
        [
            "{data}/papers.bib:1 a: a field is given twice: title; the entry was not read",
        ],
    ),
    (
        "publisher/superscript-numpages.bib",
        [
            "{data}/papers.bib:2 a [numpages]: 'numpages' must be a whole number from 1 to "
            "100000, not '²' ('²' U+00B2 is not one of the digits 0-9)",
        ],
    ),
    (
        "publisher/twice.bib",
        [
            "{data}/papers.bib:5 second: paper 'a' already matched by the entry at "
            "{data}/papers.bib:1 first",
        ],
    ),
    (
        "publisher/unmatched.bib",
        [
            "{data}/papers.bib:1 10.5555/1: matches no paper (no paper has DOI "
            "10.5555/0000001.0000009 or id '10.5555/1')",
        ],
    ),
    (
        "yaml/bad-doi.yaml",
        [
            "{data}/papers.yaml:2 /papers/0 [doi]: DOI 'doi:10.1/x' is not a DOI (10.NNNN/suffix)",
        ],
    ),
    (
        "yaml/bad-orcid.yaml",
        [
            "{data}/papers.yaml:2 /papers/0/authors/0 [orcid]: ORCID '0000-0002-1825-0098' is "
            "not a valid ORCID iD (0000-0002-1825-0097)",
        ],
    ),
    (
        "yaml/colliding-ids.yaml",
        [
            "{data}/papers.yaml:4 /papers/1/id [id]: id 'a-b' collides with 'a_b' "
            "({data}/papers.yaml:2 /papers/0)",
        ],
    ),
    (
        "yaml/duplicate-key.yaml",
        [
            "{data}/papers.yaml:4 /papers/0/title: duplicate key 'title'",
        ],
    ),
    (
        "yaml/invalid-utf8.yaml",
        [
            "{data}/papers.yaml: not valid UTF-8 (byte 32)",
        ],
    ),
    (
        "yaml/javascript-url.yaml",
        [
            "{data}/papers.yaml:2 /papers/0 [pdf]: link 'pdf' 'javascript:alert(1)' must be an "
            "absolute http(s) URL",
        ],
    ),
    (
        "yaml/missing-title.yaml",
        [
            "{data}/papers.yaml:2 /papers/0 [title]: missing 'title'",
        ],
    ),
    (
        "yaml/syntax.yaml",
        [
            "{data}/papers.yaml:4: YAML syntax error: did not find expected ',' or ']'",
        ],
    ),
    (
        "yaml/unknown-field.yaml",
        [
            "{data}/papers.yaml:3 /papers/0/titel [titel]: unknown field 'titel' in paper #1",
        ],
    ),
    (
        "yaml/unknown-top-level.yaml",
        [
            "{data}/papers.yaml:4 /extra: unknown top-level field 'extra'",
        ],
    ),
    (
        "yaml/wrong-type.yaml",
        [
            "{data}/papers.yaml:4 /papers/0/authors [authors]: 'authors' must be a list, not text",
        ],
    ),
]


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
    on_disk = {str(p.relative_to(BAD)) for p in BAD.rglob("*") if p.is_file()}
    assert on_disk == {case for case, _ in CASES}
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
