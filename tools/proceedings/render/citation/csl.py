"""CSL-JSON, the format citation processors (citeproc-js, pandoc, Zotero) read: one item per
paper, its re-cased fields as CSL rich text that keeps acronyms' case."""

from __future__ import annotations

import json
import re
from typing import Any

from ...model import Author, Paper, Volume
from .record import EDGE_PUNCT, Facts, facts, needs_protection

# CSL-JSON rich text (the markup citeproc-js defines and pandoc's citeproc reads): the span
# that keeps its content's case whatever the style does.
NOCASE = '<span class="nocase">{}</span>'
# Neither processor decodes entities: a tag is recognised as the literal text '<i>', '</span>',
# ... So a '<' that could start one is wrapped, with the tag's name, in a nocase span: no tag
# can then match, and title case leaves the name as written ('<I>' otherwise).
_TAG_START = re.compile(r"<(?:/?[A-Za-z]+|/)")
_SPACES = re.compile(r"(\s+)")


def _rich(text: str, *, protect: bool) -> str:
    """``text`` with each tag-like run alone in a nocase span and, with ``protect``, the rest
    in nocase spans too: spans side by side, never nested (citeproc-py closes a span at the
    first '</span>')."""
    out: list[str] = []
    last = 0
    for tag in _TAG_START.finditer(text):
        if rest := text[last : tag.start()]:
            out.append(NOCASE.format(rest) if protect else rest)
        out.append(NOCASE.format(tag[0]))
        last = tag.end()
    if rest := text[last:]:
        out.append(NOCASE.format(rest) if protect else rest)
    return "".join(out)


def csl_text(text: str) -> str:
    """Plain text as CSL-JSON rich text for a field that styles re-case: each word that
    ``needs_protection`` in a nocase span, and no character read as markup. Styles title-case
    or sentence-case these fields, and processors lower-case an all-capital field first
    ("INET4AI '25" became "Inet4ai ’25")."""
    out: list[str] = []
    for token in _SPACES.split(text):
        core = token.strip(EDGE_PUNCT)
        if not core or not needs_protection(core):
            out.append(_rich(token, protect=False))
            continue
        start = token.index(core)
        head, tail = token[:start], token[start + len(core) :]
        out.append(
            _rich(head, protect=False) + _rich(core, protect=True) + _rich(tail, protect=False)
        )
    return "".join(out)


def _name(author: Author) -> dict[str, str]:
    if not author.family:
        return {"literal": author.display_name}
    name = {"family": author.family}
    if author.given:
        name["given"] = author.given
    return name


def _date(*dates: tuple[int, ...]) -> dict[str, Any]:
    return {"date-parts": [list(d) for d in dates]}


def csl_item(f: Facts) -> dict[str, Any]:
    """One CSL-JSON item (type paper-conference), keys sorted on output by ``csl_json``."""
    item: dict[str, Any] = {
        "id": f.key,  # pandoc and citeproc cite by id: the BibTeX key
        "type": "paper-conference",
        "title": csl_text(f.title),
        "container-title": csl_text(f.container_title),
        "collection-title": csl_text(f.series),
        "issued": _date(f.issued),
    }
    if f.authors:
        item["author"] = [_name(a) for a in f.authors]
    optional: dict[str, str | None] = {
        "publisher": f.publisher,
        "publisher-place": f.publisher_place,
        # 'event' rather than CSL 1.0.2's 'event-title': both are valid, and citeproc-py 0.11
        # (like other CSL 1.0.1 processors) knows only 'event'.
        "event": csl_text(f.event_title),
        "event-place": f.event_place,
        "page": f.pages.replace("--", "-") if f.pages else None,
        "page-first": f.first_page,
        "number-of-pages": str(f.page_count) if f.page_count else None,
        "ISBN": f.isbn,
        "DOI": f.doi,
        "URL": f.url,
        "abstract": f.abstract,
        "keyword": ", ".join(f.keywords),
    }
    item.update({k: v for k, v in optional.items() if v})
    if f.event_dates:
        start, end = f.event_dates
        parts = [(start.year, start.month, start.day)]
        if end != start:
            parts.append((end.year, end.month, end.day))
        item["event-date"] = _date(*parts)
    return item


def csl_json(items: list[dict[str, Any]]) -> str:
    """A CSL-JSON document: always an array, as Zotero, citeproc and pandoc expect."""
    return json.dumps(items, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def paper_csl(paper: Paper, volume: Volume) -> str:
    return csl_json([csl_item(facts(paper, volume))])
