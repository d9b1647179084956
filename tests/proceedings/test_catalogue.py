"""The hostile-input catalogue: each file in tests/data/hostile/ with the exact errors it must
produce (its .errors file), and proof that nothing was written. It adds to tests/data/bad/ (the
importers' own catalogue, run by tests/proceedings/test_bad_inputs.py) the cases that one
leaves out:
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

from tests.conftest import DATA, ROOT, catalogue
from tools.proceedings import cli
from tools.proceedings.errors import DataError, Severity
from tools.proceedings.importer import plan_import
from tools.proceedings.load import load

CATALOGUE = BAD = DATA / "hostile"
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

CASES = catalogue(CATALOGUE)
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
    # Every expectation has its input, and every input (but the accepted ones) its errors.
    assert all(p.with_suffix("").is_file() for p in BAD.rglob("*.errors"))
    assert all(lines for _, lines in CASES)
    assert len(CASES) >= 30
    theirs = ROOT / "tests" / "data" / "bad"
    inputs = [p for p in theirs.rglob("*") if p.is_file() and p.suffix != ".errors"]
    duplicates = {(p.suffix, p.read_bytes()) for p in inputs} & {
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
        assert cli.main(["check", "--data", str(data)]) == 1
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
    argv = [sys.executable, "-c", run, "check", "--data", str(data)]
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
