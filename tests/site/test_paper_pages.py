"""The generated proceedings pages, built by Sphinx and read as HTML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import bibtexparser
import pytest

from tests.conftest import Site
from tests.proceedings.helpers import paper, write_data

REAL_IDS = ["traffic-inversion", "moe-load-balancing", "scale-ccl", "nano-cluster"]
PAPER = "proceedings/papers/{}.html"
# A program page that refers to no paper, for builds from fabricated data.
NO_PROGRAM = {"program/index.md": "# Program\n\nExample site: no program.\n"}


def text(node: object) -> str:
    return " ".join(str(getattr(node, "get_text")()).split())  # noqa: B009


def test_every_real_paper_has_its_page(site: Site) -> None:
    for pid in REAL_IDS:
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
    hrefs = [a["href"] for a in page.select("p.paper-nav a")]
    assert hrefs == ["traffic-inversion.html", "../index.html", "scale-ccl.html"]


def test_index_lists_every_paper_in_order_and_the_author_index(site: Site) -> None:
    index = site.page("proceedings/index.html")
    links = [a["href"] for a in index.select(".proceedings-toc a")]
    assert links == [f"papers/{pid}.html" for pid in REAL_IDS]
    assert "10.1145/3769695" in text(index)
    authors = site.page("proceedings/authors.html")
    entries = [text(li) for li in authors.select(".author-index > li")]
    assert len(entries) == 15
    assert any(e.startswith("Ibrahimi, Mëmëdhe") for e in entries)
    assert entries == sorted(entries, key=lambda e: e.casefold())


def test_downloads_parse_back(site: Site) -> None:
    volume = bibtexparser.parse_string(site.file("proceedings/volume.bib"))
    assert volume.failed_blocks == []
    assert len(volume.entries) == 4
    one = bibtexparser.parse_string(site.file("proceedings/papers/scale-ccl.bib"))
    assert len(one.entries) == 1
    assert "SCALE-CCL" in one.entries[0]["title"]


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
    assert not (site.out / "proceedings/papers/b.bib").exists()
    assert "Retracted" in text(site.page("proceedings/index.html").select_one(".proceedings-toc"))
    assert len(bibtexparser.parse_string(site.file("proceedings/volume.bib")).entries) == 1


def test_rebuild_follows_the_data(tmp_path: Path, build_site: Callable[..., Site]) -> None:
    data = write_data(tmp_path / "data", [paper("a", "Alpha"), paper("b", "Beta")])
    build_site(data=data, files=NO_PROGRAM)
    write_data(data, [paper("a", "Alpha renamed")])
    site = build_site(data=data)
    assert text(site.page(PAPER.format("a")).select_one("h1")) == "Alpha renamed"
    assert "Alpha renamed" in text(site.page("proceedings/index.html"))
    assert not (site.out / "proceedings/papers/b.html").exists()
    assert not (site.out / "proceedings/papers/b.bib").exists()
    assert not (site.src / "proceedings/papers/b.md").exists()


def test_bad_data_fails_the_build_naming_the_problem(
    tmp_path: Path, build_site: Callable[..., Site]
) -> None:
    data = write_data(tmp_path / "data", [paper("a", "A", doi="nope")])
    with pytest.raises(
        Exception, match=r"papers.yaml:\d+ /papers/0 \[doi\]: DOI 'nope' is not a DOI"
    ):
        build_site(data=data, files=NO_PROGRAM)
    assert not (tmp_path / "src/proceedings/papers").exists()
