"""Paper pages' <head> for Google Scholar, Zotero and link previews; robots.txt; the sitemap."""

from __future__ import annotations

import json
import struct
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import Site
from tests.support import redirect_pages, site_pages
from tests.volumes import build_complete_site, real_2025
from tools.proceedings.model import Author, Paper, Status, Volume
from tools.proceedings.render.citation.head import (
    description,
    excerpt,
    json_ld_script,
    meta_html,
    meta_names,
    robots_txt,
    scholar_date,
)

from .pages import PAPER as PAGE

BASE = "https://irtf-net4ai.github.io/inet4ai/"
OLD_PAGE = "proceedings/papers/{}.html"  # the paper pages' address before the series' site
REAL_IDS = ["traffic-inversion", "moe-load-balancing", "scale-ccl", "nano-cluster"]
COMPLETE_IDS = ["scale-gpu", "specials", "gone"]
# Google Scholar's order; an author's institutions follow the author.
ORDER = [
    "citation_title", "citation_author", "citation_publication_date",
    "citation_conference_title", "citation_doi", "citation_firstpage", "citation_lastpage",
    "citation_publisher", "citation_isbn", "citation_pdf_url",
]  # fmt: skip
PROCEEDINGS = "Proceedings of the 1st Workshop on Inter-networking challenges for AI"


@pytest.fixture(scope="module")
def complete_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_complete_site(tmp_path_factory.mktemp("complete-head"))


def head(page: BeautifulSoup) -> Tag:
    found = page.head
    assert found is not None
    return found


def highwire(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [
        (str(m["name"]), str(m.get("content", "")))
        for m in head(page).select("meta[name^='citation_']")
    ]


def metas(page: BeautifulSoup, key: str) -> list[str]:
    """Contents of every <meta> named (or with the OpenGraph property) ``key``."""
    found = head(page).select(f"meta[name='{key}'], meta[property='{key}']")
    return [str(m.get("content", "")) for m in found]


def json_ld(page: BeautifulSoup) -> list[dict[str, object]]:
    scripts = head(page).select("script[type='application/ld+json']")
    return [json.loads(s.get_text()) for s in scripts]


def assert_scholar_order(tags: list[tuple[str, str]]) -> None:
    names = [n for n, _ in tags]
    ranks = [ORDER.index("citation_author" if n.endswith("_institution") else n) for n in names]
    assert ranks == sorted(ranks), names
    for i, name in enumerate(names):
        if name == "citation_author_institution":
            assert names[i - 1] in ("citation_author", "citation_author_institution"), names
    assert names.count("citation_title") == 1


# Pure functions --------------------------------------------------------------------------------


def test_scholar_dates_are_full_or_a_year_alone() -> None:
    assert scholar_date((2025, 11, 30)) == "2025/11/30"
    assert scholar_date((2025, 12)) == "2025"
    assert scholar_date((2025,)) == "2025"


def test_excerpt_cuts_at_a_word() -> None:
    text = "word " * 100
    cut = excerpt(text, 30)
    assert cut == "word word word word word word…"
    assert excerpt("short $x^2$ text") == "short x^2 text"
    assert excerpt("a " * 20, 10) == "a a a a a…"
    assert excerpt("abc defgh", 8) == "abc…"


def test_description_without_abstract_is_a_factual_sentence() -> None:
    volume = Volume(title="Proceedings of W", short_title="W '25", year=2025)
    one = Paper(id="a", title="T", authors=(Author("Ada", "Lovelace"),))
    assert description(one, volume) == "Paper in Proceedings of W (W '25) by Ada Lovelace."
    many = Paper(id="b", title="T", authors=tuple(Author(g, "X") for g in "ABCD"))
    assert description(many, volume) == "Paper in Proceedings of W (W '25) by A X et al."
    gone = Paper(id="c", title="T", status=Status.WITHDRAWN, notice="n", abstract="Secret.")
    assert description(gone, volume) == "Paper withdrawn from Proceedings of W (W '25)."


def test_json_ld_cannot_close_its_script() -> None:
    script = json_ld_script({"name": "</script><script>alert(1)</script> & <!--"})
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>\n")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {"name": "</script><script>alert(1)</script> & <!--"}


def test_meta_values_are_escaped() -> None:
    html = meta_html([("citation_title", 'A "quoted" <b>&</b> title')])
    tag = BeautifulSoup(html, "lxml").find("meta")
    assert isinstance(tag, Tag)
    assert tag["content"] == 'A "quoted" <b>&</b> title'
    assert meta_names(html) == {"citation_title"}


def test_robots_names_the_sitemap() -> None:
    assert robots_txt(BASE + "sitemap.xml") == (
        f"User-agent: *\nDisallow:\n\nSitemap: {BASE}sitemap.xml\n"
    )
    assert robots_txt(None) == "User-agent: *\nDisallow:\n"


# The real site ---------------------------------------------------------------------------------


def test_paper_two_head_carries_scholar_tags_in_order(site: Site) -> None:
    tags = highwire(site.page(PAGE.format("moe-load-balancing")))
    authors = ["Miriyala, Venkata Pavan Kumar", "Sviridov, German", "Chen, Bingxu", "Javaid, Haris"]
    expected = [("citation_title", "Latency-Optimal Load Balancing for Distributed MoE Inference")]
    for name in authors:
        expected += [("citation_author", name), ("citation_author_institution", "AMD, Singapore")]
    expected += [
        ("citation_publication_date", "2025/11/30"),
        ("citation_conference_title", PROCEEDINGS),
        ("citation_doi", "10.1145/3769695.3771675"),
        ("citation_publisher", "ACM"),
    ]
    assert tags == expected


@pytest.mark.parametrize("paper_id", REAL_IDS)
def test_no_empty_tag_and_no_duplicate_preview_tags(site: Site, paper_id: str) -> None:
    page = site.page(PAGE.format(paper_id))
    ours = "meta[name^='citation_'], meta[name='description'], meta[property^='og:'], "
    for meta in head(page).select(ours + "meta[name^='twitter:']"):
        assert str(meta.get("content", "")).strip(), meta
    assert_scholar_order(highwire(page))
    for key in ("description", "og:title", "og:description", "og:type", "og:url", "twitter:card"):
        assert len(metas(page, key)) == 1, key
    assert metas(page, "og:type") == ["article"]
    assert metas(page, "twitter:card") == ["summary"]
    assert metas(page, "og:description") == metas(page, "description")
    canonical = head(page).select("link[rel='canonical']")
    assert [c["href"] for c in canonical] == [BASE + PAGE.format(paper_id)]
    assert metas(page, "og:url") == [BASE + PAGE.format(paper_id)]


def test_unknown_authors_and_dates_are_left_out_not_guessed(site: Site) -> None:
    page = site.page(PAGE.format("traffic-inversion"))
    tags = dict(highwire(page))
    assert "citation_author" not in tags
    assert tags["citation_publication_date"] == "2025"  # no published day known: the year alone
    assert "citation_pdf_url" not in tags and "citation_isbn" not in tags
    assert metas(page, "description") == [f"Paper in {PROCEEDINGS} (INET4AI '25)."]
    many = site.page(PAGE.format("scale-ccl"))
    assert "citation_author_institution" not in dict(highwire(many))
    assert [v for n, v in highwire(many) if n == "citation_author"][8] == "Ibrahimi, Mëmëdhe"
    assert metas(many, "description") == [
        f"Paper in {PROCEEDINGS} (INET4AI '25) by Jiaheng Xiong et al."
    ]


def test_json_ld_describes_the_article_in_the_proceedings(site: Site) -> None:
    (data,) = json_ld(site.page(PAGE.format("moe-load-balancing")))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ScholarlyArticle"
    assert data["url"] == data["@id"] == BASE + PAGE.format("moe-load-balancing")
    assert data["name"] == "Latency-Optimal Load Balancing for Distributed MoE Inference"
    assert data["datePublished"] == "2025-11-30"
    authors = data["author"]
    assert isinstance(authors, list) and len(authors) == 4
    assert authors[0] == {
        "@type": "Person",
        "name": "Venkata Pavan Kumar Miriyala",
        "givenName": "Venkata Pavan Kumar",
        "familyName": "Miriyala",
        "affiliation": [{"@type": "Organization", "name": "AMD, Singapore"}],
    }
    assert data["isPartOf"] == {
        "@type": "Book",
        "name": PROCEEDINGS,
        "alternateName": "INET4AI '25",
        "publisher": {"@type": "Organization", "name": "ACM"},
        "datePublished": "2025",  # the volume: only its year is known
    }
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "DOI",
        "value": "10.1145/3769695.3771675",
        "url": "https://doi.org/10.1145/3769695.3771675",
    }
    assert data["sameAs"] == "https://doi.org/10.1145/3769695.3771675"


def test_robots_txt_and_sitemap_list_every_paper(site: Site) -> None:
    assert site.file("robots.txt") == f"User-agent: *\nDisallow:\n\nSitemap: {BASE}sitemap.xml\n"
    root = ET.fromstring(site.file("sitemap.xml"))
    locs = {e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {BASE + PAGE.format(pid) for pid in REAL_IDS} <= locs
    assert [p.id for p in real_2025().papers] == REAL_IDS
    # Every page of the site, and no redirect page (each says noindex: not a page to list).
    assert locs == {
        BASE + name for name in site_pages(site.out) if name not in ("search.html", "404.html")
    }
    assert not {BASE + name for name in redirect_pages(site.out)} & locs


@pytest.mark.parametrize("paper_id", REAL_IDS)
def test_a_paper_s_old_address_is_no_second_record(site: Site, paper_id: str) -> None:
    """The redirect page at a paper's old address: no citation tags (Google Scholar would index
    the paper twice), not to be indexed, and its canonical address is the paper's page."""
    old = OLD_PAGE.format(paper_id)
    assert old in redirect_pages(site.out)
    page = site.page(old)
    assert highwire(page) == [] and json_ld(page) == []
    assert metas(page, "robots") == ["noindex"]
    assert metas(page, "description") == metas(page, "og:title") == []
    (canonical,) = head(page).select("link[rel='canonical']")
    assert urljoin(BASE + old, str(canonical["href"])) == BASE + PAGE.format(paper_id)


# The fabricated complete volume ----------------------------------------------------------------


def test_complete_head_has_every_tag_in_order(complete_site: Site) -> None:
    tags = highwire(complete_site.page(PAGE.format("scale-gpu")))
    assert_scholar_order(tags)
    assert tags[:5] == [
        ("citation_title", "SCALE-CCL: GPU Collectives for MoE over the Wide-Area Network"),
        ("citation_author", "Ibrahimi, Mëmëdhe"),
        ("citation_author_institution", "Politecnico di Milano"),
        ("citation_author_institution", "Huawei Technologies"),
        ("citation_author", "Di Cicco, Nicola"),
    ]
    assert tags[-9:] == [
        ("citation_author", "Núñez-Łukasiewicz, José Ñ."),
        ("citation_publication_date", "2025/11/30"),
        (
            "citation_conference_title",
            "Proceedings of the 1st Workshop on Testing Citations for AI",
        ),
        ("citation_doi", "10.5555/1234567.0001"),
        ("citation_firstpage", "1"),
        ("citation_lastpage", "6"),
        ("citation_publisher", "ACM"),
        ("citation_isbn", "978-1-4503-1234-9"),
        ("citation_pdf_url", "https://example.org/papers/scale-gpu.pdf"),
    ]
    assert ("citation_author", "van der Berg, Zoë") in tags


def test_complete_preview_text_is_the_abstract_and_stays_text(complete_site: Site) -> None:
    page = complete_site.page(PAGE.format("scale-gpu"))
    expected = (
        'We move tensors of size O(n^2) across <continents> & oceans, at 100% "utilization". '
        "A second paragraph, with </script> in it."
    )
    assert metas(page, "description") == [expected]
    assert metas(page, "og:description") == [expected]
    (data,) = json_ld(page)
    assert data["encoding"] == {
        "@type": "MediaObject",
        "contentUrl": "https://example.org/papers/scale-gpu.pdf",
        "encodingFormat": "application/pdf",
    }
    assert (data["pageStart"], data["pageEnd"]) == ("1", "6")
    assert data["author"][0]["sameAs"] == "https://orcid.org/0000-0002-1825-0097"  # type: ignore[index]
    raw = complete_site.file(PAGE.format("scale-gpu"))
    ld = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "</" not in ld and "<" not in ld


def test_withdrawn_paper_has_no_citation_metadata(complete_site: Site) -> None:
    page = complete_site.page(PAGE.format("gone"))
    assert highwire(page) == []
    assert json_ld(page) == []
    assert metas(page, "description") == [
        "Paper withdrawn from Proceedings of the 1st Workshop on Testing Citations for AI "
        "(TESTCITE '25) by Wanda Drawn."
    ]
    assert metas(page, "og:type") == ["article"]


def test_every_page_has_the_link_preview_image(site: Site) -> None:
    """conf.py's preview_image: an absolute address, a 1200x630 PNG the build copies."""
    image = site.out / "_static" / "preview.png"
    data = image.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)
    for name in site_pages(site.out):
        if name == "search.html":
            continue  # no content: no preview at all
        tag = site.page(name).select_one('meta[property="og:image"]')
        assert tag is not None and tag["content"] == BASE + "_static/preview.png", name
