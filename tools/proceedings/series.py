"""The series in the model: its editions, each with its host conference, place, call, committee
and news, and the proceedings volume of those that have one. Frozen dataclasses, built only by
sources/; every derived value (an ordinal, a short title, a call's status) is a property."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from .errors import Location
from .model import Author, Event, Proceedings


def ordinal(n: int) -> str:
    """'1st', '2nd', '3rd', '4th', '11th', '21st'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True, slots=True)
class Member:
    """A person on an edition's committee, as the edition's data gives them."""

    person: Author  # name, affiliations, ORCID
    note: str = ""  # e.g. "IRTF chair"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A date of a call for papers; every one ends at 23:59 Anywhere on Earth."""

    id: str
    label: str  # the call's own words
    date: dt.date
    was: dt.date | None = None  # the date before an extension
    source: Location = field(default_factory=lambda: Location("<memory>"), compare=False)

    @property
    def instant(self) -> dt.datetime:
        """The last minute of the day AoE, in UTC (23:59 UTC-12 is 11:59 UTC the next day)."""
        end = dt.datetime.combine(self.date, dt.time(23, 59), AOE)
        return end.astimezone(dt.UTC)


# Anywhere on Earth: a deadline holds until the day ends in the last time zone, UTC-12.
AOE = dt.timezone(dt.timedelta(hours=-12), "AoE")


class CallStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Call:
    """An edition's call for papers: where to submit and its dates."""

    portal: str | None = None  # the submission site's address, when the call gives one
    portal_as_published: str = ""  # what the call says instead (e.g. "TBA"), when it gives none
    deadlines: tuple[Deadline, ...] = ()

    @property
    def last(self) -> dt.date | None:
        return max((d.date for d in self.deadlines), default=None)

    def status(self, today: dt.date) -> CallStatus | None:
        """Closed once its last date has passed (AoE, so the day after, everywhere); None for a
        call without dates. ``today`` is the data's revision date, never the build's clock."""
        if self.last is None:
            return None
        return CallStatus.CLOSED if today > self.last else CallStatus.OPEN


@dataclass(frozen=True, slots=True)
class NewsItem:
    id: str  # stable: the feed entry's id is made of it
    title: str
    text: str
    date: dt.date | None = None  # None: the day is not known
    posted: dt.date | None = None  # the day the site first said it (the feed dates it so)
    source: Location = field(default_factory=lambda: Location("<memory>"), compare=False)


@dataclass(frozen=True, slots=True)
class Edition:
    year: int
    number: int  # its place in the series: 1 for the first (set by the series, from the order)
    host: Event  # the conference it is held with
    timezone: str | None  # IANA zone of the venue, e.g. "Asia/Hong_Kong"; None: not known
    name: str = ""  # its own name, when it has one ("The Second INET4AI Workshop at ...")
    venue: str = ""  # e.g. "HKUST", when known
    city: str = ""
    country: str = ""
    date: dt.date | None = None  # the workshop's day, when known
    call: Call = field(default_factory=Call)
    chairs: tuple[Member, ...] | None = None  # None: not known (or not published)
    committee: tuple[Member, ...] | None = None
    news: tuple[NewsItem, ...] = ()
    proceedings: Proceedings | None = None
    source: Location = field(default_factory=lambda: Location("<memory>"), compare=False)

    @property
    def ordinal(self) -> str:
        return ordinal(self.number)

    @property
    def place(self) -> str:
        """'HKUST, Hong Kong, China'; 'Utrecht, the Netherlands' when the venue is not known."""
        return ", ".join(p for p in (self.venue, self.city, self.country) if p)


@dataclass(frozen=True, slots=True)
class Series:
    name: str  # "Workshop on Inter-networking challenges for AI"
    short_name: str  # "INET4AI"
    revised: dt.date  # when the data last changed: what "today" is for every page and file
    editions: tuple[Edition, ...]  # oldest first
    contacts: tuple[tuple[str, str], ...] = ()  # (what for, e-mail address)
    links: tuple[tuple[str, str], ...] = ()  # (label, URL), e.g. the IRTF
    source: Location = field(default_factory=lambda: Location("<memory>"), compare=False)

    def label(self, edition: Edition) -> str:
        """'INET4AI 2025'."""
        return f"{self.short_name} {edition.year}"

    def short_title(self, edition: Edition) -> str:
        """ACM's style: "INET4AI '25"."""
        return f"{self.short_name} '{edition.year % 100:02d}"

    def title(self, edition: Edition) -> str:
        """The edition's own name, else '2nd Workshop on Inter-networking challenges for AI'."""
        return edition.name or f"{edition.ordinal} {self.name}"

    @property
    def current(self) -> Edition:
        return self.editions[-1]

    def edition(self, year: int) -> Edition:
        return next(e for e in self.editions if e.year == year)

    def has(self, year: int) -> bool:
        return any(e.year == year for e in self.editions)

    @property
    def newest_first(self) -> tuple[Edition, ...]:
        return tuple(reversed(self.editions))

    @property
    def news(self) -> list[tuple[Edition, NewsItem]]:
        """Every edition's news, newest first; items whose day is not known after the dated
        ones of their edition."""
        dated = [
            (item.date or dt.date.min, edition.year, -i, edition, item)
            for edition in self.editions
            for i, item in enumerate(edition.news)
        ]
        dated.sort(key=lambda e: (e[1], e[0], e[2]), reverse=True)
        return [(edition, item) for *_, edition, item in dated]
