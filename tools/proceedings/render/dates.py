"""Dates as text: the site's house style in prose ('1 December 2025', '1–4 December 2025') and
ACM's in references ('December 1–4, 2025'); every range takes an en dash. Names are spelled out
here, not by strftime, whose names follow the build machine's locale."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_DASH = "\u2013"


def day(date: dt.date) -> str:
    """'1 December 2025'."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def weekday(date: dt.date) -> str:
    """'Monday 1 December 2025'."""
    return f"{WEEKDAYS[date.weekday()]} {day(date)}"


def month(year: int, month: int) -> str:
    """'December 2025'."""
    return f"{MONTHS[month - 1]} {year}"


def day_range(start: dt.date, end: dt.date) -> str:
    """'1–4 December 2025', '30 November – 2 December 2025', '1 December 2025' for one day."""
    if end == start:
        return day(start)
    if (end.year, end.month) == (start.year, start.month):
        return f"{start.day}{EN_DASH}{day(end)}"
    if end.year == start.year:
        return f"{start.day} {MONTHS[start.month - 1]} {EN_DASH} {day(end)}"
    return f"{day(start)} {EN_DASH} {day(end)}"


def acm_range(start: dt.date, end: dt.date) -> str:
    """ACM's form in references: 'December 1–4, 2025', 'November 30 – December 2, 2025'."""
    first = f"{MONTHS[start.month - 1]} {start.day}"
    if end == start:
        return f"{first}, {start.year}"
    if (end.year, end.month) == (start.year, start.month):
        return f"{first}{EN_DASH}{end.day}, {end.year}"
    if end.year == start.year:
        return f"{first} {EN_DASH} {MONTHS[end.month - 1]} {end.day}, {end.year}"
    return f"{first}, {start.year} {EN_DASH} {MONTHS[end.month - 1]} {end.day}, {end.year}"
