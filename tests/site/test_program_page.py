"""The real program of INET4AI 2025 (program/2025/index.md), the paper pages' slots and the
edition's two calendars, on the built site."""

from __future__ import annotations

import datetime as dt

from bs4 import Tag
from icalendar import Calendar

from tests.conftest import Site

# The expected content, copied from the workshop's facts (not read from the pages under test).
# (anchor, kind class, what the item must name), in the running order.
RUNNING_ORDER = [
    ("opening-remarks", "program-opening", "Opening remarks"),
    ("talk-tommaso-bonato", "program-invited", "Tommaso Bonato"),
    ("paper-traffic-inversion", "program-paper", "Shaked Leibzirer"),
    ("paper-moe-load-balancing", "program-paper", "German Sviridov"),
    ("talk-mingxing-zhang", "program-invited", "Mingxing Zhang"),
    ("paper-scale-ccl", "program-paper", "Jiaheng Xiong"),
    ("paper-nano-cluster", "program-paper", "Giuseppe Aceto"),
    ("talk-wenjia-wei", "program-invited", "Wenjia Wei"),
    ("wrap-up-discussion", "program-wrap-up", "Wrap-up discussion"),
]
PAPERS = {
    "traffic-inversion": "Self-supervised Application-level Network Traffic Inversion",
    "moe-load-balancing": "Latency-Optimal Load Balancing for Distributed MoE Inference",
    "scale-ccl": "SCALE-CCL: A Scalable Collective Communication Library for Wide-Area "
    "Distributed Training",
    "nano-cluster": "You've got a few GPUs, now what?! -- Experimenting with a Nano-Cluster for "
    "Distributed Training of AI Models",
}
INVITED = {
    "Tommaso Bonato": (
        "ETH Zurich and Microsoft",
        "Uno: A One-Stop Solution for Inter- and Intra-Datacenter Congestion Control and "
        "Reliable Connectivity",
    ),
    "Mingxing Zhang": (
        "Tsinghua University",
        "From Homogeneous to Disaggregated Architectures for Large Model Inference",
    ),
    "Wenjia Wei": ("Huawei", "Debriefing the Open Innovation Platform for UnifiedBus"),
}
BASE = "https://irtf-net4ai.github.io/inet4ai/"
PROGRAM = "program/2025/index.html"
PROGRAM_ICS = "program/2025/program.ics"
CFP_ICS = "cfp/2025/cfp-dates.ics"
# Their addresses before the site became the series' (moved.yaml): the same bytes are served.
OLD_ADDRESSES = {PROGRAM_ICS: "program/program.ics", CFP_ICS: "cfp/cfp-dates.ics"}
# Deadline id -> (the instant it ends, 23:59 AoE in UTC; the date before the extension).
# Deadlines at 23:59 AoE (in UTC); the other dates of the call are days (all-day events).
DEADLINES: dict[str, tuple[dt.date, str | None]] = {
    "paper-submission": (dt.datetime(2025, 9, 4, 11, 59, tzinfo=dt.UTC), "28 July 2025"),
    "notification": (dt.date(2025, 10, 1), "12 September 2025"),
    "camera-ready": (dt.datetime(2025, 10, 9, 11, 59, tzinfo=dt.UTC), None),
    "program-online": (dt.date(2025, 10, 16), None),
}


def text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


def items(site: Site) -> list[Tag]:
    return site.page(PROGRAM).select("ol.program-order > li.program-item")


def test_the_running_order(site: Site) -> None:
    found = items(site)
    assert [li["id"] for li in found] == [anchor for anchor, _, _ in RUNNING_ORDER]
    for li, (_, kind, name) in zip(found, RUNNING_ORDER, strict=True):
        assert kind in li["class"]
        assert name in text(li)
    (order,) = site.page(PROGRAM).select("ol.program-order")
    assert order["start"] == "1"


def test_no_time_is_invented(site: Site) -> None:
    page = site.page(PROGRAM)
    assert page.select("time") == []
    assert not page.select('script[src*="program-time"]')  # nothing to convert
    notes = text(page.select_one(".program-status"))
    assert "times of the talks are not known: this page gives their running order" in notes


def test_every_paper_is_linked_with_its_title(site: Site) -> None:
    for paper_id, title in PAPERS.items():
        li = site.page(PROGRAM).select_one(f"li#paper-{paper_id}")
        link = li.select_one(".program-title a")
        assert link["href"] == f"../../proceedings/2025/papers/{paper_id}.html"
        assert text(link) == title


def test_paper_authors_come_from_the_proceedings(site: Site) -> None:
    page = site.page(PROGRAM)
    moe = text(page.select_one("li#paper-moe-load-balancing .program-authors"))
    assert moe == "Venkata Pavan Kumar Miriyala, German Sviridov, Bingxu Chen, Haris Javaid"
    # The presenter's affiliation is the author's, from the data, not repeated on the page.
    speaker = page.select_one("li#paper-moe-load-balancing .program-speakers")
    assert text(speaker) == "Presented by German Sviridov (AMD, Singapore)"
    unknown = text(page.select_one("li#paper-traffic-inversion .program-authors"))
    assert unknown == "Authors not known"


def test_every_invited_speaker_is_named(site: Site) -> None:
    page = site.page(PROGRAM)
    for li in page.select("li.program-invited"):
        speaker = text(li.select_one(".program-speakers strong"))
        affiliation, title = INVITED[speaker]
        assert text(li.select_one(".program-title")) == title
        assert f"({affiliation})" in text(li.select_one(".program-speakers"))
    assert len(page.select("li.program-invited")) == len(INVITED)
    bonato = page.select_one("li#talk-tommaso-bonato .program-links a")
    assert bonato["href"] == "https://doi.org/10.1145/3712285.3759884"
    wei = text(page.select_one("li#talk-wenjia-wei .program-note"))
    assert "not confirmed" in wei


def test_add_to_calendar_link(site: Site) -> None:
    page = site.page(PROGRAM)
    link = page.select_one("p.program-calendar a")
    assert link["href"] == "program.ics"
    assert "Add to calendar" in text(link)
    assert text(page.select_one("p.program-day")) == (
        "Monday 1 December 2025 · HKUST, Hong Kong, China"
    )


def test_each_paper_page_links_back_to_its_slot(site: Site) -> None:
    numbers = {anchor: n for n, (anchor, _, _) in enumerate(RUNNING_ORDER, 1)}
    for paper_id in PAPERS:
        page = site.page(f"proceedings/2025/papers/{paper_id}.html")
        slot = page.select_one("section#paper p.paper-program-slot")
        assert slot is not None, paper_id
        link = slot.select_one("a")
        assert link["href"] == f"../../../program/2025/index.html#paper-{paper_id}"
        assert f"item {numbers['paper-' + paper_id]} of the running order" in text(link)
        # The place of the last invited talk is not confirmed, so no number is certain.
        assert "(the running order is not confirmed in full)" in text(slot), paper_id
        # Placed before the abstract: body text precedes the page's subsections.
        assert slot.find_next_sibling("section")["id"] == "abstract"
    slot = site.page("proceedings/2025/papers/scale-ccl.html").select_one("p.paper-program-slot")
    assert "presented by Jiaheng Xiong (Politecnico di Milano)" in text(slot)


def test_program_calendar_is_one_all_day_event(site: Site) -> None:
    cal = Calendar.from_ical(site.file(PROGRAM_ICS))
    (event,) = cal.events
    assert event["DTSTART"].to_ical() == b"20251201"
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event.end == dt.date(2025, 12, 2)
    assert event.uid == "inet4ai-2025-workshop-day@irtf-net4ai.github.io"
    assert event["URL"] == f"{BASE}{PROGRAM}"
    assert event["LOCATION"] == "HKUST, Hong Kong, China"
    description = event["DESCRIPTION"]
    assert "times not known" in description and "yet" not in description
    positions = [description.index(name) for _, _, name in RUNNING_ORDER]
    assert positions == sorted(positions)
    assert cal.timezones == []  # a date needs no time zone


def test_cfp_calendar_has_the_extended_deadlines(site: Site) -> None:
    cal = Calendar.from_ical(site.file(CFP_ICS))
    found = {e.uid: e for e in cal.events}
    assert set(found) == {f"inet4ai-2025-cfp-{key}@irtf-net4ai.github.io" for key in DEADLINES}
    for key, (instant, was) in DEADLINES.items():
        event = found[f"inet4ai-2025-cfp-{key}@irtf-net4ai.github.io"]
        assert event.start == instant
        deadline = isinstance(instant, dt.datetime)
        if deadline:
            assert event["DTSTART"].to_ical().endswith(b"Z")  # in UTC, no VTIMEZONE needed
        else:
            assert event.end == instant + dt.timedelta(days=1)  # the whole day
        assert ("Anywhere on Earth" in event["DESCRIPTION"]) == deadline
        assert (f"Extended from {was}." in event["DESCRIPTION"]) == (was is not None)
        assert event["URL"] == f"{BASE}cfp/2025/index.html"


def test_calendars_stay_at_their_old_addresses(site: Site) -> None:
    """Subscriptions to the 2025 calendars' old addresses keep working: the same bytes."""
    for name, old in OLD_ADDRESSES.items():
        assert (site.out / old).read_bytes() == (site.out / name).read_bytes(), old
