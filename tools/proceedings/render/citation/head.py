"""What a paper page's <head> carries for Google Scholar, Zotero and link previews."""

from __future__ import annotations

import json
from html import escape
from html.parser import HTMLParser
from typing import Any

from ...model import Author, Paper, Volume
from .acm import names_in_prose
from .record import Facts

DESCRIPTION_LENGTH = 200  # what link previews show before they cut


def scholar_date(parts: tuple[int, ...]) -> str:
    """Google Scholar's form: '2025/11/30' for a full date, else the year alone (its rule:
    'full dates in the 2010/5/12 format if available; or a year alone otherwise')."""
    if len(parts) == 3:
        return f"{parts[0]:04d}/{parts[1]:02d}/{parts[2]:02d}"
    return f"{parts[0]:04d}"


def highwire_tags(f: Facts, *, pdf_url: str | None) -> list[tuple[str, str]]:
    """Highwire Press tags in Scholar's order; each author is followed by their institutions.
    A tag whose value is not known is left out, never written empty."""
    tags: list[tuple[str, str | None]] = [("citation_title", f.title)]
    for author in f.authors:
        # 'Family, Given': the form Scholar and Zotero never split wrongly ('Di Cicco, Nicola').
        tags.append(("citation_author", author.sort_name))
        tags += [("citation_author_institution", a) for a in author.affiliations]
    tags += [
        ("citation_publication_date", scholar_date(f.issued)),
        ("citation_conference_title", f.container_title),
        ("citation_doi", f.doi),
        ("citation_firstpage", f.first_page),
        ("citation_lastpage", f.last_page if f.last_page != f.first_page else None),
        ("citation_publisher", f.publisher),
        ("citation_isbn", f.isbn),
        ("citation_pdf_url", pdf_url),
    ]
    return [(name, " ".join(value.split())) for name, value in tags if value and value.strip()]


def meta_html(tags: list[tuple[str, str]], *, attribute: str = "name") -> str:
    return "".join(
        f'<meta {attribute}="{escape(name, quote=True)}" content="{escape(value, quote=True)}" />\n'
        for name, value in tags
    )


def _iso(parts: tuple[int, ...]) -> str:
    return "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))


def _organization(name: str) -> dict[str, str]:
    return {"@type": "Organization", "name": name}


def _known(**values: Any) -> dict[str, Any]:
    """The values that are known: JSON-LD leaves out what it cannot say, never writes it empty."""
    return {key: value for key, value in values.items() if value}


def _person(author: Author) -> dict[str, Any]:
    return {
        "@type": "Person",
        "name": author.display_name,
        **_known(
            givenName=author.given,
            familyName=author.family,
            affiliation=[_organization(a) for a in author.affiliations],
            sameAs=author.orcid_url,
        ),
    }


def _proceedings(f: Facts) -> dict[str, Any]:
    return {
        "@type": "Book",
        "name": f.container_title,
        **_known(
            alternateName=f.series,
            isbn=f.isbn,
            publisher=_organization(f.publisher) if f.publisher else None,
        ),
        "datePublished": _iso(f.volume_issued),
    }


def json_ld(f: Facts, *, page_url: str | None, pdf_url: str | None) -> dict[str, Any]:
    """schema.org ScholarlyArticle, part of the proceedings (a Book), the DOI as identifier."""
    doi = {"@type": "PropertyValue", "propertyID": "DOI", "value": f.doi, "url": f.doi_url}
    pdf = {"@type": "MediaObject", "contentUrl": pdf_url, "encodingFormat": "application/pdf"}
    return {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "name": f.title,
        "headline": f.title,
        "datePublished": _iso(f.issued),
        "isPartOf": _proceedings(f),
        **_known(**{"@id": page_url}, url=page_url),
        **_known(
            author=[_person(a) for a in f.authors],
            publisher=_organization(f.publisher) if f.publisher else None,
            identifier=doi if f.doi else None,
            sameAs=f.doi_url,
            pageStart=f.first_page,
            pageEnd=f.last_page if f.last_page != f.first_page else None,
            abstract=f.abstract,
            keywords=list(f.keywords),
            encoding=pdf if pdf_url else None,
        ),
    }


def json_ld_script(data: dict[str, Any]) -> str:
    """A <script> element; '<', '>' and '&' are JSON escapes, so no value can close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>\n'


def excerpt(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """The first ``limit`` characters, cut at a word, with an ellipsis when cut."""
    text = " ".join(text.replace("$", "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace():  # the cut fell inside a word: leave the word out
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def description(paper: Paper, volume: Volume) -> str:
    """The abstract's start, or a factual sentence when the abstract is not known."""
    if paper.is_published and paper.abstract:
        return excerpt(" ".join(paper.paragraphs))
    where = f"{volume.title} ({volume.short_title})"
    lead = "Paper in" if paper.is_published else f"Paper {paper.status.value} from"
    names = [a.display_name for a in paper.authors]
    by = ""
    if len(names) > 3:
        by = f" by {names[0]} et al."
    elif names:
        by = f" by {names_in_prose(names)}"
    return excerpt(f"{lead} {where}{by}".rstrip(".") + ".")


class _MetaNames(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = dict(attrs)
            self.names.add(values.get("name") or values.get("property") or "")


def meta_names(html: str) -> set[str]:
    """Names (or OpenGraph properties) of the <meta> tags in an HTML fragment."""
    parser = _MetaNames()
    parser.feed(html)
    parser.close()
    return parser.names - {""}


def robots_txt(sitemap_url: str | None) -> str:
    """Everything may be crawled; the sitemap lists every page, paper pages included."""
    lines = ["User-agent: *", "Disallow:"]
    if sitemap_url:
        lines += ["", f"Sitemap: {sitemap_url}"]
    return "\n".join(lines) + "\n"
