"""READ: the program's times ('HH:MM' or 'YYYY-MM-DD HH:MM') in the venue's zone."""

from __future__ import annotations

import datetime as dt
import re

from ..proceedings import BadTimeError
from ..proceedings.numbers import parse_date
from .model import Span, Workshop

# [0-9], not \d: a time in other digits is refused, as every number of the data is.
TIME_RE = re.compile(
    r"^(?:(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[ T])?(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})$"
)


def parse_time(text: str, workshop: Workshop) -> dt.datetime:
    """A wall-clock time in the venue's zone; a bare 'HH:MM' falls on the workshop day."""
    match = TIME_RE.match(text.strip())
    if not match:
        raise BadTimeError(text, "expected 'HH:MM' or 'YYYY-MM-DD HH:MM'")
    if workshop.timezone is None:
        raise BadTimeError(text, "the venue's time zone is not known (timezone in edition.yaml)")
    day = parse_date(match["date"]) if match["date"] else workshop.day
    if day is None and match["date"]:
        raise BadTimeError(text, f"{match['date']!r} is not a date")
    if day is None:
        raise BadTimeError(text, "the workshop's day is not known: give 'YYYY-MM-DD HH:MM'")
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
    begin, finish = parse_time(start, workshop), parse_time(end, workshop)
    try:
        return Span(begin, finish)
    except ValueError as exc:
        raise BadTimeError(f"{start}-{end}", str(exc)) from None
