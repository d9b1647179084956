"""Runs killed with SIGKILL at several points: writing the generated pages (as a build does when
it starts) leaves the previous pages or the new ones, never a mix or a partial folder;
`import` leaves papers.yaml old or new, never cut."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.proceedings.helpers import paper, write_data
from tools.proceedings.load import PAPERS_FILE

PAPERS = 2000  # enough for a run to take a while; kills land at fractions of its time
KILL_AT = (0.3, 0.5, 0.65, 0.8, 0.95)  # of an uninterrupted run's time

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "tools.proceedings", *args]


# What a build does first (sphinx/generate.py write_stubs): a volume's page sources, written.
WRITE_PAGES = """import sys
from pathlib import Path
from tools.proceedings.load import load
from tools.proceedings.render.page.stubs import OWNED_SUFFIXES, paper_stubs
from tools.proceedings.write import sync_folder
stubs = paper_stubs(load(Path(sys.argv[1])).proceedings, "")
sync_folder(Path(sys.argv[2]), stubs, owned_suffixes=OWNED_SUFFIXES)
"""


def write_pages(data: Path, out: Path) -> list[str]:
    return [sys.executable, "-c", WRITE_PAGES, str(data), str(out)]


def run(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - started


def killed(args: list[str], after: float) -> int:
    """Start a run, SIGKILL it after ``after`` seconds; its exit status (-9 if it was killed)."""
    child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after)
    child.send_signal(signal.SIGKILL)
    return child.wait(timeout=60)


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def volume(folder: Path, version: str) -> Path:
    """A large volume; the new version renames every paper, drops some and adds others."""
    ids = range(PAPERS) if version == "old" else range(PAPERS // 10, PAPERS + PAPERS // 10)
    return write_data(folder, [paper(f"p{i}", f"Paper {i} ({version})") for i in ids])


def test_killed_page_writing_leaves_the_old_pages_or_the_new(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    data = {v: volume(tmp_path / v, v) for v in ("old", "new")}
    pages = {}
    for version in ("new", "old"):  # "old" last: the pages folder starts with the old set
        seconds = run(write_pages(data[version], out))
        pages[version] = contents(out)
    assert pages["old"] != pages["new"] and len(pages["old"]) == len(pages["new"]) == PAPERS
    current, statuses = "old", []
    for fraction in KILL_AT:  # each round swaps the folder to the other version
        target = "new" if current == "old" else "old"
        args = write_pages(data[target], out)
        statuses.append(killed(args, seconds * fraction))
        # Killed between the two renames, the old folder waits beside as pages.old (the next
        # run puts it back): the pages are then there, whole, under that name.
        found = out if out.exists() else out.with_name("pages.old")
        assert contents(found) in (pages[current], pages[target]), f"killed at {fraction:.0%}"
        # The next run finishes the job and leaves nothing behind.
        run(args)
        assert contents(out) == pages[target]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["new", "old", "pages"]
        current = target
    assert any(status == -signal.SIGKILL for status in statuses), statuses


def test_a_killed_import_leaves_papers_yaml_old_or_new(tmp_path: Path) -> None:
    source = tmp_path / "accepted.csv"
    rows = [f"p{i},Imported paper {i},Ada Example|Bob Example" for i in range(PAPERS)]
    source.write_text("id,title,authors\n" + "\n".join(rows) + "\n", encoding="utf-8")
    data = write_data(tmp_path / "data", [paper("p0", "Hand-edited title")])
    old = (data / PAPERS_FILE).read_bytes()
    reference = tmp_path / "reference"
    shutil.copytree(data, reference)
    seconds = run(command("import", str(source), "--data", str(reference)))
    new = (reference / PAPERS_FILE).read_bytes()
    assert new != old
    statuses = []
    for fraction in KILL_AT:
        shutil.rmtree(data)
        write_data(data, [paper("p0", "Hand-edited title")])
        statuses.append(killed(command("import", str(source), "--data", str(data)),
                               seconds * fraction))  # fmt: skip
        assert (data / PAPERS_FILE).read_bytes() in (old, new), f"killed at {fraction:.0%}"
        # A temporary file may be left beside it; nothing reads it, the next import ends well.
        leftovers = [p.name for p in data.iterdir() if p.name.endswith(".tmp")]
        assert all(name.startswith(".") for name in leftovers), leftovers
        run(command("import", str(source), "--data", str(data)))
        assert (data / PAPERS_FILE).read_bytes() == new
    assert any(status == -signal.SIGKILL for status in statuses), statuses
