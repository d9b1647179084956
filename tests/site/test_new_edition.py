"""A third edition, started as the README says an organizer starts one: `new-edition`, then
`import --edition` of its papers, then a build. Everything about it is fabricated (example data,
no real conference, paper or person). The series takes it in without a hand-made list to edit,
and nothing the site published of the first editions changes."""

from __future__ import annotations

import subprocess
import sys

import pytest
from bs4 import BeautifulSoup, Tag
from icalendar import Calendar

from tests.conftest import ROOT, Site, build, copy_site

from .pages import text

YEAR = 2027
# Fabricated: an example volume of two papers in a publisher's BibTeX.
EXAMPLE_BIB = r"""
@proceedings{exw27,
  title = {Proceedings of the 3rd Example Workshop},
  booktitle = {Proceedings of the 3rd Example Workshop},
  shortname = {EXW},
  year = {2027},
  publisher = {Example Press}
}

@inproceedings{exw27-first,
  title = {An Example Paper on Example Networks},
  author = {Example, Ada and Sample, Bea},
  booktitle = {Proceedings of the 3rd Example Workshop},
  year = {2027},
  pages = {1--6}
}

@inproceedings{exw27-second,
  title = {A Second Example Paper},
  author = {Sample, Bea},
  booktitle = {Proceedings of the 3rd Example Workshop},
  year = {2027},
  pages = {7--12}
}
"""


def tool(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "tools.proceedings", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def third(tmp_path_factory: pytest.TempPathFactory) -> Site:
    base = tmp_path_factory.mktemp("third")
    src = copy_site(base / "src")
    series = src / "proceedings" / "data"
    tool("new-edition", str(YEAR), "--series", str(series), "--site", str(src),
         "--host", "Example Conference 2027", "--host-short", "EXC 2027",
         "--city", "Exampleville", "--country", "Nowhere", "--date", "2027-06-02",
         "--timezone", "Europe/Amsterdam")  # fmt: skip
    (base / "example.bib").write_text(EXAMPLE_BIB, encoding="utf-8")
    tool("import", str(base / "example.bib"), "--edition", str(YEAR), "--series", str(series))
    built = build(src, base / "html")
    assert built.warnings == ""
    return built


def article(site: Site, name: str) -> Tag:
    found = site.page(name).select_one("article")
    assert isinstance(found, Tag), name
    return found


def test_its_pages_and_files_are_made(third: Site) -> None:
    for name in ("cfp", "program", "proceedings"):
        assert (third.out / name / str(YEAR) / "index.html").is_file(), name
    papers = sorted(p.name for p in (third.out / f"proceedings/{YEAR}/papers").glob("*.html"))
    assert len(papers) == 2
    assert (third.out / f"proceedings/{YEAR}/volume.bib").is_file()
    keys = [line for line in third.file("proceedings/series.bib").splitlines() if line[:1] == "@"]
    assert [k.partition("{")[2].rstrip(",") for k in keys][-2:] == [
        "exw2027-exw27-first",
        "exw2027-exw27-second",
    ]  # its own key prefix, after the first edition's papers
    volume = text(article(third, f"proceedings/{YEAR}/index.html"))
    assert "An Example Paper on Example Networks" in volume and "Example Press" in volume


def test_it_becomes_the_current_edition_everywhere(third: Site) -> None:
    nav = article(third, "cfp/2025/index.html").select_one(".edition-nav")
    assert isinstance(nav, Tag) and "2027 (current)" in text(nav)
    listed = [text(li.select_one("strong") or li) for li in
              article(third, "program/index.html").select("ul.edition-list > li")]  # fmt: skip
    assert listed[0].startswith(f"INET4AI {YEAR} (current)") and len(listed) == 3
    assert "2026 (current)" not in third.file("cfp/2026/index.html")
    sidebar = third.page(f"cfp/{YEAR}/index.html").select("nav.bd-docs-nav a")
    assert [text(a) for a in sidebar] == ["Calls for papers", "Programs", "Proceedings",
                                          "Organizers"]  # fmt: skip


def test_what_is_not_known_of_it_is_said_so(third: Site) -> None:
    call = text(article(third, f"cfp/{YEAR}/index.html"))
    assert f"The call for papers of INET4AI {YEAR} has not been published." in call
    program = text(article(third, f"program/{YEAR}/index.html"))
    assert f"The program of INET4AI {YEAR} is not known" in program
    days = Calendar.from_ical(third.file("calendar.ics")).events
    (day,) = [e for e in days if str(e["UID"]).startswith(f"inet4ai-{YEAR}-workshop-day")]
    assert str(day.start) == "2027-06-02"


def test_its_people_join_the_index(third: Site) -> None:
    people = third.page("proceedings/people.html")
    bea = [text(li) for li in people.select("li[id]") if "Sample, Bea" in text(li)]
    assert len(bea) == 1 and bea[0].count(f"{YEAR} author") == 2


def test_what_was_published_of_the_first_editions_stays_as_it_was(third: Site, site: Site) -> None:
    """Byte for byte: every citation file and calendar of 2025 and 2026; and each 2025 paper
    page but its way to the other editions."""
    for old in sorted(site.out.rglob("*")):
        name = old.relative_to(site.out).as_posix()
        if old.suffix in (".bib", ".ris", ".json") and "/2025/" in f"/{name}":
            assert (third.out / name).read_bytes() == old.read_bytes(), name
    for name in ("cfp/2025/cfp-dates.ics", "cfp/2026/cfp-dates.ics", "program/2025/program.ics"):
        assert third.file(name) == site.file(name), name
    for page in sorted((site.out / "proceedings/2025/papers").glob("*.html")):
        name = page.relative_to(site.out).as_posix()
        before, after = article(site, name), article(third, name)
        for nav in (*before.select(".edition-nav"), *after.select(".edition-nav")):
            nav.decompose()
        assert (
            BeautifulSoup(str(after), "lxml").get_text()
            == BeautifulSoup(str(before), "lxml").get_text()
        ), name
