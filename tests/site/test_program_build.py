"""Variants of the program page, built in a temporary copy of the site: times, mistakes, edits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sphinx.util.console import strip_colors

from tests.conftest import ROOT, Site
from tools.program import sphinx as program_extension
from tools.program.model import Item, ItemKind, Person, Session, Source
from tools.program.read import read_dates
from tools.program.sphinx.domain import ProgramDomain

HKT = ZoneInfo("Asia/Hong_Kong")
BASE = "https://irtf-net4ai.github.io/inet4ai/"
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
        return build_site(overrides=overrides, files={"program/index.md": program, **(files or {})})

    return _build


def line_of(text: str, needle: str) -> int:
    """1-based number of the last line of ``text`` that holds ``needle``."""
    return max(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def warnings(site: Site) -> list[str]:
    return strip_colors(site.warnings).splitlines()


def warning_at(site: Site, needle: str, message: str, subtype: str) -> str:
    """The one warning about ``message``; it must name the page's (last) line with ``needle``."""
    program = (site.src / "program" / "index.md").read_text(encoding="utf-8")
    location = f"{site.src / 'program' / 'index.md'}:{line_of(program, needle)}: WARNING: "
    found = [w for w in warnings(site) if message in w]
    assert len(found) == 1, site.warnings
    assert found[0].startswith(location), found[0]
    assert found[0].endswith(f"[program.{subtype}]")
    return found[0]


# --- A program with times ---------------------------------------------------------------------


def test_timed_items_show_times_in_the_venue_zone(variant: Callable[..., Site]) -> None:
    site = variant(TIMED)
    page = site.page("program/index.html")
    time = page.select_one("li#paper-traffic-inversion time.program-time")
    assert time.get_text() == "09:00–09:30 HKT"
    assert time["datetime"] == "2025-12-01T09:00:00+08:00"
    assert time["data-end"] == "2025-12-01T09:30:00+08:00"
    (script,) = page.select('script[src*="program-time.js"]')
    assert (site.out / "_static" / "program-time.js").is_file()
    assert script.has_attr("defer")
    meta = page.select_one("section#session-morning p.program-session-meta").get_text()
    assert meta == "08:50–10:00 HKT · Room: Room 1 · Chair: Ann Chair"
    slot = site.page("proceedings/papers/traffic-inversion.html").select_one(".paper-program-slot")
    assert "09:00–09:30 HKT" in slot.get_text()
    assert "session “Morning”" in slot.get_text()


def test_timed_calendar_has_events_with_vtimezone(variant: Callable[..., Site]) -> None:
    site = variant(TIMED)
    data = (site.out / "program" / "program.ics").read_bytes()
    cal = Calendar.from_ical(data)
    events = {
        e.uid.split("@")[0].removeprefix("inet4ai-2025-program-index-"): e for e in cal.events
    }
    # Three timed items; the afternoon's items have no times, so the session is one event.
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
    assert talk["URL"] == f"{BASE}proceedings/papers/traffic-inversion.html"
    assert talk["LOCATION"] == "Room 1, HKUST, Hong Kong, China"
    assert "Presented by: Shaked Leibzirer" in talk["DESCRIPTION"]
    afternoon = events["session-afternoon"]
    assert afternoon.start == dt.datetime(2025, 12, 1, 14, 0, tzinfo=HKT)
    assert "4. Paper: SCALE-CCL" in afternoon["DESCRIPTION"]
    assert afternoon["URL"] == f"{BASE}program/index.html#session-afternoon"
    # Same sources, same file: nothing in it comes from the clock.
    rebuilt = variant(TIMED)
    assert (rebuilt.out / "program" / "program.ics").read_bytes() == data


def test_the_dates_file_can_be_replaced(variant: Callable[..., Site], tmp_path: Path) -> None:
    moved = tmp_path / "other-dates.yaml"
    text = (ROOT / "program" / "dates.yaml").read_text(encoding="utf-8")
    moved.write_text(text.replace("2025-12-01", "2025-12-02"), encoding="utf-8")
    site = variant(TIMED, program_dates=str(moved))
    assert "is not on the workshop's day" not in site.warnings  # bare times move with the day
    cal = Calendar.from_ical((site.out / "program" / "program.ics").read_bytes())
    assert min(e.start for e in cal.events) == dt.datetime(2025, 12, 2, 8, 50, tzinfo=HKT)


def test_the_cfp_page_directives(variant: Callable[..., Site]) -> None:
    """The lines offered to the CFP page: its dates from the dates file, and its calendar."""
    cfp = (ROOT / "cfp" / "index.md").read_text(encoding="utf-8")
    lines = "\n## Dates from the dates file\n\n```{cfp-dates}\n```\n\n```{cfp-calendar}\n```\n"
    site = variant(ALL_PAPERS, files={"cfp/index.md": cfp + lines})
    assert site.warnings == ""
    page = site.page("cfp/index.html")
    assert page.select_one("p.program-calendar a")["href"] == "cfp-dates.ics"
    items = [" ".join(li.get_text().split()) for li in page.select("ul.program-deadlines > li")]
    assert items == [
        "Paper submissions deadline: 3 September 2025 (extended from 28 July 2025)",
        "Paper acceptance notification: 1 October 2025 (extended from 12 September 2025)",
        "Camera ready due: 8 October 2025",
        "Program available online: 16 October 2025",
    ]
    assert "Anywhere on Earth" in page.select_one("p.program-deadlines-note").get_text()


# --- Mistakes fail the build with their location ----------------------------------------------


def test_an_unknown_paper_id_fails_with_its_line(variant: Callable[..., Site]) -> None:
    program = TIMED + "\n::::{session}\n\n:::{paper-talk} no-such-paper\n:::\n::::\n"
    program += "\nSee {paper}`no-such-either` and {paper}`moe-load-balancing`.\n"
    site = variant(program)
    warning_at(site, "{paper-talk} no-such-paper", "'no-such-paper'", "unknown-paper")
    warning_at(site, "no-such-either", "'no-such-either'", "unknown-paper")
    item = site.page("program/index.html").select_one("li#paper-no-such-paper .missing")
    assert item.get_text() == "Unknown paper 'no-such-paper'"
    mention = site.page("program/index.html").select_one(
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
    assert "program/index.md:6" in warning  # where the other session is


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
    assert f"also item 3 (paper 'scale-ccl') at program/index.md:{first}" in warning
    warning_at(site, "{program-slot} Dinner", "not on the workshop's day", "outside-day")
    # A paper listed twice shows both places on its page.
    assert len(site.page("proceedings/papers/scale-ccl.html").select(".paper-program-slot")) == 2


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
    assert warning.startswith(f"{site.src / 'program' / 'index.md'}: WARNING: ")
    assert "published paper 'scale-ccl' (" in warning and "papers.yaml:" in warning
    assert warning.endswith("[program.unscheduled-paper]")
    quiet = variant(program, suppress_warnings=["myst.strikethrough", "program.unscheduled-paper"])
    assert quiet.warnings == ""


# --- Editing the program ----------------------------------------------------------------------


def test_paper_pages_follow_a_changed_program(variant: Callable[..., Site]) -> None:
    variant(TIMED)
    site = variant(TIMED.replace(":presenter: German Sviridov\n", ":presenter: Haris Javaid\n"))
    slot = site.page("proceedings/papers/moe-load-balancing.html").select_one(".paper-program-slot")
    assert "presented by Haris Javaid (AMD, Singapore)" in slot.get_text()


def test_only_paper_pages_whose_slot_changed_are_rewritten() -> None:
    """env-get-updated: a paper page's source does not change with the program, its slot does."""
    papers = [f"proceedings/papers/{p}" for p in ("alpha", "beta")]
    env, state = environment(found_docs={"program/index", *papers})
    dates = read_dates(ROOT / "program" / "dates.yaml")
    state.store_dates(dates, ROOT / "program" / "dates.yaml")

    def program_with(*items: Item) -> list[str]:
        source = Source("program/index", 1)
        state.data["sessions"] = {"program/index": [Session(items, source)]}
        return program_extension.outdated_paper_pages(None, env)  # type: ignore[arg-type]

    alpha = Item(ItemKind.PAPER, 1, "paper-alpha", Source("program/index", 2), paper="alpha")
    beta = Item(ItemKind.PAPER, 2, "paper-beta", Source("program/index", 3), paper="beta")
    assert program_with(alpha, beta) == papers  # first build: every scheduled paper
    assert program_with(alpha, beta) == []
    moved = Item(
        ItemKind.PAPER,
        2,
        "paper-beta",
        Source("program/index", 3),
        paper="beta",
        people=(Person("New Presenter"),),
    )
    assert program_with(alpha, moved) == ["proceedings/papers/beta"]
    assert program_with(alpha) == ["proceedings/papers/beta"]  # unscheduled: slot removed


def environment(**attrs: object) -> tuple[SimpleNamespace, ProgramDomain]:
    """A build environment with only what the program's domain uses of it."""
    env = SimpleNamespace(domaindata={}, **attrs)
    state = ProgramDomain(env)  # type: ignore[arg-type]
    env.get_domain = lambda name: state
    return env, state


def test_parallel_readers_merge_their_sessions() -> None:
    """merge_domaindata / clear_doc: sessions live per document, as parallel reads need."""
    (_, main), (_, worker) = environment(), environment()
    mine = Session((), Source("program/index", 1))
    theirs = Session((), Source("program/extra", 1))
    main.add_session("program/index", mine)
    worker.add_session("program/extra", theirs)
    worker.add_session("other/page", theirs)
    main.merge_domaindata({"program/extra"}, worker.data)
    assert main.program.sessions == (theirs, mine)
    main.clear_doc("program/extra")
    assert main.program.sessions == (mine,)
