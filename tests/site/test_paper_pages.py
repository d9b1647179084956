"""The generated proceedings pages, built by Sphinx and read as HTML."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import bibtexparser
import pytest

from tests.conftest import Site
from tests.proceedings.helpers import paper, write_data
from tests.support import is_redirect
from tests.volumes import real_2025
from tools.proceedings.render.page.stubs import OWNED_SUFFIXES
from tools.proceedings.sphinx import DataBuildError

from .pages import NO_PROGRAM, PAPER, text

REAL_IDS = ["traffic-inversion", "moe-load-balancing", "scale-ccl", "nano-cluster"]
VOLUME = "proceedings/2025/"  # the 2025 volume's page and citation files
PAPERS = VOLUME + "papers/"
PEOPLE = "proceedings/people.html"


def test_every_real_paper_has_its_page(site: Site) -> None:
    for pid in REAL_IDS:
        assert not is_redirect(site.out / PAPER.format(pid)), pid
        page = site.page(PAPER.format(pid))
        assert page.select_one("h1") is not None
    moe = site.page(PAPER.format("moe-load-balancing"))
    assert text(moe.select_one("h1")).startswith("Latency-Optimal Load Balancing")
    names = [text(li.select_one("strong")) for li in moe.select("ul.paper-authors > li")]
    assert names == [
        "Venkata Pavan Kumar Miriyala",
        "German Sviridov",
        "Bingxu Chen",
        "Haris Javaid",
    ]
    assert all("AMD, Singapore" in text(li) for li in moe.select("ul.paper-authors > li"))
    assert moe.select_one('a[href="https://doi.org/10.1145/3769695.3771675"]') is not None


# The theme's page table of contents: the secondary sidebar, its toggle, the printed one.
PAGE_TOC = ("#pst-page-toc-nav", "button.secondary-toggle", "#jb-print-toc nav")


def test_a_paper_page_has_no_table_of_contents_and_a_call_page_keeps_it(site: Site) -> None:
    """A paper has two sections (its Cite link is beside the title): no "On this page"."""
    for pid in REAL_IDS:
        page = site.page(PAPER.format(pid))
        assert page.select("section#abstract") and page.select("section#cite"), pid
        assert [s for s in PAGE_TOC if page.select(s)] == [], pid
    call = site.page("cfp/2025/index.html")
    assert [s for s in PAGE_TOC if not call.select(s)] == []


def test_unknown_authors_and_abstract_are_said_not_invented(site: Site) -> None:
    page = site.page(PAPER.format("traffic-inversion"))
    missing = [text(p) for p in page.select("p.missing")]
    assert "The author list is not known; see the DOI record." in missing
    assert "The abstract is not known; see the DOI record." in missing
    assert not any("yet" in m for m in missing)  # the event is over: nothing is "not yet"
    assert page.select("ul.paper-authors") == []
    assert page.select_one('p.missing a[href="https://doi.org/10.1145/3769695.3771674"]')


def test_previous_and_next_follow_the_data_order(site: Site) -> None:
    page = site.page(PAPER.format("moe-load-balancing"))
    hrefs = [str(a["href"]) for a in page.select("p.paper-nav a")]
    assert hrefs == ["traffic-inversion.html", "../index.html", "scale-ccl.html"]
    # "All papers" is the volume of the paper's own edition, not the series' landing page.
    targets = [urljoin(PAPER.format("moe-load-balancing"), href) for href in hrefs]
    assert targets == [PAPER.format("traffic-inversion"), VOLUME + "index.html",
                       PAPER.format("scale-ccl")]  # fmt: skip


def test_search_finds_papers_by_their_facts_not_their_citation_formats(site: Site) -> None:
    """The Cite tabs repeat the facts four times in formats whose words ('inproceedings',
    'booktitle', 'ER') would match every paper, and the line to the previous and next papers
    gives their titles: both stay out of the search index."""
    raw = site.file("searchindex.js")
    index = json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])
    papers = [i for i, doc in enumerate(index["docnames"]) if "/papers/" in doc]
    assert papers
    for word in ("inproceed", "booktitl", "next"):  # as Sphinx's stemmer stores them
        assert not set(papers) & set(_docs(index["terms"].get(word))), word
    # "Inversion" is in one paper's title: its page matches it, its neighbour's does not.
    inversion = index["docnames"].index("proceedings/2025/papers/traffic-inversion")
    assert _docs(index["titleterms"].get("invers")) == [inversion]
    assert not set(papers) & set(_docs(index["terms"].get("invers")))
    scale = index["docnames"].index("proceedings/2025/papers/scale-ccl")
    assert scale in _docs(index["terms"].get("doi"))  # the Facts, indexed as before
    assert scale in _docs(index["titleterms"].get("scale"))  # its title


def _docs(entry: int | list[int] | None) -> list[int]:
    return [] if entry is None else [entry] if isinstance(entry, int) else entry


def test_index_lists_every_paper_in_order_and_the_people_index(site: Site) -> None:
    index = site.page(VOLUME + "index.html")
    links = [a["href"] for a in index.select(".proceedings-toc a")]
    assert links == [f"papers/{pid}.html" for pid in REAL_IDS]
    assert "10.1145/3769695" in text(index)
    assert [a["href"] for a in index.select("article a[href$='people.html']")] == ["../people.html"]
    people = site.page(PEOPLE)
    entries = {
        text(li.select_one("strong")): li for li in people.select("ul.people-index > li[id]")
    }
    names = list(entries)
    assert names == sorted(names, key=str.casefold)
    # Every author of a 2025 paper, once, with the paper as a role linking to its page.
    authors: dict[str, list[str]] = {}
    for p in real_2025().published:
        for author in p.authors:
            authors.setdefault(f"{author.family}, {author.given}", []).append(p.id)
    assert len(authors) == 15
    assert "Ibrahimi, Mëmëdhe" in authors
    for name, ids in authors.items():
        assert name in entries, f"{name} is not in the people index"
        roles = {
            str(a["href"]): text(a)
            for a in entries[name].select("a")
            if text(a).startswith(("2025 author: ", "2025 author and "))
        }
        assert sorted(roles) == sorted(f"2025/papers/{pid}.html" for pid in ids), name
    # An author who presented the paper too has one link to it, the title once.
    sviridov = [text(a) for a in entries["Sviridov, German"].select("a")]
    title = "Latency-Optimal Load Balancing for Distributed MoE Inference"
    assert sviridov == [f"2025 author and presenter: {title}"]


def test_downloads_parse_back(site: Site) -> None:
    volume = bibtexparser.parse_string(site.file(VOLUME + "volume.bib"))
    assert volume.failed_blocks == []
    assert len(volume.entries) == 4
    one = bibtexparser.parse_string(site.file(PAPERS + "scale-ccl.bib"))
    assert len(one.entries) == 1
    assert "SCALE-CCL" in one.entries[0]["title"]
    # The files published at the old addresses are the same bytes (proceedings/data/moved.yaml).
    assert site.file("proceedings/volume.bib") == site.file(VOLUME + "volume.bib")
    assert site.file("proceedings/papers/scale-ccl.bib") == site.file(PAPERS + "scale-ccl.bib")


def test_hostile_text_stays_text(tmp_path: Path, build_site: Callable[..., Site]) -> None:
    hostile = [
        "<script>alert(1)</script>",
        "```{raw} html\n<b>raw</b>\n```",
        "{raw}`html <i>x</i>`",
        ":::{note}\nfenced\n:::",
        ".. raw:: html\n\n   <u>rst</u>",
        "{{ 7 * 7 }} {% if true %}jinja{% endif %}",
        "[link](javascript:alert(1)) <img src=x onerror=alert(1)>",
    ]
    papers = [
        paper(f"h{i}", "Title " + h.replace("\n", " "), abstract=h) for i, h in enumerate(hostile)
    ]
    site = build_site(data=write_data(tmp_path / "data", papers), files=NO_PROGRAM)
    for i, h in enumerate(hostile):
        page = site.page(PAPER.format(f"h{i}"))
        assert text(page.select_one("h1")).startswith("Title " + " ".join(h.split())[:10])
        body = page.select_one("article")
        assert body is not None
        assert body.select("script, img, b, i, u, iframe") == []
        scripts = page.select("script:not([type='application/ld+json'])")
        assert not [s for s in scripts if "alert" in s.get_text()]
        assert all(
            "<" not in s.get_text() for s in page.select("script[type='application/ld+json']")
        )
        assert not [e for e in page.select("[onerror]")]
        assert not any(a.get("href", "").startswith("javascript") for a in page.select("a"))
        assert " ".join(h.split()) in text(page.select_one("#abstract"))


def test_withdrawn_paper_keeps_its_page_without_citation(
    tmp_path: Path, build_site: Callable[..., Site]
) -> None:
    papers = [
        paper("a", "Kept"),
        paper("b", "Gone", status="retracted", notice="Retracted for duplicate publication."),
    ]
    site = build_site(data=write_data(tmp_path / "data", papers), files=NO_PROGRAM)
    page = site.page(PAPER.format("b"))
    assert "Retracted for duplicate publication." in text(page.select_one(".admonition"))
    assert page.select_one("#cite") is None
    assert not (site.out / PAPERS / "b.bib").exists()
    assert "Retracted" in text(site.page(VOLUME + "index.html").select_one(".proceedings-toc"))
    assert len(bibtexparser.parse_string(site.file(VOLUME + "volume.bib")).entries) == 1


def test_rebuild_follows_the_data(tmp_path: Path, build_site: Callable[..., Site]) -> None:
    data = write_data(tmp_path / "data", [paper("a", "Alpha"), paper("b", "Beta")])
    build_site(data=data, files=NO_PROGRAM)
    write_data(data, [paper("a", "Alpha renamed")])
    site = build_site(data=data)
    assert text(site.page(PAPER.format("a")).select_one("h1")) == "Alpha renamed"
    assert "Alpha renamed" in text(site.page(VOLUME + "index.html"))
    assert not (site.out / PAPER.format("b")).exists()
    assert not (site.out / PAPERS / "b.bib").exists()
    assert (site.src / PAPERS / f"a{OWNED_SUFFIXES[0]}").is_file()  # the generated page source
    for suffix in OWNED_SUFFIXES:
        assert not (site.src / PAPERS / f"b{suffix}").exists(), suffix


def test_bad_data_fails_the_build_naming_the_problem(
    tmp_path: Path, build_site: Callable[..., Site]
) -> None:
    data = write_data(tmp_path / "data", [paper("a", "A", doi="nope")])
    with pytest.raises(
        DataBuildError, match=r"papers.yaml:\d+ /papers/0 \[doi\]: DOI 'nope' is not a DOI"
    ):
        build_site(data=data, files=NO_PROGRAM)
    assert not (tmp_path / "src" / PAPERS).exists()
