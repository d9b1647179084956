"""Times as the program page writes them: 'HH:MM' on the workshop day or 'YYYY-MM-DD HH:MM'."""

from __future__ import annotations

import datetime as dt
import re

from .errors import BadTimeError
from .model import Span, Workshop

TIME_RE = re.compile(r"^(?:(?P<date>\d{4}-\d{2}-\d{2})[ T])?(?P<hour>\d{1,2}):(?P<minute>\d{2})$")


def parse_time(text: str, workshop: Workshop) -> dt.datetime:
    """A wall-clock time in the venue's zone; a bare 'HH:MM' falls on the workshop day."""
    match = TIME_RE.match(text.strip())
    if not match:
        raise BadTimeError(text, "expected 'HH:MM' or 'YYYY-MM-DD HH:MM'")
    try:
        day = dt.date.fromisoformat(match["date"]) if match["date"] else workshop.day
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
