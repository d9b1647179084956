"""RENDER: the news of every edition as an Atom feed (RFC 4287), by the feedgen library. Pure:
the same data and base URL give the same bytes (every date comes from the data)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin, urlsplit

from feedgen.feed import FeedGenerator

from ..paths import FEED
from ..series import Series


def _instant(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def feed(series: Series, base_url: str, home: str) -> bytes:
    """The feed; entry ids are tag URIs made of the site's host, the edition and the item's id,
    so they never change. An entry is updated on the day the site said it (the item's date, or
    for an item whose day is not known, the day it was posted): Atom requires that date."""
    host = urlsplit(base_url).hostname or "localhost"
    first = series.editions[0].year
    gen = FeedGenerator()
    gen.id(f"tag:{host},{first}:news")
    gen.title(f"{series.short_name}: {series.name}, news")
    gen.author({"name": f"The organizers of {series.short_name}"})
    gen.link(href=urljoin(base_url, FEED), rel="self")
    gen.link(href=urljoin(base_url, home), rel="alternate")
    gen.language("en")
    news = series.news
    days = [item.posted or item.date or series.revised for _, item in news]
    gen.updated(_instant(max(days, default=series.revised)))
    for (edition, item), day in zip(news, days, strict=True):
        entry = gen.add_entry(order="append")
        entry.id(f"tag:{host},{edition.year}:news/{edition.year}/{item.id}")
        entry.title(item.title)
        entry.updated(_instant(day))
        if item.date:
            entry.published(_instant(item.date))
        entry.summary(item.text or item.title)
        entry.link(href=urljoin(base_url, home))
    data: bytes = gen.atom_str(pretty=True)
    return data
