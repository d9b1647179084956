"""A 50 MB input in each format, made in tmp_path (never committed): the command must refuse it
at once, with the limit in the message, without reading it (memory stays near an idle run's),
and write nothing. limits.read_input is the check; the readers call it (see the report)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools.proceedings.errors import Problems
from tools.proceedings.sources.common import MAX_INPUT_BYTES, read_input, too_large

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="measures peak memory in /proc (Linux)"
)
SIZE = 50 * 2**20
VOLUME = ROOT / "tests" / "data" / "volume.yaml"
# An idle run of the command peaks at about 30 MB; reading 50 MB (bytes, then text) cannot
# stay under this.
MAX_RSS_MB = 100
MAX_SECONDS = 10  # refusing takes well under a second; room for a busy machine


def fill(path: Path, head: str, record: Callable[[int], str]) -> Path:
    """A well-formed file of just over SIZE bytes: ``head`` then records until it is big."""
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        i = 0
        while out.tell() < SIZE:
            out.write("".join(record(i + k) for k in range(1000)))
            i += 1000
    return path


ABSTRACT = "A long abstract about networks for AI. " * 40
SOURCES: dict[str, Callable[[Path], Path]] = {
    "papers.yaml": lambda d: fill(
        d / "papers.yaml",
        "papers:\n",
        lambda i: f"  - id: p{i}\n    title: Paper {i}\n    abstract: {ABSTRACT}\n",
    ),
    "papers.bib": lambda d: fill(
        d / "papers.bib", "", lambda i: f"@inproceedings{{k{i},\n  doi = {{10.5555/{i}}}\n}}\n"
    ),
    "source.csv": lambda d: fill(
        d / "source.csv", "id,title,abstract\n", lambda i: f"p{i},Paper {i},{ABSTRACT}\n"
    ),
    "source.json": lambda d: fill(
        d / "source.json",
        "[",
        lambda i: (
            f'{{"pid": {i + 1}, "title": "Paper {i}", "status": "accept", '
            f'"abstract": "{ABSTRACT}"}},\n'
        ),
    ),
    "source.bib": lambda d: fill(
        d / "source.bib",
        "",
        lambda i: (
            f"@inproceedings{{p{i},\n  title = {{Paper {i}}},\n  author = {{Ada Example}},"
            f"\n  abstract = {{{ABSTRACT}}}\n}}\n"
        ),
    ),
}


# Runs the command as `python -m tools.proceedings` does, then reports its own peak memory:
# VmHWM, of this program alone (ru_maxrss would include the forked pytest's, kept over exec).
MEASURED = (
    "import runpy, sys\n"
    "sys.argv[0] = 'tools.proceedings'\n"
    "try:\n"
    "    runpy.run_module('tools.proceedings', run_name='__main__', alter_sys=True)\n"
    "finally:\n"
    "    with open('/proc/self/status') as status:\n"
    "        peak = next(line.split()[1] for line in status if line.startswith('VmHWM:'))\n"
    "    print(f'PEAK-KB {peak}', file=sys.stderr)\n"
)


def run_measured(args: list[str]) -> tuple[int, str, float, float]:
    """Exit status, output, seconds and peak memory (MB) of one command, in a child process."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", MEASURED, *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=15,  # refusing takes well under a second: fail fast
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{args[0]} still running after 15 s")
    seconds = time.perf_counter() - started
    peak = next(
        int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK-KB")
    )
    return done.returncode, done.stdout + done.stderr, seconds, peak / 1024


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_a_50_mb_file_is_refused_quickly_unread_and_nothing_is_written(
    name: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(VOLUME, data / "volume.yaml")
    (data / "papers.yaml").write_text("papers:\n  - id: a\n    title: One\n", encoding="utf-8")
    big = SOURCES[name](data if name.startswith("papers.") else tmp_path)
    size = big.stat().st_size
    before = {p.name: p.stat().st_mtime_ns for p in data.iterdir()}
    command = ["import", str(big)] if name.startswith("source.") else ["check"]
    out = tmp_path / "pages"
    code, output, seconds, peak = run_measured([*command, "--data", str(data)])
    big.unlink()  # 50 MB less on the disk at once
    assert code == 1, output[-2000:]
    assert f"{big}: {too_large(size)}" in " ".join(output.split()), output[-2000:]
    assert seconds < MAX_SECONDS
    assert peak < MAX_RSS_MB, f"{peak:.0f} MB"
    assert {p.name: p.stat().st_mtime_ns for p in data.iterdir() if p.name != big.name} == {
        k: v for k, v in before.items() if k != big.name
    }
    assert not out.exists()


def test_read_input_reads_at_most_the_limit(tmp_path: Path) -> None:
    small, big = tmp_path / "small", tmp_path / "big"
    small.write_bytes(b"x" * 10)
    with big.open("wb") as handle:  # sparse: no disk used
        handle.truncate(MAX_INPUT_BYTES + 1)
    problems = Problems()
    assert read_input(small, problems) == b"x" * 10
    assert read_input(big, problems, label="big.csv") is None
    assert read_input(tmp_path / "missing", problems) is None
    messages = [str(p) for p in problems.errors]
    assert messages[0] == f"big.csv: {too_large(MAX_INPUT_BYTES + 1)}"
    assert messages[1].endswith("cannot read the file: No such file or directory")
