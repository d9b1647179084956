"""Variants of an edition's program page (program/2025/index.md), built in a temporary copy of
the site: times, the edition's data, mistakes, edits."""

from __future__ import annotations

import datetime as dt
import functools
import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar
from sphinx.util.console import strip_colors

from tests.conftest import SERIES_DATA, Site
from tools.proceedings.load import LoadedSeries, load_series
from tools.program.model import Session, Source
from tools.program.sphinx.domain import ProgramDomain

HKT = ZoneInfo("Asia/Hong_Kong")
BASE = "https://irtf-net4ai.github.io/inet4ai/"
PROGRAM = "program/2025/index.md"  # the page of the edition whose program the tests replace
DOC = "program/2025/index"
PAPERS = "proceedings/2025/papers"
# A fabricated program with times (not the real one: its times are not known).
TIMED = """\
# Program

```{program-calendar}
```

::::{session} Morning
:room: Room 1
:chair: Ann Chair

:::{program-slot} Opening remarks
:kind: opening
:start: 08:50
:end: 09:00
:::

:::{paper-talk} traffic-inversion
:presenter: Shaked Leibzirer
:start: 09:00
:end: 09:30
:::

:::{paper-talk} moe-load-balancing
:presenter: German Sviridov
:start: 09:30
:end: 10:00
:::
::::

::::{session} Afternoon
:start: 14:00
:end: 15:00

:::{paper-talk} scale-ccl
:::

:::{paper-talk} nano-cluster
:::
::::
"""
ALL_PAPERS = """\
# Program

::::{session}

:::{paper-talk} traffic-inversion
:::
:::{paper-talk} moe-load-balancing
:::
:::{paper-talk} scale-ccl
:::
:::{paper-talk} nano-cluster
:::
::::
"""


@pytest.fixture
def variant(build_site: Callable[..., Site]) -> Callable[..., Site]:
    """Build the site with another program page (other files, config overrides)."""

    def _build(program: str, *, files: dict[str, str] | None = None, **overrides: object) -> Site:
        return build_site(overrides=overrides, files={PROGRAM: program, **(files or {})})

    return _build


def line_of(text: str, needle: str) -> int:
    """1-based number of the last line of ``text`` that holds ``needle``."""
    return max(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def warnings(site: Site) -> list[str]:
    return strip_colors(site.warnings).splitlines()


def warning_at(site: Site, needle: str, message: str, subtype: str) -> str:
    """The one warning about ``message``; it must name the page's (last) line with ``needle``."""
    program = (site.src / PROGRAM).read_text(encoding="utf-8")
    location = f"{site.src / PROGRAM}:{line_of(program, needle)}: WARNING: "
    found = [w for w in warnings(site) if message in w]
    assert len(found) == 1, site.warnings
    assert found[0].startswith(location), found[0]
    assert found[0].endswith(f"[program.{subtype}]")
    return found[0]


# --- A program with times ---------------------------------------------------------------------


def test_timed_items_show_times_in_the_venue_zone(variant: Callable[..., Site]) -> None:
    site = variant(TIMED)
    page = site.page("program/2025/index.html")
    time = page.select_one("li#paper-traffic-inversion time.program-time")
    assert time.get_text() == "09:00–09:30 HKT"
    assert time["datetime"] == "2025-12-01T09:00:00+08:00"
    assert time["data-end"] == "2025-12-01T09:30:00+08:00"
    (script,) = page.select('script[src*="program-time.js"]')
    assert (site.out / "_static" / "program-time.js").is_file()
    assert script.has_attr("defer")
    meta = page.select_one("section#session-morning p.program-session-meta").get_text()
    assert meta == "08:50–10:00 HKT · Room: Room 1 · Chair: Ann Chair"
    slot = site.page(f"{PAPERS}/traffic-inversion.html").select_one(".paper-program-slot")
    assert "09:00–09:30 HKT" in slot.get_text()
    assert "session “Morning”" in slot.get_text()


def test_timed_calendar_has_events_with_vtimezone(variant: Callable[..., Site]) -> None:
    site = variant(TIMED)
    data = (site.out / "program" / "2025" / "program.ics").read_bytes()
    cal = Calendar.from_ical(data)
    events = {
        e.uid.split("@")[0].removeprefix("inet4ai-2025-program-index-"): e for e in cal.events
    }
    # Three timed items; the afternoon's items have no times, so the session is one event. The
    # UIDs keep the part they had when the page was program/index (PROGRAM_PART).
    assert list(events) == [
        "opening-remarks",
        "paper-traffic-inversion",
        "paper-moe-load-balancing",
        "session-afternoon",
    ]
    assert [tz.tz_name for tz in cal.timezones] == ["Asia/Hong_Kong"]
    talk = events["paper-traffic-inversion"]
    assert talk["DTSTART"].params["TZID"] == "Asia/Hong_Kong"
    assert (talk.start, talk.end) == (
        dt.datetime(2025, 12, 1, 9, 0, tzinfo=HKT),
        dt.datetime(2025, 12, 1, 9, 30, tzinfo=HKT),
    )
    assert talk["SUMMARY"] == "Paper: Self-supervised Application-level Network Traffic Inversion"
    assert talk["URL"] == f"{BASE}{PAPERS}/traffic-inversion.html"
    assert talk["LOCATION"] == "Room 1, HKUST, Hong Kong, China"
    assert "Presented by: Shaked Leibzirer" in talk["DESCRIPTION"]
    afternoon = events["session-afternoon"]
    assert afternoon.start == dt.datetime(2025, 12, 1, 14, 0, tzinfo=HKT)
    assert "4. Paper: SCALE-CCL" in afternoon["DESCRIPTION"]
    assert afternoon["URL"] == f"{BASE}program/2025/index.html#session-afternoon"
    # The calendar's old address (moved.yaml) serves the same bytes.
    assert (site.out / "program" / "program.ics").read_bytes() == data
    # The series' calendar has the day, its running order with the times the program gives.
    every = {e.uid: e for e in Calendar.from_ical(site.file("calendar.ics")).events}
    lines = every["inet4ai-2025-workshop-day@irtf-net4ai.github.io"]["DESCRIPTION"].splitlines()
    assert "Running order:" in lines and "times not known" not in " ".join(lines)
    assert "1. 08:50–09:00 HKT Opening remarks" in lines
    assert (
        "4. Paper: SCALE-CCL: A Scalable Collective Communication Library for Wide-Area "
        "Distributed Training (in the session of 14:00–15:00 HKT)" in lines
    )
    # Same sources, same file: nothing in it comes from the clock.
    rebuilt = variant(TIMED)
    assert (rebuilt.out / "program" / "2025" / "program.ics").read_bytes() == data


def other_series(tmp_path: Path, year: int, **changes: tuple[str, str]) -> Path:
    """A copy of the series' data folder whose edition.yaml of ``year`` has each whole line
    ``old`` replaced by ``new`` (one (old, new) pair a change); each line must be there once."""
    folder = tmp_path / "other-series"
    shutil.copytree(SERIES_DATA, folder)
    edition = folder / str(year) / "edition.yaml"
    lines = edition.read_text(encoding="utf-8").splitlines(keepends=True)
    for old, new in changes.values():
        (index,) = [i for i, line in enumerate(lines) if line.rstrip("\n") == old]
        lines[index] = new + "\n"
    edition.write_text("".join(lines), encoding="utf-8")
    return folder


def test_the_edition_data_can_be_replaced(variant: Callable[..., Site], tmp_path: Path) -> None:
    """The day, the zone and the deadlines come from the edition's edition.yaml of the series
    folder the build is given (`-D series_data=DIR`), not from the pages."""
    jst = ZoneInfo("Asia/Tokyo")
    moved = other_series(
        tmp_path,
        2025,
        day=("date: 2025-12-01", "date: 2025-12-02"),
        zone=("timezone: Asia/Hong_Kong", "timezone: Asia/Tokyo"),
        camera=(
            "    - {id: camera-ready, label: Camera ready due, kind: camera-ready, "
            "date: 2025-10-08}",
            "    - {id: camera-ready, label: Camera ready due, kind: camera-ready, "
            "date: 2025-10-10}",
        ),
    )
    site = variant(TIMED, series_data=str(moved))
    assert site.warnings == ""  # bare times move with the day: none is outside it
    page = site.page("program/2025/index.html")
    time = page.select_one("li#paper-traffic-inversion time.program-time")
    assert time.get_text() == "09:00–09:30 JST"
    assert time["datetime"] == "2025-12-02T09:00:00+09:00"
    day = " ".join(page.select_one("p.program-day").get_text().split())
    assert day == "Tuesday 2 December 2025 · HKUST, Hong Kong, China"
    slot = site.page(f"{PAPERS}/traffic-inversion.html").select_one(".paper-program-slot")
    assert "Tuesday 2 December 2025" in slot.get_text()
    cal = Calendar.from_ical((site.out / "program" / "2025" / "program.ics").read_bytes())
    assert min(e.start for e in cal.events) == dt.datetime(2025, 12, 2, 8, 50, tzinfo=jst)
    assert [tz.tz_name for tz in cal.timezones] == ["Asia/Tokyo"]
    cfp = Calendar.from_ical((site.out / "cfp" / "2025" / "cfp-dates.ics").read_bytes())
    (camera,) = [e for e in cfp.events if e.uid.startswith("inet4ai-2025-cfp-camera-ready@")]
    assert camera.start == dt.datetime(2025, 10, 11, 11, 59, tzinfo=dt.UTC)  # 23:59 AoE
    rows = deadline_rows(site.page("cfp/2025/index.html"))
    assert rows[2] == ["Camera ready due", "", "10 October 2025, 23:59 AoE"]


def deadline_rows(page: BeautifulSoup) -> list[list[str]]:
    """The call's table of dates, a row a deadline, a cell's text normalised."""
    table = page.select_one("table.inet4ai-dates")
    return [
        [" ".join(td.get_text().split()) for td in tr.select("td")]
        for tr in table.select("tbody tr")
    ]


def test_the_cfp_page_directives(site: Site) -> None:
    """What cfp/2025/index.md asks of the data: its dates from the edition's edition.yaml,
    extensions shown, and the calendar of its deadlines beside the page."""
    page = site.page("cfp/2025/index.html")
    (button,) = page.select("p.program-calendar a")
    assert button["href"] == "cfp-dates.ics"
    assert (site.out / "cfp" / "2025" / "cfp-dates.ics").is_file()
    assert deadline_rows(page) == [
        ["Paper submissions deadline", "28 July 2025", "3 September 2025, 23:59 AoE (extended)"],
        ["Paper acceptance notification", "12 September 2025", "1 October 2025 (extended)"],
        ["Camera ready due", "", "8 October 2025, 23:59 AoE"],
        ["Program available online", "", "16 October 2025"],
    ]
    struck = [s.get_text() for s in page.select("table.inet4ai-dates :is(s, del)")]
    assert struck == ["28 July 2025", "12 September 2025"]  # the superseded dates
    # The notes after the table (the theme wraps it in a scrolling container), then the button.
    table = page.select_one("table.inet4ai-dates")
    outside = [p for p in table.find_all_next("p") if all(t is not table for t in p.parents)]
    extended, aoe, after = outside[:3]
    assert "struck through" in extended.get_text()
    assert "Anywhere on Earth (AoE, UTC−12): a deadline holds" in aoe.get_text()
    assert after is button.parent


# --- Mistakes fail the build with their location ----------------------------------------------


def test_an_unknown_paper_id_fails_with_its_line(variant: Callable[..., Site]) -> None:
    program = TIMED + "\n::::{session}\n\n:::{paper-talk} no-such-paper\n:::\n::::\n"
    program += "\nSee {paper}`no-such-either` and {paper}`moe-load-balancing`.\n"
    site = variant(program)
    warning_at(site, "{paper-talk} no-such-paper", "'no-such-paper'", "unknown-paper")
    warning_at(site, "no-such-either", "'no-such-either'", "unknown-paper")
    item = site.page("program/2025/index.html").select_one("li#paper-no-such-paper .missing")
    assert item.get_text() == "Unknown paper 'no-such-paper'"
    mention = site.page("program/2025/index.html").select_one(
        'section#program > p > a[href$="moe-load-balancing.html"]'
    )
    assert mention.get_text() == "Latency-Optimal Load Balancing for Distributed MoE Inference"
    assert "(Venkata Pavan Kumar Miriyala, German Sviridov," in mention.parent.get_text()


def test_overlapping_sessions_fail_with_their_line(variant: Callable[..., Site]) -> None:
    clash = TIMED.replace(
        "::::{session} Afternoon\n:start: 14:00", "::::{session} Afternoon\n:start: 09:45"
    )
    clash = clash.replace(":room: Room 1\n", "")
    site = variant(clash)
    warning = warning_at(site, "{session} Afternoon", "overlaps", "overlap")
    assert "session 'Afternoon' (09:45–15:00 HKT) overlaps session 'Morning'" in warning
    assert f"{PROGRAM}:6" in warning  # where the other session is


def test_sessions_in_different_rooms_may_overlap(variant: Callable[..., Site]) -> None:
    parallel = TIMED.replace(":start: 14:00", ":start: 09:45\n:room: Room 2")
    assert variant(parallel).warnings == ""


def test_a_paper_twice_and_an_item_outside_the_day(variant: Callable[..., Site]) -> None:
    program = ALL_PAPERS + (
        "\n::::{session} Next day\n\n"
        ":::{paper-talk} scale-ccl\n:presenter: Jiaheng Xiong\n:::\n"
        ":::{program-slot} Dinner\n:start: 2025-12-02 19:00\n:end: 2025-12-02 21:00\n:::\n"
        "::::\n"
    )
    site = variant(program)
    warning = warning_at(site, "{paper-talk} scale-ccl", "scheduled twice", "duplicate-paper")
    first = ALL_PAPERS.splitlines().index(":::{paper-talk} scale-ccl") + 1
    assert f"also item 3 (paper 'scale-ccl') at {PROGRAM}:{first}" in warning
    warning_at(site, "{program-slot} Dinner", "not on the workshop's day", "outside-day")
    # A paper listed twice shows both places on its page.
    assert len(site.page(f"{PAPERS}/scale-ccl.html").select(".paper-program-slot")) == 2


def test_bad_times_and_misplaced_items(variant: Callable[..., Site]) -> None:
    program = ALL_PAPERS + (
        "\n::::{session} Odd\n\n:::{program-slot} Lunch\n:start: 13:00\n:end: 12:00\n:::\n::::\n"
        "\n:::{program-slot} Stray\n:::\n"
    )
    site = variant(program)
    warning_at(site, "{program-slot} Lunch", "is not after the start", "bad-time")
    warning_at(site, "{program-slot} Stray", "inside a {session}", "structure")


def test_a_published_paper_missing_from_the_program(variant: Callable[..., Site]) -> None:
    program = ALL_PAPERS.replace(":::{paper-talk} scale-ccl\n:::\n", "")
    site = variant(program)
    (warning,) = warnings(site)
    assert warning.startswith(f"{site.src / PROGRAM}: WARNING: ")
    assert "published paper 'scale-ccl' (" in warning and "papers.yaml:" in warning
    assert warning.endswith("[program.unscheduled-paper]")
    quiet = variant(program, suppress_warnings=["myst.strikethrough", "program.unscheduled-paper"])
    assert quiet.warnings == ""


# --- Editing the program ----------------------------------------------------------------------


def test_paper_pages_follow_a_changed_program(variant: Callable[..., Site]) -> None:
    variant(TIMED)
    site = variant(TIMED.replace(":presenter: German Sviridov\n", ":presenter: Haris Javaid\n"))
    slot = site.page(f"{PAPERS}/moe-load-balancing.html").select_one(".paper-program-slot")
    assert "presented by Haris Javaid (AMD, Singapore)" in slot.get_text()
    # The calendar follows too, at its address and at its old one.
    data = (site.out / "program" / "2025" / "program.ics").read_bytes()
    assert (site.out / "program" / "program.ics").read_bytes() == data
    (talk,) = [e for e in Calendar.from_ical(data).events if "moe-load-balancing" in e.uid]
    assert "Presented by: Haris Javaid (AMD, Singapore)" in talk["DESCRIPTION"]
    # The people index shows the presenters (Sphinx read it again: it depends on the program).
    people = site.page("proceedings/people.html")
    javaid = people.select_one("li#haris-javaid")
    assert javaid is not None and "2025 author and presenter: Latency" in javaid.get_text()
    sviridov = people.select_one("li#german-sviridov")
    assert sviridov is not None and "presenter" not in sviridov.get_text()


def environment(**attrs: object) -> tuple[SimpleNamespace, ProgramDomain]:
    """A build environment with only what the program's domain and its handlers use of it:
    the domain's data, and the series (the proceedings' domain) of the site's data folder."""
    env = SimpleNamespace(domaindata={}, **attrs)
    state = ProgramDomain(env)  # type: ignore[arg-type]
    loaded = series()
    proceedings = SimpleNamespace(series=loaded.series)
    domains = {"program": state, "proceedings": proceedings}
    env.get_domain = domains.__getitem__
    return env, state


@functools.cache
def series() -> LoadedSeries:
    return load_series(SERIES_DATA)


def test_parallel_readers_merge_their_sessions() -> None:
    """merge_domaindata / clear_doc: sessions live per document, as parallel reads need."""
    (_, main), (_, worker) = environment(), environment()
    extra, other = "program/2025/extra", "program/2026/index"
    mine = Session((), Source(DOC, 1))
    theirs = Session((), Source(extra, 1))
    main.add_session(DOC, mine)
    worker.add_session(extra, theirs)
    worker.add_session(other, theirs)
    main.merge_domaindata({extra}, worker.data)
    assert main.program(2025).sessions == (theirs, mine)  # pages in docname order
    assert list(main.programs) == [2025]  # only the documents this reader was given
    main.clear_doc(extra)
    assert main.program(2025).sessions == (mine,)


def test_a_directive_naming_no_edition_fails_with_its_line(variant: Callable[..., Site]) -> None:
    program = ALL_PAPERS + "\n```{invited-talks} 2O25\n```\n\n```{invited-talks} 1999\n```\n"
    site = variant(program)
    lines = [w for w in warnings(site) if "the data has no such edition" in w]
    message = "{}:{}: ERROR: '{}': the data has no such edition (give its year) [docutils]"
    assert lines == [
        message.format(site.src / PROGRAM, line_of(program, y), y) for y in ("2O25", "1999")
    ], site.warnings
