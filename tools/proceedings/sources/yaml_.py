"""Read papers.yaml and volume.yaml into the model, keeping the line of every value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import Location, Problems
from ..model import Author, Event, Links, Paper, PaperType, Status, Volume
from . import numbers
from .numbers import MONTH, NUMPAGES, YEAR, Whole
from .yaml_nodes import Node, gc_paused, load_yaml, load_yaml_text, quick_nodes, read_text

__all__ = [  # the nodes' names too: readers of other files (tools/program) take them here
    "Node", "Reader", "gc_paused", "load_yaml", "load_yaml_text", "read_author", "read_paper",
    "read_papers", "read_papers_text", "read_volume", "read_volume_text",
]  # fmt: skip

T = TypeVar("T")

PAPER_FIELDS = {
    "id", "title", "authors", "abstract", "keywords", "type", "pages", "numpages", "doi",
    "links", "status", "notice", "erratum", "published", "session",
}  # fmt: skip
AUTHOR_FIELDS = {"name", "given", "family", "affiliations", "affiliation", "orcid", "email"}
LINK_FIELDS = {"pdf", "slides", "video", "code"}
VOLUME_FIELDS = {
    "title", "short_title", "year", "month", "publisher", "publisher_address", "editors",
    "isbn", "doi_prefix", "event", "url",
}  # fmt: skip
EVENT_FIELDS = {"name", "short_name", "start", "end", "city", "country", "url"}
RECORD_DEPTH = 2  # the top-level mapping, its 'papers' list, a record
NO_LINKS = Links()  # frozen: one for every paper without links


class Reader:
    """Typed accessors over one mapping node; wrong types and unknown keys become problems."""

    __slots__ = ("fields", "node", "problems")  # one per record and author: 10^4 a file

    def __init__(self, node: Node, problems: Problems, allowed: set[str], what: str) -> None:
        self.node, self.problems = node, problems
        self.fields: dict[str, Node] = node.value if isinstance(node.value, dict) else {}
        if not isinstance(node.value, dict):
            problems.error(node.loc, f"{what} must be a mapping, not {_kind(node.value)}")
        if not self.fields.keys() <= allowed:  # nearly always: no set built, nothing to sort
            for key in sorted(set(self.fields) - allowed):
                problems.error(self.fields[key].loc, f"unknown field {key!r} in {what}", field=key)

    def _get(self, key: str, check: Callable[[Any], T | None], kind: str) -> T | None:
        item = self.fields.get(key)
        if item is None or item.value is None:
            return None
        value = check(item.value)
        if value is None:
            self.problems.error(
                item.loc, f"{key!r} must be {kind}, not {_kind(item.value)}", field=key
            )
        return value

    def loc(self, key: str) -> Location:
        item = self.fields.get(key)
        return item.loc if item else self.node.loc.at(f"{self.node.loc.pointer}/{key}")

    def text(self, key: str, *, required: bool = False, what: str = "") -> str | None:
        item = self.fields.get(key)
        value = None if item is None else item.value
        if item is not None and value is not None and type(value) is not str:  # most are text
            # A number as written: 'pages: 010' is page 010, not 8 (YAML 1.1 reads it as octal).
            written = type(value) in (int, float) and item.text is not None
            value = item.text if written else self._get(key, _as_text, "text")
        if value is not None:
            value = value.strip() or None
        if value is None and required:
            self.problems.error(self.node.loc, f"missing {key!r}{what}", field=key)
        return value

    def _written(self, key: str, kind: str) -> tuple[str, Location] | None:
        """The value of ``key`` as written, for a parser, with its location: text as it is, a
        number or a date that YAML read as its text. None when it is absent or null, and (with
        a problem recorded) for a list, a mapping or true/false."""
        item = self.fields.get(key)
        if item is None or item.value is None:
            return None
        if type(item.value) is str:  # quoted, or plain that YAML takes for text: '²', '+ 7'
            return item.value, item.loc
        if item.text is not None and type(item.value) is not bool:
            return item.text, item.loc
        message = f"{key!r} must be {kind}, not {_kind(item.value)}"
        self.problems.error(item.loc, message, field=key)
        return None

    def integer(self, key: str, kind: Whole, *, required: bool = False) -> int | None:
        """A whole number within ``kind``'s bounds, parsed from the value as written."""
        item = self.fields.get(key)
        if required and (item is None or item.value is None):  # 'year:' with no value too
            self.problems.error(self.node.loc, f"missing {key!r}", field=key)
        found = self._written(key, kind.what)
        if found is None:
            return None
        return numbers.whole(found[0], kind, found[1], self.problems, key)

    def date(self, key: str) -> dt.date | None:
        """A date written YYYY-MM-DD, parsed from the value as written."""
        found = self._written(key, "a date (YYYY-MM-DD)")
        return None if found is None else numbers.date(found[0], found[1], self.problems, key)

    def texts(self, key: str) -> tuple[str, ...]:
        if key not in self.fields:  # most records and authors leave them out
            return ()
        items = self._get(key, _as_list, "a list") or []
        out = []
        for item in items:
            value = _as_text(item.value)
            if value is None:
                self.problems.error(item.loc, f"items of {key!r} must be text", field=key)
            elif value.strip():
                out.append(value.strip())
        return tuple(out)

    def nodes(self, key: str) -> list[Node]:
        return self._get(key, _as_list, "a list") or []

    def mapping(self, key: str) -> Node | None:
        item = self.fields.get(key)
        if item is None or item.value is None:
            return None
        if not isinstance(item.value, dict):
            self.problems.error(item.loc, f"{key!r} must be a mapping", field=key)
            return None
        return item

    def choice(self, key: str, enum_type: type[T], default: T) -> T:
        value = self.text(key)
        if value is None:
            return default
        try:
            return enum_type(value)  # type: ignore[call-arg]
        except ValueError:
            allowed = ", ".join(str(e.value) for e in enum_type)  # type: ignore[attr-defined]
            self.problems.error(
                self.loc(key), f"{key!r} must be one of {allowed}, not {value!r}", field=key
            )
            return default


def _kind(value: object) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


# The checks of Reader._get: functions made once, not a lambda per call (10^5 calls a file).
def _as_list(value: object) -> list[Any] | None:
    return value if isinstance(value, list) else None


def _as_text(value: object) -> str | None:
    if isinstance(value, bool | dict | list):
        return None
    if isinstance(value, int | float | str):
        return str(value)
    return None


def read_author(node: Node, problems: Problems) -> Author:
    r = Reader(node, problems, AUTHOR_FIELDS, "an author")
    name, given, family = r.text("name"), r.text("given"), r.text("family")
    if not (name or family or given):
        problems.error(node.loc, "an author needs 'family' (and 'given') or 'name'", field="family")
    affiliations = r.texts("affiliations")
    if "affiliation" in r.fields:
        affiliations = (*affiliations, *filter(None, [r.text("affiliation")]))
    return Author(given or "", family or "", name or "", affiliations, r.text("orcid"))


def read_paper(node: Node, problems: Problems, *, index: int) -> Paper | None:
    r = Reader(node, problems, PAPER_FIELDS, f"paper #{index + 1}")
    if not r.fields:
        return None
    paper_id, title = r.text("id", required=True), r.text("title", required=True)
    links = r.mapping("links")
    link_reader = Reader(links, problems, LINK_FIELDS, "links") if links else None
    return Paper(
        id=paper_id or "",
        title=title or "",
        authors=tuple([read_author(a, problems) for a in r.nodes("authors")]),
        abstract=r.text("abstract"),
        keywords=r.texts("keywords"),
        type=r.choice("type", PaperType, PaperType.FULL),
        pages=r.text("pages"),
        numpages=r.integer("numpages", NUMPAGES),
        doi=r.text("doi"),
        links=Links(**{k: link_reader.text(k) for k in sorted(LINK_FIELDS)})
        if link_reader
        else NO_LINKS,
        status=r.choice("status", Status, Status.PUBLISHED),
        notice=r.text("notice"),
        erratum=r.text("erratum"),
        published=r.date("published"),
        session=r.text("session"),
        source=node.loc,
    )


def read_papers(path: Path, problems: Problems, *, label: str | None = None) -> list[Paper]:
    name = label or str(path)
    text = read_text(path, problems, label=name)
    return [] if text is None else read_papers_text(text, problems, label=name)


def read_papers_text(text: str, problems: Problems, *, label: str) -> list[Paper]:
    """Read papers.yaml content (load() reads the file's; an import checks what it will write)."""
    with gc_paused():
        # A paper keeps only its record's location: the nodes inside share it. Any problem
        # found that way is read again with every location, for the message to name its line.
        quick = quick_nodes(text, label, located=RECORD_DEPTH)
        if quick is not None:
            found = Problems()
            papers = _papers_from(quick, found)
            if not found.items:
                return papers
    return _papers_from(load_yaml_text(text, problems, label=label), problems)


def _papers_from(root: Node | None, problems: Problems) -> list[Paper]:
    if root is None:
        return []
    items = root.value.get("papers") if isinstance(root.value, dict) else None
    if items is None or not isinstance(items.value, list):
        problems.error(root.loc, "expected a top-level 'papers:' list")
        return []
    for key in sorted(set(root.value) - {"papers"}):
        problems.error(root.value[key].loc, f"unknown top-level field {key!r}")
    papers = [read_paper(item, problems, index=i) for i, item in enumerate(items.value)]
    return [p for p in papers if p is not None]


def read_volume(path: Path, problems: Problems, *, label: str | None = None) -> Volume | None:
    return _volume_from(load_yaml(path, problems, label=label), problems)


def read_volume_text(text: str, problems: Problems, *, label: str) -> Volume | None:
    """Read volume.yaml content that is not on disk yet (an import checks what it will write)."""
    return _volume_from(load_yaml_text(text, problems, label=label), problems)


def _volume_from(root: Node | None, problems: Problems) -> Volume | None:
    if root is None:
        return None
    r = Reader(root, problems, VOLUME_FIELDS, "the volume")
    event_node = r.mapping("event")
    event = None
    if event_node:
        e = Reader(event_node, problems, EVENT_FIELDS, "the event")
        event = Event(
            name=e.text("name", required=True, what=" in 'event'") or "",
            short_name=e.text("short_name") or "",
            start=e.date("start"),
            end=e.date("end"),
            city=e.text("city") or "",
            country=e.text("country") or "",
            url=e.text("url"),
        )
    return Volume(
        title=r.text("title", required=True) or "",
        short_title=r.text("short_title", required=True) or "",
        year=r.integer("year", YEAR, required=True) or 0,  # 0: refused, the problem recorded
        month=r.integer("month", MONTH),
        publisher=r.text("publisher") or "",
        publisher_address=r.text("publisher_address") or "",
        editors=tuple(read_author(a, problems) for a in r.nodes("editors")),
        isbn=r.text("isbn"),
        doi_prefix=r.text("doi_prefix"),
        event=event,
        url=r.text("url"),
        source=root.loc,
    )
