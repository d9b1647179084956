"""BibTeX entries for papers and the volume."""

from __future__ import annotations

import re

from ..model import MONTHS, Author, Paper, Proceedings, Volume

MONTH_MACROS = [m[:3].lower() for m in MONTHS]


def citation_key(paper: Paper, volume: Volume) -> str:
    """Stable: built from the paper id (which never changes once published) and the volume."""
    prefix = re.sub(r"[^a-z0-9]", "", volume.short_title.lower())
    return f"{prefix}:{paper.id}"


def _escape(text: str) -> str:
    # Braces must balance inside a braced value; specials are escaped for LaTeX.
    out = re.sub(r"([&%$#_])", r"\\\1", text.replace("\\", r"\textbackslash{}"))
    return (
        out.replace("{", r"\{")
        .replace("}", r"\}")
        .replace(r"\textbackslash\{\}", r"\textbackslash{}")
    )


def _name(author: Author) -> str:
    if author.family and author.given:
        return f"{_escape(author.family)}, {_escape(author.given)}"
    return "{" + _escape(author.display_name) + "}"


def bibtex_entry(paper: Paper, volume: Volume) -> str:
    fields: list[tuple[str, str]] = []
    if paper.authors:
        fields.append(("author", " and ".join(_name(a) for a in paper.authors)))
    fields.append(("title", _escape(paper.title)))
    fields.append(("booktitle", _escape(f"{volume.title} ({volume.short_title})")))
    fields.append(("series", _escape(volume.short_title)))
    fields.append(("year", str(volume.year)))
    if paper.pages:
        fields.append(("pages", paper.pages))
    if paper.page_count:
        fields.append(("numpages", str(paper.page_count)))
    if volume.publisher:
        fields.append(("publisher", _escape(volume.publisher)))
    if volume.publisher_address:
        fields.append(("address", _escape(volume.publisher_address)))
    if volume.event and volume.event.place:
        fields.append(("location", _escape(volume.event.place)))
    if volume.isbn:
        fields.append(("isbn", volume.isbn))
    if paper.doi:
        fields.append(("doi", paper.doi))
        fields.append(("url", f"https://doi.org/{paper.doi}"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    month = f",\n  month = {MONTH_MACROS[volume.month - 1]}" if volume.month else ""
    return f"@inproceedings{{{citation_key(paper, volume)},\n{body}{month}\n}}\n"


def volume_bibtex(proceedings: Proceedings) -> str:
    return "\n".join(bibtex_entry(p, proceedings.volume) for p in proceedings.published)
