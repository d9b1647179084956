"""Journeys through the built site in headless Chromium, the way readers use it (issue 6)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from bibtexparser.entrypoint import parse_string
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from tests.site.browser.axe import describe, run_axe
from tests.site.browser.conftest import PHONE, Served, Tab
from tests.site.test_citations_site import TABS
from tools.proceedings.model import Paper

pytestmark = pytest.mark.browser

OpenTab = Callable[..., Tab]
SEARCH_RESULTS = "search.html?q=network"
CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")

# The call's dates (original and extended), as (year, month, day): all must be readable.
CFP_DATES = [
    (2025, 7, 28),
    (2025, 9, 3),
    (2025, 9, 12),
    (2025, 10, 1),
    (2025, 10, 8),
    (2025, 10, 16),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
# A distinctive phrase of each of the call's 19 areas of interest, in the call's order.
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
    """The paper page's BibTeX block, brought into view (the Cite section may use tabs)."""
    block = page.locator("div.highlight-bibtex").first
    if not block.is_visible():
        page.locator("label", has_text=re.compile(r"^\s*BibTeX\s*$")).first.click()
    expect(block).to_be_visible()
    return block


def open_paper_from_index(tab: Tab, paper: Paper) -> None:
    """Proceedings index -> the paper's page, by its link in the list of papers."""
    tab.visit("proceedings/index.html")
    link = article(tab.page).locator(f"a[href$='papers/{paper.id}.html']").first
    expect(link).to_be_visible()
    tab.follow(link, f"proceedings/papers/{paper.id}.html")
    assert heading(tab.page) == paper.title


# 1. Home -> Call for papers ----------------------------------------------------------------------


def test_home_leads_to_the_call_with_dates_and_areas(open_tab: OpenTab) -> None:
    tab = open_tab()
    tab.visit("index.html")
    link = tab.page.get_by_role("link", name=re.compile(r"call for papers", re.IGNORECASE))
    tab.follow(link.filter(visible=True).first, "cfp/index.html")

    shown = article(tab.page).inner_text()  # rendered text only: nothing hidden or collapsed
    missing_dates = [d for d in CFP_DATES if not date_pattern(*d).search(shown)]
    assert not missing_dates, f"dates not shown on the call (y, m, d): {missing_dates}"
    assert re.search(r"\bAoE\b|Anywhere on Earth", shown), "the dates' time zone (AoE) is not shown"
    missing_areas = [area for area in CFP_AREAS if squash(area) not in squash(shown)]
    assert not missing_areas, f"areas of interest not shown on the call: {missing_areas}"


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
    served_file = (served.site.out / "proceedings/papers" / f"{sample_paper.id}.bib").read_text(
        encoding="utf-8"
    )
    assert bib_entries(copied) == bib_entries(served_file)


def test_cite_tabs_work_by_mouse_and_keyboard(open_tab: OpenTab, sample_paper: Paper) -> None:
    """Each format is a radio named by its label, controlling its panel (aria-controls)."""
    tab = open_tab()
    tab.visit(f"proceedings/papers/{sample_paper.id}.html")
    cite = tab.page.locator("section#cite")
    radios = {name: cite.get_by_role("radio", name=name, exact=True) for name in TABS}
    panels = {}
    for name, radio in radios.items():
        expect(radio, f"no radio named {name!r} in the Cite tabs").to_have_count(1)
        controls = radio.get_attribute("aria-controls")
        assert controls, f"the {name!r} radio names no panel in aria-controls"
        panels[name] = tab.page.locator(f"[id='{controls}']")
        expect(panels[name]).to_have_count(1)

    def shown(name: str) -> None:
        expect(radios[name]).to_be_checked()
        for other, panel in panels.items():
            if other == name:
                expect(panel).to_be_visible()
            else:
                expect(panel).to_be_hidden()

    shown(TABS[0])
    cite.locator(
        "label.sd-tab-label", has_text=re.compile(rf"^\s*{re.escape(TABS[2])}\s*$")
    ).click()
    shown(TABS[2])
    radios[TABS[2]].focus()
    tab.page.keyboard.press("ArrowRight")
    shown(TABS[3])
    expect(radios[TABS[3]]).to_be_focused()
    tab.page.keyboard.press("ArrowLeft")
    shown(TABS[2])


# 3. Search ---------------------------------------------------------------------------------------


def _title_word(paper: Paper) -> str:
    words: list[str] = re.findall(r"[^\W\d_]{5,}", paper.title)
    return max(words, key=len)


@pytest.mark.parametrize("by", ["title word", "family name"])
def test_search_finds_the_paper(open_tab: OpenTab, sample_paper: Paper, by: str) -> None:
    word = _title_word(sample_paper) if by == "title word" else sample_paper.authors[0].family
    tab = open_tab()
    tab.visit(f"search.html?q={quote(word)}")
    result = tab.page.locator(f"#search-results a[href$='papers/{sample_paper.id}.html']").first
    expect(result, f"searching {word!r} does not list {sample_paper.id}").to_be_visible(
        timeout=10_000
    )
    tab.follow(result, f"proceedings/papers/{sample_paper.id}.html")
    assert heading(tab.page) == sample_paper.title


# 4. Program -> paper -> back to its slot ---------------------------------------------------------


def test_program_links_papers_and_back_to_their_slot(open_tab: OpenTab) -> None:
    tab = open_tab()
    tab.visit("program/index.html")
    talks = article(tab.page).locator("a[href*='proceedings/papers/']")
    assert talks.count() > 0, "the program page links no paper page (issue 5: talks by paper id)"
    href = str(talks.first.get_attribute("href"))
    paper_file = href.split("#")[0].rsplit("/", 1)[-1]
    tab.follow(talks.first, f"proceedings/papers/{paper_file}")

    back = article(tab.page).locator("a[href*='program/index.html#']")
    assert back.count() > 0, f"{paper_file} does not link back to its slot in the program"
    tab.follow(back.first, "program/index.html")
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
        "link", name=re.compile(r"call for papers", re.IGNORECASE)
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
    tab.visit("cfp/index.html")  # the choice is kept across pages
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
