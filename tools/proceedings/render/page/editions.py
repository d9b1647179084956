"""The series and its editions on the pages: which edition a page belongs to and the way to
the others, each section's list of editions, an edition's facts (its day and place, its call,
its committee), and the news. What the data does not know is said to be not known."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ...paths import SECTIONS, edition_doc, edition_of
from ...series import CallStatus, Edition, Member, Series
from .. import dates
from .lists import link_line, make_line
from .nodes import external, page_link, struck

SECTION_NAMES = {"cfp": "Call for papers", "program": "Program", "proceedings": "Proceedings"}
NOT_KNOWN = "not known"
# Pages of the series with a part for each edition, #edition-2025: the home page, the organizers.
EDITION_PARTS = ("index", "organizers")


def section_of(docname: str) -> str | None:
    first = docname.partition("/")[0]
    return first if first in SECTIONS else None


def edition_nav(series: Series, docname: str) -> link_line:
    """'INET4AI 2025 · 1st edition · Other editions: 2026 (current)' on an edition's page;
    'INET4AI, every edition: 2026 (current) · 2025' on a page of the series. Each edition links
    to its page of the same section; from the home page and the organizers, to its part of the
    page (#edition-2025); from another page of the series, to its call."""
    year = edition_of(docname)
    section = section_of(docname) or "cfp"
    parts: list[str | tuple[str, str]] = []
    if year is not None and series.has(year):
        edition = series.edition(year)
        strong = series.label(edition)
        parts.append(f" · {edition.ordinal} edition")
        others = [e for e in series.newest_first if e.year != year]
        lead = " · Other editions: "
    else:
        strong = series.short_name
        others = list(series.newest_first)
        lead = ", every edition: "
    for i, other in enumerate(others):
        parts.append(lead if i == 0 else " · ")
        label = f"{other.year}" + (" (current)" if other == series.current else "")
        if docname in EDITION_PARTS:
            parts.append((f"#{edition_anchor(other.year)}", label))
        else:
            parts.append((edition_doc(section, other.year), label))
    return make_line(strong, parts, classes=["edition-nav"])


def edition_anchor(year: int) -> str:
    """The id of an edition's part of a page that has one for each (EDITION_PARTS)."""
    return f"edition-{year}"


def when(edition: Edition) -> str:
    """'Monday 1 December 2025', or that the day is not known."""
    return dates.weekday(edition.date) if edition.date else f"date {NOT_KNOWN}"


def workshop_line(edition: Edition) -> nodes.paragraph:
    """'Monday 1 December 2025 · HKUST, Hong Kong, China'."""
    text = " · ".join(filter(None, [when(edition), edition.place]))
    return nodes.paragraph(text, text, classes=["program-day"])


def edition_line(series: Series, edition: Edition) -> nodes.paragraph:
    """'INET4AI 2025 — 1st Workshop on ...: Monday 1 December 2025 · HKUST, Hong Kong, China;
    co-located with ACM CoNEXT 2025 (1–4 December 2025).'"""
    para = nodes.paragraph(classes=["inet4ai-lead"])
    para += nodes.strong("", series.label(edition))
    facts = " · ".join(filter(None, [when(edition), edition.place]))
    para += nodes.Text(f" \N{EM DASH} {series.title(edition)}: {facts}; {host_line(edition)}.")
    return para


def host_line(edition: Edition) -> str:
    """'co-located with ACM CoNEXT 2025 (1–4 December 2025)': the host's place only where it is
    not the workshop's city; 'its dates not known' where they are not."""
    host = edition.host
    when_ = dates.day_range(host.start, host.end or host.start) if host.start else ""
    where = host.city if host.city == host.country else host.place
    if host.city == edition.city:
        where = ""
    detail = ", ".join(filter(None, [when_ or f"its dates {NOT_KNOWN}", where]))
    return f"co-located with {host.short_name or host.name}" + (f" ({detail})" if detail else "")


def call_status(series: Series, edition: Edition) -> str:
    """'closed (its last date, 30 September 2026, has passed)', from the data's revision date."""
    call = edition.call
    status, last = call.status(series.revised), call.last
    if status is None or last is None:
        return f"dates {NOT_KNOWN}"
    if status is CallStatus.CLOSED:
        return f"closed (its last date, {dates.day(last)}, has passed)"
    return f"open (until {dates.day(last)}, Anywhere on Earth)"


def call_notice(series: Series, edition: Edition) -> nodes.admonition:
    """The call's status, as a notice: 'The call is closed' / 'Its last date, ..., has passed:
    it takes no more submissions.'"""
    call = edition.call
    status, last = call.status(series.revised), call.last
    if status is None or last is None:
        title, text = "The call's dates are not known", "Whether it is open is not known."
    elif status is CallStatus.CLOSED:
        title = "The call is closed"
        text = f"Its last date, {dates.day(last)}, has passed: it takes no more submissions."
    else:
        title = "The call is open"
        text = f"It is open until {dates.day(last)}, Anywhere on Earth."
    note = nodes.admonition(classes=["important", "cfp-status"])
    note += nodes.title(title, title)
    note += nodes.paragraph(text, text)
    return note


def edition_list(series: Series, section: str) -> nodes.bullet_list:
    """A section's landing page: its page of every edition, the current edition first."""
    items = nodes.bullet_list(classes=["edition-list"])
    for edition in series.newest_first:
        para = nodes.paragraph()
        label = f"{series.label(edition)}" + (" (current)" if edition == series.current else "")
        para += nodes.strong("", "", page_link(edition_doc(section, edition.year), label))
        para += nodes.Text(f": {series.title(edition)}")
        facts = nodes.paragraph(classes=["edition-facts"])
        facts += nodes.Text(f"{when(edition)} · {edition.place}; {host_line(edition)}.")
        status = nodes.paragraph(classes=["edition-status"])
        status += nodes.Text(_status(series, edition, section))
        items += nodes.list_item("", para, facts, status)
    return items


def _status(series: Series, edition: Edition, section: str) -> str:
    if section == "cfp":
        return f"The call is {call_status(series, edition)}."
    proceedings = edition.proceedings
    if section == "proceedings":
        if proceedings is None:
            return f"Papers and proceedings: {NOT_KNOWN}."
        publisher = proceedings.volume.publisher or f"publisher {NOT_KNOWN}"
        return f"{len(proceedings.published)} papers; {publisher}."
    if proceedings is None:
        return f"Its program: {NOT_KNOWN}."
    count = len(proceedings.published)
    return f"Its {count} papers and its talks, in their running order where it is known."


def deadline_table(edition: Edition) -> nodes.table:
    """The call's dates: milestone, the date before an extension (struck, a column only when a
    date moved), the date in force."""
    deadlines = edition.call.deadlines
    moved = any(d.was for d in deadlines)
    rows = [
        [
            [nodes.Text(d.label)],
            *([[struck("", dates.day(d.was))] if d.was else []] if moved else []),
            [nodes.strong("", dates.day(d.date))] + ([nodes.Text(" (extended)")] if d.was else []),
        ]
        for d in deadlines
    ]
    header = ["Milestone", *(["Originally", "Final (AoE)"] if moved else ["Date (AoE)"])]
    return _table(header, rows, classes=["inet4ai-dates"])


def _table(
    header: Sequence[str], rows: Sequence[Sequence[Sequence[nodes.Node]]], *, classes: list[str]
) -> nodes.table:
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in header)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", nodes.paragraph(h, h)) for h in header))
    body = nodes.tbody()
    for row in rows:
        body += nodes.row("", *(nodes.entry("", nodes.paragraph("", "", *cell)) for cell in row))
    group += head
    group += body
    return table


def submission(series: Series, edition: Edition) -> nodes.paragraph:
    """The call's sentence on where to submit, with the portal as the call gives it."""
    para = nodes.paragraph(classes=["cfp-submission"])
    para += nodes.Text(
        f"Please submit your paper using the {series.short_name} Submission Portal: "
    )
    portal = edition.call.portal
    if portal:
        para += external(portal, portal)
        para += nodes.Text(".")
    else:
        shown = edition.call.portal_as_published or NOT_KNOWN
        para += nodes.Text(f"{shown}. (The call gave no address for the portal.)")
    return para


def committee(series: Series, edition: Edition) -> list[nodes.Node]:
    """The chairs and the program committee of an edition, or that they are not known."""
    out: list[nodes.Node] = []
    for title, members in (("Chairs", edition.chairs), ("Program committee", edition.committee)):
        out.append(nodes.rubric(title, title))
        if members is None:
            out.append(nodes.paragraph("", f"{title} of {series.label(edition)}: {NOT_KNOWN}."))
            continue
        items = nodes.bullet_list(classes=["inet4ai-committee"])
        items.extend(nodes.list_item("", _member(m)) for m in members)
        out.append(items)
    return out


def _member(member: Member) -> nodes.paragraph:
    person = member.person
    para = nodes.paragraph()
    para += nodes.strong("", person.display_name)
    details = ", ".join([*person.affiliations, *filter(None, [member.note])])
    if details:
        para += nodes.Text(f", {details}")
    return para


def news_list(series: Series) -> nodes.definition_list:
    """Every edition's news, newest first."""
    out = nodes.definition_list(classes=["inet4ai-news"])
    for edition, item in series.news:
        day = dates.day(item.date) if item.date else f"{series.label(edition)} (day {NOT_KNOWN})"
        body = nodes.definition("", nodes.paragraph("", "", nodes.strong("", item.title)))
        body += nodes.paragraph(item.text, item.text)
        out += nodes.definition_list_item("", nodes.term(day, day), body)
    return out


def edition_summary(series: Series, edition: Edition) -> list[nodes.Node]:
    """An edition at a glance (the home page): its day and place, its host, its call, and the
    way to its pages."""
    fields = nodes.field_list(classes=["edition-summary"])

    def add(name: str, text: str) -> None:
        body = nodes.field_body("", nodes.paragraph(text, text))
        fields.append(nodes.field("", nodes.field_name(name, name), body))

    add("Name", series.title(edition))
    zone = ""
    if edition.date and edition.timezone:
        zone = f" (times in {dates.zone_on(edition.date, edition.timezone)})"
    add("When", when(edition) + zone)
    add("Where", edition.place or NOT_KNOWN)
    add("With", host_line(edition).removeprefix("co-located with "))
    add("Call for papers", call_status(series, edition))
    links = nodes.paragraph(classes=["edition-links"])
    for i, section in enumerate(SECTIONS):
        if i:
            links += nodes.Text(" · ")
        links += page_link(edition_doc(section, edition.year), SECTION_NAMES[section])
    return [fields, links]
