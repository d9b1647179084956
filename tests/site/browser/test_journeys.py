"""Journeys through the built site in headless Chromium, the way readers use it (issue 6)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml
from bibtexparser.entrypoint import parse_string
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from tests.conftest import DATA, SERIES_DATA, facts
from tests.site.browser.axe import describe, run_axe
from tests.site.browser.conftest import PHONE, Served, Tab
from tests.site.pages import PAPER
from tests.site.test_citations_site import TABS
from tests.support import redirect_pages
from tools.proceedings.model import Paper

pytestmark = pytest.mark.browser

OpenTab = Callable[..., Tab]
SEARCH_RESULTS = "search.html?q=network"
CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")

# The 2025 call's dates (original and extended), as (year, month, day): all must be readable.
CFP_DATES = [
    (2025, 7, 28),
    (2025, 9, 3),
    (2025, 9, 12),
    (2025, 10, 1),
    (2025, 10, 8),
    (2025, 10, 16),
]
# The 2026 call's dates, from the edition's verified facts (none was extended, as far as known).
CFP_2026_DATES = [(d.year, d.month, d.day) for _, d, _ in facts(2026)["cfp"]["deadlines"]]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
# A distinctive phrase of each of the 2025 call's 19 areas of interest, in the call's order.
CFP_AREAS = [
    "evolution of AI systems",
    "Traffic characterization",
    "Collective communications",
    "Network protocol adaptations",
    "Domain-specific transport",
    "lossless transport",
    "model sparsification",
    "GPU-centric communications",
    "Parallelism for heterogeneous",
    "in-network processing",
    "disaggregation of AI",
    "Load balancing and routing",
    "KV-centric networking",
    "Federated learning",
    "Security and privacy",
    "Encryption methods",
    "among heterogeneous nodes",
    "Decentralized system designs",
    "Edge-core distribution",
]


def every_page(served: Served) -> list[str]:
    """Every generated page, and the search page showing results."""
    return [*served.pages(), SEARCH_RESULTS]


def load(tab: Tab, path: str) -> None:
    """Visit a page; for the search page, also wait for the results it fetches."""
    tab.visit(path, wait="networkidle" if path == SEARCH_RESULTS else "load")


def squash(text: str) -> str:
    """Case- and whitespace-insensitive form of a text, with any hyphen as '-'."""
    text = re.sub(r"[\u2010\u2011\u2012\u2013]", "-", text)
    return " ".join(text.split()).casefold()


def date_pattern(year: int, month: int, day: int) -> re.Pattern[str]:
    """A date as people write it: 'July 28, 2025', '28 July 2025', 'Jul 28', '2025-07-28'."""
    name = MONTHS[month - 1]
    mon = rf"(?:{name}|{name[:3]}\.?)"
    dd = rf"0?{day}(?:st|nd|rd|th)?"
    return re.compile(
        rf"\b{mon}\s+{dd}\b|\b{dd}\s+{mon}\b|\b{year}-{month:02d}-{day:02d}\b", re.IGNORECASE
    )


def article(page: Page) -> Locator:
    return page.locator("article").first


def heading(page: Page) -> str:
    """The page's h1 as shown, without the theme's permalink sign."""
    return str(
        page.locator("article h1")
        .first.evaluate(
            "h => [...h.childNodes]"
            ".filter(n => !(n.classList && n.classList.contains('headerlink')))"
            ".map(n => n.textContent).join('')"
        )
        .strip()
    )


def bib_entries(text: str) -> dict[str, dict[str, str]]:
    """Entries of a BibTeX text by key (fields without braces); fails on any unparsed block."""
    library = parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return {
        entry.key: {f.key.lower(): " ".join(str(f.value).replace("{", "").replace("}", "").split())
                    for f in entry.fields}
        for entry in library.entries
    }  # fmt: skip


def show_bibtex(page: Page) -> Locator:
    """The paper page's BibTeX block, brought into view (its part of the Cite section opens
    on demand)."""
    block = page.locator("details.cite-bibtex div.cite-text").first
    if not block.is_visible():
        page.locator("summary", has_text=re.compile(r"^\s*BibTeX\s*$")).first.click()
    expect(block).to_be_visible()
    return block


def open_paper_from_index(tab: Tab, paper: Paper) -> None:
    """Proceedings (every edition) -> the 2025 volume -> the paper's page, by their links."""
    tab.visit("proceedings/index.html")
    volume = article(tab.page).get_by_role("link", name=re.compile(r"^\s*INET4AI 2025\s*$"))
    expect(volume).to_have_count(1)
    tab.follow(volume, "proceedings/2025/index.html")
    link = article(tab.page).locator(f".proceedings-toc a[href$='papers/{paper.id}.html']")
    expect(link).to_have_count(1)
    expect(link).to_be_visible()
    tab.follow(link, PAPER.format(paper.id))
    assert heading(tab.page) == paper.title


# 1. Home -> Call for papers ----------------------------------------------------------------------


def _shows_the_call(tab: Tab, dates: list[tuple[int, int, int]], areas: list[str]) -> None:
    shown = article(tab.page).inner_text()  # rendered text only: nothing hidden or collapsed
    missing_dates = [d for d in dates if not date_pattern(*d).search(shown)]
    assert not missing_dates, f"dates not shown on the call (y, m, d): {missing_dates}"
    assert re.search(r"\bAoE\b|Anywhere on Earth", shown), "the dates' time zone (AoE) is not shown"
    missing_areas = [area for area in areas if squash(area) not in squash(shown)]
    assert not missing_areas, f"areas of interest not shown on the call: {missing_areas}"


@pytest.mark.parametrize(
    ("year", "dates", "areas"), [(2026, CFP_2026_DATES, []), (2025, CFP_DATES, CFP_AREAS)]
)
def test_home_leads_to_each_edition_s_call_with_dates_and_areas(
    open_tab: OpenTab, year: int, dates: list[tuple[int, int, int]], areas: list[str]
) -> None:
    """From the edition's part of the home page (the 2026 call has no list of areas)."""
    tab = open_tab()
    tab.visit("index.html")
    edition = article(tab.page).locator(f"section#edition-{year}")
    link = edition.get_by_role("link", name=re.compile(r"call for papers", re.IGNORECASE))
    expect(link).to_have_count(1)
    tab.follow(link, f"cfp/{year}/index.html")
    _shows_the_call(tab, dates, areas)


def test_the_calls_page_leads_to_every_edition_s_call(open_tab: OpenTab) -> None:
    tab = open_tab()
    tab.visit("index.html")
    calls = re.compile(r"calls? for papers", re.IGNORECASE)
    nav = tab.page.locator(".bd-docs-nav").get_by_role("link", name=calls)
    tab.follow(nav.filter(visible=True).first, "cfp/index.html")
    links = article(tab.page).locator("ul.edition-list a")
    assert links.all_inner_texts() == ["INET4AI 2026 (current)", "INET4AI 2025"]
    tab.follow(links.nth(1), "cfp/2025/index.html")
    _shows_the_call(tab, CFP_DATES, CFP_AREAS)
    tab.page.go_back()
    tab.page.wait_for_url(lambda url: urlsplit(url).path.endswith("/cfp/index.html"))
    tab.follow(article(tab.page).locator("ul.edition-list a").first, "cfp/2026/index.html")
    _shows_the_call(tab, CFP_2026_DATES, [])


# 2. Proceedings -> paper -> BibTeX ---------------------------------------------------------------


def test_paper_page_downloads_its_bibtex(open_tab: OpenTab, sample_paper: Paper) -> None:
    tab = open_tab()
    open_paper_from_index(tab, sample_paper)
    show_bibtex(tab.page)
    name = f"{sample_paper.id}.bib"
    link = tab.page.locator(f"a[href$='{name}']").filter(has_text=re.compile("download", re.I))
    expect(link.first).to_be_visible()
    try:
        with tab.page.expect_download(timeout=5_000) as started:
            link.first.click()
    except PlaywrightError:
        pytest.fail(
            f"clicking the 'Download' link for {name} saved no file (the browser showed "
            f"{tab.page.url} instead): the link needs the HTML 'download' attribute",
            pytrace=False,
        )
    download = started.value
    assert download.suggested_filename == name
    entries = bib_entries(Path(download.path()).read_text(encoding="utf-8"))
    assert len(entries) == 1, list(entries)
    (fields,) = entries.values()
    assert fields["title"] == heading(tab.page)
    if sample_paper.doi:
        assert fields["doi"] == sample_paper.doi
    for author in sample_paper.authors:
        assert author.family in fields["author"]


def test_copy_button_puts_the_bibtex_on_the_clipboard(
    open_tab: OpenTab, served: Served, sample_paper: Paper
) -> None:
    tab = open_tab(clipboard=True)
    open_paper_from_index(tab, sample_paper)
    block = show_bibtex(tab.page)
    block.hover()
    block.locator("button.copybtn").click()
    copied = str(tab.page.evaluate("navigator.clipboard.readText()"))
    bib = PAPER.format(sample_paper.id).removesuffix(".html") + ".bib"
    served_file = (served.site.out / bib).read_text(encoding="utf-8")
    assert bib_entries(copied) == bib_entries(served_file)


def test_the_acm_reference_is_text_copied_by_a_button_a_phone_shows(
    open_tab: OpenTab, sample_paper: Paper
) -> None:
    """On a touch screen (no hover) the copy button is shown; it copies the reference."""
    tab = open_tab(clipboard=True, viewport=PHONE, touch=True)
    tab.visit(PAPER.format(sample_paper.id))
    assert tab.page.evaluate("matchMedia('(hover: none)').matches")
    reference = tab.page.locator("section#cite p.cite-acm-text")
    expect(reference).to_be_visible()
    assert reference.evaluate("e => getComputedStyle(e).fontFamily") == tab.page.locator(
        "article p"
    ).first.evaluate("e => getComputedStyle(e).fontFamily")  # prose, not a code box
    button = tab.page.locator("section#cite .cite-acm button.copybtn")
    expect(button).to_be_visible()
    assert button.evaluate("e => getComputedStyle(e).opacity") == "1"
    button.click()
    copied = str(tab.page.evaluate("navigator.clipboard.readText()"))
    assert copied.strip() == reference.inner_text().strip()


def test_cite_formats_open_by_mouse_keyboard_and_old_links(
    open_tab: OpenTab, sample_paper: Paper
) -> None:
    """The ACM reference is shown; each file format opens on demand, by a click on its name or
    by the keyboard (a <summary> takes the focus and Enter); a link to a format's old tab
    (#sd-tab-item-1, published when the block had tabs) opens that format."""
    tab = open_tab()
    tab.visit(PAPER.format(sample_paper.id))
    cite = tab.page.locator("section#cite")
    expect(cite.locator("div.cite-acm p.cite-acm-text")).to_be_visible()
    parts = {name: cite.locator("details", has=tab.page.locator("summary", has_text=name))
             for name in TABS[1:]}  # fmt: skip
    for name, part in parts.items():
        expect(part, f"no part for {name!r}").to_have_count(1)
        expect(part.locator("div.cite-text pre")).to_be_hidden()
    parts[TABS[2]].locator("summary").click()
    expect(parts[TABS[2]].locator("div.cite-text pre")).to_be_visible()
    parts[TABS[3]].locator("summary").focus()
    tab.page.keyboard.press("Enter")
    expect(parts[TABS[3]].locator("div.cite-text pre")).to_be_visible()
    tab.visit("index.html")  # then the old link, as a reader follows it from elsewhere
    tab.visit(PAPER.format(sample_paper.id) + "#sd-tab-item-1")
    expect(parts[TABS[1]].locator("div.cite-text pre")).to_be_visible()


# 3. Search ---------------------------------------------------------------------------------------


def _title_word(paper: Paper) -> str:
    words: list[str] = re.findall(r"[^\W\d_]{5,}", paper.title)
    return max(words, key=len)


@pytest.mark.parametrize("by", ["title word", "family name", "DOI"])
def test_search_finds_the_paper(open_tab: OpenTab, sample_paper: Paper, by: str) -> None:
    words = {"title word": _title_word(sample_paper), "DOI": sample_paper.doi or ""}
    word = words.get(by) or sample_paper.authors[0].family
    tab = open_tab()
    tab.visit(f"search.html?q={quote(word)}")
    result = tab.page.locator(f"#search-results a[href*='papers/{sample_paper.id}.html']").first
    expect(result, f"searching {word!r} does not list {sample_paper.id}").to_be_visible(
        timeout=10_000
    )
    tab.follow(result, PAPER.format(sample_paper.id))  # the page itself, not its old address
    assert heading(tab.page) == sample_paper.title


@pytest.mark.parametrize(
    ("query", "page"),
    [("Sviridov", "proceedings/people.html"), ("MoE", "proceedings/2025/index.html")],
)
def test_search_finds_a_person_and_a_volume(open_tab: OpenTab, query: str, page: str) -> None:
    """A person by their name (the people index), a volume by a word of a paper's title."""
    tab = open_tab()
    tab.visit(f"search.html?q={quote(query)}")
    result = tab.page.locator(f"#search-results a[href$='{page}']").first
    expect(result, f"searching {query!r} does not list {page}").to_be_visible(timeout=10_000)


# 4. Program -> paper -> back to its slot ---------------------------------------------------------


def test_program_links_papers_and_back_to_their_slot(open_tab: OpenTab) -> None:
    tab = open_tab()
    tab.visit("program/index.html")  # the programs of every edition
    edition = article(tab.page).get_by_role("link", name=re.compile(r"^\s*INET4AI 2025\s*$"))
    expect(edition).to_have_count(1)
    tab.follow(edition, "program/2025/index.html")
    talks = article(tab.page).locator("a[href*='proceedings/2025/papers/']")
    assert talks.count() > 0, "the program page links no paper page (issue 5: talks by paper id)"
    href = str(talks.first.get_attribute("href"))
    paper_file = href.split("#")[0].rsplit("/", 1)[-1]
    tab.follow(talks.first, f"proceedings/2025/papers/{paper_file}")

    back = article(tab.page).locator("a[href*='program/2025/index.html#']")
    assert back.count() > 0, f"{paper_file} does not link back to its slot in the program"
    tab.follow(back.first, "program/2025/index.html")
    assert tab.fragment, "the link back to the program names no slot"
    slot = tab.page.locator(f"[id='{tab.fragment}']")
    expect(slot).to_be_in_viewport()
    assert slot.evaluate(
        """(slot, file) => {
            const talk = `a[href$='papers/${file}']`;
            const anchorOnly = slot.textContent.trim() === "";
            return slot.querySelector(talk) !== null
                || (anchorOnly && slot.parentElement.querySelector(talk) !== null);
        }""",
        paper_file,
    ), f"the slot #{tab.fragment} does not hold the talk of {paper_file}"


# 5. Phone ----------------------------------------------------------------------------------------

OVERFLOW_JS = """() => {
    const page = document.scrollingElement;
    const wide = [...document.body.querySelectorAll('*')]
        .filter(e => e.getBoundingClientRect().right > page.clientWidth + 1)
        .filter(e => getComputedStyle(e).position !== 'fixed')
        .slice(0, 3)
        .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className) : ''));
    return [page.scrollWidth, page.clientWidth, wide];
}"""


def test_phone_pages_do_not_scroll_sideways(open_tab: OpenTab, served: Served) -> None:
    tab = open_tab(viewport=PHONE)
    wide = []
    for path in every_page(served):
        load(tab, path)
        scroll_width, client_width, culprits = tab.page.evaluate(OVERFLOW_JS)
        if scroll_width > client_width:
            wide.append(f"{path}: {scroll_width}px > {client_width}px, e.g. {culprits}")
    assert not wide, "pages scroll sideways at 375px:\n" + "\n".join(wide)


def test_phone_navigation_opens_from_the_sidebar_toggle(open_tab: OpenTab) -> None:
    tab = open_tab(viewport=PHONE)
    tab.visit("index.html")
    nav_link = tab.page.locator(".bd-docs-nav").get_by_role(
        "link", name=re.compile(r"calls? for papers", re.IGNORECASE)
    )
    expect(nav_link).to_be_hidden()  # on a phone the navigation waits behind its toggle
    tab.page.locator(".primary-toggle").filter(visible=True).first.click()
    expect(
        nav_link, "the sidebar toggle does not open the navigation (pydata-sphinx-theme #2451)"
    ).to_be_visible(timeout=3_000)
    tab.follow(nav_link, "cfp/index.html")


# 6. Clean loading, offline -----------------------------------------------------------------------


def test_every_page_loads_cleanly_from_127_0_0_1_only(open_tab: OpenTab, served: Served) -> None:
    tab = open_tab()
    problems: list[str] = []
    for path in every_page(served):
        tab.visit(path, wait="networkidle")
        problems += [f"{path}: {p}" for p in tab.take_problems()]
        problems += [f"{path}: request left 127.0.0.1: {url}" for url in tab.external]
        tab.external.clear()
    assert not problems, "\n".join(problems)


# 7. Dark mode (and light) ------------------------------------------------------------------------


def test_theme_switcher_turns_the_site_dark(open_tab: OpenTab) -> None:
    tab = open_tab()
    tab.visit("index.html")
    assert tab.page.evaluate("document.documentElement.dataset.theme") == "light"
    tab.page.get_by_role("button", name=re.compile(r"colou?r mode|theme", re.IGNORECASE)).filter(
        visible=True
    ).first.click()
    tab.page.get_by_role("button", name="Dark", exact=True).filter(visible=True).first.click()
    assert tab.page.evaluate("document.documentElement.dataset.theme") == "dark"
    tab.visit("cfp/2026/index.html")  # the choice is kept across pages
    assert tab.page.evaluate("document.documentElement.dataset.theme") == "dark"


@pytest.mark.parametrize("mode", ["dark", "light"])
def test_every_page_is_legible(open_tab: OpenTab, served: Served, mode: str) -> None:
    """Text contrast of at least 4.5:1 (3:1 when large) everywhere, dark mode included."""
    tab = open_tab(dark=mode == "dark")
    problems: list[str] = []
    for path in every_page(served):
        load(tab, path)
        theme = tab.page.evaluate("document.documentElement.dataset.theme")
        if theme != mode:
            problems.append(f"{path}: data-theme is {theme!r}, not {mode!r}")
            continue
        tab.settle()
        for low in tab.page.evaluate(CONTRAST_JS):
            problems.append(
                f"{path}: {low['tag']}.{low['classes']} {low['text']!r}: contrast {low['ratio']} "
                f"< {low['needed']} ({low['color']} on {low['background']})"
            )
        if violations := run_axe(tab.page, rules=["color-contrast"]):
            problems.append(f"{path}: axe color-contrast\n{describe(violations)}")
    assert not problems, f"text hard to read in {mode} mode:\n" + "\n".join(problems)


# 8. Old addresses ---------------------------------------------------------------------------------
# The site of INET4AI 2025 became the site of the series: what moved (proceedings/data/moved.yaml)
# is reached at its old address, by a redirect page for a page, by the old page's fragment script
# for a part of a page. Both replace the old address in the history (Back is never a trap).

MOVED = yaml.safe_load((SERIES_DATA / "moved.yaml").read_text(encoding="utf-8"))
PUBLISHED_FRAGMENTS = DATA / "published-fragments.txt"
PUBLISHED_URLS = DATA / "published-urls.txt"


def published(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def moved_to(address: str) -> str:
    """Where an old address must end, from moved.yaml alone: its page's new address (the
    fragment kept), then the part's new page if the part moved."""
    page, _, fragment = address.partition("#")
    page = MOVED["moved"].get(page, page)
    new = f"{page}#{fragment}" if fragment else page
    return str(MOVED["fragments"].get(new, new))


def arrive(tab: Tab, old: str, new: str) -> None:
    """Open an old address as a reader does (a bookmark, a link from elsewhere: a new load,
    even of the page already shown) and wait until the browser has followed it to ``new``
    (path#fragment, from the site's root)."""
    if tab.page.url.split("#")[0] == tab.base + old.split("#")[0]:
        tab.page.goto("about:blank")  # else only the fragment would change, without a load
    tab.visit(old)
    tab.page.wait_for_url(tab.base + new, timeout=10_000)
    tab.page.wait_for_load_state()


def shows_part(tab: Tab, fragment: str) -> None:
    """The page has the part the address names, scrolled into view when it is shown."""
    part = tab.page.locator(f"[id='{fragment}']")
    expect(part, f"{tab.path} has no #{fragment}").to_have_count(1)
    if part.is_visible():  # an old tab's id (#sd-tab-item-N) is inside a closed <details>
        expect(part).to_be_in_viewport()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # a part of a landing page that moved to its edition's page, by the fragment script
        ("program/index.html#paper-scale-ccl", "program/2025/index.html#paper-scale-ccl"),
        ("cfp/index.html#important-dates", "cfp/2025/index.html#important-dates"),
        ("proceedings/index.html#papers", "proceedings/2025/index.html#papers"),
        # a moved page, by its redirect page, which keeps the fragment
        ("proceedings/authors.html#massimo-tornatore", "proceedings/people.html#massimo-tornatore"),
        ("proceedings/papers/scale-ccl.html", "proceedings/2025/papers/scale-ccl.html"),
        ("proceedings/papers/scale-ccl.html#cite", "proceedings/2025/papers/scale-ccl.html#cite"),
        # both: the redirect page, then the new page's fragment script
        ("proceedings/authors.html#author-index", "proceedings/people.html#people"),
        # a part renamed on the same page
        ("index.html#next-edition", "index.html#edition-2026"),
        ("organizers.html#technical-program-committee", "organizers.html#edition-2025"),
    ],
)
def test_an_old_address_leads_to_the_new_page_and_part(
    open_tab: OpenTab, old: str, new: str
) -> None:
    assert moved_to(old) == new  # the journey follows the data
    tab = open_tab()
    tab.visit("cfp/2026/index.html")
    arrive(tab, old, new)
    if "#" in new:
        shows_part(tab, urlsplit(new).fragment)
    else:
        expect(tab.page.locator("article h1")).to_be_in_viewport()  # the top of the new page
    assert tab.take_problems() == []
    # The old address is not left in the history: Back returns to the page before it.
    tab.page.go_back(wait_until="load")
    assert tab.path == "cfp/2026/index.html", f"Back from {new} went to {tab.page.url}"


def test_every_published_address_still_leads_to_its_part(open_tab: OpenTab) -> None:
    """Every page and part (#id) the site published before the series, in the browser."""
    tab = open_tab()
    addresses = published(PUBLISHED_FRAGMENTS)
    addresses += [u for u in published(PUBLISHED_URLS) if u.endswith(".html")]
    assert len(addresses) > 70
    wrong = []
    for old in addresses:
        new = moved_to(old)
        arrive(tab, old, new)
        if "#" in new:
            shows_part(tab, urlsplit(new).fragment)
        if problems := tab.take_problems():
            wrong.append(f"{old} -> {new}: {problems}")
    assert not wrong, "\n".join(wrong)


def test_a_moved_part_is_followed_when_the_address_changes_on_the_page(
    open_tab: OpenTab,
) -> None:
    """A same-page link to an old fragment (no new load) is followed too; an unknown one is
    left alone, as a missing part of any page is."""
    tab = open_tab()
    tab.visit("program/index.html")
    tab.page.evaluate("location.hash = 'no-such-part'")
    tab.page.wait_for_timeout(300)
    assert (tab.path, tab.fragment) == ("program/index.html", "no-such-part")
    tab.page.evaluate("location.hash = 'paper-scale-ccl'")
    tab.page.wait_for_url(tab.base + "program/2025/index.html#paper-scale-ccl")
    tab.page.wait_for_load_state()
    shows_part(tab, "paper-scale-ccl")


def test_redirect_pages_work_without_scripts(open_tab: OpenTab, served: Served) -> None:
    """A browser that runs no script follows the redirect page's refresh to the new page (the
    fragment is lost there: a refresh cannot carry it)."""
    redirects = redirect_pages(served.site.out)
    assert sorted(MOVED["moved"][r] for r in redirects) == sorted(
        MOVED["moved"][p] for p in MOVED["moved"] if p.endswith(".html")
    )
    tab = open_tab(scripts=False)
    for old in redirects:
        arrive(tab, old, MOVED["moved"][old])
        expect(article(tab.page).locator("h1")).to_be_visible()
    # With scripts off, Chromium refuses the theme's scripts itself, reported as a CSP failure.
    refused = re.compile(r"request failed: \S+\.js(?:\?\S*)? \(csp\)")
    assert [p for p in tab.take_problems() if not refused.fullmatch(p)] == []
