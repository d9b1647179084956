"""The program's model, time parsing, checks and calendars, on fabricated data."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tools.proceedings.errors import BadTimeError, Warn
from tools.proceedings.model import Paper, Proceedings, Status, Volume
from tools.proceedings.series import DateKind
from tools.program.check import check_program
from tools.program.model import (
    Dates,
    Deadline,
    Item,
    ItemKind,
    Person,
    Program,
    Session,
    Source,
    Span,
    Workshop,
)
from tools.program.read import parse_span, parse_time
from tools.program.render.calendar import Site, cfp_file, program_file

HKT = ZoneInfo("Asia/Hong_Kong")
WORKSHOP = Workshop(
    "TEST 2031", "Test workshop", dt.date(2031, 3, 3), "Asia/Hong_Kong", "Hall", year=2031
)
PROCEEDINGS = Proceedings(
    Volume("Proceedings of Test", "TEST '31", 2031),
    (
        Paper("alpha", "Alpha paper"),
        Paper("beta", "Beta paper"),
        Paper("gone", "Withdrawn paper", status=Status.WITHDRAWN, notice="withdrawn"),
    ),
)
SITE = Site(
    lambda doc, anchor: f"https://example.org/{doc}.html" + (f"#{anchor}" * bool(anchor)),
    "example.org",
)


def at(hour: int, minute: int = 0, day: int = 3) -> dt.datetime:
    return dt.datetime(2031, 3, day, hour, minute, tzinfo=HKT)


def span(start: tuple[int, int], end: tuple[int, int]) -> Span:
    return Span(at(*start), at(*end))


def item(number: int, **kwargs: object) -> Item:
    defaults: dict[str, object] = {
        "kind": ItemKind.OTHER,
        "anchor": f"item-{number}",
        "source": Source("program/2031/index", 10 + number, "program/2031/index.md"),
        "title": f"Item {number}",
    }
    return Item(number=number, **{**defaults, **kwargs})


def session(*items: Item, line: int = 1, **kwargs: object) -> Session:
    return Session(items, Source("program/2031/index", line, "program/2031/index.md"), **kwargs)


def dates(*deadlines: Deadline) -> Dates:
    return Dates(WORKSHOP, deadlines)


# --- Times ------------------------------------------------------------------------------------


def test_a_bare_time_falls_on_the_workshop_day_in_the_venue_zone() -> None:
    assert parse_time("9:05", WORKSHOP) == dt.datetime(2031, 3, 3, 9, 5, tzinfo=HKT)
    assert parse_time("2031-03-04 18:30", WORKSHOP) == at(18, 30, day=4)


@pytest.mark.parametrize("text", ["9", "09:60", "25:00", "noon", "2031-02-30 10:00"])
def test_unreadable_times_keep_their_text(text: str) -> None:
    with pytest.raises(BadTimeError) as caught:
        parse_time(text, WORKSHOP)
    assert caught.value.value == text


def test_a_span_needs_both_ends_in_order() -> None:
    assert parse_span(None, None, WORKSHOP) is None
    with pytest.raises(BadTimeError, match="both"):
        parse_span("09:00", None, WORKSHOP)
    with pytest.raises(BadTimeError, match="not after"):
        parse_span("10:00", "09:00", WORKSHOP)
    assert parse_span("09:00", "09:45", WORKSHOP) == span((9, 0), (9, 45))


def test_span_label_and_day() -> None:
    assert span((9, 0), (9, 45)).label == "09:00–09:45 HKT"
    assert span((23, 0), (23, 59)).within(WORKSHOP.day, HKT)
    assert not Span(at(23), at(1, day=4)).within(WORKSHOP.day, HKT)
    assert Span(at(23), at(0, day=4)).within(WORKSHOP.day, HKT)  # midnight may end the day


def test_a_session_spans_its_timed_items() -> None:
    s = session(item(1, when=span((9, 0), (9, 30))), item(2), item(3, when=span((10, 0), (11, 0))))
    assert s.span == span((9, 0), (11, 0))
    assert session(item(1)).span is None


def test_slots_name_the_place_of_each_paper() -> None:
    program = Program((session(item(1), item(2, kind=ItemKind.PAPER, paper="alpha"), title="S"),))
    (slot,) = program.slots(WORKSHOP.day)["alpha"]
    assert (slot.number, slot.anchor, slot.session, slot.docname) == (
        2,
        "item-2",
        "S",
        "program/2031/index",
    )


# --- Checks -----------------------------------------------------------------------------------


def checks(*sessions: Session) -> list[tuple[Warn, int | None]]:
    found = check_program(Program(sessions), WORKSHOP, PROCEEDINGS)
    return [(f.kind, f.location.line) for f in found]


def papers(*ids: str) -> Session:
    return session(*(item(i + 1, kind=ItemKind.PAPER, paper=p) for i, p in enumerate(ids)))


def test_a_complete_program_passes() -> None:
    assert checks(papers("alpha", "beta")) == []


def test_sessions_overlapping_in_one_room() -> None:
    a = session(item(1), title="A", when=span((9, 0), (10, 0)), room="R1", line=1)
    b = session(item(2), title="B", when=span((9, 30), (11, 0)), room="R1", line=20)
    elsewhere = session(item(3), title="C", when=span((9, 0), (10, 0)), room="R2", line=40)
    after = session(item(4), title="D", when=span((11, 0), (12, 0)), room="R1", line=60)
    assert checks(a, b, elsewhere, after, papers("alpha", "beta")) == [(Warn.OVERLAP, 20)]


def test_sessions_without_a_room_share_the_workshop_room() -> None:
    a = session(item(1, when=span((9, 0), (10, 0))), line=1)
    b = session(item(2, when=span((9, 59), (10, 30))), line=9)
    found = check_program(Program((a, b, papers("alpha", "beta"))), WORKSHOP, PROCEEDINGS)
    assert [f.kind for f in found] == [Warn.OVERLAP]
    assert "the workshop's room" in found[0].message
    assert "program/2031/index.md:1" in found[0].message


def test_a_paper_scheduled_twice() -> None:
    found = check_program(Program((papers("alpha", "beta", "alpha"),)), WORKSHOP, PROCEEDINGS)
    assert [(f.kind, f.location.line) for f in found] == [(Warn.DUPLICATE_PAPER, 13)]
    assert "program/2031/index.md:11" in found[0].message


def test_an_item_outside_the_workshop_day() -> None:
    late = item(3, when=Span(at(9, day=4), at(10, day=4)))
    assert checks(papers("alpha", "beta"), session(late)) == [(Warn.OUTSIDE_DAY, 13)]


def test_published_papers_missing_from_the_program() -> None:
    found = check_program(Program((papers("alpha"),)), WORKSHOP, PROCEEDINGS)
    assert [f.kind for f in found] == [Warn.UNSCHEDULED_PAPER]
    assert "'beta'" in found[0].message  # the withdrawn paper need not be scheduled


def test_no_program_yet_is_not_a_problem() -> None:
    assert checks() == []


# --- Calendars --------------------------------------------------------------------------------


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def test_an_untimed_program_is_one_all_day_event() -> None:
    program = Program((papers("alpha", "beta"),))
    cal = parse(program_file(program, dates(), PROCEEDINGS, SITE))
    (event,) = cal.events
    assert event.start == WORKSHOP.day and event.end == dt.date(2031, 3, 4)
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert "1. Paper: Alpha paper" in event["DESCRIPTION"]
    assert event.uid == "test-2031-workshop-day@example.org"
    assert cal.timezones == []


def test_timed_items_are_events_in_the_venue_zone() -> None:
    talk = item(
        1,
        kind=ItemKind.PAPER,
        paper="alpha",
        anchor="paper-alpha",
        when=span((9, 0), (9, 30)),
        people=(Person("Ann Presenter", "Uni; Lab"),),
    )
    program = Program((session(talk, item(2), title="Morning", room="R1"), papers("beta")))
    data = program_file(program, dates(), PROCEEDINGS, SITE)
    cal = parse(data)
    (event,) = cal.events  # the untimed items of a timed program are left out
    assert event.start == at(9) and event["DTSTART"].params["TZID"] == "Asia/Hong_Kong"
    assert [tz.tz_name for tz in cal.timezones] == ["Asia/Hong_Kong"]
    assert event["SUMMARY"] == "Paper: Alpha paper"
    assert event["URL"] == "https://example.org/proceedings/2031/papers/alpha.html"
    assert event["LOCATION"] == "R1, Hall"
    assert "Presented by: Ann Presenter (Uni; Lab)" in event["DESCRIPTION"]
    assert event.uid == "test-2031-program-index-paper-alpha@example.org"
    assert b"LOCATION:R1\\, Hall" in data  # RFC 5545 escaping by the library
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # and folding


def test_calendars_are_byte_identical_across_builds() -> None:
    program = Program((papers("alpha", "beta"),))
    first = program_file(program, dates(), PROCEEDINGS, SITE)
    assert program_file(program, dates(), PROCEEDINGS, SITE) == first


def test_deadlines_end_at_2359_anywhere_on_earth() -> None:
    deadline = Deadline(
        "submission",
        "Paper submission",
        dt.date(2030, 12, 1),
        DateKind.SUBMISSION,
        dt.date(2030, 11, 20),
    )
    (event,) = parse(cfp_file(dates(deadline), SITE)).events
    assert event.start == dt.datetime(2030, 12, 2, 11, 59, tzinfo=dt.UTC)
    assert event.uid == "test-2031-cfp-submission@example.org"
    assert "Extended from 20 November 2030." in event["DESCRIPTION"]
    assert "23:59 Anywhere on Earth" in event["DESCRIPTION"]
    assert str(event["SUMMARY"]).endswith("(AoE)")
    assert event["URL"] == "https://example.org/cfp/2031/index.html"
    # The stamp moves with the event, never with the clock.
    assert event["DTSTAMP"].dt == dt.datetime(2030, 12, 2, tzinfo=dt.UTC)


def test_days_that_are_not_deadlines_are_all_day_events() -> None:
    """A notification is a day, not a deadline at 23:59 AoE: an all-day event, no "AoE"."""
    day = Deadline("notification", "Notification", dt.date(2031, 1, 15), DateKind.NOTIFICATION)
    (event,) = parse(cfp_file(dates(day), SITE)).events
    assert event.start == dt.date(2031, 1, 15) and event.end == dt.date(2031, 1, 16)
    assert "AoE" not in str(event["SUMMARY"]) and "Earth" not in str(event["DESCRIPTION"])


def test_hostile_text_stays_inside_its_property() -> None:
    """Line breaks and control characters in the data cannot end an event or break a line."""
    evil = "Title\r\nEND:VEVENT\r\nBEGIN:VEVENT\rSUMMARY:evil\x00\x1b[31m;,\\"
    proceedings = Proceedings(PROCEEDINGS.volume, (Paper("alpha", evil),))
    talk = item(1, kind=ItemKind.PAPER, paper="alpha", when=span((9, 0), (9, 30)))
    data = program_file(Program((session(talk),)), dates(), proceedings, SITE)
    (event,) = parse(data).events
    assert event["SUMMARY"] == "Paper: Title END:VEVENT BEGIN:VEVENT SUMMARY:evil [31m;,\\"
    lines = data.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == lines.count(b"END:VEVENT") == 1
    assert not any(c < 0x20 and c != 0x09 for c in data.replace(b"\r\n", b""))
