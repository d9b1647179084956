"""Two builds of the same sources at the same clock (SOURCE_DATE_EPOCH) give byte-identical
output: pages, citation files, calendars, search index and sitemap. The two builds differ in
everything that should not matter: the folder the sources are in, the hash seed, the time zone
and the locale."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from icalendar import Calendar

from tests.conftest import ROOT, copy_site
from tests.proceedings.helpers import paper, write_data
from tools.proceedings.paths import SERIES_CALENDAR, cfp_calendar, program_calendar

from .test_site_fuzz import FABRICATED_MOVED, PROGRAM_2025, program_page

# Every calendar of the site: the series', each edition's, and those at their old addresses.
CALENDARS = (
    SERIES_CALENDAR, program_calendar(2025), cfp_calendar(2025), cfp_calendar(2026),
    "program/program.ics", "cfp/cfp-dates.ics",
)  # fmt: skip

BUILDS = (
    {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8"},
    {"PYTHONHASHSEED": "2", "TZ": "Pacific/Kiritimati", "LC_ALL": "C"},
)


def fabricated(src: Path) -> list[str]:
    """A volume with the hard cases for ordering: sessions, withdrawn papers, authors whose
    names sort equal, non-ASCII names, several papers per author."""
    people = [
        {"given": "Ada", "family": "Example"},
        {"given": "Åsa", "family": "Ékström"},
        {"given": "ada", "family": "EXAMPLE", "orcid": "0000-0002-1825-0097"},
        {"name": "The INET4AI Consortium"},
        {"given": "李", "family": "王"},
    ]
    records = []
    for i in range(24):
        extra = {"session": f"Session {i % 3}"} if i % 4 else {}
        if i % 7 == 6:
            extra.update(status="withdrawn", notice="Withdrawn by the authors.")
        authors = [people[(i + k) % len(people)] for k in range(1 + i % 3)]
        records.append(paper(f"p{i:02d}", f"Paper {i} — Ünïcödé", authors=authors, **extra))
    write_data(src / "proceedings" / "data" / "2025", records)
    for name, content in FABRICATED_MOVED.items():  # the real papers' old addresses go
        (src / name).write_text(content, encoding="utf-8")
    return [r["id"] for r in records]


def build(src: Path, out: Path, env: dict[str, str]) -> None:
    # The tests' clock (conftest) is in SOURCE_DATE_EPOCH, for both builds.
    clean = {k: v for k, v in os.environ.items() if k not in ("INET4AI_BASE_URL",)}
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q", str(src),
         str(out)],
        env={**clean, **env},
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip


def tree(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".doctrees" not in p.parts
    }


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    outputs = []
    for i, env in enumerate(BUILDS):
        src = copy_site(tmp_path / f"src{i}")
        ids = fabricated(src)
        (src / PROGRAM_2025).write_text(program_page(ids), encoding="utf-8")
        build(src, tmp_path / f"out{i}", env)
        outputs.append(tree(tmp_path / f"out{i}"))
    first, second = outputs
    assert sorted(first) == sorted(second)
    differ = sorted(name for name in first if first[name] != second[name])
    assert differ == []
    kinds = {Path(name).suffix for name in first}
    assert {".html", ".bib", ".ris", ".json", ".ics", ".js", ".xml", ".txt"} <= kinds
    assert {"atom.xml", "sitemap.xml", *CALENDARS} <= set(first)
    for name in CALENDARS:
        calendar = Calendar.from_ical(first[name])
        for event in calendar.walk("VEVENT"):  # from the event itself, never the clock
            start = event["DTSTART"].dt
            day = start.astimezone(dt.UTC).date() if isinstance(start, dt.datetime) else start
            assert event["DTSTAMP"].dt == dt.datetime.combine(day, dt.time(), dt.UTC), name
