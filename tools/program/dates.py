"""Read the dates file (the workshop day and the call's deadlines) into the model."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..proceedings.errors import Location, Problems
from ..proceedings.model import ID_RE
from ..proceedings.sources.yaml_ import Node, Reader, load_yaml
from .errors import DatesError
from .model import Dates, Deadline, Workshop

TOP_FIELDS = {"revised", "workshop", "cfp"}
WORKSHOP_FIELDS = {"name", "title", "date", "timezone", "location"}
CFP_FIELDS = {"deadlines"}
DEADLINE_FIELDS = {"id", "label", "date", "was"}


def read_dates(path: Path, *, label: str | None = None) -> Dates:
    """The dates in ``path``; raises DatesError listing every problem found in it."""
    problems = Problems()
    root = load_yaml(path, problems, label=label)
    raise_if_errors(problems)
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
    raise_if_errors(problems)
    assert workshop is not None and revised is not None
    return Dates(workshop, deadlines, revised, root.loc)


def raise_if_errors(problems: Problems) -> None:
    if problems.errors:
        raise DatesError(problems.items)


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
