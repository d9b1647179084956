"""The series and its editions on the pages; what the data does not know is said to be so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docutils import nodes

from ...paths import FEED, SECTIONS, SERIES_CALENDAR, edition_doc, edition_of, relative
from ...series import CallStatus, Edition, Member, Phase, Series
from .. import dates
from ..citation.record import unique_place
from .nodes import download_link, external, link_line, page_link, program_part, section, struck

SECTION_NAMES = {"cfp": "Call for papers", "program": "Program", "proceedings": "Proceedings"}
NOT_KNOWN = "not known"
# Pages of the series with a part for each edition, #edition-2025: the home page, the organizers.
EDITION_PARTS = ("index", "organizers")


def section_of(docname: str) -> str | None:
    first = docname.partition("/")[0]
    return first if first in SECTIONS else None


Nav = tuple[str, list[str | tuple[str, str]]]  # a bold lead; text, and (target, text) links


def edition_nav(series: Series, docname: str) -> Nav:
    """'INET4AI 2025 · 1st edition · Other editions: 2026 (current)' on an edition's page,
    'INET4AI, every edition: 2026 (current) · 2025' elsewhere; each edition's link (a docname,
    or '#id' on this page) leads to its page of the same section, its part of EDITION_PARTS'
    pages, else its call. Page chrome, like the sidebar (sphinx/series.py)."""
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
        label = f"{other.year}" + (" (current)" if other == series.current else "")
        anchor = f"#{edition_anchor(other.year)}"
        target = anchor if docname in EDITION_PARTS else edition_doc(section, other.year)
        parts += [lead if i == 0 else " · ", (target, label)]
    return strong, parts


def edition_anchor(year: int) -> str:
    """The id of an edition's part of a page that has one for each (EDITION_PARTS)."""
    return f"edition-{year}"


def when(edition: Edition) -> str:
    """'Monday 1 December 2025', or that the day is not known."""
    return dates.weekday(edition.date) if edition.date else f"date {NOT_KNOWN}"


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
    where = "" if host.city == edition.city else unique_place(host.city, host.country)
    detail = ", ".join(filter(None, [when_ or f"its dates {NOT_KNOWN}", where]))
    return f"co-located with {host.short_name or host.name}" + (f" ({detail})" if detail else "")


def phase_sentence(series: Series, edition: Edition, now: dt.datetime) -> str:
    """Whether the workshop was held, is held today or is to come, from the build's clock; a
    day that is not known is said to be so, never guessed."""
    label, place = series.label(edition), edition.place
    at = f" {'at' if edition.venue else 'in'} {place}" if place else ""
    host = edition.host.short_name or edition.host.name
    phase = edition.phase(now)
    if phase is Phase.UNKNOWN:
        return f"{label} is held with {host}{at}; its day is {NOT_KNOWN}."
    day = when(edition)
    verb = {Phase.HELD: "was held", Phase.TODAY: "is held today,", Phase.COMING: "will be held"}
    return f"{label} {verb[phase]} on {day}{at}, with {host}."


def call_status(edition: Edition, now: dt.datetime) -> str:
    """The call in a line, from the build's clock: 'open until 14 July 2026, 23:59 AoE',
    'closed on 3 September 2025 (extended from 28 July 2025)'."""
    call, closing = edition.call, edition.call.closing
    status = call.status(now)
    if status is CallStatus.UNKNOWN or closing is None:
        return f"its submission deadline is {NOT_KNOWN}"
    moved = f" (extended from {dates.day(closing.was)})" if closing.was else ""
    if status is CallStatus.CLOSED:
        return f"closed on {dates.day(closing.date)}{moved}"
    return f"open until {dates.deadline_day(closing)}{moved}"


def call_sentence(edition: Edition, now: dt.datetime) -> str:
    """'Its call for papers closed on 14 July 2026.', '... is open until ...'."""
    status = call_status(edition, now)
    verb = " is" if status.startswith("open") else "" if status.startswith("closed") else ":"
    return f"Its call for papers{verb} {status}."


def call_notice(series: Series, edition: Edition, now: dt.datetime, *, has_text: bool
                ) -> nodes.admonition:  # fmt: skip
    """The call's status, as a notice. A call the data knows nothing of and whose page has no
    text yet has not been published; else it is open, closed, or its deadline is not known."""
    call, closing = edition.call, edition.call.closing
    status = call.status(now)
    lines: list[str] = []
    if not (call.has_data or has_text):
        title = "Not published yet"
        lines.append(f"The call for papers of {series.label(edition)} has not been published.")
    elif status is CallStatus.UNKNOWN or closing is None:
        title = "Submission deadline not known"
        lines.append("The call's submission deadline is not known, nor whether it is open.")
    elif status is CallStatus.CLOSED:
        title = "The call is closed"
        lines.append(f"Submissions closed at the end of {dates.day(closing.date)}, Anywhere on "
                     f"Earth ({closing.label}).")  # fmt: skip
    else:
        title = "The call is open"
        day = f"{dates.weekday(closing.date)}, 23:59 {dates.AOE_SPELLED}"
        lines.append(f"Submissions are open until {day}: {closing.label}.")
        lines += [
            f"Before that: {d.label}, {dates.deadline_day(d)}."
            for d in call.deadlines
            if d.kind.takes_submissions and d is not closing and now < d.ends
        ]
    if closing is not None and closing.was and call.has_data:
        lines.append(f"That deadline was extended from {dates.day(closing.was)}.")
    note = nodes.admonition(classes=["important", "cfp-status"])
    note += nodes.title(title, title)
    note.extend(nodes.paragraph(line, line) for line in lines)
    return note


def edition_list(series: Series, section: str, now: dt.datetime) -> nodes.bullet_list:
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
        status += _status(edition, section, now)
        items += nodes.list_item("", para, facts, status)
    return items


def _status(edition: Edition, section: str, now: dt.datetime) -> nodes.Node:
    if section == "cfp":
        return nodes.Text(call_sentence(edition, now))
    if section == "program":  # the program tool says, once it has read the programs
        return program_part(year=edition.year, part="summary")
    proceedings = edition.proceedings
    if proceedings is None:
        return nodes.Text(f"Its papers are {NOT_KNOWN}.")
    publisher = proceedings.volume.publisher or f"publisher {NOT_KNOWN}"
    return nodes.Text(f"{len(proceedings.published)} papers; {publisher}.")


def deadline_table(edition: Edition) -> list[nodes.Node]:
    """The call's dates: milestone, the date before an extension (struck, a column only when a
    date moved), the date in force (a deadline's with its hour, AoE); then what AoE means."""
    deadlines = edition.call.deadlines
    if not deadlines:
        return []
    moved = any(d.was for d in deadlines)
    rows = [
        [
            [nodes.Text(d.label)],
            *([[struck("", dates.day(d.was))] if d.was else []] if moved else []),
            [nodes.strong("", dates.day(d.date))]
            + [nodes.Text(dates.deadline_day(d).removeprefix(dates.day(d.date)))]
            + ([nodes.Text(" (extended)")] if d.was else []),
        ]
        for d in deadlines
    ]
    header = ["Milestone", *(["Originally", "Date"] if moved else ["Date"])]
    out: list[nodes.Node] = [_table(header, rows, classes=["inet4ai-dates"])]
    if moved:
        note = "A date that was extended shows the date it replaced struck through."
        out.append(nodes.paragraph(note, note, classes=["inet4ai-extended"]))
    if any(d.kind.is_deadline for d in deadlines):
        note = f"{dates.AOE_SPELLED}: a deadline holds until its day has ended everywhere."
        out.append(nodes.paragraph(note, note, classes=["inet4ai-aoe"]))
    return out


def _table(
    header: Sequence[str], rows: Sequence[Sequence[Sequence[nodes.Node]]], *, classes: list[str]
) -> nodes.table:
    head = nodes.thead("", nodes.row("", *(nodes.entry("", nodes.paragraph(h, h)) for h in header)))
    body = nodes.tbody()
    for row in rows:
        body += nodes.row("", *(nodes.entry("", nodes.paragraph("", "", *cell)) for cell in row))
    columns = [nodes.colspec(colwidth=1) for _ in header]
    group = nodes.tgroup("", *columns, head, body, cols=len(header))
    return nodes.table("", group, classes=classes)


def submission(series: Series, edition: Edition) -> list[nodes.Node]:
    """The call's sentence on where to submit, with the portal as the call gives it; nothing
    for a call the data knows nothing of."""
    call = edition.call
    para = nodes.paragraph(classes=["cfp-submission"])
    if call.portal or call.portal_as_published:
        lead = f"Please submit your paper using the {series.short_name} Submission Portal: "
        para += nodes.Text(lead)
    if call.portal:
        para += external(call.portal, call.portal)
        para += nodes.Text(".")
    elif call.portal_as_published:
        note = "(The call gave no address for the portal.)"
        para += nodes.Text(f"{call.portal_as_published}. {note}")
    elif call.has_data:
        para += nodes.Text(f"The address of the submission portal is {NOT_KNOWN}.")
    else:
        return []
    return [para]


def committee(series: Series, edition: Edition) -> list[nodes.Node]:
    """The chairs and the program committee of an edition, or that they are not known."""
    out: list[nodes.Node] = []
    for title, members in (("Chairs", edition.chairs), ("Program committee", edition.committee)):
        out.append(nodes.rubric(title, title))
        if members is None:
            text = f"The {title.lower()} of {series.label(edition)}: {NOT_KNOWN}."
            out.append(nodes.paragraph(text, text, classes=["missing"]))
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


def committee_sections(series: Series) -> list[nodes.Node]:
    """Every edition's chairs and committee, the current edition first, each in a section
    ``#edition-YEAR`` (the people index links there)."""
    return [
        section(series.label(e), edition_anchor(e.year), *committee(series, e))
        for e in series.newest_first
    ]


def news_list(series: Series) -> nodes.definition_list:
    """Every edition's news, newest first; an item whose day is not known says so."""
    out = nodes.definition_list(classes=["inet4ai-news"])
    for _, item in series.news:
        day = dates.day(item.date) if item.date else "Undated"
        body = nodes.definition("", nodes.paragraph("", "", nodes.strong("", item.title)))
        body += nodes.paragraph(item.text, item.text)
        out += nodes.definition_list_item("", nodes.term(day, day), body)
    return out


def edition_summary(series: Series, edition: Edition, now: dt.datetime) -> list[nodes.Node]:
    """An edition at a glance (the home page), and the way to its pages."""
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
    known = edition.call.status(now) is not CallStatus.UNKNOWN
    call = call_status(edition, now) if known else f"submission deadline {NOT_KNOWN}"
    add("Call for papers", call)
    proceedings = edition.proceedings
    add("Papers", f"{len(proceedings.published)}" if proceedings else NOT_KNOWN)
    links: list[str | tuple[str, str]] = []
    for name in SECTIONS:
        links += [" · ", (edition_doc(name, edition.year), SECTION_NAMES[name])]
    return [fields, link_line(links[1:], classes=["edition-links"])]


def edition_sections(series: Series, now: dt.datetime) -> list[nodes.Node]:
    """The home page's section ``#edition-YEAR`` of each edition, the current one first; its
    invited talks are filled in by tools.program."""
    out: list[nodes.Node] = []
    for edition in series.newest_first:
        current = ", the current edition" if edition == series.current else ""
        title = series.label(edition) + current
        lead = phase_sentence(series, edition, now)
        body: list[nodes.Node] = [nodes.paragraph(lead, lead, classes=["edition-phase"])]
        body += edition_summary(series, edition, now)
        if edition.call.status(now) is CallStatus.OPEN:
            body += deadline_table(edition)
        body.append(program_part(year=edition.year, part="talks"))
        out.append(section(title, edition_anchor(edition.year), *body))
    return out


def subscribe(docname: str, base_url: str) -> nodes.paragraph:
    """The series' calendar, to subscribe to (webcal:) or download, and its news feed."""
    para = nodes.paragraph(classes=["inet4ai-subscribe"])
    para += nodes.Text("Every deadline and workshop day in your calendar: ")
    host_path = base_url.partition("://")[2]
    if host_path:
        para += external(f"webcal://{host_path}{SERIES_CALENDAR}", "subscribe")
        para += nodes.Text(" or ")
    para += download_link("download", "download", refuri=relative(docname, SERIES_CALENDAR),
                          filename=SERIES_CALENDAR)  # fmt: skip
    para += nodes.Text(" (.ics). The news as a feed: ")
    para += nodes.reference("Atom", "Atom", refuri=relative(docname, FEED))
    para += nodes.Text(".")
    return para
