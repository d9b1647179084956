"""The hostile-input catalogue: each file in tests/hostile/bad/ with the exact errors it must
produce, and proof that nothing was written. It adds to tests/data/bad/ (the importers' own
catalogue, run by tests/sources/test_source_bad_inputs.py) the cases that one leaves out:
hostile structure (aliases, nesting, tags, huge numbers), invisible characters, encodings,
unsafe ids, the volume file and the data folder as `check`, `generate` and a build read it.

yaml/ cases replace papers.yaml and volume/ cases volume.yaml in a good data folder, which is
then loaded (as `check`, `generate` and the Sphinx extension do); publisher/ cases are its
papers.bib; csv/, json/ and bib/ cases are imported into it. ok/ files must be accepted."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools.proceedings import cli
from tools.proceedings.errors import DataError, Severity
from tools.proceedings.importer import plan_import
from tools.proceedings.load import load

BAD = Path(__file__).parent / "bad"
VOLUME = ROOT / "tests" / "data" / "volume.yaml"
PAPERS = "papers:\n  - id: a\n    title: One\n    doi: 10.5555/0000001.0000001\n"
OLD_PAGE = "old page, never touched by a failed run\n"
C0 = "is a control character: remove it"
BIDI = (
    "U+202E RIGHT-TO-LEFT OVERRIDE at character {n} is an invisible bidirectional control, "
    "which reorders the text around it: remove it"
)
TOO_DEEP = "values nested too deeply: this is not proceedings data"
NOT_SAFE = "is not safe as a file name and URL (use lower-case letters, digits, '-', '_' and '.')"

# (case, the errors in order); a case ending in '...' may report more errors after these.
# Marked cases fail until the change named in the report (docs of issue 7) is applied:
#   [V] validate.py calls textsafety.check_characters   [Y] sources/yaml_.py: aliases, depth,
#   bad scalars, reader errors   [J] sources/hotcrp.py: RecursionError, huge numbers
#   [B] sources/bibtex.py: '#' concatenation, brace depth   [C] sources/csv_.py: no rows
CASES: list[tuple[str, list[str]]] = [
    ("yaml/absolute-id.yaml", [f"{{data}}/papers.yaml:2 /papers/0 [id]: id '/tmp/x' {NOT_SAFE}"]),
    (  # [Y] hangs, then runs out of memory
        "yaml/alias-bomb.yaml",
        [
            "{data}/papers.yaml:2 /f/1/1/3/8/8/7: more than 250,000 values once YAML aliases "
            "(*name) are expanded: this is not proceedings data",
            "{data}/papers.yaml:2: expected a top-level 'papers:' list",
        ],
    ),
    (
        "yaml/bad-date.yaml",
        [
            "{data}/papers.yaml:4 /papers/0/published [published]: 'published' must be a date "
            "(YYYY-MM-DD), not '2025-13-45'"
        ],
    ),
    (  # [V]
        "yaml/bidi-override-in-name.yaml",
        [f"{{data}}/papers.yaml:2 /papers/0/authors/0 [family]: {BIDI.format(n=9)}"],
    ),
    ("yaml/comments-only.yaml", ["{data}/papers.yaml: the file is empty"]),
    (  # [Y] RecursionError
        "yaml/deep-nesting.yaml",
        [
            "{data}/papers.yaml:4 /papers/0/keywords"
            + "/0" * 30
            + ": values nested too deeply: this is not proceedings data",
            "{data}/papers.yaml:4 /papers/0/keywords/0 [keywords]: items of 'keywords' must be "
            "text",
        ],
    ),
    (
        "yaml/duplicate-doi.yaml",
        ["{data}/papers.yaml:5 /papers/1 [doi]: DOI 10.5555/1 is also given to 'a'"],
    ),
    ("yaml/empty.yaml", ["{data}/papers.yaml: the file is empty"]),
    ("yaml/long-id.yaml", [f"{{data}}/papers.yaml:2 /papers/0 [id]: id '{'a' * 81}' {NOT_SAFE}"]),
    (
        "yaml/negative-numpages.yaml",
        [
            "{data}/papers.yaml:4 /papers/0/numpages [numpages]: 'numpages' must be a whole "
            "number from 1 to 100000, not '-3'"
        ],
    ),
    (  # [V]
        "yaml/nul-in-title.yaml",
        [f"{{data}}/papers.yaml:2 /papers/0 [title]: U+0000 at character 7 {C0}"],
    ),
    (
        "yaml/open-page-range.yaml",
        ["{data}/papers.yaml:2 /papers/0 [pages]: pages '12--' must be 'N' or 'N--M'"],
    ),
    ("yaml/papers-null.yaml", ["{data}/papers.yaml:1: expected a top-level 'papers:' list"]),
    (  # nothing is constructed from tags: the value is just of the wrong kind
        "yaml/python-tag.yaml",
        [
            "{data}/papers.yaml:3 /papers/0/title [title]: 'title' must be text, not a list",
            "{data}/papers.yaml:2 /papers/0 [title]: missing 'title'",
        ],
    ),
    (  # [Y] today: a message over two lines, without the line
        "yaml/raw-control-char.yaml",
        ["{data}/papers.yaml:3: YAML syntax error: character U+0001 is not allowed in a YAML file"],
    ),
    ("yaml/top-level-list.yaml", ["{data}/papers.yaml:1: expected a top-level 'papers:' list"]),
    (
        "yaml/traversal-id.yaml",
        [f"{{data}}/papers.yaml:2 /papers/0 [id]: id '../../etc/passwd' {NOT_SAFE}"],
    ),
    (
        "yaml/two-documents.yaml",
        ["{data}/papers.yaml:4: YAML syntax error: but found another document"],
    ),
    (
        "yaml/unknown-status.yaml",
        [
            "{data}/papers.yaml:4 /papers/0/status [status]: 'status' must be one of published, "
            "withdrawn, retracted, not 'rejected'"
        ],
    ),
    ("yaml/uppercase-id.yaml", [f"{{data}}/papers.yaml:2 /papers/0 [id]: id 'Paper1' {NOT_SAFE}"]),
    ("yaml/utf16.yaml", ["{data}/papers.yaml: not valid UTF-8 (byte 0)"]),
    (
        "yaml/withdrawn-without-notice.yaml",
        ["{data}/papers.yaml:2 /papers/0 [notice]: a withdrawn paper needs a 'notice'"],
    ),
    (
        "volume/bad-doi-prefix.yaml",
        [
            "{data}/volume.yaml:1 [doi_prefix]: 'doi_prefix' 'https://doi.org/10.5555' is not a "
            "DOI prefix"
        ],
    ),
    (  # [V] an ESC sequence would colour terminals and reach every page's front matter
        "volume/control-in-title.yaml",
        [f"{{data}}/volume.yaml:1 [title]: U+001B at character 12 {C0}"],
    ),
    (
        "volume/event-without-name.yaml",
        ["{data}/volume.yaml:4 /event [name]: missing 'name' in 'event'"],
    ),
    (
        "volume/javascript-event-url.yaml",
        ["{data}/volume.yaml:1 [url]: URL 'javascript:alert(1)' must be an absolute http(s) URL"],
    ),
    (
        "volume/missing-short-title.yaml",
        ["{data}/volume.yaml:1 [short_title]: missing 'short_title'"],
    ),
    (
        "volume/month-13.yaml",
        ["{data}/volume.yaml:4 /month [month]: 'month' must be a number from 1 to 12, not '13'"],
    ),
    (
        "volume/two-digit-year.yaml",
        ["{data}/volume.yaml:3 /year [year]: 'year' must be a four-digit year, not '25'"],
    ),
    (  # [V]
        "publisher/control-in-field.bib",
        [f"{{data}}/papers.yaml:2 /papers/0/papers.bib [title]: U+000B at character 4 {C0}"],
    ),
    (  # the build failed on it while rendering the citations (int('²') in render/csl.py)
        "publisher/superscript-numpages.bib",
        [
            "{data}/papers.bib:3 10.5555/0000001.0000001 [numpages]: 'numpages' must be a whole "
            "number from 1 to 100000, not '²' ('²' U+00B2 is not one of the digits 0-9)"
        ],
    ),
    ("csv/bidi-override.csv", [f"{{file}}:2 p1 [title]: {BIDI.format(n=1)}"]),  # [V]
    ("csv/header-only.csv", ["{file}: no rows after the header: nothing to import"]),  # [C]
    ("csv/nul-in-title.csv", [f"{{file}}:2 p1 [title]: U+0000 at character 7 {C0}"]),  # [V]
    ("csv/utf16.csv", ["{file}:1: not valid UTF-8 (byte 0)"]),
    ("json/bom-only.json", ["{file}: the file is empty"]),
    (  # [J] RecursionError
        "json/deep-nesting.json",
        ["{file}:1: values nested too deeply: this is not proceedings data"],
    ),
    ("json/huge-number.json", ["{file}:1: a number too long to read: this is not a paper"]),  # [J]
    (  # [V] today: UnicodeEncodeError while merging
        "json/lone-surrogate.json",
        [
            "{file}:1 /0 [title]: U+D800 at character 3 is a lone surrogate (not a character: "
            "the text was decoded wrongly): remove it"
        ],
    ),
    (
        "json/nan-pid.json",
        ["{file}:1 /0 [pid]: 'pid' must be a positive number of at most 9 digits, not NaN"],
    ),
    ("json/nul-in-title.json", [f"{{file}}:1 /0 [title]: U+0000 at character 3 {C0}"]),  # [V]
    ("json/trailing-comma.json", ["{file}:1: JSON syntax error: Expecting value (column 47)"]),
    (  # [B] RecursionError in sources/latex.py
        "bib/deep-braces.bib",
        ["{file}:1 a26: values nested too deeply: this is not proceedings data"],
    ),
    ("bib/nul-in-title.bib", [f"{{file}}:1 a26 [title]: U+0000 at character 7 {C0}"]),  # [V]
    (  # [B] today the title becomes 'venue # " Networks"'
        "bib/string-concatenation.bib",
        [
            "{file}:3 a26: '#' joins values (BibTeX concatenation), which is not supported: "
            "write the whole value in braces"
        ],
    ),
    ("bib/utf16.bib", ["{file}:1: not valid UTF-8 (byte 0)"]),
]
# Cases that run in a child process with a time and memory limit: today they never end.
CONTAINED = {"yaml/alias-bomb.yaml"}
IMPORTED = ("csv", "json", "bib")


def data_folder(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(VOLUME, folder / "volume.yaml")
    (folder / "papers.yaml").write_text(PAPERS, encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}  # fmt: skip


def place(case: str, data: Path) -> Path | None:
    """Put a case into the data folder; the source to import for import cases."""
    bad = BAD / case
    kind = bad.parent.name
    if kind in IMPORTED:
        return bad
    target = {"yaml": "papers.yaml", "volume": "volume.yaml", "publisher": "papers.bib"}[kind]
    shutil.copy(bad, data / target)
    return None


def errors_of(source: Path | None, data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        if source is None:
            load(data)
        else:
            plan_import(source, data)
    return [str(p) for p in caught.value.problems if p.severity is Severity.ERROR]


def expected_lines(lines: list[str], data: Path, case: str) -> tuple[list[str], bool]:
    more = lines[-1:] == ["..."]
    filled = [
        line.replace("{data}", str(data)).replace("{file}", str(BAD / case))
        for line in lines[: len(lines) - more]
    ]
    return filled, more


def test_the_catalogue_is_complete_and_new() -> None:
    on_disk = {str(p.relative_to(BAD)) for p in BAD.rglob("*") if p.is_file()}
    assert on_disk - {str(p.relative_to(BAD)) for p in (BAD / "ok").iterdir()} == {
        case for case, _ in CASES
    }
    assert len(CASES) >= 30
    theirs = ROOT / "tests" / "data" / "bad"
    duplicates = {(p.suffix, p.read_bytes()) for p in theirs.rglob("*") if p.is_file()} & {
        ((BAD / case).suffix, (BAD / case).read_bytes()) for case, _ in CASES
    }
    assert not duplicates


# The contained cases run in a child process with limits instead (test_contained_cases_...).
IN_PROCESS = [(case, lines) for case, lines in CASES if case not in CONTAINED]


@pytest.mark.parametrize(("case", "lines"), IN_PROCESS, ids=[c for c, _ in IN_PROCESS])
def test_bad_input_reports_every_error_and_writes_nothing(
    case: str, lines: list[str], tmp_path: Path
) -> None:
    data = data_folder(tmp_path / "data")
    source = place(case, data)
    before = snapshot(data)
    expected, more = expected_lines(lines, data, case)
    found = errors_of(source, data)
    assert (found[: len(expected)] if more else found) == expected
    # The commands stop with status 1 and write nothing: not the data, not the pages.
    out = tmp_path / "pages"
    out.mkdir()
    (out / "a.md").write_text(OLD_PAGE, encoding="utf-8")
    if source is None:
        assert cli.main(["generate", "--data", str(data), "--out", str(out)]) == 1
    else:
        assert cli.main(["import", str(source), "--data", str(data)]) == 1
    assert snapshot(data) == before
    assert snapshot(out) == {"a.md": OLD_PAGE.encode()}


@pytest.mark.parametrize("case", sorted(CONTAINED))
def test_contained_cases_end_quickly(case: str, tmp_path: Path) -> None:
    """In a child limited to 20 s and 1 GB (the alias bomb would take both): every error
    reported, and nothing written, neither the data nor the pages."""
    # Both lines: the second shows the file was not read further.
    data = data_folder(tmp_path / "data")
    place(case, data)
    before = snapshot(data)
    out = tmp_path / "pages"
    out.mkdir()
    (out / "a.md").write_text(OLD_PAGE, encoding="utf-8")
    expected, _ = expected_lines(dict(CASES)[case], data, case)
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
    run = f"{limit}from tools.proceedings.cli import main; raise SystemExit(main())"
    argv = [sys.executable, "-c", run, "generate", "--data", str(data), "--out", str(out)]
    try:
        done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case}: still running after 20 s")
    assert done.returncode == 1, done.stderr[-2000:]
    assert [f"error {line}" for line in expected] == done.stdout.splitlines()[:-1]
    assert snapshot(data) == before
    assert snapshot(out) == {"a.md": OLD_PAGE.encode()}


ACCEPTED = {
    # A byte order mark, CRLF line ends, right-to-left text and marks, emoji, combining marks.
    "bom-crlf.yaml": "Crlf \u200fשלום 👩\u200d💻 e\u0301",
    # Aliases within reason (the limit is on what they expand to).
    "aliases.yaml": "Shared affiliations",
}


@pytest.mark.parametrize(("name", "title"), sorted(ACCEPTED.items()))
def test_accepted_inputs_load(name: str, title: str, tmp_path: Path) -> None:
    data = data_folder(tmp_path / "data")
    shutil.copy(BAD / "ok" / name, data / "papers.yaml")
    paper = load(data).proceedings.papers[0]
    assert paper.title == title
    assert {p.name for p in (BAD / "ok").iterdir()} == set(ACCEPTED)
