"""Cross-checks of the whole program: overlaps, repeats, the day, papers left out."""

from __future__ import annotations

from collections.abc import Iterator

from ..proceedings import Problem, Proceedings, Severity, Warn
from .model import Item, Program, Session, Source, Span, Workshop


def finding(source: Source, kind: Warn, message: str) -> Problem:
    return Problem(source.location, message, Severity.WARNING, kind=kind)


def check_program(
    program: Program, workshop: Workshop, proceedings: Proceedings | None
) -> list[Problem]:
    """Every problem of an edition's program as a whole, in a stable order."""
    return [
        *overlaps(program),
        *papers_twice(program),
        *outside_day(program, workshop),
        *unscheduled(program, proceedings),
    ]


def describe_item(item: Item) -> str:
    what = f"paper {item.paper!r}" if item.paper else repr(item.title or item.kind.label)
    return f"item {item.number} ({what})"


def describe(session: Session) -> str:
    if session.title:
        return f"session {session.title!r}"
    if len(session.items) == 1:
        return describe_item(session.items[0])
    return f"the untitled session at {session.source}"


def overlaps(program: Program) -> Iterator[Problem]:
    """Sessions of one room whose times overlap (a session without a room is in the workshop's)."""
    by_room: dict[str, list[tuple[Span, Session]]] = {}
    for session in program.sessions:
        if span := session.span:
            by_room.setdefault(session.room or "", []).append((span, session))
    for room, entries in sorted(by_room.items(), key=lambda e: e[0]):
        entries.sort(key=lambda e: e[0].start)
        latest: tuple[Span, Session] | None = None  # the session that ends last so far
        for span, session in entries:
            if latest and span.overlaps(latest[0]):
                place = f"room {room!r}" if room else "the workshop's room"
                yield finding(
                    session.source,
                    Warn.OVERLAP,
                    f"{describe(session)} ({span.label}) overlaps {describe(latest[1])} "
                    f"({latest[0].label}, {latest[1].source}) in {place}",
                )
            if latest is None or span.end > latest[0].end:
                latest = (span, session)


def papers_twice(program: Program) -> Iterator[Problem]:
    first: dict[str, Item] = {}  # paper id -> the item that first scheduled it
    for item in program.items:
        if item.paper is not None and (earlier := first.setdefault(item.paper, item)) is not item:
            yield finding(
                item.source,
                Warn.DUPLICATE_PAPER,
                f"paper {item.paper!r} is scheduled twice: also "
                f"{describe_item(earlier)} at {earlier.source}",
            )


def outside_day(program: Program, workshop: Workshop) -> Iterator[Problem]:
    zone, day = workshop.zone, workshop.day
    if day is None:
        return  # no time can be given on a day not known (read.parse_time refuses it)
    for session in program.sessions:
        timed: list[tuple[str, Source, Span]] = []
        if session.title and session.when:
            timed.append((describe(session), session.source, session.when))
        timed += [(describe_item(i), i.source, i.when) for i in session.items if i.when]
        for label, source, span in timed:
            if not span.within(day, zone):
                start, end = span.start.astimezone(zone), span.end.astimezone(zone)
                yield finding(
                    source,
                    Warn.OUTSIDE_DAY,
                    f"{label} is not on the workshop's day, {workshop.day_label} "
                    f"({start:%Y-%m-%d %H:%M}–{end:%Y-%m-%d %H:%M} {workshop.timezone})",
                )


def unscheduled(program: Program, proceedings: Proceedings | None) -> Iterator[Problem]:
    """The published papers missing from the program, once there is one (it has sessions)."""
    if not program.sessions or proceedings is None:
        return
    scheduled = {item.paper for item in program.items}
    anchor = program.sessions[0].source
    for paper in proceedings.published:
        if paper.id not in scheduled:
            yield finding(
                Source(anchor.docname),
                Warn.UNSCHEDULED_PAPER,
                f"published paper {paper.id!r} ({paper.source}) is not in the program",
            )
