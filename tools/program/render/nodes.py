"""RENDER: the program as docutils nodes; links only from checked URLs or docnames."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ...proceedings import (
    Paper,
    Translator,
    authors_inline,
    button,
    dates,
    edition_of,
    external,
    page_link,
    paper_docname,
    relative,
)
from ..model import Item, ItemKind, Person, Program, Session, Slot, Span, Workshop


# Lower case like docutils' own node classes; docutils is untyped here (see pyproject).
class program_time(nodes.inline):  # type: ignore[misc]
    """A time range in the venue's zone (``datetime``, ``end``: ISO 8601), written as <time>;
    other builders write the inline it derives from."""


def visit_time_html(self: Translator, node: program_time) -> None:
    # The script that shows the visitor's own time reads these two attributes.
    attributes = {"datetime": node["datetime"], "data-end": node["end"]}
    self.body.append(self.starttag(node, "time", "", **attributes))


def depart_time_html(self: Translator, node: program_time) -> None:
    self.body.append("</time>")


# Kinds whose title says what they are; the others carry a label ("Invited talk", "Paper").
SELF_EXPLAINING = {ItemKind.OPENING, ItemKind.BREAK, ItemKind.WRAP_UP, ItemKind.OTHER}


def time_node(span: Span) -> program_time:
    start, end = span.start.isoformat(), span.end.isoformat()
    return program_time(span.label, span.label, classes=["program-time"], datetime=start, end=end)


def joined(parts: Sequence[Sequence[nodes.Node]], sep: str = " · ") -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, part in enumerate(p for p in parts if p):
        if i:
            out.append(nodes.Text(sep))
        out.extend(part)
    return out


def item_node(item: Item, paper: Paper | None, body: Sequence[nodes.Node]) -> nodes.list_item:
    """One entry of the running order; ``body`` is the authored abstract or bio, if any."""
    li = nodes.list_item(ids=[item.anchor], classes=["program-item", f"program-{item.kind}"])
    when: list[list[nodes.Node]] = [[time_node(item.when)]] if item.when else []
    if item.kind not in SELF_EXPLAINING:
        when.append([nodes.inline(item.kind.label, item.kind.label, classes=["program-kind"])])
    if when:
        li += nodes.paragraph("", "", *joined(when), classes=["program-when"])
    li += title_line(item, paper)
    li.extend(people_lines(item, paper))
    if item.links:
        links = [[external(link.url, link.label)] for link in item.links]
        li += nodes.paragraph("", "", *joined(links), classes=["program-links"])
    if item.note:
        li += nodes.paragraph(item.note, item.note, classes=["program-note"])
    li.extend(body)
    return li


def title_line(item: Item, paper: Paper | None) -> nodes.paragraph:
    para = nodes.paragraph(classes=["program-title"])
    year = edition_of(item.source.docname)
    if item.paper and paper and year is not None:
        para += nodes.strong("", "", page_link(paper_docname(year, paper.id), paper.title))
    elif item.paper:
        text = f"Unknown paper {item.paper!r}"
        para += nodes.inline(text, text, classes=["missing"])
    else:
        para += nodes.strong(item.title, item.title)
    return para


def people_lines(item: Item, paper: Paper | None) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    if paper:
        authors = authors_inline(paper)
        out.append(nodes.paragraph(authors, authors, classes=["program-authors"]))
    people = [person_nodes(p) for p in item.people]
    if people:
        lead = "Presented by " if item.kind is ItemKind.PAPER else ""
        para = nodes.paragraph("", lead, classes=["program-speakers"])
        para.extend(joined(people, "; "))
        out.append(para)
    return out


def person_nodes(person: Person) -> list[nodes.Node]:
    out: list[nodes.Node] = [nodes.strong(person.name, person.name)]
    if person.affiliation:
        out.append(nodes.Text(f" ({person.affiliation})"))
    return out


def session_nodes(session: Session, body: Sequence[nodes.Node]) -> nodes.Element:
    """A titled session is a section (in the page's contents); an untitled one only a container."""
    box: nodes.Element
    if session.title:
        box = nodes.section(ids=[session.anchor or ""], classes=["program-session"])
        box += nodes.title(session.title, session.title)
    else:
        box = nodes.container(classes=["program-session"])
    meta: list[list[nodes.Node]] = []
    if span := session.span:
        meta.append([time_node(span)])
    if session.room:
        meta.append([nodes.Text(f"Room: {session.room}")])
    if session.chair:
        meta.append([nodes.Text(f"Chair: {session.chair}")])
    if meta:
        box += nodes.paragraph("", "", *joined(meta), classes=["program-session-meta"])
    box.extend(numbered(session, body))
    return box


def numbered(session: Session, body: Sequence[nodes.Node]) -> list[nodes.Node]:
    """Consecutive items become one ordered list that starts at the first one's number."""
    numbers = {item.anchor: item.number for item in session.items}
    out: list[nodes.Node] = []
    for node in body:
        if not isinstance(node, nodes.list_item) or "program-item" not in node["classes"]:
            out.append(node)
            continue
        if not (out and isinstance(out[-1], nodes.enumerated_list)):
            start = numbers.get(node["ids"][0], 1)
            out.append(
                nodes.enumerated_list(
                    enumtype="arabic", prefix="", suffix=".", start=start, classes=["program-order"]
                )
            )
        out[-1] += node
    return out


def slot_paragraph(slot: Slot, uri: str) -> nodes.paragraph:
    """'In the program: Monday 1 December 2025, item 3 of the running order; presented by X.'"""
    para = nodes.paragraph(classes=["paper-program-slot"])
    para += nodes.strong("In the program: ", "In the program: ")
    day = dates.weekday(slot.day) if slot.day else "on a day not known"
    label = f"{day}, item {slot.number} of the running order"
    para += nodes.reference(label, label, refuri=uri, internal=True)
    if not slot.order_confirmed:
        para += nodes.Text(" (the running order is not confirmed in full)")
    if slot.when:
        para += nodes.Text(", ")
        para += time_node(slot.when)
    if slot.session:
        para += nodes.Text(f", session “{slot.session}”")
    if slot.presenters:
        names = ", ".join(p.display for p in slot.presenters)
        para += nodes.Text(f"; presented by {names}")
    para += nodes.Text(".")
    return para


def paper_mention(paper: Paper, year: int) -> list[nodes.Node]:
    """The {paper} role: the title linked to its page, then the authors when known."""
    out: list[nodes.Node] = [page_link(paper_docname(year, paper.id), paper.title)]
    if paper.authors:
        out.append(nodes.Text(f" ({authors_inline(paper)})"))
    return out


def calendar_button(docname: str, target: str, label: str) -> nodes.paragraph:
    para = nodes.paragraph(classes=["program-calendar"])
    para += button(relative(docname, target), label, primary=False)
    return para


def workshop_line(workshop: Workshop) -> nodes.paragraph:
    text = " · ".join(filter(None, [workshop.day_label, workshop.location]))
    return nodes.paragraph(text, text, classes=["program-day"])


def invited_talks(items: Sequence[Item]) -> nodes.Element:
    """The invited talks, each with its speakers, linked to its place in the program."""
    if not items:
        text = "The invited talks are not known."
        return nodes.paragraph(text, text, classes=["missing"])
    out = nodes.bullet_list(classes=["invited-talks"])
    for item in items:
        para = nodes.paragraph()
        target = f"{item.source.docname}#{item.anchor}"
        para += nodes.strong("", "", page_link(target, item.title))
        people = "; ".join(p.display for p in item.people)
        if people:
            para += nodes.Text(f" — {people}")
        out += nodes.list_item("", para)
    return out


def talks_part(program: Program) -> list[nodes.Node]:
    """An edition's invited talks under a rubric, where another page shows them, if any."""
    talks = [i for i in program.items if i.kind is ItemKind.INVITED]
    if not talks:
        return []
    return [nodes.rubric("Invited talks", "Invited talks"), invited_talks(talks)]


def program_summary(program: Program) -> nodes.Text:
    """A program in a line, for the list of every edition's program."""
    items = program.items
    if not items:
        return nodes.Text("Its program is not known.")
    counts = [
        _count(n, noun)
        for kind, noun in ((ItemKind.PAPER, "paper"), (ItemKind.INVITED, "invited talk"))
        if (n := sum(i.kind is kind for i in items))
    ]
    what = " and ".join(counts) or _count(len(items), "item")
    timed = ", with times" if any(s.span for s in program.sessions) else "; times not known"
    return nodes.Text(f"{what}, in their running order{timed}.")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def program_notes(program: Program, label: str) -> list[nodes.Node]:
    """What the program page says of what its program does not give: that it is not known
    at all, or which of its times, running order, chairs and room are not."""
    items = program.items
    if not items:
        text = f"The program of {label} is not known."
        return [nodes.paragraph(text, text, classes=["missing", "program-status"])]
    lines = []
    if not any(s.span for s in program.sessions):
        lines.append("The start and end times of the talks are not known: this page gives "
                     "their running order.")  # fmt: skip
    unsure = [i for i in items if not i.position_confirmed]
    if unsure:
        lines.append(f"The place of {_count(len(unsure), 'item')} in the running order is "
                     "not confirmed (marked below).")  # fmt: skip
    if not any(s.chair for s in program.sessions):
        lines.append("The session chairs are not known.")
    if not any(s.room for s in program.sessions):
        lines.append("The room is not known.")
    if not lines:
        return []
    note = nodes.note(classes=["program-status"])
    note.extend(nodes.paragraph(line, line) for line in lines)
    return [note]
