"""READ: the dates file (the workshop day and the call's deadlines) into the model, and the
times the program page writes ('HH:MM' on the workshop day or 'YYYY-MM-DD HH:MM')."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..proceedings import ID_RE, BadTimeError, Location, Node, Problems, Reader, load_yaml
from ..proceedings.numbers import parse_date
from .model import Dates, Deadline, Span, Workshop

TOP_FIELDS = {"revised", "workshop", "cfp"}
WORKSHOP_FIELDS = {"name", "title", "date", "timezone", "location"}
CFP_FIELDS = {"deadlines"}
DEADLINE_FIELDS = {"id", "label", "date", "was"}


def read_dates(path: Path, *, label: str | None = None) -> Dates:
    """The dates in ``path``; raises DataError listing every problem found in it."""
    problems = Problems()
    root = load_yaml(path, problems, label=label)
    problems.raise_if_errors(what="the dates file")
    assert root is not None  # load_yaml returns None only with an error recorded
    top = Reader(root, problems, TOP_FIELDS, "the dates file")
    revised = top.date("revised")
    if revised is None:
        problems.error(top.loc("revised"), "missing 'revised' (a date, YYYY-MM-DD)")
    workshop_node = top.mapping("workshop")
    if workshop_node is None:
        problems.error(top.loc("workshop"), "missing 'workshop'")
    workshop = _workshop(workshop_node, problems) if workshop_node else None
    cfp = top.mapping("cfp")
    deadlines = _deadlines(cfp, problems) if cfp else ()
    problems.raise_if_errors(what="the dates file")
    assert workshop is not None and revised is not None
    return Dates(workshop, deadlines, revised, root.loc)


def _workshop(node: Node, problems: Problems) -> Workshop | None:
    r = Reader(node, problems, WORKSHOP_FIELDS, "'workshop'")
    name, title = r.text("name", required=True), r.text("title", required=True)
    day, zone = r.date("date"), r.text("timezone", required=True)
    if day is None:
        problems.error(r.loc("date"), "missing 'date' (YYYY-MM-DD)", field="date")
    if zone is not None and not _is_zone(zone):
        problems.error(r.loc("timezone"), f"unknown IANA time zone {zone!r}", field="timezone")
    if not (name and title and day and zone):
        return None
    return Workshop(name, title, day, zone, r.text("location") or "")


def _is_zone(key: str) -> bool:
    try:
        ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _deadlines(node: Node, problems: Problems) -> tuple[Deadline, ...]:
    r = Reader(node, problems, CFP_FIELDS, "'cfp'")
    out: list[Deadline] = []
    seen: dict[str, Location] = {}
    for item in r.nodes("deadlines"):
        d = Reader(item, problems, DEADLINE_FIELDS, "a deadline")
        key, label, day = (
            d.text("id", required=True),
            d.text("label", required=True),
            d.date("date"),
        )
        if day is None:
            problems.error(item.loc, "missing 'date' (YYYY-MM-DD)", field="date")
        if key and not ID_RE.match(key):
            problems.error(d.loc("id"), f"{key!r} is not a valid id (a-z, 0-9, '-')", field="id")
        elif key and key in seen:
            problems.error(d.loc("id"), f"id {key!r} is also used at {seen[key]}", field="id")
        if key and label and day:
            seen[key] = item.loc
            out.append(Deadline(key, label, day, d.date("was"), item.loc))
    return tuple(out)


# [0-9], not \d: a time in other digits is refused, as every number of the data is.
TIME_RE = re.compile(
    r"^(?:(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[ T])?(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})$"
)


def parse_time(text: str, workshop: Workshop) -> dt.datetime:
    """A wall-clock time in the venue's zone; a bare 'HH:MM' falls on the workshop day."""
    match = TIME_RE.match(text.strip())
    if not match:
        raise BadTimeError(text, "expected 'HH:MM' or 'YYYY-MM-DD HH:MM'")
    day = parse_date(match["date"]) if match["date"] else workshop.day
    if day is None:
        raise BadTimeError(text, f"{match['date']!r} is not a date")
    try:
        clock = dt.time(int(match["hour"]), int(match["minute"]))
    except ValueError as exc:
        raise BadTimeError(text, str(exc)) from None
    return dt.datetime.combine(day, clock, workshop.zone)


def parse_span(start: str | None, end: str | None, workshop: Workshop) -> Span | None:
    """Both times or neither: a start without an end (or the reverse) is an error."""
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise BadTimeError("", "give both ':start:' and ':end:', or neither")
    try:
        return Span(parse_time(start, workshop), parse_time(end, workshop))
    except BadTimeError:
        raise
    except ValueError as exc:
        raise BadTimeError(f"{start}-{end}", str(exc)) from None
