"""Dates as text, in prose ('1–4 December 2025') and as ACM's references ('December 1–4, 2025')."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from ..series import Deadline

# Spelled out here, not by strftime, whose names follow the build machine's locale.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_DASH = "\u2013"
# What AoE is, the one place it is spelled out: a deadline holds until 23:59 in UTC-12.
AOE_SPELLED = "Anywhere on Earth (AoE, UTC\N{MINUS SIGN}12)"


def day(date: dt.date) -> str:
    """'1 December 2025'."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def weekday(date: dt.date) -> str:
    """'Monday 1 December 2025'."""
    return f"{WEEKDAYS[date.weekday()]} {day(date)}"


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


def zone_on(day: dt.date, zone: str) -> str:
    """'HKT, UTC+8': the zone's name and offset at noon of ``day`` (the minus a true minus)."""
    noon = dt.datetime.combine(day, dt.time(12), ZoneInfo(zone))
    offset = noon.utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "\N{MINUS SIGN}"
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    name = noon.tzname() or ""
    return utc if not name or name[0] in "+-" else f"{name}, {utc}"


def deadline_day(deadline: Deadline, *, spelled: bool = False) -> str:
    """'14 July 2026, 23:59 AoE' for a deadline (AoE spelled out if ``spelled``), else the day."""
    if not deadline.kind.is_deadline:
        return day(deadline.date)
    return f"{day(deadline.date)}, 23:59 " + (AOE_SPELLED if spelled else "AoE")
