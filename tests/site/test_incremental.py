"""Incremental builds with sphinx-build into the same output folder, the way `make html` runs
while organizers edit the data: after every edit the output must be what a fresh build of the
same sources gives, file for file, and must show the edit everywhere it appears."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from tests.conftest import ROOT, copy_site
from tests.proceedings.helpers import paper, write_data
from tests.support import is_redirect
from tools.proceedings.paths import PEOPLE_INDEX, papers_dir, program_calendar, volume_dir

from .pages import PAPER, text
from .test_site_fuzz import FABRICATED_MOVED, PRESENTER, PROGRAM_2025, program_page

PAPERS = papers_dir(2025)
PEOPLE = f"{PEOPLE_INDEX}.html"
PROGRAM = "program/2025/index.html"
VOLUME_BIB = f"{volume_dir(2025)}/volume.bib"


def sphinx_build(src: Path, out: Path, jobs: int = 1) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
         "-j", str(jobs), str(src), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]


def tree(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): search_index(p) if p.name == "searchindex.js" else p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".doctrees" not in p.parts
    }


def search_index(path: Path) -> bytes:
    """Sphinx's search index, less the words of removed pages: an incremental build keeps them
    with no page ("gamma": []) where a fresh build has no entry (Sphinx 9.0.4, IndexBuilder
    .prune). They find nothing, so they are left out of the comparison."""
    text = path.read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for key in ("terms", "titleterms"):
        index[key] = {word: docs for word, docs in index[key].items() if docs != []}
    return json.dumps(index, sort_keys=True).encode()


class Site:
    """One source folder built again and again into one output folder."""

    def __init__(self, base: Path, jobs: int = 1) -> None:
        self.base, self.jobs = base, jobs  # -j of the incremental builds
        self.src = copy_site(base / "src")
        self.out = base / "html"
        for name, content in FABRICATED_MOVED.items():  # the real papers' old addresses go
            (self.src / name).write_text(content, encoding="utf-8")
        self.presenter = PRESENTER  # of every paper, in the program
        self.papers: list[dict[str, Any]] = [
            paper("alpha", "Alpha", authors=[{"given": "Ada", "family": "Example"}]),
            paper("beta", "Beta", authors=[{"given": "Bob", "family": "Sample"}]),
            paper("gamma", "Gamma", authors=[{"given": "Ada", "family": "Example"}]),
            paper("delta", "Delta", authors=[{"given": "Cy", "family": "Other"}]),
        ]

    def edit(self) -> None:
        write_data(self.src / "proceedings" / "data" / "2025", self.papers)
        ids = [p["id"] for p in self.papers]
        program = program_page(ids, self.presenter)
        (self.src / PROGRAM_2025).write_text(program, encoding="utf-8")
        sphinx_build(self.src, self.out, self.jobs)
        fresh = self.base / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        # Without the generated pages (papers/, people/): the fresh build makes its own.
        shutil.copytree(self.src, fresh / "src", ignore=shutil.ignore_patterns("papers", "people"))
        sphinx_build(fresh / "src", fresh / "html")
        now, expected = tree(self.out), tree(fresh / "html")
        assert sorted(now) == sorted(expected), "files differ from a fresh build's"
        stale = [name for name in expected if now[name] != expected[name]]
        assert stale == [], "stale after an incremental build"

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.out / name).read_text(encoding="utf-8"), "lxml")

    def file(self, name: str) -> str:
        return (self.out / name).read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Site:
    built = Site(tmp_path)
    built.edit()
    return built


def nav(site: Site, pid: str) -> str:
    return text(site.page(PAPER.format(pid)).select_one("p.paper-nav"))


def people(site: Site) -> str:
    """The people index's entries, as text."""
    return text(site.page(PEOPLE).select_one("ul.people-index"))


def test_edits_show_everywhere_and_leave_nothing_stale(site: Site) -> None:
    # A title changes: its page, the contents, its neighbours, the people index, the program,
    # the calendars and the citation files follow (at their old addresses too); the pages
    # that show nothing of the papers (the calls, the organizers) are not rebuilt; those that
    # count them are.
    calm = ["cfp/2025/index.html", "cfp/index.html", "organizers.html"]
    counting = ["proceedings/index.html", "program/index.html", f"{volume_dir(2025)}/index.html"]
    before = {name: (site.out / name).stat().st_mtime_ns for name in calm + counting}
    site.papers[1]["title"] = "Beta, renamed"
    site.edit()
    after = {name: (site.out / name).stat().st_mtime_ns for name in calm + counting}
    assert [name for name in before if before[name] == after[name]] == calm
    assert text(site.page(PAPER.format("beta")).select_one("h1")).startswith("Beta, renamed")
    assert "Next: Beta, renamed" in nav(site, "alpha")
    assert "Previous: Beta, renamed" in nav(site, "gamma")
    assert "Beta, renamed" in text(
        site.page(f"{volume_dir(2025)}/index.html").select_one("article")
    )
    assert "2025 author: Beta, renamed" in people(site)
    assert "Beta, renamed" in text(site.page(PROGRAM).select_one("article"))
    calendar = site.file(program_calendar(2025))
    assert site.file("program/program.ics") == calendar  # the old address
    assert "Beta, renamed" in str(Calendar.from_ical(calendar).walk("VEVENT")[0]["DESCRIPTION"])
    series = Calendar.from_ical(site.file("calendar.ics")).walk("VEVENT")
    assert any("Beta, renamed" in str(e.get("DESCRIPTION", "")) for e in series)
    (entry,) = bibtexparser.parse_string(site.file(f"{PAPERS}/beta.bib")).entries
    assert "renamed" in entry["title"]
    assert "renamed" in site.file(VOLUME_BIB)
    assert site.file("proceedings/volume.bib") == site.file(VOLUME_BIB)  # the old address
    # A paper goes: its page, stub and downloads go; its neighbours now point at each other.
    gone = site.papers.pop(2)
    site.edit()
    for suffix in (".html", ".bib", ".ris", ".json"):
        assert not (site.out / PAPERS / f"{gone['id']}{suffix}").exists()
    assert (site.src / PAPERS / "beta.generated").exists()
    for suffix in (".generated", ".md"):
        assert not (site.src / PAPERS / f"{gone['id']}{suffix}").exists()
    assert "Next: Delta" in nav(site, "beta") and "Previous: Beta, renamed" in nav(site, "delta")
    assert "Gamma" not in site.file(f"{volume_dir(2025)}/index.html")
    assert "Gamma" not in people(site)
    assert "Gamma" not in site.file(VOLUME_BIB)
    assert "Gamma" not in site.file("proceedings/volume.bib")
    assert "Gamma" not in site.file("searchindex.js")
    # An author is renamed: the people index and the pages follow; the old name is gone.
    site.papers[1]["authors"] = [{"given": "Bobby", "family": "Sampled"}]
    site.edit()
    listed = people(site)
    assert "Sampled, Bobby" in listed and "Sample, Bob" not in listed
    assert "Bobby Sampled" in text(site.page(PAPER.format("beta")).select_one(".paper-authors"))
    # The presenter changes in the program only: the people index follows (it names them
    # too, though its own source and the data did not change).
    assert "Example, Ada" in listed and "2025 presenter: Beta, renamed" in listed
    site.presenter = "Zed Newcomer"
    site.edit()
    ada = text(site.page(PEOPLE).select_one("li#ada-example"))
    assert "2025 author: Alpha" in ada and "presenter" not in ada  # an author still
    newcomer = text(site.page(PEOPLE).select_one("li#zed-newcomer"))
    assert newcomer.startswith("Newcomer, Zed") and "2025 presenter: Beta, renamed" in newcomer
    # A paper comes back under its old id: everything is there again.
    site.papers.insert(2, gone)
    site.edit()
    assert (site.out / PAPERS / "gamma.bib").exists()
    assert "Next: Gamma" in nav(site, "beta")
    assert "2025 presenter: Gamma" in people(site)


def test_citation_files_gone_from_the_output_are_written_again(site: Site) -> None:
    # A paper whose page the build does not read again keeps its files as the last build wrote
    # them (sphinx/downloads.py): a file missing from the output is made again, with the data
    # unchanged and with another paper changed; edit() compares the whole output with a fresh
    # build's.
    (site.out / PAPERS / "alpha.ris").unlink()
    site.edit()
    (site.out / PAPERS / "gamma.json").unlink()
    (site.out / PAPERS / "delta.bib").unlink()
    site.papers[1]["title"] = "Beta, renamed"
    site.edit()
    assert "Beta, renamed" in site.file(VOLUME_BIB)


def test_a_parallel_rebuild_makes_the_changed_papers_files_again(tmp_path: Path) -> None:
    # With -j the pages are read in other processes, whose rendered citations the main one
    # does not see: the papers it read are made again, the others' files kept.
    site = Site(tmp_path, jobs=2)
    site.edit()
    for record in site.papers[:3]:
        record["title"] += ", renamed"
    site.edit()
    assert "TI  - Alpha, renamed" in site.file(f"{PAPERS}/alpha.ris")
    assert '"title": "Delta"' in site.file(f"{PAPERS}/delta.json")


def test_a_code_change_rebuilds_what_it_shapes(tmp_path: Path) -> None:
    """Edit the model's code between two builds into one output folder: the pages and the
    citation files show the new code's result, as a fresh build would (the stamp of the code
    is the environment's version). The code is a copy, imported by the build's own process."""
    work = tmp_path / "work"
    src, out = copy_site(work / "site"), work / "html"
    shutil.copytree(ROOT / "tools", work / "tools", ignore=shutil.ignore_patterns("__pycache__"))

    def build() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q", str(src),
             str(out)],
            cwd=work,  # `tools` is imported from the copy, not from the repository
            capture_output=True,
            text=True,
            timeout=300,
            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(work), "PYTHONDONTWRITEBYTECODE": "1"},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]

    def shown() -> tuple[str, str | None]:
        page = BeautifulSoup((out / PAPER.format("moe-load-balancing")).read_text(), "lxml")
        meta = page.select_one(".paper-meta")
        assert meta is not None
        bib = (out / PAPERS / "moe-load-balancing.bib").read_text(encoding="utf-8")
        # At its old address too (moved.yaml), the same bytes, after every build.
        assert (out / "proceedings/papers/moe-load-balancing.bib").read_text("utf-8") == bib
        entry = bibtexparser.parse_string(bib).entries[0]
        return meta.get_text(" ", strip=True), entry.fields_dict["numpages"].value

    build()
    meta, numpages = shown()
    assert "7 pages" in meta and numpages == "7"
    model = work / "tools" / "proceedings" / "model.py"
    code = model.read_text(encoding="utf-8")
    edited = code.replace(
        "            return self.numpages\n", "            return self.numpages + 1\n"
    )
    assert edited != code
    model.write_text(edited, encoding="utf-8")
    build()
    meta, numpages = shown()
    assert "8 pages" in meta and numpages == "8"


def test_a_rebuild_with_nothing_changed_writes_nothing_it_made(tmp_path: Path) -> None:
    """No page, calendar, citation file or feed is written again when no source changed; what
    Sphinx and its extensions write on every build is left out."""
    src, out = copy_site(tmp_path / "src"), tmp_path / "html"
    sphinx_build(src, out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    sphinx_build(src, out)
    written = sorted(
        p.relative_to(out).as_posix() for p, at in before.items() if p.stat().st_mtime_ns != at
    )
    ours = [
        name for name in written
        if name not in SPHINX_EVERY_BUILD and not name.startswith(("_static/", ".doctrees/"))
        and not (name.endswith(".html") and is_redirect(out / name))
    ]  # fmt: skip
    assert ours == [], written


# Written by Sphinx on every build, whatever changed (Sphinx 9.0.4, sphinx-sitemap 2.9.0).
SPHINX_EVERY_BUILD = {".buildinfo", "objects.inv", "searchindex.js", "search.html", "sitemap.xml"}
