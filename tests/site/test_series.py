"""The site of the series (issue 14), built from the real data: every address the site published
before still answers, the editions' pages say what is known of each and no more, the people
index joins every role of a person, and the calendars and the news feed read in their parsers."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from icalendar import Calendar

from tests.conftest import DATA, FACTS, ROOT, Site, facts

from .pages import text

PUBLISHED = DATA / "published-urls.txt"
PUBLISHED_FRAGMENTS = DATA / "published-fragments.txt"
PUBLISHED_UIDS = DATA / "published-uids.txt"
BASE_URL = "https://irtf-net4ai.github.io/inet4ai/"  # html_baseurl of the test builds
MOVED = ROOT / "proceedings" / "data" / "moved.yaml"
ATOM = "{http://www.w3.org/2005/Atom}"


def lines(path: Path) -> list[str]:
    return [
        line for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]  # fmt: skip


def redirect_of(site: Site, name: str) -> str | None:
    """Where a redirect page sends its reader (from the site's root); None for a real page."""
    page = site.page(name)
    title = page.title.get_text() if page.title else ""
    if title != "This page moved":
        return None
    refresh = page.select_one("noscript meta[http-equiv=refresh]")
    assert isinstance(refresh, Tag), name
    to = str(refresh["content"]).removeprefix("0; url=")
    target = urljoin(name, to)
    # Both ways a browser follows it agree: the script (which keeps #fragment) and, without
    # scripts, the refresh; the canonical link is the new page's published, absolute address.
    (script,) = page.find_all("script")
    assert script.get_text() == f'location.replace("{to}" + location.hash);'
    canonical = page.select_one("link[rel=canonical]")
    assert isinstance(canonical, Tag) and canonical["href"] == BASE_URL + target, name
    return target


def ids(site: Site, name: str) -> set[str]:
    return {str(el["id"]) for el in site.page(name).find_all(id=True)}


def moved_fragments(site: Site, name: str) -> dict[str, str]:
    """What a page's fragment script follows: {old id: new address relative to the page}."""
    scripts = site.page(name).select("script[data-moved]")
    if not scripts:
        return {}
    (script,) = scripts
    assert str(script["src"]).split("?")[0].endswith("_static/moved-fragments.js")
    moved: dict[str, str] = json.loads(str(script["data-moved"]))
    return moved


# --- Addresses that never break ---------------------------------------------------------------


def test_every_published_address_still_answers(site: Site) -> None:
    """Each one is a page, a file, or a redirect page to a page the build made."""
    redirects = 0
    for name in lines(PUBLISHED):
        assert (site.out / name).is_file(), f"{name}: published, now missing"
        if name.endswith(".html") and (target := redirect_of(site, name)):
            redirects += 1
            assert (site.out / target).is_file(), f"{name} sends to {target}, which is missing"
            assert redirect_of(site, target) is None, f"{name}: a redirect to a redirect"
    assert redirects == 5  # the author index and the four paper pages


def test_a_moved_file_keeps_its_bytes_at_the_old_address(site: Site) -> None:
    moved = yaml.safe_load(MOVED.read_text(encoding="utf-8"))["moved"]
    files = {old: new for old, new in moved.items() if not old.endswith(".html")}
    assert len(files) == 17  # 4 papers x 3 citation files, the volume's 3, 2 calendars
    for old, new in files.items():
        assert (site.out / old).read_bytes() == (site.out / new).read_bytes(), old


def test_every_published_fragment_still_leads_to_its_part(site: Site) -> None:
    """A link to a part of a page (#id), from before: the page (or the page a redirect sends
    to) has that part, or its fragment script sends the reader to the page that has it now."""
    followed = 0
    for address in lines(PUBLISHED_FRAGMENTS):
        name, _, fragment = address.partition("#")
        page = redirect_of(site, name) or name
        if fragment in ids(site, page):
            continue
        moved = moved_fragments(site, page)
        assert fragment in moved, f"{address}: no part #{fragment} on {page}, and not moved"
        target, _, new_fragment = urljoin(page, moved[fragment]).partition("#")
        assert new_fragment in ids(site, target), f"{address} -> {target}#{new_fragment}"
        followed += 1
    assert followed >= 20  # the landing pages of cfp/ and program/, the home page, organizers


def test_published_calendar_events_keep_their_uids(site: Site) -> None:
    """Calendar apps match events by UID: each event published before is in the calendar at
    its old address, in the edition's own calendar, and (but the calendars' own) in the
    series' calendar, under the same UID."""
    series = {str(e["UID"]) for e in Calendar.from_ical(site.file("calendar.ics")).events}
    for line in lines(PUBLISHED_UIDS):
        name, uid = line.split()
        calendar = Calendar.from_ical(site.file(name))
        found = {str(c["UID"]) for c in [calendar, *calendar.events]}
        assert uid in found, f"{name}: {uid} is gone"
        if not uid.endswith("-calendar@irtf-net4ai.github.io"):
            assert uid in series, uid


PUBLISHED_2025 = DATA / "published"


def test_2025_citation_files_are_byte_for_byte_as_published(site: Site) -> None:
    """At their first addresses and in the edition's folder: keys, fields, order, bytes."""
    files = sorted(p for p in PUBLISHED_2025.rglob("*") if p.suffix in (".bib", ".ris", ".json"))
    assert len(files) == 15
    for published in files:
        old = published.relative_to(PUBLISHED_2025).as_posix()
        new = old.replace("proceedings/", "proceedings/2025/", 1)
        for name in (old, new):
            assert (site.out / name).read_bytes() == published.read_bytes(), name


def test_2025_paper_pages_say_what_they_said(site: Site) -> None:
    """Each paper page's text, piece by piece, is the text published, with only the way to the
    other editions added above it."""
    pages = sorted(PUBLISHED_2025.rglob("*.txt"))
    assert len(pages) == 4
    for published in pages:
        paper = published.stem
        found = site.page(f"proceedings/2025/papers/{paper}.html").select_one("article")
        assert isinstance(found, Tag), paper
        for nav in found.select(".edition-nav"):
            nav.decompose()
        shown = [line.strip() for line in found.get_text("\n").splitlines() if line.strip()]
        assert shown == published.read_text(encoding="utf-8").splitlines(), paper


def test_the_series_citation_files_hold_every_edition_s_papers(site: Site) -> None:
    from bibtexparser import parse_string

    from tests.volumes import REAL_KEYS

    library = parse_string(site.file("proceedings/series.bib"))
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == REAL_KEYS
    records = json.loads(site.file("proceedings/series.json"))
    assert [r["id"] for r in records] == REAL_KEYS
    assert site.file("proceedings/series.ris").count("TY  - CONF") == len(REAL_KEYS)


# --- Each edition says what is known of it ----------------------------------------------------


def article(site: Site, name: str) -> Tag:
    found = site.page(name).find("article")
    assert isinstance(found, Tag), name
    return found


def words(node: object) -> str:
    return text(node)


def test_the_2026_call_is_published_word_for_word(site: Site) -> None:
    call = words(article(site, "cfp/2026/index.html"))
    published = (FACTS / "cfp-2026.txt").read_text(encoding="utf-8").splitlines()
    # The call's sentences, not its headings; its dates are in the table of dates, in the
    # site's style (test below).
    paragraphs = [p for p in published if len(p) > 40 and not re.search(r", 2026\.$", p)]
    assert len(paragraphs) == 5
    for paragraph in paragraphs:
        assert " ".join(paragraph.split()) in call, paragraph[:60]


def test_the_2026_edition_shows_its_facts_and_what_is_not_known(site: Site) -> None:
    known = facts(2026)
    workshop = known["workshop"]
    home = words(article(site, "index.html"))
    call = words(article(site, "cfp/2026/index.html"))
    assert workshop["name"] in home and workshop["name"] in call
    assert "Utrecht, the Netherlands" in home
    assert "date not known" in home  # the workshop's date is not known
    assert known["cfp"]["portal_as_published"] == "TBA"
    assert "Submission Portal: TBA." in call and "gave no address for the portal" in call
    table = article(site, "cfp/2026/index.html").select_one("table.inet4ai-dates")
    assert isinstance(table, Tag)
    rows = [[words(c) for c in tr.find_all("td")] for tr in table.select("tbody tr")]
    aoe = ("abstract", "submission", "camera-ready")  # deadlines; a notification is a day
    assert rows == [
        [label, f"{day.day} {day:%B} {day.year}" + (", 23:59 AoE" if kind in aoe else "")]
        for label, day, kind in known["cfp"]["deadlines"]
    ]
    # No date moved: no column for dates before an extension, and no word on extensions.
    assert [words(th) for th in table.select("thead th")] == ["Milestone", "Date"]
    assert "extended" not in call and "extension" not in call
    # December 2026: closed since its submission deadline (not its camera-ready date).
    closes = known["cfp"]["closes"]
    said = f"Submissions closed at the end of {closes.day} {closes:%B} {closes.year}"
    assert said in call
    assert f"closed on {closes.day} {closes:%B} {closes.year}" in home
    assert "30 September 2026" not in home


@pytest.mark.parametrize(
    ("page", "not_known"),
    [
        ("program/2026/index.html", ["program", "not known"]),
        ("proceedings/2026/index.html", ["papers", "not known"]),
    ],
)
def test_unknown_parts_of_2026_are_said_to_be_not_known(
    site: Site, page: str, not_known: list[str]
) -> None:
    """And never promised for a day the site does not know."""
    body = words(article(site, page))
    assert all(word in body for word in not_known), body[:300]
    assert not re.search(r"\b(coming|soon|will be (announced|online|available))\b", body, re.I)
    assert not article(site, page).select("table, .program-session, ol.proceedings-toc")


def test_the_organizers_page_shows_each_edition_as_published(site: Site) -> None:
    page = article(site, "organizers.html")
    body = words(page)
    assert "The chairs of INET4AI 2026: not known." in body
    assert "The program committee of INET4AI 2026: not known." in body
    committee = page.select_one("#edition-2025")
    assert isinstance(committee, Tag)
    names = {words(strong) for strong in committee.find_all_next("strong")}
    assert {c["name"] for c in facts(2025)["committee"]} <= names


def test_every_page_lists_the_editions_the_current_one_marked(site: Site) -> None:
    for name in ["index.html", "cfp/2025/index.html", "program/index.html",
                 "proceedings/2025/papers/scale-ccl.html"]:  # fmt: skip
        nav = article(site, name).select_one(".edition-nav")
        assert isinstance(nav, Tag), name
        shown = words(nav)
        assert "2026 (current)" in shown and "2025" in shown, (name, shown)


# --- People ------------------------------------------------------------------------------------


def person(site: Site, anchor: str) -> str:
    entry = site.page("proceedings/people.html").select_one(f"li#{anchor}")
    assert isinstance(entry, Tag), anchor
    return words(entry)


def test_a_person_is_listed_once_with_every_role(site: Site) -> None:
    """Massimo Tornatore sat on the 2025 committee and wrote a paper; Giuseppe Aceto sat on it
    and presented a paper he did not write: a presenter is never called an author."""
    tornatore = person(site, "massimo-tornatore")
    assert "2025 TPC member" in tornatore and "2025 author: SCALE-CCL" in tornatore
    aceto = person(site, "giuseppe-aceto")
    assert "2025 TPC member" in aceto and "2025 presenter: You've got a few GPUs" in aceto
    assert "author" not in aceto
    entries = site.page("proceedings/people.html").select("li[id]")
    names = [words(li.find("strong")) for li in entries]
    assert len(names) == len(set(names))  # one entry a person


def test_a_person_s_roles_link_to_where_they_are_shown(site: Site) -> None:
    entry = site.page("proceedings/people.html").select_one("li#giuseppe-aceto")
    assert isinstance(entry, Tag)
    hrefs = [str(a["href"]) for a in entry.find_all("a")]
    assert hrefs == ["../organizers.html#edition-2025", "2025/papers/nano-cluster.html"]
    for href in hrefs:
        name, _, fragment = urljoin("proceedings/people.html", href).partition("#")
        assert (site.out / name).is_file() and (not fragment or fragment in ids(site, name))


# --- Calendars and the feed --------------------------------------------------------------------


def test_each_edition_and_the_series_have_their_calendars(site: Site) -> None:
    cfp_2026 = Calendar.from_ical(site.file("cfp/2026/cfp-dates.ics"))
    aoe = ("abstract", "submission", "camera-ready")  # deadlines at 23:59 AoE; others are days
    assert [(str(e["SUMMARY"]), e.start) for e in cfp_2026.events] == [
        (f"INET4AI 2026: {label} (AoE)",
         dt.datetime.combine(day + dt.timedelta(days=1), dt.time(11, 59), dt.UTC))
        if kind in aoe else (f"INET4AI 2026: {label}", day)
        for label, day, kind in facts(2026)["cfp"]["deadlines"]
    ]  # fmt: skip
    assert not (site.out / "program/2026/program.ics").exists()  # its day is not known
    series = Calendar.from_ical(site.file("calendar.ics"))
    uids = [str(e["UID"]) for e in series.events]
    assert len(uids) == len(set(uids)) == 4 + 1 + 4  # 2025: 4 dates + its day; 2026: 4 dates
    (day,) = [e for e in series.events if str(e["UID"]).startswith("inet4ai-2025-workshop-day")]
    assert day.start == dt.date(2025, 12, 1)


def test_the_news_feed_is_valid_atom(site: Site) -> None:
    data = (site.out / "atom.xml").read_bytes()
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    from lxml import etree

    root = etree.fromstring(data)
    # RFC 4287 4.1.1: a feed has one id, title and updated, and an author (or each entry has).
    for element in ("id", "title", "updated", "author"):
        assert len(root.findall(ATOM + element)) == 1, element
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and self_link.get("href").endswith("/atom.xml")
    entries = root.findall(ATOM + "entry")
    # Every news item whose day the data gives (the others stay on the home page only).
    dated = [n for e in editions_data() for n in e.get("news", []) if n.get("date")]
    assert len(entries) == len(dated)
    seen = set()
    for entry in entries:
        for element in ("id", "title", "updated"):  # 4.1.2
            assert len(entry.findall(ATOM + element)) == 1, element
        entry_id = entry.findtext(ATOM + "id")
        assert (
            entry_id and entry_id.startswith("tag:irtf-net4ai.github.io,") and entry_id not in seen
        )
        seen.add(entry_id)
        dt.datetime.fromisoformat(entry.findtext(ATOM + "updated") or "")  # RFC 3339
        link = entry.find(ATOM + "link")
        assert link is not None and urlsplit(link.get("href")).scheme == "https"
    # The site says where its feed is, on every page.
    feed_link = site.page("index.html").select_one(
        'link[rel=alternate][type="application/atom+xml"]'
    )
    assert isinstance(feed_link, Tag) and str(feed_link["href"]).endswith("atom.xml")


def test_the_feed_dates_entries_by_the_data_not_the_clock(site: Site) -> None:
    entries = feedparser.parse(site.file("atom.xml")).entries
    held = next(e for e in entries if e.id.endswith("news/2025/held"))
    assert held.updated.startswith("2025-12-01") and held.published.startswith("2025-12-01")
    called = next(e for e in entries if e.id.endswith("news/2025/call-published"))
    assert called.updated.startswith("2025-06-16")  # the workshop's news of that day
    # The 2026 call's day is not known: on the home page, out of the feed (never dated by
    # the day the data was typed).
    assert not any(e.id.endswith("news/2026/call-published") for e in entries)
    news = text(site.page("index.html").select_one("dl.inet4ai-news") or Tag(name="dl"))
    assert "The call for papers of INET4AI 2026 was published" in news


def editions_data() -> list[dict[str, object]]:
    folder = ROOT / "proceedings" / "data"
    return [
        yaml.safe_load((path / "edition.yaml").read_text(encoding="utf-8"))
        for path in sorted(folder.iterdir())
        if (path / "edition.yaml").is_file()
    ]


def test_pages_of_the_series_are_not_pages_of_one_edition(site: Site) -> None:
    """The home page, the landing pages, the organizers and people: titled for the series."""
    for name in ["index.html", "cfp/index.html", "program/index.html", "proceedings/index.html",
                 "organizers.html", "proceedings/people.html"]:  # fmt: skip
        page = site.page(name)
        title = page.title.get_text() if page.title else ""
        assert title.endswith(" \N{EM DASH} INET4AI"), (name, title)
        assert "2025" not in str(page.select_one(".navbar-brand") or ""), name


def test_redirect_pages_are_under_the_site_policy(site: Site) -> None:
    page = BeautifulSoup(site.file("proceedings/authors.html"), "lxml")
    policy = page.select_one('meta[http-equiv="Content-Security-Policy"]')
    assert isinstance(policy, Tag) and "script-src 'self' 'sha256-" in str(policy["content"])
    assert page.select_one("meta[name=robots]")["content"] == "noindex"  # type: ignore[index]
