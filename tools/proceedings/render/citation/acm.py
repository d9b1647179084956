"""The ACM Reference Format, as ACM prints it at the foot of a paper's first page."""

from __future__ import annotations

from ...model import Paper, Volume
from ..dates import EN_DASH
from .record import facts


def names_in_prose(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def acm_reference(paper: Paper, volume: Volume) -> str:
    """'A, B, and C. 2025. Title. In Proceedings ... (SHORT), dates, place. ACM, New York, NY,
    USA, 7 pages. https://doi.org/...', what is known of it. Without authors it starts with the
    year, as ACM's BibTeX style prints it: it is pasted, so it never says what is missing."""
    f = facts(paper, volume)
    names = names_in_prose([a.display_name for a in f.authors])
    parts = [f"{names}. {f.year}." if names else f"{f.year}."]
    # A period even after '?' or '.': acmart's own reference block prints "what?!." too.
    parts += [f"{f.title}.", f"In {f.published_in}."]
    tail = [f.publisher, f.publisher_place]
    # As ACM's style prints them: 'Article 4, 7 pages' for a numbered article, else the page
    # range when known ('1–6'), else the number of pages.
    if f.article_number:
        tail.append(f"Article {f.article_number}")
    if f.first_page and not f.article_number:
        tail.append(EN_DASH.join(dict.fromkeys((f.first_page, f.last_page or f.first_page))))
    elif f.page_count:
        tail.append(f"{f.page_count} pages")
    if any(tail):
        parts.append(", ".join(t for t in tail if t) + ".")
    if f.doi_url:
        parts.append(f.doi_url)
    return " ".join(parts)
