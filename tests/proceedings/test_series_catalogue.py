"""The series' own data (series.yaml, each edition.yaml) met broken: each case of
tests/data/bad-series/ gives exactly the errors of its .errors file (file, line, record, field),
as `check` reads it and as a build does, which stops with them and no traceback, and writes
nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, SERIES_DATA, catalogue, copy_site
from tools.proceedings.errors import DataError
from tools.proceedings.load import load_series

CATALOGUE = DATA / "bad-series"
CASES = catalogue(CATALOGUE)


def broken_series(case: str, data: Path) -> Path:
    shutil.copytree(SERIES_DATA, data)
    target = data / "2026" / "edition.yaml" if case.startswith("edition/") else data / "series.yaml"
    shutil.copy(CATALOGUE / case, target)
    return data


def expected(lines: list[str], data: Path) -> list[str]:
    return [line.replace("{data}", str(data)) for line in lines]


def test_the_catalogue_covers_both_files() -> None:
    kinds = {case.partition("/")[0] for case, _ in CASES}
    assert kinds == {"edition", "series"} and len(CASES) >= 15


@pytest.mark.parametrize(("case", "errors"), CASES, ids=[c for c, _ in CASES])
def test_bad_series_data_is_reported_with_its_place(
    case: str, errors: list[str], tmp_path: Path
) -> None:
    data = broken_series(case, tmp_path / "data")
    with pytest.raises(DataError) as caught:
        load_series(data)
    assert [str(p) for p in caught.value.errors] == expected(errors, data)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


def test_check_and_a_build_stop_with_the_errors_and_no_traceback(tmp_path: Path) -> None:
    """As organizers meet it: `make check`, then `make html`, on an edition.yaml with two
    mistakes. Both name them and stop; neither shows a traceback or writes a page."""
    site = copy_site(tmp_path / "site")
    case = CATALOGUE / "edition" / "extension-backwards.yaml"
    edition = site / "proceedings" / "data" / "2026" / "edition.yaml"
    edition.write_text(
        case.read_text(encoding="utf-8").replace("Europe/Amsterdam", "Europe/Atlantis"),
        encoding="utf-8",
    )
    data = site / "proceedings" / "data"
    wanted = [
        f"{edition}:9 /timezone [timezone]: unknown IANA time zone 'Europe/Atlantis'",
        *expected((CATALOGUE / "edition" / "extension-backwards.yaml.errors")
                  .read_text(encoding="utf-8").splitlines(), data),
    ]  # fmt: skip
    checked = run("-m", "tools.proceedings", "check", "--series", str(data), cwd=ROOT)
    out = tmp_path / "html"
    built = run("-m", "sphinx", "-b", "html", "-W", "-q", str(site), str(out), cwd=site)
    for result in (checked, built):
        said = result.stdout + result.stderr
        assert result.returncode != 0, said
        for line in wanted:
            assert line in said, (line, said)
        assert "Traceback" not in said and "sphinx-err-" not in said, said
        assert "report this" not in said and "Extension error" not in said, said
    assert not list(out.rglob("*.html"))  # nothing written
    assert not (site / "proceedings" / "2025" / "papers").exists()  # no page generated


def test_check_of_the_real_series_lists_each_finding_once() -> None:
    said = run("-m", "tools.proceedings", "check", cwd=ROOT)
    assert said.returncode == 0, said.stdout + said.stderr
    found = [line for line in said.stdout.splitlines() if line.startswith("incomplete ")]
    assert found and len(found) == len(set(found))
    assert said.stdout.rstrip().endswith("2 editions, 4 papers: OK")
