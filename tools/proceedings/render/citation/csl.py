"""CSL-JSON, as citeproc-js, pandoc and Zotero read it: one item per paper."""

from __future__ import annotations

import json
import re
from typing import Any

from ...model import Author, Paper, Volume
from .record import Facts, by_word, facts

# CSL-JSON rich text (the markup citeproc-js defines and pandoc's citeproc reads): the span
# that keeps its content's case whatever the style does.
NOCASE = '<span class="nocase">{}</span>'
# Neither processor decodes entities: a tag is recognised as the literal text '<i>', '</span>',
# ... So a '<' that could start one is wrapped, with the tag's name, in a nocase span: no tag
# can then match, and title case leaves the name as written ('<I>' otherwise).
_TAG_START = re.compile(r"<(?:/?[A-Za-z]+|/)")


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
    """Plain text as CSL-JSON rich text for a field that styles re-case (after lower-casing an
    all-capital one: "INET4AI '25" became "Inet4ai ’25"): each word that ``needs_protection``
    in a nocase span, and no character read as markup."""
    return by_word(text, lambda t: _rich(t, protect=False), lambda t: _rich(t, protect=True))


def _name(author: Author) -> dict[str, str]:
    if not author.family:
        return {"literal": author.display_name}
    return {"family": author.family, **({"given": author.given} if author.given else {})}


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
        days = dict.fromkeys(f.event_dates)  # one day: given once
        item["event-date"] = _date(*((d.year, d.month, d.day) for d in days))
    return item


def csl_json(items: list[dict[str, Any]]) -> str:
    """A CSL-JSON document: always an array, as Zotero, citeproc and pandoc expect."""
    return json.dumps(items, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def paper_csl(paper: Paper, volume: Volume) -> str:
    return csl_json([csl_item(facts(paper, volume))])
