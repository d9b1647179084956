"""The long lists (the contents, the people index) and the Cite block as readers and other
writers get them, and the citation files written only where they changed."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from tests.conftest import ROOT, SERIES_DATA, VOLUME_2025, Site, build, copy_site
from tests.proceedings.helpers import paper, write_data
from tools.proceedings.load import load, load_series
from tools.proceedings.model import Author, normalize_name
from tools.proceedings.paths import PEOPLE_INDEX, papers_dir, volume_dir

from .test_site_fuzz import FABRICATED

REAL = load(VOLUME_2025).proceedings
SERIES = load_series(SERIES_DATA).series
PEOPLE = f"{PEOPLE_INDEX}.html"
PAPERS = papers_dir(2025)
# A person's entry: (anchor, name, [(link text, address from the site's root)]).
Entry = tuple[str, str, list[tuple[str, str]]]


def index_name(family: str, given: str, display: str) -> str:
    return f"{family}, {given}" if family and given else display


def organizers() -> list[Author]:
    """The chairs and committees of every edition, as the data gives them."""
    return [
        member.person
        for edition in SERIES.editions
        for members in (edition.chairs, edition.committee)
        for member in members or ()
    ]


ORGANIZER_NAMES = {index_name(a.family, a.given, a.display_name) for a in organizers()}


def named() -> set[str]:
    """Everyone the real site names, each once (names compared as the index does): the data's
    authors and organizers, and the presenters and speakers written in the program pages."""
    names = {a.display_name for a, _ in REAL.authors()} | {a.display_name for a in organizers()}
    for program in sorted((ROOT / "program").glob("*/index.md")):
        text = program.read_text(encoding="utf-8")
        names |= set(re.findall(r"^:(?:presenter|speaker): (.+?)\s*$", text, re.M))
    return {normalize_name(name) for name in names}


def address(page_path: str, href: str) -> str:
    """A link's target from the site's root, its #fragment kept."""
    target, _, fragment = href.partition("#")
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), target))
    return f"{path}#{fragment}" if fragment else path


def entries(page: BeautifulSoup, page_path: str) -> list[Entry]:
    """The people index's entries on a page, in order, links made independent of the page."""
    out = []
    for item in page.select("article ul.people-index > li"):
        assert isinstance(item.strong, Tag), item
        links = [(a.get_text(), address(page_path, str(a["href"]))) for a in item.select("a")]
        out.append((str(item["id"]), item.strong.get_text(), links))
    return out


def link_targets(page: BeautifulSoup, page_path: str) -> list[str]:
    """The pages (paths from the site root) that the internal links of ``page`` point to."""
    return [
        address(page_path, str(a["href"])).partition("#")[0]
        for a in page.select("article a.reference.internal[href]")
        if not str(a["href"]).startswith("#")
    ]


def check_authors(listed: list[Entry]) -> None:
    """Every author of the real volume is listed once, with each of their papers, in order,
    linked to its page."""
    for author, papers in REAL.authors():
        name = index_name(author.family, author.given, author.display_name)
        (links,) = [links for _, shown, links in listed if shown == name]
        # "2025 author: T", or "2025 author and presenter: T": the title once.
        authored = [
            (label.partition(": ")[2], target)
            for label, target in links
            if label.startswith(("2025 author: ", "2025 author and "))
        ]
        assert authored == [(p.title, f"{PAPERS}/{p.id}.html") for p in papers], name


def test_the_people_index_lists_everyone_once(site: Site) -> None:
    listed = entries(site.page(PEOPLE), PEOPLE)
    # Everyone once: the data's authors and organizers, the programs' presenters and speakers.
    assert len(listed) == len({anchor for anchor, _, _ in listed}) == len(named())
    assert {name for _, name, _ in listed} >= ORGANIZER_NAMES
    check_authors(listed)
    for target in link_targets(site.page(PEOPLE), PEOPLE):
        assert (site.out / target).is_file(), target


def test_contents_and_people_index_are_escaped(
    tmp_path: Path, build_site: Callable[..., Site]
) -> None:
    hostile = '<img src=x onerror=alert(1)> & "quotes" {raw}`html`'
    papers = [
        paper("p-1", hostile, authors=[{"given": "<b>Bo</b>", "family": "Ö'Brien & Co"}]),
        paper("p-2", "Plain title", status="withdrawn", notice="Withdrawn by the authors."),
    ]
    site = build_site(data=write_data(tmp_path / "data", papers), files=FABRICATED)
    index = site.page(f"{volume_dir(2025)}/index.html")
    items = index.select("ol.proceedings-toc > li")
    assert [i.a.get_text() for i in items if i.a] == [hostile, "Plain title"]
    assert items[0].select_one("p.proceedings-toc-authors").get_text() == "<b>Bo</b> Ö'Brien & Co"
    assert items[1].select_one("span.sd-badge").get_text() == "Withdrawn"
    assert not index.select("ol.proceedings-toc img, ol.proceedings-toc b")
    people = site.page(PEOPLE)
    listed = {name: [text for text, _ in links] for _, name, links in entries(people, PEOPLE)}
    authors = {name: links for name, links in listed.items() if name not in ORGANIZER_NAMES}
    assert authors == {
        "Example, Ada": ["2025 author: Plain title"],
        "Ö'Brien & Co, <b>Bo</b>": [f"2025 author: {hostile}"],
    }
    assert set(listed) - set(authors) == ORGANIZER_NAMES  # the series' own, as on every site
    assert not people.select("ul.people-index img, ul.people-index b")


def test_other_writers_get_the_lists_and_the_cite_block(tmp_path: Path) -> None:
    src = copy_site(tmp_path / "src")
    site = build(src, tmp_path / "text", buildername="text")
    assert site.warnings == ""
    contents = site.file(f"{volume_dir(2025)}/index.txt")
    people = site.file(f"{PEOPLE_INDEX}.txt")
    # The text writer wraps lines (also after a hyphen): compare without whitespace.
    flat = "".join(contents.split())
    for p in REAL.papers:
        assert "".join(p.title.split()) in flat, p.id
    # The way between editions is the HTML theme's (page chrome, like the sidebar): not here.
    assert "Othereditions" not in flat
    flat_people = "".join(people.split())
    for author in [*(a for a, _ in REAL.authors()), *organizers()]:
        line = index_name(author.family, author.given, author.display_name)
        assert "".join(line.split()) in flat_people, line
    for author, papers in REAL.authors():
        for p in papers:
            assert "".join(f"2025 author: {p.title}".split()) in flat_people, (author, p.id)
    # The Cite block: each format's label, text and download, in their order; this
    # paper's author list is not known, which a note says before its ACM reference.
    cited = REAL.papers[0]
    assert not cited.authors
    page = site.file(f"{PAPERS}/{cited.id}.txt")
    flat_page = "".join(page.split())
    order = [
        "ACMReferenceFormat", "Theauthorlistisnotknown,sothisreferencestartswiththeyear",
        "2025." + "".join(cited.title.split()),
        "BibTeX", f"@inproceedings{{inet4ai25-{cited.id},",
        "DownloadBibTeX(.bib)", "RIS", "TY-CONF", "DownloadRIS(.ris)", "CSL-JSON",
        f'"id":"inet4ai25-{cited.id}"', "DownloadCSL-JSON(.json)",
    ]  # fmt: skip
    at = [0]
    for bit in order:  # each after the one before
        at.append(flat_page.find(bit, at[-1]))
    assert -1 not in at, dict(zip(order, at[1:], strict=True))


def test_citation_files_of_unchanged_papers_are_not_rewritten(
    tmp_path: Path, build_site: Callable[..., Site]
) -> None:
    papers = [paper(f"p-{i}", f"Paper number {i}") for i in range(4)]
    data = write_data(tmp_path / "data", papers)
    first = build_site(data=data, files=FABRICATED)
    folder = first.out / PAPERS
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.suffix != ".html"}
    for name in before:
        os.utime(folder / name, ns=(1_000_000_000, 1_000_000_000))
    papers[2]["title"] = "A changed title"
    papers.append(paper("p-new", "A new paper"))
    del papers[0]
    second = build_site(data=write_data(data, papers))
    after = {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.suffix != ".html"}
    touched = sorted(n for n, t in after.items() if t != 1_000_000_000)
    assert touched == sorted(
        f"{pid}{s}" for pid in ("p-2", "p-new") for s in (".bib", ".json", ".ris")
    )
    assert not any(n.startswith("p-0.") for n in after)  # a removed paper's files go
    assert "A changed title" in (folder / "p-2.bib").read_text(encoding="utf-8")
    volume = second.file(f"{volume_dir(2025)}/volume.bib")
    assert "A changed title" in volume and "A new paper" in volume
    assert "Paper number 0" not in volume
    assert second.file("proceedings/volume.bib") == volume  # at its old address too
