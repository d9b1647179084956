"""The "Cite" block on built paper pages, and the citation files offered beside them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import Site
from tests.volumes import (
    acm_reference_in_facts,
    build_complete_site,
    citation_files,
    real_2025,
    volume_files,
    write_complete,
)

from .pages import PAPER as PAGE

VOLUME = "proceedings/2025/"  # the volume's page and citation files (volume.bib, .ris, .json)
PAPERS = VOLUME + "papers/"  # each paper's page and citation files
TABS = ["ACM Reference Format", "BibTeX", "RIS", "CSL-JSON"]
DOWNLOADS = {"BibTeX": ".bib", "RIS": ".ris", "CSL-JSON": ".json"}


@pytest.fixture(scope="module")
def complete_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_complete_site(tmp_path_factory.mktemp("complete-site"))


def cite_tabs(page: BeautifulSoup) -> dict[str, Tag]:
    """Label -> its part of the Cite section: the ACM reference, shown, then each file format
    in a <details> of its own, its <summary> first (as HTML requires) and the label."""
    section = page.select_one("section#cite")
    assert section is not None
    acm = section.select_one("div.cite-acm")
    assert acm is not None and acm.select_one("p.rubric") is not None
    panels: dict[str, Tag] = {acm.select_one("p.rubric").get_text(strip=True): acm}
    for part in section.select("details.cite-format"):
        summary = part.find(True)
        assert summary is not None and summary.name == "summary", part
        assert not part.has_attr("open")  # closed until a reader opens it
        panels[summary.get_text(strip=True)] = part
    return panels


def code(panel: Tag) -> str:
    """A part's text: the ACM reference as text, each file's as a plain block (sphinx-copybutton
    adds a button to both: copybutton_selector)."""
    if "cite-acm" in panel.get("class", []):
        text = panel.select_one("p.cite-acm-text")
        assert text is not None
        return text.get_text()
    block = panel.select_one("div.cite-text pre")
    assert block is not None
    return block.get_text()


def test_acm_reference_on_the_page_matches_the_paper_word_for_word(site: Site) -> None:
    panels = cite_tabs(site.page(PAGE.format("moe-load-balancing")))
    assert list(panels) == TABS
    assert code(panels["ACM Reference Format"]).strip() == acm_reference_in_facts()


@pytest.mark.parametrize("paper_id", ["traffic-inversion", "nano-cluster"])
def test_a_reference_without_authors_is_ready_to_paste_and_says_so_beside_it(
    site: Site, paper_id: str
) -> None:
    """What ACM's style prints for a paper whose author list is not known (the year first),
    with no placeholder a reader would paste; that the list is missing is said above it, out
    of the block the copy button copies."""
    panel = cite_tabs(site.page(PAGE.format(paper_id)))["ACM Reference Format"]
    reference = code(panel)
    assert reference.startswith("2025. ") and "not known" not in reference
    notes = [p.get_text(" ", strip=True) for p in panel.select("p.cite-note")]
    assert notes == [
        "The author list is not known, so this reference starts with the year, as ACM's "
        "BibTeX style prints it."
    ]
    assert panel.select_one("p.cite-acm-text .cite-note") is None
    moe = cite_tabs(site.page(PAGE.format("moe-load-balancing")))["ACM Reference Format"]
    assert moe.select("p.cite-note") == []


@pytest.mark.parametrize("paper_id", ["traffic-inversion", "moe-load-balancing", "scale-ccl"])
def test_each_tab_shows_the_file_it_offers(site: Site, paper_id: str) -> None:
    panels = cite_tabs(site.page(PAGE.format(paper_id)))
    for label, suffix in DOWNLOADS.items():
        links = panels[label].select("a.cite-download")
        assert len(links) == 1, label
        assert links[0]["href"] == f"{paper_id}{suffix}"
        assert links[0]["download"] == f"{paper_id}{suffix}"
        served = site.file(f"{PAPERS}{paper_id}{suffix}")
        assert code(panels[label]) == served, label
    # The ACM reference's one link is its DOI's.
    links = [str(a["href"]) for a in panels["ACM Reference Format"].select("a")]
    assert links == [f"https://doi.org/{real_2025().paper(paper_id).doi}"]


def test_each_part_keeps_the_fragments_its_tab_had(site: Site) -> None:
    """The Cite block had a tab a format until December 2026: a link to a tab (#sd-tab-item-1)
    or its panel (-content) leads to that format's part."""
    panels = cite_tabs(site.page(PAGE.format("scale-ccl")))
    for i, label in enumerate(TABS):
        for fragment in (f"sd-tab-item-{i}", f"sd-tab-item-{i}-content"):
            assert panels[label].select_one(f"#{fragment}") is not None, (label, fragment)


def test_served_files_are_the_rendered_ones(site: Site) -> None:
    proceedings = real_2025()  # read with the series, as the build reads it
    papers = citation_files(proceedings)
    volume = volume_files(proceedings)
    assert len(papers) == 3 * len(proceedings.published) and len(volume) == 3
    for name, text in papers.items():
        assert site.file(PAPERS + name) == text, name
        # and at the address published before the series' site, the same bytes
        assert site.file(f"proceedings/papers/{name}") == text, name
    for name, text in volume.items():
        assert site.file(VOLUME + name) == text, name
        assert site.file(f"proceedings/{name}") == text, name


def test_withdrawn_paper_page_offers_no_citation(complete_site: Site) -> None:
    page = complete_site.page(PAGE.format("gone"))
    assert page.select_one("section#cite") is None
    papers = complete_site.out / PAPERS
    assert sorted(p.name for p in papers.glob("gone.*")) == ["gone.html"]
    volume = json.loads(complete_site.file(VOLUME + "volume.json"))
    assert [item["id"] for item in volume] == ["testcite25-scale-gpu", "testcite25-specials"]


def test_hard_text_stays_text_in_every_tab(complete_site: Site) -> None:
    panels = cite_tabs(complete_site.page(PAGE.format("specials")))
    assert "Q&A on 100% of $5 #1 a_b {x} ~ ^ \\ costs: what?!" in code(
        panels["ACM Reference Format"]
    )
    assert r"{Q{\&}A} on 100{\%}" in code(panels["BibTeX"])
    assert "TI  - Q&A on 100% of $5 #1 a_b {x} ~ ^ \\ costs: what?!\n" in code(panels["RIS"])
    item = json.loads(code(panels["CSL-JSON"]))[0]
    assert item["author"][0] == {"literal": "The INET Consortium"}
    for panel in panels.values():
        assert panel.select("script, b, i") == []


def test_a_paper_withdrawn_later_loses_its_files(tmp_path: Path) -> None:
    site = build_complete_site(tmp_path)
    papers = site.out / PAPERS
    assert (papers / "specials.ris").is_file()
    data = write_complete(tmp_path / "data")
    text = (data / "papers.yaml").read_text(encoding="utf-8")
    text = text.replace("    abstract: Short.\n", "    abstract: Short.\n    status: retracted\n"
                        "    notice: Retracted for a duplicate publication.\n")  # fmt: skip
    (data / "papers.yaml").write_text(text, encoding="utf-8")
    site = build_complete_site(tmp_path, data=data)
    assert sorted(p.name for p in papers.glob("specials.*")) == ["specials.html"]
    assert "specials" not in site.file(VOLUME + "volume.ris")
