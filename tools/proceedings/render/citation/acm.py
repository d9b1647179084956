"""The ACM Reference Format, as ACM prints it at the foot of a paper's first page."""

from __future__ import annotations

from ...model import Paper, Volume
from ..dates import acm_range
from .record import facts

UNKNOWN_AUTHORS = "[Author list not known]"


def names_in_prose(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def acm_reference(paper: Paper, volume: Volume) -> str:
    """'A, B, and C. 2025. Title. In Proceedings ... (SHORT), dates, place. ACM, New York, NY,
    USA, 7 pages. https://doi.org/...'; what is not known is left out, but for the authors:
    a reference that starts with the year reads as a broken line, so it says they are not
    known."""
    f = facts(paper, volume)
    parts: list[str] = []
    names = [a.display_name for a in f.authors]
    parts.append(f"{names_in_prose(names) if names else UNKNOWN_AUTHORS}. {f.year}.")
    parts.append(f.title if f.title.endswith(("?", "!", ".")) else f.title + ".")
    where = f"In {f.container_title} ({f.series})"
    if f.event_dates:
        where += f", {acm_range(*f.event_dates)}"
    if volume.event and volume.event.place:
        # ACM prints city and country even when they are the same ("Hong Kong, Hong Kong").
        where += f", {volume.event.place}"
    parts.append(where + ".")
    tail = [f.publisher, f.publisher_place]
    if f.page_count:
        tail.append(f"{f.page_count} pages")
    if any(tail):
        parts.append(", ".join(t for t in tail if t) + ".")
    if f.doi_url:
        parts.append(f.doi_url)
    return " ".join(parts)
