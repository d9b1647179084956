"""Read papers.yaml and volume.yaml into the model, keeping the line of every value."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problems
from ..model import PAPER_FIELDS, Author, Event, Links, Paper, PaperType, Status, Volume
from ..numbers import MONTH, NUMPAGES, YEAR
from .located_yaml import Node, Reader, load_yaml, load_yaml_text

AUTHOR_FIELDS = {"name", "given", "family", "affiliations", "affiliation", "orcid", "email"}
LINK_FIELDS = {"pdf", "slides", "video", "code"}
VOLUME_FIELDS = {
    "title", "short_title", "year", "month", "publisher", "publisher_address", "editors",
    "isbn", "doi_prefix", "event", "url",
}  # fmt: skip
EVENT_FIELDS = {"name", "short_name", "start", "end", "city", "country", "url"}
NO_LINKS = Links()  # frozen: one for every paper without links


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
    r = Reader(node, problems, set(PAPER_FIELDS), f"paper #{index + 1}")
    if not r.fields:
        if isinstance(node.value, dict):  # '{}': a record with nothing in it
            problems.error(node.loc, "an empty record: a paper needs at least 'id' and 'title'")
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
    return _papers_from(load_yaml(path, problems, label=label), problems)


def read_papers_text(text: str, problems: Problems, *, label: str) -> list[Paper]:
    """papers.yaml's records from its text (an import reads back what it will write)."""
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
    return read_records(items.value, problems)


def read_records(items: list[Node], problems: Problems) -> list[Paper]:
    papers = [read_paper(item, problems, index=i) for i, item in enumerate(items)]
    return [p for p in papers if p is not None]


def read_volume(path: Path, problems: Problems, *, label: str | None = None) -> Volume | None:
    return _volume_from(load_yaml(path, problems, label=label), problems)


def read_volume_text(text: str, problems: Problems, *, label: str) -> Volume | None:
    """volume.yaml from its text (an import checks what it will write)."""
    return _volume_from(load_yaml_text(text, problems, label=label), problems)


def read_event(node: Node, problems: Problems, what: str, where: str) -> Event:
    """A conference: a volume's event or an edition's host (``where``: for a missing name)."""
    e = Reader(node, problems, EVENT_FIELDS, what)
    return Event(
        name=e.text("name", required=True, what=where) or "",
        short_name=e.text("short_name") or "",
        start=e.date("start"),
        end=e.date("end"),
        city=e.text("city") or "",
        country=e.text("country") or "",
        url=e.text("url"),
    )


def _volume_from(root: Node | None, problems: Problems) -> Volume | None:
    if root is None:
        return None
    r = Reader(root, problems, VOLUME_FIELDS, "the volume")
    event_node = r.mapping("event")
    event = read_event(event_node, problems, "the event", " in 'event'") if event_node else None
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
