"""The site's own pages: navigation, home, call for papers, committee, links and assets."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import Site, facts
from tests.support import site_pages
from tools.proceedings.render import dates

# The expected content, from the workshop's facts (tests/data/facts), never from the pages.
# The sidebar: the series' sections, each a landing page listing every edition.
NAVIGATION = ["Calls for papers", "Programs", "Proceedings", "Organizers"]
AREAS = [
    "Future communication challenges related to the evolution of AI systems (reasoning models, "
    "mixture of experts, ...)",
    "Traffic characterization for distributed AI training or inference workloads",
    "Collective communications for the Internet",
    "Network protocol adaptations to scale out AI workloads",
    "Domain-specific transport protocols",
    "Lossy and/or lossless transport protocols for distributed training and inference",
    "Dynamic compression, quantization, and model sparsification",
    "Congestion control methods for GPU-centric communications",
    "Parallelism for heterogeneous and/or distributed AI systems",
    "Impact on network infrastructure and protocols of in-network processing for large-scale "
    "distributed AI systems",
    "Large-scale disaggregation of AI training or inference systems",
    "Load balancing and routing for heterogeneous and/or distributed AI systems",
    "KV-cache distribution, towards KV-centric networking",
    "Federated learning",
    "Security and privacy of distributed AI communications",
    "Encryption methods for distributed AI communications",
    "Distributing AI workloads among heterogeneous nodes",
    "Decentralized system designs for AI services",
    "Edge-core distribution of AI workloads",
]
FACTS = facts(2025)
# Milestone -> (superseded date or None, date in force), all Anywhere on Earth; the labels are
# the call's own words, the dates the facts', in the site's house style.
LABELS = [
    "Paper submissions deadline",
    "Paper acceptance notification",
    "Camera ready due",
    "Program available online",
]
DATES: dict[str, tuple[str | None, str]] = {
    label: (dates.day(was) if was else None, dates.day(date))
    for label, (_, date, was, _kind) in zip(LABELS, FACTS["cfp"]["deadlines"], strict=True)
}
CHAIRS = {chair["name"]: chair["affiliation"] for chair in FACTS["chairs"]}
COMMITTEE = {member["name"]: member["affiliation"] for member in FACTS["committee"]}
PORTAL = FACTS["cfp"]["portal"]
CONTACTS = ("mailto:submit@inet4ai.org", "mailto:chairs@inet4ai.org")
# Attributes that make the browser fetch or navigate to another file.
LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


def text(node: Tag) -> str:
    """The text of an element as a reader sees it: whitespace collapsed, permalink signs gone."""
    for link in node.select("a.headerlink"):
        link.decompose()
    return " ".join(node.get_text(" ").split())


def article(page: BeautifulSoup) -> Tag:
    found = page.select_one("article.bd-article")
    assert found is not None, "no article element"
    return found


def section(page: BeautifulSoup, anchor: str) -> Tag:
    found = page.select_one(f"section#{anchor}")
    assert found is not None, f"no section #{anchor}"
    return found


def html_pages(site: Site) -> list[Path]:
    """The site's own pages (not the redirect pages at moved addresses: test_series.py)."""
    pages = [site.out / name for name in site_pages(site.out)]
    assert pages, "the build produced no pages"
    return pages


def is_external(url: str) -> bool:
    """True for links that leave the site (any scheme, or protocol-relative)."""
    parts = urlsplit(url)
    return bool(parts.scheme) or url.startswith("//")


def resolve(site: Site, page: Path, url: str) -> tuple[Path, str]:
    """The file a relative URL on `page` points at, and its fragment."""
    parts = urlsplit(url)
    target = page if not parts.path else page.parent / unquote(parts.path)
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target.resolve(), unquote(parts.fragment)


def ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        cache[path] = {str(t["id"]) for t in soup.select("[id]")} | {
            str(t["name"]) for t in soup.select("a[name]")
        }
    return cache[path]


# --- The build --------------------------------------------------------------------------------


def test_build_has_no_warnings(site: Site) -> None:
    assert site.warnings == ""


def test_every_page_uses_only_local_assets(site: Site) -> None:
    """Scripts, styles and icons come from the site itself: it works offline, without a CDN."""
    remote = []
    for page in html_pages(site):
        soup = site.page(page.relative_to(site.out).as_posix())
        for tag in soup.select("script[src], link[rel~=stylesheet], link[rel~=icon], img[src]"):
            url = str(tag.get("src") or tag.get("href"))
            if is_external(url):
                remote.append(f"{page.name}: {url}")
    assert remote == []


def test_theme_mode_has_a_default(site: Site) -> None:
    """Without a default mode pydata-sphinx-theme logs "Got invalid theme mode" on first load."""
    home = site.page("index.html")
    assert home.html is not None and home.body is not None
    assert home.html["data-theme"] == "light"
    assert home.body["data-default-mode"] == "light"


def test_favicon_and_logo(site: Site) -> None:
    home = site.page("index.html")
    icon = home.select_one("link[rel~=icon]")
    assert icon is not None
    assert (site.out / str(icon["href"])).is_file()
    brand = home.select_one(".bd-sidebar-primary .navbar-brand")
    assert brand is not None
    assert text(brand) == "INET4AI"  # the series, from series.yaml
    assert all(img["src"] for img in brand.select("img"))


def test_every_page_declares_the_icon(site: Site) -> None:
    """A page naming no icon makes browsers ask for /favicon.ico, which the site does not have
    (a failed request and a console error in Chromium)."""
    icon = (site.out / "_static" / "favicon.svg").resolve()
    assert icon.is_file()
    pages = site_pages(site.out)
    assert "search.html" in pages  # the page Sphinx writes from a template, with no doctree
    wrong = {}
    for name in pages:
        links = site.page(name).select("head link[rel~=icon]")
        if [resolve(site, site.out / name, str(link["href"]))[0] for link in links] != [icon]:
            wrong[name] = [str(link) for link in links]
    assert wrong == {}, f"pages not declaring {icon.name} once: {wrong}"


# --- Navigation and links ---------------------------------------------------------------------


def test_sidebar_lists_the_sections_in_order(site: Site) -> None:
    nav = site.page("index.html").select("nav.bd-docs-nav li.toctree-l1 > a")
    assert [text(a) for a in nav] == NAVIGATION


@pytest.mark.parametrize("title", NAVIGATION)
def test_sidebar_entry_leads_to_its_page(site: Site, title: str) -> None:
    home = site.out / "index.html"
    nav = site.page("index.html").select("nav.bd-docs-nav li.toctree-l1 > a")
    href = next(str(a["href"]) for a in nav if text(a) == title)
    target, _ = resolve(site, home, href)
    assert target.is_file(), href
    h1 = BeautifulSoup(target.read_text(encoding="utf-8"), "lxml").select_one("article h1")
    assert h1 is not None
    assert text(h1) == title


def test_every_sidebar_link_on_every_page_exists(site: Site) -> None:
    missing = []
    for page in html_pages(site):
        soup = site.page(page.relative_to(site.out).as_posix())
        for a in soup.select("nav.bd-docs-nav a[href]"):
            target, _ = resolve(site, page, str(a["href"]))
            if not target.is_file():
                missing.append(f"{page.relative_to(site.out)} -> {a['href']}")
    assert missing == []


def test_sidebar_toggles_have_names(site: Site) -> None:
    """A <summary> that expands a sidebar section must say what it is (axe summary-name)."""
    unnamed = []
    for page in html_pages(site):
        soup = site.page(page.relative_to(site.out).as_posix())
        for summary in soup.select(".bd-sidebar-primary summary"):
            if not (text(summary) or summary.get("aria-label")):
                unnamed.append(str(page.relative_to(site.out)))
    assert unnamed == []


def test_no_internal_link_is_broken(site: Site) -> None:
    """Every href/src to a local file, in every page, exists; so does its #fragment."""
    broken: list[str] = []
    anchors: dict[Path, set[str]] = {}
    checked = 0
    for page in html_pages(site):
        soup = site.page(page.relative_to(site.out).as_posix())
        for name, attribute in LINK_ATTRIBUTES.items():
            for tag in soup.find_all(name, attrs={attribute: True}):
                url = str(tag[attribute])
                where = f"{page.relative_to(site.out)}: <{name} {attribute}={url!r}>"
                if url == "" and name != "a":
                    broken.append(f"{where} (empty)")
                    continue
                if is_external(url) or url in ("", "#"):
                    continue
                checked += 1
                target, fragment = resolve(site, page, url)
                if not target.is_file():
                    broken.append(where)
                elif fragment and target.suffix == ".html" and fragment not in ids(target, anchors):
                    broken.append(f"{where} (no #{fragment})")
    assert broken == []
    assert checked > 100  # the walk really looked at the pages


def test_every_page_footer_gives_the_contacts(site: Site) -> None:
    for page in html_pages(site):
        footer = site.page(page.relative_to(site.out).as_posix()).select_one(".bd-footer-content")
        assert footer is not None, page
        hrefs = {unquote(str(a["href"])) for a in footer.select("a[href]")}
        assert set(CONTACTS) <= hrefs, page


# --- Home -------------------------------------------------------------------------------------


def test_home_leads_to_each_edition_s_pages(site: Site) -> None:
    home = site.out / "index.html"
    page = site.page("index.html")
    out = site.out.resolve()
    for year in (2026, 2025):
        links = section(page, f"edition-{year}").select_one("p.edition-links")
        assert links is not None, year
        found = {text(a): resolve(site, home, str(a["href"]))[0] for a in links.select("a")}
        assert found == {
            "Call for papers": out / "cfp" / str(year) / "index.html",
            "Program": out / "program" / str(year) / "index.html",
            "Proceedings": out / "proceedings" / str(year) / "index.html",
        }


def summary(page: BeautifulSoup, year: int) -> dict[str, str]:
    fields = section(page, f"edition-{year}").select_one("dl.edition-summary")
    assert fields is not None, year
    return {
        text(name).rstrip(": "): text(body)
        for name, body in zip(fields.select("dt"), fields.select("dd"), strict=True)
    }


def test_home_says_when_and_where_each_edition_is(site: Site) -> None:
    page = site.page("index.html")
    first = summary(page, 2025)
    # The edition's own name, as ACM's proceedings title gives it.
    title = FACTS["workshop"]["proceedings_title"]
    assert first["Name"] == title.removeprefix("Proceedings of the ")
    assert FACTS["workshop"]["name"] in first["Name"]
    assert first["When"] == "Monday 1 December 2025 (times in HKT, UTC+8)"
    assert first["Where"] == "HKUST, Hong Kong, China"
    assert first["With"] == "CoNEXT 2025 (1–4 December 2025)"
    second = summary(page, 2026)
    assert second["Name"] == facts(2026)["workshop"]["name"]
    assert second["When"] == "date not known"
    assert second["Where"] == "Utrecht, the Netherlands"
    assert second["With"] == "CoNEXT 2026 (its dates not known)"
    # December 2026: closed, on its last submission deadline (not the camera-ready date).
    closes = facts(2026)["cfp"]["closes"]
    assert second["Call for papers"] == f"closed on {dates.day(closes)}"
    assert first["Call for papers"] == (
        f"closed on {dates.day(FACTS['cfp']['closes'])} (extended from 28 July 2025)"
    )
    assert first["Papers"] == "4" and second["Papers"] == "not known"
    # Held, or its day not known: from the data and the clock, never a promise.
    phases = [text(p) for p in page.select("p.edition-phase")]
    assert phases == [
        "INET4AI 2026 is held with CoNEXT 2026 in Utrecht, the Netherlands; its day is not known.",
        "INET4AI 2025 was held on Monday 1 December 2025 at HKUST, Hong Kong, China, with "
        "CoNEXT 2025.",
    ]
    # One current edition, on the home page as in every page's way between editions.
    titles = [text(h) for h in article(page).select("section > h2")]
    assert [t for t in titles if "current" in t] == ["INET4AI 2026, the current edition"]


def test_home_gives_irtf_connection_and_news(site: Site) -> None:
    page = site.page("index.html")
    lead = article(page).select_one("p.inet4ai-lead")
    assert lead is not None and "Internet Research Task Force (IRTF)" in text(lead)
    news_section = section(page, "news")
    terms, definitions = news_section.select("dl > dt"), news_section.select("dl > dd")
    news = {text(dt): text(dd) for dt, dd in zip(terms, definitions, strict=True)}
    assert "24 July 2025" in news
    assert "3 September 2025" in news["24 July 2025"]
    assert "1 October 2025" in news["24 July 2025"]
    assert "The 2025 call for papers was published" in news[dates.day(FACTS["cfp"]["announced"])]
    # Newest edition first; an item whose day is not known says so, not the workshop's day.
    assert next(iter(news)) == "Undated"
    assert "The call for papers of INET4AI 2026 was published" in news["Undated"]


def test_home_gives_an_open_call_s_dates_only(site: Site) -> None:
    """A closed call's dates are on its page; the home page gives those of an open call."""
    current = section(site.page("index.html"), "edition-2026")
    assert current.select_one("table.inet4ai-dates") is None
    assert "closed on 14 July 2026" in text(current)


# --- Call for papers --------------------------------------------------------------------------


def test_call_says_it_is_closed(site: Site) -> None:
    notice = article(site.page("cfp/2025/index.html")).select_one(".admonition")
    assert notice is not None
    title = notice.select_one(".admonition-title")
    assert title is not None and text(title) == "The call is closed"


def test_call_lists_all_19_areas(site: Site) -> None:
    areas = section(site.page("cfp/2025/index.html"), "areas-of-interest").select("ol > li")
    assert [text(li) for li in areas] == AREAS


def test_call_gives_the_submission_rules(site: Site) -> None:
    said = text(section(site.page("cfp/2025/index.html"), "submission"))
    assert "at most six (6) pages long, excluding references and appendices" in said
    assert "two-column 10pt ACM format" in said
    assert "the review process will be double-blind" in said
    assert "preserves the anonymity of the authors" in said


def test_closed_call_links_the_submission_portal_once(site: Site) -> None:
    submission = section(site.page("cfp/2025/index.html"), "submission")
    links = [str(a["href"]).rstrip("/") for a in submission.select("a[href]:not(.headerlink)")]
    assert links == [PORTAL]  # the call's own words; no button repeats it on a closed call
    assert submission.select("a.sd-btn") == []


def test_call_dates_show_original_and_extended(site: Site) -> None:
    dates = section(site.page("cfp/2025/index.html"), "important-dates")
    assert "Anywhere on Earth (AoE, UTC−12): a deadline holds" in text(dates)
    table = dates.select_one("table")
    assert table is not None
    rows = {}
    for row in table.select("tbody tr"):
        cells = row.select("td")
        struck = [text(d) for cell in cells for d in cell.select("s, del")]
        for d in row.select("s, del"):
            d.decompose()
        live = [t for cell in cells[1:] if (t := text(cell))]
        rows[text(cells[0])] = (struck, live)
    assert set(rows) == set(DATES)
    for milestone, (superseded, final) in DATES.items():
        struck, live = rows[milestone]
        assert struck == ([superseded] if superseded else []), milestone
        assert any(cell.startswith(final) for cell in live), milestone
        if superseded:
            assert all(superseded not in cell for cell in live), milestone


def test_call_gives_the_contact_addresses(site: Site) -> None:
    contact = section(site.page("cfp/2025/index.html"), "contact")
    assert {unquote(str(a["href"])) for a in contact.select("a[href^='mailto:']")} == set(CONTACTS)


# --- Organizers -------------------------------------------------------------------------------


def committee(site: Site, year: int, title: str) -> dict[str, str]:
    """An edition's chairs or committee on the organizers page: name -> what follows it."""
    part = site.page("organizers.html").select_one(f"#edition-{year}")
    assert part is not None, year
    rubric = next(r for r in part.select("p.rubric") if text(r) == title)
    members = rubric.find_next_sibling()
    assert isinstance(members, Tag) and members.name == "ul", (year, title)
    found = {}
    for li in members.select("li"):
        name = li.select_one("strong")
        assert name is not None
        found[text(name)] = text(li).removeprefix(text(name)).removeprefix(" , ")
    return found


def test_organizers_lists_the_chairs(site: Site) -> None:
    chairs = committee(site, 2025, "Chairs")
    assert {name: said.split(", ")[0] for name, said in chairs.items()} == CHAIRS


def test_organizers_lists_the_committee(site: Site) -> None:
    members = committee(site, 2025, "Program committee")
    assert members == COMMITTEE
    assert len(members) + len(CHAIRS) == 16


def test_organizers_of_2026_are_not_known(site: Site) -> None:
    said = text(site.page("organizers.html").select_one("#edition-2026") or Tag(name="x"))
    assert "The chairs of INET4AI 2026: not known." in said
    assert "The program committee of INET4AI 2026: not known." in said


# House style, checked on every page's prose (citations keep their formats: those in <pre>
# blocks, and the ACM reference).
US_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) \d{1,2}(?:\s*[-–]\s*\d{1,2})?, \d{4}\b"
)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
HYPHEN_RANGE = re.compile(r"\b\d{1,2}-\d{1,2} (?:January|February|March|April|May|June|July|"
                          r"August|September|October|November|December)\b")  # fmt: skip
NOT_YET = re.compile(r"\bnot (?:yet|available)\b|\byet (?:listed|known)\b|\bon this site yet\b")


def prose(page: BeautifulSoup) -> str:
    """The text a reader reads on a page: its article, less code blocks and the search box."""
    article = page.select_one("article") or page
    for block in article.select("pre, script, style, .headerlink, .cite-acm-text"):
        block.decompose()
    return " ".join(article.get_text(" ").split())


@pytest.fixture(scope="module")
def pages(site: Site) -> dict[str, BeautifulSoup]:
    return {name: site.page(name) for name in site_pages(site.out)}


def test_prose_dates_follow_one_house_style(pages: dict[str, BeautifulSoup]) -> None:
    found = {
        name: hits
        for name, page in pages.items()
        if (hits := [*US_DATE.findall(t := prose(page)), *ISO_DATE.findall(t),
                     *HYPHEN_RANGE.findall(t)])
    }  # fmt: skip
    assert found == {}


def test_nothing_is_said_to_come_later_after_the_event(
    site: Site, pages: dict[str, BeautifulSoup]
) -> None:
    said = {name: hits for name, page in pages.items() if (hits := NOT_YET.findall(prose(page)))}
    calendars = ["calendar.ics", "program/2025/program.ics", "cfp/2025/cfp-dates.ics",
                 "cfp/2026/cfp-dates.ics"]  # fmt: skip
    for name in calendars:
        if hits := NOT_YET.findall(site.file(name)):
            said[name] = hits
    assert said == {}


def test_prose_names_a_place_once(pages: dict[str, BeautifulSoup]) -> None:
    front = text(pages["proceedings/2025/index.html"].select_one(".proceedings-front-matter"))
    assert "1–4 December 2025, Hong Kong" in front
    assert [n for n, page in pages.items() if "Hong Kong, Hong Kong" in prose(page)] == []


def test_presenters_are_not_called_authors(pages: dict[str, BeautifulSoup]) -> None:
    """Two papers' author lists are not known: nothing may say their presenters wrote them."""
    claim = re.compile(r"presented by (?:one of )?(?:its|their) authors?", re.I)
    assert [n for n, page in pages.items() if claim.search(prose(page))] == []


def test_link_previews_describe_each_page_in_whole_sentences(
    pages: dict[str, BeautifulSoup],
) -> None:
    for name, page in pages.items():
        if name in ("search.html", "genindex.html"):
            continue
        og = page.select_one('meta[property="og:description"]')
        meta = page.select_one('meta[name="description"]')
        assert og is not None and meta is not None, name
        assert og["content"] == meta["content"], name
        described = str(og["content"])
        assert described.endswith((".", "…")), (name, described)
        assert "calendar" not in described.lower(), (name, described)
