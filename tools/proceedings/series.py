"""The series in the model: its editions (host, place, call, committee, news, volume)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

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


class DateKind(enum.StrEnum):
    """What a date of a call is: a deadline (until the day ends AoE) or a day (the rest)."""

    ABSTRACT = "abstract"  # abstract registration: closes submissions too
    SUBMISSION = "submission"
    CAMERA_READY = "camera-ready"
    NOTIFICATION = "notification"
    PROGRAM = "program"
    OTHER = "other"

    @property
    def is_deadline(self) -> bool:
        return self in (DateKind.ABSTRACT, DateKind.SUBMISSION, DateKind.CAMERA_READY)

    @property
    def takes_submissions(self) -> bool:
        return self in (DateKind.ABSTRACT, DateKind.SUBMISSION)


# Anywhere on Earth: a deadline holds until the day ends in the last time zone, UTC-12.
AOE = dt.timezone(dt.timedelta(hours=-12), "AoE")


@dataclass(frozen=True, slots=True)
class Deadline:
    """A date of a call for papers: a deadline (23:59 Anywhere on Earth) or a day."""

    id: str
    label: str  # the call's own words
    date: dt.date
    kind: DateKind
    was: dt.date | None = None  # the date before an extension
    source: Location = field(default_factory=lambda: Location("<memory>"), compare=False)

    @property
    def instant(self) -> dt.datetime:
        """Its last minute, as calendars give a deadline: 23:59 AoE (11:59 UTC the next day)."""
        return dt.datetime.combine(self.date, dt.time(23, 59), AOE).astimezone(dt.UTC)

    @property
    def ends(self) -> dt.datetime:
        """When its day has ended everywhere (12:00 UTC the next day): passed from then on."""
        return dt.datetime.combine(self.date + dt.timedelta(1), dt.time(), AOE).astimezone(dt.UTC)


class Phase(enum.StrEnum):
    """Where the workshop's day is, seen from the build's clock."""

    UNKNOWN = "unknown"  # its day is not known
    COMING = "coming"
    TODAY = "today"
    HELD = "held"


class CallStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"  # published, but no date that closes submissions is known


@dataclass(frozen=True, slots=True)
class Call:
    """An edition's call for papers: where to submit and its dates."""

    portal: str | None = None  # the submission site's address, when the call gives one
    portal_as_published: str = ""  # what the call says instead (e.g. "TBA"), when it gives none
    deadlines: tuple[Deadline, ...] = ()

    @property
    def has_data(self) -> bool:
        return bool(self.deadlines or self.portal or self.portal_as_published)

    @property
    def closing(self) -> Deadline | None:
        """The last date that takes submissions: the call is open until it has passed."""
        taking = [d for d in self.deadlines if d.kind.takes_submissions]
        return max(taking, key=lambda d: d.date, default=None)

    def status(self, now: dt.datetime) -> CallStatus:
        """``now``: the build's clock (sphinx/clock.py)."""
        if (closing := self.closing) is None:
            return CallStatus.UNKNOWN
        return CallStatus.CLOSED if now >= closing.ends else CallStatus.OPEN


@dataclass(frozen=True, slots=True)
class NewsItem:
    id: str  # stable: the feed entry's id is made of it
    title: str
    text: str
    date: dt.date | None = None  # None: not known (shown on the home page, not in the feed)
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

    @property
    def day_span(self) -> tuple[dt.datetime, dt.datetime] | None:
        """The workshop's day, from midnight to midnight where it is held (AoE when the zone
        is not known: the day has then ended everywhere); None when the day is not known."""
        if self.date is None:
            return None
        zone = ZoneInfo(self.timezone) if self.timezone else AOE
        start = dt.datetime.combine(self.date, dt.time(), zone)
        end = dt.datetime.combine(self.date + dt.timedelta(days=1), dt.time(), zone)
        return start.astimezone(dt.UTC), end.astimezone(dt.UTC)

    def phase(self, now: dt.datetime) -> Phase:
        if (span := self.day_span) is None:
            return Phase.UNKNOWN
        return Phase.COMING if now < span[0] else Phase.TODAY if now < span[1] else Phase.HELD

    @property
    def moments(self) -> tuple[dt.datetime, ...]:
        """Every instant at which something the site says of this edition changes (a date of
        its call passes, its day starts or ends): a page stays true between two of them."""
        return (*(d.ends for d in self.call.deadlines), *(self.day_span or ()))


@dataclass(frozen=True, slots=True)
class Series:
    name: str  # "Workshop on Inter-networking challenges for AI"
    short_name: str  # "INET4AI"
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

    def epoch(self, now: dt.datetime) -> str:
        """The moments of every edition that ``now`` is past: two clocks with the same epoch
        give the same pages, so a page that shows the clock is rebuilt only when it changes."""
        passed = sorted(m for e in self.editions for m in e.moments if m <= now)
        return ",".join(m.isoformat() for m in passed)

    @property
    def newest_first(self) -> tuple[Edition, ...]:
        return tuple(reversed(self.editions))

    @property
    def news(self) -> list[tuple[Edition, NewsItem]]:
        """Every edition's news, newest first; undated items after their edition's dated ones."""
        news = [(e, item, i) for e in self.editions for i, item in enumerate(e.news)]
        news.sort(key=lambda n: (n[0].year, n[1].date or dt.date.min, -n[2]), reverse=True)
        return [(edition, item) for edition, item, _ in news]
