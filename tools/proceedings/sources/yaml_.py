"""Read papers.yaml and volume.yaml into the model, keeping the line of every value."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..errors import Location, Problems
from ..limits import MAX_DEPTH, MAX_VALUES, TOO_DEEP, TOO_MANY_VALUES, read_input
from ..model import Author, Event, Links, Paper, PaperType, Status, Volume

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
T = TypeVar("T")
_SCALARS = yaml.constructor.SafeConstructor()
STR_TAG = "tag:yaml.org,2002:str"  # builds typed scalars from composed nodes

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


@dataclass(frozen=True)
class Node:
    """A YAML value with where it stands, so that every message can name its line."""

    value: Any  # scalars as Python values; mappings as dict[str, Node]; sequences as list[Node]
    loc: Location


def load_yaml(path: Path, problems: Problems, *, label: str | None = None) -> Node | None:
    """Parse a YAML file into located nodes; syntax errors and duplicate keys become problems."""
    name = label or str(path)
    data = read_input(path, problems, label=name)  # refuses files over MAX_INPUT_BYTES unread
    if data is None:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.error(Location(name), f"not valid UTF-8 (byte {exc.start})")
        return None
    return load_yaml_text(text, problems, label=name)


def load_yaml_text(text: str, problems: Problems, *, label: str) -> Node | None:
    """Parse YAML text (already decoded) into located nodes, reported under ``label``."""
    try:
        with _gc_paused():
            root = yaml.compose(text, Loader=Loader)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow in a file
        at = text.count("\n", 0, exc.position or 0) + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        problems.error(
            Location(label, at),
            f"YAML syntax error: character U+{char:04X} is not allowed in a YAML file",
        )
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problems.error(Location(label, line), f"YAML syntax error: {getattr(exc, 'problem', exc)}")
        return None
    if root is None:
        problems.error(Location(label), "the file is empty")
        return None
    with _gc_paused():
        budget = _Budget(MAX_VALUES)
        return _convert(root, Location(label, root.start_mark.line + 1, ""), problems, budget)


@dataclass
class _Budget:
    """How many more values the conversion may make: aliases are expanded, so ten lines of
    them could stand for millions ("billion laughs")."""

    left: int


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    # Building ~10^5 node objects triggers the cyclic collector over and over: pausing it
    # made loading 2,600 papers 2.5x faster, and nothing built here forms a cycle.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _convert(node: yaml.Node, loc: Location, problems: Problems, budget: _Budget) -> Node:
    budget.left -= 1
    if budget.left < 0:
        if budget.left == -1:  # said once
            problems.error(loc, TOO_MANY_VALUES)
        return Node(None, loc)
    if loc.pointer.count("/") > MAX_DEPTH:  # before Python's recursion limit stops us
        problems.error(loc, TOO_DEEP)
        return Node(None, loc)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            child = loc.at(f"{loc.pointer}/{key}", line)
            if key in out:
                problems.error(child, f"duplicate key {key!r}")
                continue
            out[key] = _convert(value_node, child, problems, budget)
        return Node(out, loc)
    if isinstance(node, yaml.SequenceNode):
        items = [
            _convert(item, loc.at(f"{loc.pointer}/{i}", item.start_mark.line + 1), problems, budget)
            for i, item in enumerate(node.value)
        ]
        return Node(items, loc)
    if node.tag == STR_TAG:  # most values: skip the constructor, which costs more than parsing
        return Node(node.value, loc)
    try:
        return Node(_SCALARS.construct_object(node, deep=True), loc)
    except (ValueError, yaml.YAMLError) as exc:  # e.g. a timestamp such as 2025-13-01
        problems.error(loc, f"invalid value {node.value!r}: {exc}")
        return Node(None, loc)


class Reader:
    """Typed accessors over one mapping node; wrong types and unknown keys become problems."""

    def __init__(self, node: Node, problems: Problems, allowed: set[str], what: str) -> None:
        self.node, self.problems = node, problems
        self.fields: dict[str, Node] = node.value if isinstance(node.value, dict) else {}
        if not isinstance(node.value, dict):
            problems.error(node.loc, f"{what} must be a mapping, not {_kind(node.value)}")
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
        value = self._get(key, _as_text, "text")
        if value is not None:
            value = value.strip() or None
        if value is None and required:
            self.problems.error(self.node.loc, f"missing {key!r}{what}", field=key)
        return value

    def integer(self, key: str) -> int | None:
        return self._get(
            key,
            lambda v: v if isinstance(v, int) and not isinstance(v, bool) else None,
            "a whole number",
        )

    def date(self, key: str) -> dt.date | None:
        return self._get(key, _as_date, "a date (YYYY-MM-DD)")

    def texts(self, key: str) -> tuple[str, ...]:
        items = self._get(key, lambda v: v if isinstance(v, list) else None, "a list") or []
        out = []
        for item in items:
            value = _as_text(item.value)
            if value is None:
                self.problems.error(item.loc, f"items of {key!r} must be text", field=key)
            elif value.strip():
                out.append(value.strip())
        return tuple(out)

    def nodes(self, key: str) -> list[Node]:
        return self._get(key, lambda v: v if isinstance(v, list) else None, "a list") or []

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


def _as_text(value: object) -> str | None:
    if isinstance(value, bool | dict | list):
        return None
    if isinstance(value, int | float | str):
        return str(value)
    return None


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def read_author(node: Node, problems: Problems) -> Author:
    r = Reader(node, problems, AUTHOR_FIELDS, "an author")
    name, given, family = r.text("name"), r.text("given"), r.text("family")
    if not (name or family or given):
        problems.error(node.loc, "an author needs 'family' (and 'given') or 'name'", field="family")
    affiliations = r.texts("affiliations")
    if "affiliation" in r.fields:
        affiliations = (*affiliations, *filter(None, [r.text("affiliation")]))
    return Author(
        given=given or "",
        family=family or "",
        name=name or "",
        affiliations=affiliations,
        orcid=r.text("orcid"),
    )


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
        authors=tuple(read_author(a, problems) for a in r.nodes("authors")),
        abstract=r.text("abstract"),
        keywords=r.texts("keywords"),
        type=r.choice("type", PaperType, PaperType.FULL),
        pages=r.text("pages"),
        numpages=r.integer("numpages"),
        doi=r.text("doi"),
        links=Links(**{k: link_reader.text(k) for k in sorted(LINK_FIELDS)})
        if link_reader
        else Links(),
        status=r.choice("status", Status, Status.PUBLISHED),
        notice=r.text("notice"),
        erratum=r.text("erratum"),
        published=r.date("published"),
        session=r.text("session"),
        source=node.loc,
    )


def read_papers(path: Path, problems: Problems, *, label: str | None = None) -> list[Paper]:
    return _papers_from(load_yaml(path, problems, label=label), problems)


def read_papers_text(text: str, problems: Problems, *, label: str) -> list[Paper]:
    """Read papers.yaml content that is not on disk yet (an import checks what it will write)."""
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
    root = load_yaml(path, problems, label=label)
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
        year=r.integer("year") or 0,
        month=r.integer("month"),
        publisher=r.text("publisher") or "",
        publisher_address=r.text("publisher_address") or "",
        editors=tuple(read_author(a, problems) for a in r.nodes("editors")),
        isbn=r.text("isbn"),
        doi_prefix=r.text("doi_prefix"),
        event=event,
        url=r.text("url"),
        source=root.loc,
    )
