"""The news of every edition as an Atom feed (RFC 4287): the same data, the same bytes."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin, urlsplit

from feedgen.feed import FeedGenerator

from ..paths import FEED
from ..series import Series


def _instant(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def feed(series: Series, base_url: str, home: str) -> bytes:
    """Entry ids are tag URIs of the host, the edition and the item's id: they never change.
    Atom requires a date: an item whose day is not known stays out, never dated by a guess."""
    host = urlsplit(base_url).hostname or "localhost"
    first = series.editions[0].year
    gen = FeedGenerator()
    gen.id(f"tag:{host},{first}:news")
    gen.title(f"{series.short_name}: {series.name}, news")
    gen.author({"name": f"The organizers of {series.short_name}"})
    gen.link(href=urljoin(base_url, FEED), rel="self")
    gen.link(href=urljoin(base_url, home), rel="alternate")
    gen.language("en")
    news = [(edition, item, item.date) for edition, item in series.news if item.date]
    # With no dated item, the feed is as old as the series (Atom requires a date).
    gen.updated(_instant(max((d for *_, d in news), default=dt.date(first, 1, 1))))
    for edition, item, day in news:
        entry = gen.add_entry(order="append")
        entry.id(f"tag:{host},{edition.year}:news/{edition.year}/{item.id}")
        entry.title(item.title)
        entry.updated(_instant(day))
        entry.published(_instant(day))
        entry.summary(item.text or item.title)
        entry.link(href=urljoin(base_url, home))
    data: bytes = gen.atom_str(pretty=True)
    return data
