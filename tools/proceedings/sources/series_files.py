"""READ: series.yaml and each edition's edition.yaml (load.py joins an edition's volume)."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import Location, Problems
from ..model import ID_RE
from ..series import Call, DateKind, Deadline, Edition, Member, NewsItem, Series
from .data_files import read_author, read_event
from .located_yaml import Node, Reader, load_yaml

SERIES_FIELDS = {"name", "short_name", "contacts", "links"}
EDITION_FIELDS = {
    "name", "host", "venue", "city", "country", "date", "timezone", "call", "chairs",
    "committee", "news",
}  # fmt: skip
CALL_FIELDS = {"portal", "portal_as_published", "deadlines"}
DEADLINE_FIELDS = {"id", "label", "kind", "date", "was"}
NOTE_FIELD = "note"
NEWS_FIELDS = {"id", "date", "title", "text"}


def read_series(path: Path, problems: Problems) -> Series | None:
    """series.yaml, without its editions (load.py adds them); None with the problems recorded."""
    root = load_yaml(path, problems)
    if root is None:
        return None
    r = Reader(root, problems, SERIES_FIELDS, "the series")
    name, short = r.text("name", required=True), r.text("short_name", required=True)
    contacts = tuple(_pair(n, problems, "label", "email", "a contact") for n in r.nodes("contacts"))
    links = tuple(_pair(n, problems, "label", "url", "a link") for n in r.nodes("links"))
    if not (name and short):
        return None
    return Series(name, short, (), contacts, links, root.loc)


def _pair(node: Node, problems: Problems, first: str, second: str, what: str) -> tuple[str, str]:
    r = Reader(node, problems, {first, second}, what)
    return r.text(first, required=True) or "", r.text(second, required=True) or ""


def read_edition(path: Path, year: int, problems: Problems) -> Edition | None:
    """An edition.yaml (its ``number`` is 0 until the series orders its editions)."""
    root = load_yaml(path, problems)
    if root is None:
        return None
    r = Reader(root, problems, EDITION_FIELDS, "the edition")
    host_node = r.mapping("host")
    if host_node is None:
        problems.error(r.loc("host"), "missing 'host' (the conference it is held with)")
        return None
    zone = r.text("timezone")
    if zone is not None and not _is_zone(zone):
        problems.error(r.loc("timezone"), f"unknown IANA time zone {zone!r}", field="timezone")
    call = r.mapping("call")
    day = r.date("date")
    if day is not None and day.year != year:
        problems.error(r.loc("date"), f"the workshop's date {day} is not in {year}, the year "
                                      "its folder is named by", field="date")  # fmt: skip
    return Edition(
        year=year,
        number=0,
        host=read_event(host_node, problems, "the host conference", " of the host conference"),
        timezone=zone,
        name=r.text("name") or "",
        venue=r.text("venue") or "",
        city=r.text("city") or "",
        country=r.text("country") or "",
        date=day,
        call=_call(call, problems) if call else Call(),
        chairs=_members(r, "chairs", problems),
        committee=_members(r, "committee", problems),
        news=_news(r.nodes("news"), problems),
        source=root.loc,
    )


def _is_zone(key: str) -> bool:
    try:
        ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _call(node: Node, problems: Problems) -> Call:
    r = Reader(node, problems, CALL_FIELDS, "the call")
    out: list[Deadline] = []
    seen: dict[str, Location] = {}
    for item in r.nodes("deadlines"):
        d = Reader(item, problems, DEADLINE_FIELDS, "a deadline")
        key, label = d.text("id", required=True), d.text("label", required=True)
        day = d.date("date")
        if day is None and "date" not in d.fields:
            problems.error(item.loc, "missing 'date' (YYYY-MM-DD)", field="date")
        if key and not ID_RE.match(key):
            problems.error(d.loc("id"), f"{key!r} is not a valid id (a-z, 0-9, '-')", field="id")
        elif key and key in seen:
            problems.error(d.loc("id"), f"id {key!r} is also used at {seen[key]}", field="id")
        kind = d.choice("kind", DateKind, DateKind.OTHER) if "kind" in d.fields else None
        if kind is None:
            problems.error(item.loc, f"missing 'kind' ({', '.join(DateKind)}): whether it "
                                     "closes submissions", field="kind")  # fmt: skip
        was = d.date("was")
        if day and was and was >= day:
            problems.error(d.loc("was"), f"'was' ({was}) is the date before an extension: it "
                                         f"must be before 'date' ({day})", field="was")  # fmt: skip
        if key and label and day and kind:
            seen[key] = item.loc
            out.append(Deadline(key, label, day, kind, was, item.loc))
    return Call(r.text("portal"), r.text("portal_as_published") or "", tuple(out))


def _members(r: Reader, key: str, problems: Problems) -> tuple[Member, ...] | None:
    """The list under ``key``; None when it is left out (not known), () when it is empty."""
    if key not in r.fields or r.fields[key].value is None:
        return None
    members = []
    for node in r.nodes(key):
        # A member is written as an author is, with a note on the role (read here).
        fields = node.value if isinstance(node.value, dict) else {}
        note = fields.pop(NOTE_FIELD, None)
        members.append(Member(read_author(node, problems), _note(note, problems)))
    return tuple(members)


def _note(node: Node | None, problems: Problems) -> str:
    if node is None or node.value is None:
        return ""
    if not isinstance(node.value, str):
        problems.error(node.loc, "'note' must be text", field="note")
        return ""
    return node.value.strip()


def _news(items: list[Node], problems: Problems) -> tuple[NewsItem, ...]:
    out: list[NewsItem] = []
    seen: set[str] = set()
    for node in items:
        n = Reader(node, problems, NEWS_FIELDS, "a news item")
        key, title = n.text("id", required=True), n.text("title", required=True)
        text = n.text("text")
        if key and not ID_RE.match(key):
            problems.error(n.loc("id"), f"{key!r} is not a valid id (a-z, 0-9, '-')", field="id")
        elif key in seen:
            problems.error(n.loc("id"), f"id {key!r} is used twice", field="id")
        if key and title:
            seen.add(key)
            words = " ".join((text or "").split())
            out.append(NewsItem(key, title, words, n.date("date"), node.loc))
    return tuple(out)
