"""What the build does to stay fast on large volumes must not change what readers get: the
author index by letter, lists written straight to HTML (and expanded for other writers),
shared navigation and formatters, citation files re-rendered only where they changed."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from tools.proceedings.render.page.authors import OTHER, letter_label, letter_of

from tests.conftest import VOLUME_2025, Site, build, copy_site
from tests.proceedings.helpers import paper, write_data
from tools.proceedings.load import load
from tools.proceedings.paths import AUTHORS_DIR, PAPERS_DIR
from tools.proceedings.sphinx import speedups

NO_PROGRAM = {"program/index.md": "# Program\n\nExample site: no program.\n"}

REAL = load(VOLUME_2025).proceedings


def index_name(family: str, given: str, display: str) -> str:
    return f"{family}, {given}" if family and given else display


def link_targets(page: BeautifulSoup, page_path: str) -> list[str]:
    """The pages (paths from the site root) that the internal links of ``page`` point to."""
    base = posixpath.dirname(page_path)
    return [
        posixpath.normpath(posixpath.join(base, str(a["href"]).split("#")[0]))
        for a in page.select("article a.reference.internal[href]")
        if not str(a["href"]).startswith("#")
    ]


def test_small_author_index_stays_one_page(site: Site) -> None:
    assert not (site.out / AUTHORS_DIR).exists()
    entries = site.page("proceedings/authors.html").select("ul.author-index > li")
    assert len(entries) == len(REAL.authors())


def test_large_author_index_gets_a_page_a_letter(build_site: Callable[..., Site]) -> None:
    site = build_site(overrides={"proceedings_author_pages_from": 1})
    assert site.warnings == ""
    letters = sorted({letter_of(a) for a, _ in REAL.authors()}, key=lambda k: (k == OTHER, k))
    overview = site.page("proceedings/authors.html")
    assert [a.get_text() for a in overview.select("p.author-letters a")] == [
        letter_label(k) for k in letters
    ]
    seen: list[tuple[str, list[str]]] = []
    for letter in letters:
        path = f"{AUTHORS_DIR}/{letter}.html"
        page = site.page(path)
        assert page.h1 is not None and page.h1.get_text().startswith(
            f"Author index: {letter_label(letter)}"
        )
        for item in page.select("ul.author-index > li"):
            name = item.strong.get_text() if item.strong else ""
            titles = [a.get_text() for a in item.select("a")]
            seen.append((name, titles))
        for target in link_targets(page, path):
            assert (site.out / target).is_file(), (path, target)
    expected = [
        (index_name(a.family, a.given, a.display_name), [p.title for p in papers])
        for a, papers in REAL.authors()
    ]
    assert seen == expected  # everyone once, in index order, with every paper
    # The letter pages are generated like the paper pages, and removed when not needed.
    assert sorted(p.name for p in (site.src / AUTHORS_DIR).iterdir()) == sorted(
        f"{k}.generated" for k in letters
    )
    smaller = build_site()  # the same site with the default threshold: one page again
    assert smaller.warnings == ""
    assert not list((smaller.src / AUTHORS_DIR).glob("*.generated"))
    assert not (smaller.out / AUTHORS_DIR).exists()
    assert len(smaller.page("proceedings/authors.html").select("ul.author-index > li")) == len(
        expected
    )


def test_contents_written_straight_to_html_is_escaped(
    tmp_path: Path, build_site: Callable[..., Site]
) -> None:
    hostile = '<img src=x onerror=alert(1)> & "quotes" {raw}`html`'
    papers = [
        paper("p-1", hostile, authors=[{"given": "<b>Bo</b>", "family": "Ö'Brien & Co"}]),
        paper("p-2", "Plain title", status="withdrawn", notice="Withdrawn by the authors."),
    ]
    site = build_site(data=write_data(tmp_path / "data", papers), files=NO_PROGRAM)
    index = site.page("proceedings/index.html")
    items = index.select("ol.proceedings-toc > li")
    assert [i.a.get_text() for i in items if i.a] == [hostile, "Plain title"]
    assert items[0].select_one("p.proceedings-toc-authors").get_text() == "<b>Bo</b> Ö'Brien & Co"
    assert items[1].select_one("span.sd-badge").get_text() == "Withdrawn"
    assert not index.select("ol.proceedings-toc img, ol.proceedings-toc b")
    authors = site.page("proceedings/authors.html")
    entries = {
        li.strong.get_text(): [a.get_text() for a in li.select("a")]
        for li in authors.select("ul.author-index > li")
        if li.strong
    }
    assert entries == {"Example, Ada": ["Plain title"], "Ö'Brien & Co, <b>Bo</b>": [hostile]}
    assert not authors.select("ul.author-index img, ul.author-index b")


def test_other_writers_get_the_lists_as_ordinary_nodes(tmp_path: Path) -> None:
    src = copy_site(tmp_path / "src")
    site = build(src, tmp_path / "text", buildername="text")
    assert site.warnings == ""
    contents = site.file("proceedings/index.txt")
    authors = site.file("proceedings/authors.txt")
    # The text writer wraps lines (also after a hyphen): compare without whitespace.
    flat = "".join(contents.split())
    for p in REAL.papers:
        assert "".join(p.title.split()) in flat, p.id
    for author, _ in REAL.authors():
        line = index_name(author.family, author.given, author.display_name)
        assert "".join(line.split()) in "".join(authors.split()), line


def test_shared_navigation_and_formatters_change_no_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same site built with both shortcuts turned off: every page must be byte-identical.
    fast = build(copy_site(tmp_path / "a" / "src"), tmp_path / "a" / "html")
    monkeypatch.setattr(speedups, "share_toctree", lambda *args: None)
    monkeypatch.setattr(speedups, "share_formatters", lambda bridge: None)
    plain = build(copy_site(tmp_path / "b" / "src"), tmp_path / "b" / "html")
    pages = sorted(p.relative_to(fast.out) for p in fast.out.rglob("*.html"))
    assert pages == sorted(p.relative_to(plain.out) for p in plain.out.rglob("*.html"))
    assert any(str(p).startswith(PAPERS_DIR) for p in pages)
    for page in pages:
        assert (fast.out / page).read_bytes() == (plain.out / page).read_bytes(), page


def test_citation_files_of_unchanged_papers_are_not_rewritten(
    tmp_path: Path, build_site: Callable[..., Site]
) -> None:
    papers = [paper(f"p-{i}", f"Paper number {i}") for i in range(4)]
    data = write_data(tmp_path / "data", papers)
    first = build_site(data=data, files=NO_PROGRAM)
    folder = first.out / PAPERS_DIR
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
    volume = second.file("proceedings/volume.bib")
    assert "A changed title" in volume and "A new paper" in volume
    assert "Paper number 0" not in volume
