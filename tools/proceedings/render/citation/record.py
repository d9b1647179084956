"""The citation record every format is built from: one paper as plain Unicode text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ...model import Author, Paper, Volume
from ..dates import acm_range

# Punctuation around a word that is not part of it: '(MoE),' protects 'MoE'.
EDGE_PUNCT = "\"'()[],.;:?!"


def citation_key(paper: Paper, volume: Volume) -> str:
    """'inet4ai25-scale-ccl': made only of what is fixed once the volume is published, so keys
    never change; ids are unique and ASCII, so keys are too."""
    return f"{volume.key_prefix}-{paper.id}"


def needs_protection(word: str) -> bool:
    """Acronyms and mixed case (MoE, GPUs, SCALE-CCL, INET4AI, 5G): a capital after the
    first letter of a word or of a hyphenated part. Styles that lower-case titles keep them."""
    return any(any(c.isupper() for c in part[1:]) for part in re.split(r"[-/]", word))


def by_word(text: str, plain: Callable[[str], str], protect: Callable[[str], str]) -> str:
    """``text`` with each word that ``needs_protection`` (the punctuation around it left out)
    given to ``protect``, everything else to ``plain``."""
    out: list[str] = []
    for token in re.split(r"(\s+)", text):
        core = token.strip(EDGE_PUNCT)
        if not core or not needs_protection(core):
            out.append(plain(token))
            continue
        start = token.index(core)
        out.append(plain(token[:start]) + protect(core) + plain(token[start + len(core) :]))
    return "".join(out)


def unique_place(*parts: str) -> str:
    """'Hong Kong' for city and country both 'Hong Kong'; 'Utrecht, Netherlands' otherwise."""
    return ", ".join(dict.fromkeys(p for p in parts if p))


@dataclass(frozen=True, slots=True)
class Facts:
    """One paper as every citation format sees it: plain Unicode text, no markup."""

    key: str
    title: str
    authors: tuple[Author, ...]
    container_title: str  # the proceedings title
    series: str  # the volume's short title, "INET4AI '25"
    year: int  # the volume's
    # As precise as known, the same in every format: the volume's (y[, m]); the paper's (y, m, d)
    # when it was published online on a known day, else the volume's.
    volume_issued: tuple[int, ...]
    issued: tuple[int, ...]
    first_page: str | None
    last_page: str | None
    page_count: int | None
    article_number: str | None  # ACM's article number (papers.bib's 'articleno')
    publisher: str
    publisher_place: str
    event_title: str
    event_place: str  # as ACM prints it, "Hong Kong, Hong Kong", in every format
    event_dates: tuple[dt.date, dt.date] | None
    isbn: str | None
    doi: str | None
    url: str | None
    pdf: str | None
    abstract: str
    keywords: tuple[str, ...]

    @property
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None

    @property
    def proceedings(self) -> str:
        """The proceedings as ACM's reference names them: 'Proceedings of ... (INET4AI '25)'."""
        return f"{self.container_title} ({self.series})" if self.series else self.container_title

    @property
    def conference(self) -> str:
        """'December 1–4, 2025, Hong Kong, Hong Kong', what is known of it, as ACM prints it."""
        when = acm_range(*self.event_dates) if self.event_dates else ""
        return ", ".join(part for part in (when, self.event_place) if part)

    @property
    def published_in(self) -> str:
        """What ACM's reference prints after 'In '."""
        return ", ".join(part for part in (self.proceedings, self.conference) if part)

    @property
    def month(self) -> int | None:
        """The month of ``issued`` when known and in the volume's year (BibTeX's month)."""
        return self.issued[1] if len(self.issued) > 1 and self.issued[0] == self.year else None

    @property
    def pages(self) -> str | None:
        """'12--18' (BibTeX's en dash), '12' for a single page."""
        if not self.first_page:
            return None
        if self.last_page and self.last_page != self.first_page:
            return f"{self.first_page}--{self.last_page}"
        return self.first_page


def facts(paper: Paper, volume: Volume) -> Facts:
    """The record of ``paper``; the publisher's facts win (its DOI and pages are the paper's
    since the volume was loaded: sources/bibtex.py)."""
    pub, event, day = dict(paper.publisher_facts), volume.event, paper.published
    volume_issued = (volume.year,) if volume.month is None else (volume.year, volume.month)
    return Facts(
        key=citation_key(paper, volume),
        title=paper.title,
        authors=paper.authors,
        container_title=volume.title,
        series=volume.short_title,
        year=volume.year,
        volume_issued=volume_issued,
        issued=(day.year, day.month, day.day) if day else volume_issued,
        first_page=paper.first_page,
        last_page=paper.last_page,
        page_count=paper.page_count,
        article_number=pub.get("articleno"),
        publisher=volume.publisher,
        publisher_place=volume.publisher_address,
        event_title=event.name if event else "",
        event_place=event.place if event else "",
        event_dates=(event.start, event.end or event.start) if event and event.start else None,
        isbn=pub.get("isbn") or volume.isbn,
        doi=paper.doi,
        url=pub.get("url") or paper.doi_url,
        pdf=paper.links.pdf,
        abstract=" ".join(paper.paragraphs),
        keywords=paper.keywords,
    )
