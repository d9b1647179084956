"""The ACM Reference Format, as ACM prints it at the foot of a paper's first page."""

from __future__ import annotations

from ..model import Paper, Volume


def author_list(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def acm_reference(paper: Paper, volume: Volume) -> str:
    parts: list[str] = []
    names = [a.display_name for a in paper.authors]
    if names:
        parts.append(f"{author_list(names)}. {volume.year}.")
    else:
        parts.append(f"{volume.year}.")
    title = paper.title if paper.title.endswith(("?", "!", ".")) else paper.title + "."
    parts.append(title)
    where = f"In {volume.title} ({volume.short_title})"
    if volume.event and volume.event.dates:
        where += f", {volume.event.dates}"
    if volume.event and volume.event.place:
        where += f", {volume.event.place}"
    parts.append(where + ".")
    tail = [volume.publisher, volume.publisher_address]
    if paper.page_count:
        tail.append(f"{paper.page_count} pages")
    parts.append(", ".join(t for t in tail if t) + ".")
    if paper.doi_url:
        parts.append(paper.doi_url)
    return " ".join(parts)
