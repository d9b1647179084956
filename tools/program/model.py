"""The program's data model: frozen sessions, items and dates, read by checks and renderers."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..proceedings import Deadline, Edition, Location, Series, dates


class ItemKind(enum.StrEnum):
    OPENING = "opening"
    INVITED = "invited"
    PAPER = "paper"
    BREAK = "break"
    WRAP_UP = "wrap-up"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "opening": "Opening",
            "invited": "Invited talk",
            "paper": "Paper",
            "break": "Break",
            "wrap-up": "Wrap-up",
            "other": "",
        }[self.value]


@dataclass(frozen=True, slots=True)
class Source:
    """Where an element stands in the MyST sources: the Sphinx docname and the 1-based line."""

    docname: str
    line: int | None = None
    file: str = ""  # the source file, relative to the site's sources, for messages

    def __str__(self) -> str:
        where = self.file or self.docname
        return f"{where}:{self.line}" if self.line else where

    @property
    def location(self) -> Location:
        """As every problem names a place."""
        return Location(self.file or self.docname, self.line, doc=self.docname)


@dataclass(frozen=True, slots=True)
class Span:
    """A time range with a time zone; ``end`` is after ``start``."""

    start: dt.datetime
    end: dt.datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("times need a time zone")
        if self.end <= self.start:
            raise ValueError(f"the end ({self.end:%H:%M}) is not after the start")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def label(self) -> str:
        """'09:00–09:45 HKT', in the zone the times were given in."""
        return f"{self.start:%H:%M}–{self.end:%H:%M} {self.start.tzname() or ''}".rstrip()

    def within(self, day: dt.date, zone: ZoneInfo) -> bool:
        """True if the span lies in ``day`` as the venue counts days (midnight may end it)."""
        start = self.start.astimezone(zone)
        end = self.end.astimezone(zone)
        day_end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
        return start.date() == day and end <= day_end


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    affiliation: str = ""

    @property
    def display(self) -> str:
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str  # an absolute http(s) URL, checked by the directive that made it


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of the running order: a talk, a break, the opening or the wrap-up."""

    kind: ItemKind
    number: int  # position in its page's running order, from 1
    anchor: str  # HTML id of the item on the program page
    source: Source
    title: str = ""  # empty for paper talks: the title comes from the proceedings data
    paper: str | None = None
    people: tuple[Person, ...] = ()  # speakers, or the presenter of a paper
    when: Span | None = None
    links: tuple[Link, ...] = ()
    note: str = ""
    position_confirmed: bool = True  # False: its place in the running order is not certain


@dataclass(frozen=True, slots=True)
class Session:
    """Items held one after the other in one room; an untitled session only groups items."""

    items: tuple[Item, ...]
    source: Source
    title: str | None = None
    anchor: str | None = None
    when: Span | None = None
    room: str | None = None
    chair: str | None = None

    @property
    def span(self) -> Span | None:
        """Its own times, else the range its timed items cover."""
        timed = [i.when for i in self.items if i.when]
        if self.when or not timed:
            return self.when
        return Span(min(s.start for s in timed), max(s.end for s in timed))


@dataclass(frozen=True, slots=True)
class Program:
    """Every session of every page that holds program directives, pages in docname order."""

    sessions: tuple[Session, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for session in self.sessions for item in session.items)

    @property
    def order_confirmed(self) -> bool:
        """Whether every item's place in the running order (so every number) is certain."""
        return all(item.position_confirmed for item in self.items)

    def slots(self, day: dt.date | None) -> dict[str, tuple[Slot, ...]]:
        """Paper id -> its places in the program (more than one is a mistake, still shown)."""
        out: dict[str, list[Slot]] = {}
        for session in self.sessions:
            for item in session.items:
                if item.paper is None:
                    continue
                slot = Slot(
                    item.paper,
                    item.source.docname,
                    item.anchor,
                    item.number,
                    day,
                    session.title,
                    item.when,
                    item.people,
                    self.order_confirmed,
                )
                out.setdefault(item.paper, []).append(slot)
        return {paper: tuple(slots) for paper, slots in out.items()}


@dataclass(frozen=True, slots=True)
class Slot:
    """A paper's place in the program, as its own page shows it."""

    paper: str
    docname: str
    anchor: str
    number: int
    day: dt.date | None
    session: str | None = None
    when: Span | None = None
    presenters: tuple[Person, ...] = ()
    order_confirmed: bool = True  # False: the number may be off (see Program.order_confirmed)


@dataclass(frozen=True, slots=True)
class Workshop:
    """An edition as its program sees it."""

    name: str  # short: "INET4AI 2025"
    title: str  # long: "Workshop on Inter-networking challenges for AI"
    day: dt.date | None  # None: not known (the program then has no times)
    timezone: str | None  # IANA key of the venue's zone, e.g. "Asia/Hong_Kong"
    location: str
    year: int = 0

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone or "UTC")

    @property
    def day_label(self) -> str:
        return dates.weekday(self.day) if self.day else "date not known"


@dataclass(frozen=True, slots=True)
class Dates:
    """What an edition's calendars are made of: its workshop and its call's dates."""

    workshop: Workshop
    deadlines: tuple[Deadline, ...]


def dates_of(series: Series, edition: Edition) -> Dates:
    workshop = Workshop(
        series.label(edition),
        series.name,
        edition.date,
        edition.timezone,
        edition.place,
        edition.year,
    )
    return Dates(workshop, edition.call.deadlines)
