"""An edition's whole year, as its organizers live it, with the README's commands only (`make
new-edition`, `make import`, `make html`) and the files they edit (edition.yaml, the call's
text, the program, the publisher's BibTeX): started with nothing known, call published, a
deadline extended, closed, papers accepted from a HotCRP export, program published, the
publisher's BibTeX merged, the day after the workshop. Each step builds at its own clock
(SOURCE_DATE_EPOCH), in one output folder as `make html` rebuilds it, and checks every status
the site states against the data and the clock; no page source is edited but the call's text
and the program, and the earlier editions' pages and files stay as they were. Everything about
INET4AI 2027 here is fabricated (tests/data/year)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag
from icalendar import Calendar

from tests.conftest import DATA, ROOT, Site, copy_site, epoch

from .pages import text

YEAR = 2027
EXAMPLE = DATA / "year"
CALL, PROGRAM = f"cfp/{YEAR}/index.md", f"program/{YEAR}/index.md"
# The pages and files of the earlier editions, which a new edition leaves as they were.
EARLIER_PAGES = (
    "cfp/2025/index.html", "cfp/2026/index.html", "program/2025/index.html",
    "program/2026/index.html", "proceedings/2025/index.html", "proceedings/2026/index.html",
    "proceedings/2025/papers/moe-load-balancing.html",
    "proceedings/2025/papers/traffic-inversion.html",
)  # fmt: skip
EARLIER_FILES = (
    "cfp/2025/cfp-dates.ics", "cfp/2026/cfp-dates.ics", "program/2025/program.ics",
    "proceedings/2025/volume.bib", "proceedings/2025/volume.ris", "proceedings/2025/volume.json",
    "proceedings/2025/papers/moe-load-balancing.bib",
)  # fmt: skip


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)  # type: ignore[misc]


class Organizer:
    """The site's sources in a folder of their own, and the README's commands run on them."""

    def __init__(self, base: Path) -> None:
        self.src = copy_site(base / "src")
        self.build_dir = base / "build"
        self.data = self.src / "proceedings" / "data" / str(YEAR)
        self.sources: dict[str, str] = {}

    def make(self, *args: str, now: dt.datetime) -> str:
        env = {**os.environ, "SOURCE_DATE_EPOCH": epoch(now)}
        env.pop("INET4AI_BASE_URL", None)
        done = subprocess.run(
            ["make", "--no-print-directory", "-C", str(ROOT), *args, f"SITE={self.src}",
             f"BUILD={self.build_dir}"],
            env=env, capture_output=True, text=True, timeout=900, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout + done.stderr

    def html(self, now: dt.datetime) -> Site:
        """`make html`: warnings are errors, and none is printed."""
        said = self.make("html", now=now)
        assert "WARNING" not in said and "ERROR" not in said, said
        self.check_sources()
        return Site(self.src, self.build_dir / "html", "")

    def edit(self, name: str, old: str, new: str) -> None:
        """An organizer's edit: one piece of a file replaced (it must be there once)."""
        path = self.src / name
        before = path.read_text(encoding="utf-8")
        assert before.count(old) == 1, (name, old)
        path.write_text(before.replace(old, new), encoding="utf-8")

    def edition(self, old: str, new: str) -> None:
        self.edit(f"proceedings/data/{YEAR}/edition.yaml", old, new)

    def remember_sources(self) -> None:
        self.sources = self.page_sources()

    def page_sources(self) -> dict[str, str]:
        """Every page source but the call's text and the program, the two an organizer
        writes, and the generated pages."""
        return {
            path.relative_to(self.src).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(self.src.rglob("*.md"))
            if path.relative_to(self.src).as_posix() not in (CALL, PROGRAM)
        }

    def check_sources(self) -> None:
        if self.sources:
            assert self.page_sources() == self.sources  # no page edited by hand


def said(site: Site, name: str) -> str:
    found = site.page(name).select_one("article")
    assert isinstance(found, Tag), name
    return text(found)


def notice(site: Site) -> str:
    found = site.page(f"cfp/{YEAR}/index.html").select_one(".cfp-status")
    assert isinstance(found, Tag)
    return text(found)


def home_part(site: Site) -> str:
    found = site.page("index.html").select_one(f"#edition-{YEAR}")
    assert isinstance(found, Tag)
    return text(found)


def earlier_as_published(site: Site, published: Site) -> None:
    """The earlier editions' pages (but their way to the other editions) and files."""
    for name in EARLIER_PAGES:
        before, after = [BeautifulSoup(s.file(name), "lxml").article for s in (published, site)]
        assert before is not None and after is not None
        for nav in (*before.select(".edition-nav"), *after.select(".edition-nav")):
            nav.decompose()
        assert text(after) == text(before), name
    for name in EARLIER_FILES:
        assert (site.out / name).read_bytes() == (published.out / name).read_bytes(), name


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Organizer:
    return Organizer(tmp_path_factory.mktemp("year"))


Step = Callable[[Organizer, Site], None]


def test_an_edition_s_year(year: Organizer, site: Site) -> None:
    """The steps in order, one organizer, one output folder."""
    for step in (started, call_published, deadline_extended, call_closed, papers_accepted,
                 program_published, publisher_bib_merged, day_after):  # fmt: skip
        step(year, site)


def started(year: Organizer, published: Site) -> None:
    """January: the edition is started with nothing known but its host."""
    now = at(2027, 1, 10)
    year.make("new-edition", f"YEAR={YEAR}", "HOST=Example Conference 2027", now=now)
    year.remember_sources()
    site = year.html(now)
    # The call: not published, and nothing else.
    call = site.page(f"cfp/{YEAR}/index.html").select_one("article section")
    assert isinstance(call, Tag)
    assert notice(site) == (
        f"Not published yet The call for papers of INET4AI {YEAR} has not been published."
    )
    assert [text(p) for p in call.select("p")] == [
        "Not published yet",
        f"The call for papers of INET4AI {YEAR} has not been published.",
    ]
    assert not call.select("table") and "Portal" not in text(call)
    assert f"The program of INET4AI {YEAR} is not known." in said(
        site, f"program/{YEAR}/index.html"
    )
    assert f"The papers of INET4AI {YEAR} are not known" in said(
        site, f"proceedings/{YEAR}/index.html"
    )
    # One current edition, the same on every page; its day not known, nothing promised.
    home = site.page("index.html")
    currents = [text(h).rstrip("#").strip() for h in home.select("article section > h2")
                if "current" in text(h)]  # fmt: skip
    assert currents == [f"INET4AI {YEAR}, the current edition"]
    assert "its day is not known" in home_part(site)
    for name in ("index.html", "cfp/2026/index.html", "proceedings/2025/index.html"):
        nav = site.page(name).select_one(".edition-nav")
        assert isinstance(nav, Tag) and f"{YEAR} (current)" in text(nav)
        assert "2026 (current)" not in text(nav)
    assert "Its call for papers: its submission deadline is not known." in said(
        site, "cfp/index.html"
    )
    earlier_as_published(site, published)


CALL_DATES = """  deadlines:
    - {id: abstract, label: Abstract registration, kind: abstract, date: 2027-06-24}
    - {id: paper, label: Paper submission, kind: submission, date: 2027-07-01}
    - {id: notification, label: Acceptance notification, kind: notification, date: 2027-08-15}
    - {id: camera-ready, label: Camera-ready papers, kind: camera-ready, date: 2027-09-15}
    - {id: program, label: Program online, kind: program, date: 2027-10-01}
"""


def call_published(year: Organizer, published: Site) -> None:
    """March: the call is out; its dates and portal go in edition.yaml, its text on its page,
    and a news item dated the day it was announced."""
    now = at(2027, 3, 1, 9)
    year.edition("  # portal: not known (the submission site's address)\n",
                 "  portal: https://exw27.example.org/\n")  # fmt: skip
    year.edition("  deadlines: []\n", CALL_DATES)
    year.edition("news: []\n", "news:\n  - {id: call, date: 2027-03-01, title: The 2027 call "
                               "is out, text: Papers of up to six pages.}\n")  # fmt: skip
    pasted = (EXAMPLE / "call.md").read_text(encoding="utf-8")
    year.edit(CALL, "% Paste the call's own text here", pasted + "\n% Pasted above:")
    site = year.html(now)
    assert notice(site) == (
        "The call is open Submissions are open until Thursday 1 July 2027, 23:59 Anywhere on "
        "Earth (AoE, UTC−12): Paper submission. Before that: Abstract registration, 24 June "
        "2027, 23:59 AoE."
    )
    assert "Example networks carry example traffic." in said(site, f"cfp/{YEAR}/index.html")
    assert "open until 1 July 2027, 23:59 AoE" in home_part(site)
    assert site.page("index.html").select_one(f"#edition-{YEAR} table.inet4ai-dates")
    calendar = Calendar.from_ical(site.file(f"cfp/{YEAR}/cfp-dates.ics"))
    starts = {str(e["UID"]).split("@")[0]: e.start for e in calendar.events}
    assert starts[f"inet4ai-{YEAR}-cfp-paper"] == at(2027, 7, 2, 11, 59)  # 23:59 AoE
    assert starts[f"inet4ai-{YEAR}-cfp-notification"] == dt.date(2027, 8, 15)  # a day
    feed = feedparser.parse(site.file("atom.xml")).entries
    assert feed[0].title == "The 2027 call is out" and feed[0].updated.startswith("2027-03-01")
    earlier_as_published(site, published)


def deadline_extended(year: Organizer, published: Site) -> None:
    """June: the submission deadline moves a week; `was` keeps the date it replaced."""
    now = at(2027, 6, 28)
    year.edition("kind: submission, date: 2027-07-01}", "kind: submission, date: 2027-07-08, "
                                                         "was: 2027-07-01}")  # fmt: skip
    site = year.html(now)
    assert notice(site) == (
        "The call is open Submissions are open until Thursday 8 July 2027, 23:59 Anywhere on "
        "Earth (AoE, UTC−12): Paper submission. That deadline was extended from 1 July 2027."
    )  # the abstract deadline has passed: no longer announced
    page = said(site, f"cfp/{YEAR}/index.html")
    assert "8 July 2027, 23:59 AoE (extended)" in page and "not known" not in page
    assert "open until 8 July 2027, 23:59 AoE (extended from 1 July 2027)" in home_part(site)
    earlier_as_published(site, published)


def call_closed(year: Organizer, published: Site) -> None:
    """9 July: open until noon UTC (23:59 on 8 July AoE), closed after, with no edit at all."""
    site = year.html(at(2027, 7, 9, 11, 58))
    assert notice(site).startswith("The call is open")
    site = year.html(at(2027, 7, 9, 12, 30))
    assert notice(site) == (
        "The call is closed Submissions closed at the end of 8 July 2027, Anywhere on Earth "
        "(Paper submission). That deadline was extended from 1 July 2027."
    )
    assert "closed on 8 July 2027 (extended from 1 July 2027)" in home_part(site)
    assert "Its call for papers closed on 8 July 2027" in said(site, "cfp/index.html")
    assert not site.page("index.html").select_one(f"#edition-{YEAR} table")
    earlier_as_published(site, published)


def papers_accepted(year: Organizer, published: Site) -> None:
    """August: the accepted papers, from HotCRP's JSON export; no volume.yaml yet."""
    now = at(2027, 8, 16)
    out = year.make("import", f"FILE={EXAMPLE / 'hotcrp.json'}", f"YEAR={YEAR}", now=now)
    assert "3 papers from HotCRP" in out and "3 added" in out, out
    assert not (year.data / "volume.yaml").exists()
    site = year.html(now)
    volume = said(site, f"proceedings/{YEAR}/index.html")
    for title in ("Example Collectives over Example Links", "Load Balancing for Example "
                  "Inference", "Trust across Example Domains"):  # fmt: skip
        assert title in volume
    assert "A Rejected Example" not in volume
    assert re.search(r"Publisher\s*:?\s*not known", volume) and "3 accepted" in volume
    paper = site.page(f"proceedings/{YEAR}/papers/1.html")
    assert text(paper.select_one("h1") or Tag(name="h1")).startswith("Example Collectives")
    bib = site.file(f"proceedings/{YEAR}/papers/1.bib")
    assert "@inproceedings{inet4ai27-1," in bib and "3rd Workshop on Inter-networking" in bib
    assert re.search(r"Papers\s*:?\s*3\b", home_part(site))
    earlier_as_published(site, published)


def program_published(year: Organizer, published: Site) -> None:
    """October: the day, the venue and the program."""
    now = at(2027, 10, 2)
    year.edition("# venue: not known (the building or campus)\n", "venue: Example Hall\n")
    year.edition("# date: not known (the workshop's day)\n", "date: 2027-12-06\n")
    year.edition("# timezone: not known (an IANA zone, needed for times in the program)\n",
                 "timezone: Europe/Amsterdam\n")  # fmt: skip
    program = (EXAMPLE / "program.md").read_text(encoding="utf-8")
    year.edit(PROGRAM, "% The program goes here once it is known", program + "\n%")
    site = year.html(now)
    page = said(site, f"program/{YEAR}/index.html")
    assert "Monday 6 December 2027" in page and "not known" not in page
    assert "09:10–09:40 CET" in page
    assert f"INET4AI {YEAR} will be held on Monday 6 December 2027 at Example Hall" in home_part(
        site
    )
    assert (site.out / f"program/{YEAR}/program.ics").is_file()
    slot = site.page(f"proceedings/{YEAR}/papers/3.html").select_one(".paper-program-slot")
    assert slot is not None and "Monday 6 December 2027" in text(slot)
    lines = said(site, "program/index.html")
    assert "3 papers, in their running order, with times." in lines
    earlier_as_published(site, published)


def publisher_bib_merged(year: Organizer, published: Site) -> None:
    """November: the publisher's volume is out: its BibTeX export saved as papers.bib (its
    entries found by title), the volume's facts in volume.yaml."""
    now = at(2027, 11, 20)
    (year.data / "papers.bib").write_bytes((EXAMPLE / "publisher.bib").read_bytes())
    (year.data / "volume.yaml").write_text(
        "title: Proceedings of the 3rd Workshop on Inter-networking challenges for AI\n"
        "short_title: INET4AI '27\nyear: 2027\npublisher: Example Press\n"
        "publisher_address: New York, NY, USA\ndoi_prefix: 10.5555/3000000\n",
        encoding="utf-8",
    )
    site = year.html(now)
    paper = site.page(f"proceedings/{YEAR}/papers/3.html")
    assert paper.select_one('a[href="https://doi.org/10.5555/3000000.3000003"]')
    bib = site.file(f"proceedings/{YEAR}/papers/3.bib")
    assert "@inproceedings{inet4ai27-3," in bib  # the key published since August
    assert re.search(r"pages\s*=\s*\{7--11\}", bib) and "Example Press" in bib
    volume = said(site, f"proceedings/{YEAR}/index.html")
    assert "Example Press" in volume and "3 published" in volume
    earlier_as_published(site, published)


def day_after(year: Organizer, published: Site) -> None:
    """7 December: the workshop was held yesterday; the daily build says so by itself."""
    site = year.html(at(2027, 12, 6, 22, 59))  # 23:59 in Amsterdam: still its day
    assert f"INET4AI {YEAR} is held today, on Monday 6 December 2027" in home_part(site)
    site = year.html(at(2027, 12, 7, 12))
    assert f"INET4AI {YEAR} was held on Monday 6 December 2027 at Example Hall" in home_part(site)
    assert notice(site).startswith("The call is closed")
    earlier_as_published(site, published)


@pytest.mark.parametrize("source", ["papers.csv", "accepted.bib"])
def test_papers_accepted_from_other_sources(tmp_path: Path, source: str) -> None:
    """The other routes into the proceedings, a CSV table and BibTeX with no @proceedings
    entry, also leave an edition that builds (no volume.yaml needed)."""
    year = Organizer(tmp_path)
    now = at(2027, 8, 16)
    year.make("new-edition", f"YEAR={YEAR}", "HOST=Example Conference 2027", now=now)
    out = year.make("import", f"FILE={EXAMPLE / source}", f"YEAR={YEAR}", now=now)
    assert "3 added" in out, out
    assert not (year.data / "volume.yaml").exists()
    site = year.html(now)
    volume = said(site, f"proceedings/{YEAR}/index.html")
    assert "Trust across Example Domains" in volume and "3 accepted" in volume
