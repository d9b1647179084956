"""RENDER: the program and the call's dates as iCalendar files (by the icalendar library)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from docutils.nodes import make_id
from icalendar import Calendar, Event

from ...proceedings import Paper, Proceedings, cfp_calendar, paper_docname, program_calendar
from ...proceedings import dates as dates_
from ...proceedings.paths import SERIES_CALENDAR, edition_doc
from ..model import Dates, Item, ItemKind, Program, Session, Span, Workshop

PRODID = "-//INET4AI//Workshop website//EN"

UrlFor = Callable[[str, str], str | None]  # (docname, anchor) -> absolute URL, None if unknown


@dataclass(frozen=True, slots=True)
class Site:
    """What the calendars need from the site: absolute URLs and a domain for UIDs."""

    url_for: UrlFor
    domain: str  # right-hand side of every UID: the site's host name


# The program's events had UIDs made of their page's name when it was program/index for
# INET4AI 2025; each edition's page has its own folder now, and the UIDs keep that part (the
# edition's name tells them apart), so that calendar apps see the same events as before.
PROGRAM_PART = "program-index"


def uid(dates: Dates, site: Site, *parts: str) -> str:
    """Stable across builds: made of ids only, never of times or titles that may change."""
    return "-".join([make_id(dates.workshop.name), *parts]) + f"@{site.domain}"


def stamp(start: dt.date | dt.datetime) -> dt.datetime:
    """DTSTAMP from the event itself (midnight UTC of its day), never the clock: two builds
    write the same bytes, an edition's files stay as they are while the site goes on, and
    an event that moves gets a new stamp with it."""
    day = start.astimezone(dt.UTC).date() if isinstance(start, dt.datetime) else start
    return dt.datetime.combine(day, dt.time(), dt.UTC)


Edition_ = tuple[Dates, Program, Proceedings | None]  # an edition as its calendars see it


def program_events(program: Program, dates: Dates, proceedings: Proceedings | None, site: Site
                   ) -> list[Event]:  # fmt: skip
    """One event per timed item, or timed session without timed items; else one all-day event
    with the running order, when the day is known."""
    events = [
        event
        for session in program.sessions
        for event in session_events(session, dates, proceedings, site)
    ]
    if events or dates.workshop.day is None:
        return events
    return [day_event(program, dates, proceedings, site)]


def program_file(program: Program, dates: Dates, proceedings: Proceedings | None, site: Site
                 ) -> bytes:  # fmt: skip
    events = program_events(program, dates, proceedings, site)
    name = f"{dates.workshop.name} program"
    return _ical(uid(dates, site, "program", "calendar"), name, events, [dates])


def _ical(uid: str, name: str, events: list[Event], zoned: list[Dates]) -> bytes:
    """A calendar of ``events``, with the time zones they use in the years of ``zoned``."""
    cal = Calendar.new(prodid=PRODID, uid=uid, name=name, calscale="GREGORIAN")
    for component in events:
        cal.add_component(component)
    years = [d.workshop.day.year for d in zoned if d.workshop.day]
    if years:
        first = dt.date(min(years), 1, 1)
        cal.add_missing_timezones(first_date=first, last_date=dt.date(max(years) + 1, 1, 1))
    return bytes(cal.to_ical())


def session_events(
    session: Session, dates: Dates, proceedings: Proceedings | None, site: Site
) -> list[Event]:
    timed = [item for item in session.items if item.when]
    if timed:
        return [item_event(item, session, dates, proceedings, site) for item in timed]
    if not (session.title and session.when):
        return []
    lines = [running_line(item, proceedings) for item in session.items]
    if session.chair:
        lines.insert(0, f"Chair: {session.chair}")
    anchor = session.anchor or ""
    url = site.url_for(session.source.docname, anchor)
    lines += [f"Program: {url}"] if url else []
    return [
        event(
            uid(dates, site, PROGRAM_PART, anchor),
            start=session.when.start,
            end=session.when.end,
            summary=session.title,
            lines=lines,
            location=location(dates.workshop, session.room),
            url=url,
        )
    ]


def item_event(
    item: Item, session: Session, dates: Dates, proceedings: Proceedings | None, site: Site
) -> Event:
    assert item.when is not None
    paper = find(proceedings, item.paper)
    program_url = site.url_for(item.source.docname, item.anchor)
    year = dates.workshop.year
    page_url = site.url_for(paper_docname(year, paper.id), "") if paper else None
    lines = describe(item, paper)
    if session.title:
        lines.append(f"Session: {session.title}")
    lines += [f"Paper page: {page_url}"] if page_url else []
    lines += [f"Program: {program_url}"] if program_url else []
    return event(
        uid(dates, site, PROGRAM_PART, item.anchor),
        start=item.when.start,
        end=item.when.end,
        summary=summary(item, paper),
        lines=lines,
        location=location(dates.workshop, session.room),
        url=page_url or program_url,
    )


def day_event(program: Program, dates: Dates, proceedings: Proceedings | None, site: Site
              ) -> Event:  # fmt: skip
    """The workshop's day with the running order (and the times the program gives): in the
    program's calendar when nothing has a time, in the series' always."""
    workshop = dates.workshop
    assert workshop.day is not None
    timed = any(session.span for session in program.sessions)
    heading = "Running order:" if timed else "Running order (times not known):"
    lines = [f"{workshop.name}: {workshop.title}.", "", heading]
    for session in program.sessions:
        for item in session.items:
            line = running_line(item, proceedings, item.when)
            span = None if item.when else session.span
            lines.append(f"{line} (in the session of {span.label})" if span else line)
    url = site.url_for(edition_doc("program", workshop.year), "")
    lines += ["", f"Program: {url}"] if url else []
    return event(
        uid(dates, site, "workshop-day"),
        start=workshop.day,
        end=workshop.day + dt.timedelta(days=1),
        summary=f"{workshop.name}: {workshop.title}",
        lines=lines,
        location=workshop.location,
        url=url,
    )


def find(proceedings: Proceedings | None, paper_id: str | None) -> Paper | None:
    # An unknown id was reported where the page names it; the calendar just leaves it out.
    if proceedings is None or not paper_id or not proceedings.has(paper_id):
        return None
    return proceedings.paper(paper_id)


def summary(item: Item, paper: Paper | None) -> str:
    title = paper.title if paper else item.title or item.paper or ""
    if item.kind in (ItemKind.PAPER, ItemKind.INVITED):
        return f"{item.kind.label}: {title}"
    return title


def describe(item: Item, paper: Paper | None) -> list[str]:
    lines: list[str] = []
    if paper:
        authors = ", ".join(a.display_name for a in paper.authors) or "not known"
        lines.append(f"Authors: {authors}")
    people = "; ".join(p.display for p in item.people)
    if people:
        lines.append(f"{'Presented by' if item.kind is ItemKind.PAPER else 'Speaker'}: {people}")
    lines += [f"{link.label}: {link.url}" for link in item.links]
    lines += [item.note] if item.note else []
    return lines


def running_line(item: Item, proceedings: Proceedings | None, when: Span | None = None) -> str:
    paper = find(proceedings, item.paper)
    people = "; ".join(p.display for p in item.people)
    if item.kind is ItemKind.PAPER and people:
        people = f"presented by {people}"
    time = f"{when.label} " if when else ""
    text = f"{item.number}. {time}{summary(item, paper)}" + (f" — {people}" if people else "")
    return f"{text} ({item.note.rstrip('.')})" if item.note else text


def location(workshop: Workshop, room: str | None) -> str:
    return ", ".join(p for p in (room, workshop.location) if p)


def one_line(text: str) -> str:
    """Text for one line of a calendar: RFC 5545 TEXT admits no control characters (the
    library escapes line breaks but passes NUL or ESC through), and a title or a name has no
    line breaks of its own, so every run of whitespace or control characters becomes a space."""
    return " ".join("".join(" " if unicodedata.category(c) == "Cc" else c for c in text).split())


def event(
    uid: str,
    *,
    start: dt.date,
    summary: str,
    lines: list[str],
    end: dt.date | None = None,
    location: str = "",
    url: str | None = None,
) -> Event:
    """The one place where text from the data enters an event, each piece as one line."""
    return Event.new(
        uid=uid,
        stamp=stamp(start),
        start=start,
        end=end,
        summary=one_line(summary),
        description="\n".join(one_line(line) for line in lines),
        location=one_line(location) or None,
        url=url,
    )


def cfp_events(dates: Dates, site: Site) -> list[Event]:
    """Each deadline at its exact instant (23:59 AoE, written in UTC), each other date of the
    call (a notification, the program online) as an all-day event; extensions noted."""
    workshop = dates.workshop
    url = site.url_for(edition_doc("cfp", workshop.year), "")
    events = []
    for deadline in dates.deadlines:
        aoe = deadline.kind.is_deadline
        lines = [f"{deadline.label}: {dates_.deadline_day(deadline, spelled=True)}."]
        if deadline.was:
            lines.append(f"Extended from {dates_.day(deadline.was)}.")
        lines += [f"Call for papers: {url}"] if url else []
        day = deadline.date
        events.append(
            event(
                uid(dates, site, "cfp", deadline.id),
                start=deadline.instant if aoe else day,
                end=None if aoe else day + dt.timedelta(days=1),
                summary=f"{workshop.name}: {deadline.label}" + (" (AoE)" if aoe else ""),
                lines=lines,
                url=url,
            )
        )
    return events


def cfp_file(dates: Dates, site: Site) -> bytes:
    name = f"{dates.workshop.name} call for papers"
    return _ical(uid(dates, site, "cfp", "calendar"), name, cfp_events(dates, site), [])


def series_file(name: str, editions: list[Edition_], site: Site) -> bytes:
    """Every deadline and workshop day of every edition, with the UIDs of the editions' own
    calendars (a calendar app that has both sees one event)."""
    events: list[Event] = []
    for dates, program, proceedings in editions:
        events += cfp_events(dates, site)
        if dates.workshop.day is not None:
            events.append(day_event(program, dates, proceedings, site))
    series_uid = f"{make_id(name)}-series-calendar@{site.domain}"
    title = f"{name}: every deadline and workshop day"
    return _ical(series_uid, title, events, [d for d, _, _ in editions])


def calendar_files(name: str, editions: list[Edition_], site: Site) -> dict[str, bytes]:
    """Output path -> bytes: each edition's call and program (when known), and the series'."""
    out: dict[str, bytes] = {}
    for dates, program, proceedings in editions:
        year = dates.workshop.year
        if dates.deadlines:
            out[cfp_calendar(year)] = cfp_file(dates, site)
        if dates.workshop.day is not None:
            out[program_calendar(year)] = program_file(program, dates, proceedings, site)
    out[SERIES_CALENDAR] = series_file(name, editions, site)
    return out
