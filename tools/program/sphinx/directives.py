"""The program page's directives and role: they record the model and render it."""

from __future__ import annotations

import abc
from dataclasses import replace
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ...proceedings import (
    DOI_RE,
    YEAR,
    BadTimeError,
    Paper,
    Warn,
    cfp_calendar,
    edition_of,
    from_data,
    is_safe_url,
    normalize_name,
    parse_whole,
    program_calendar,
    program_part,
)
from ...proceedings.sphinx import note_data, series_of
from ...proceedings.sphinx.logs import warn
from ..model import Dates, Item, ItemKind, Link, Person, Session, Source, Span, Workshop, dates_of
from ..read import parse_span
from ..render import nodes as render
from .domain import domain

SESSION_KEY = "inet4ai-program:session"  # the items of the session being read
COUNT_KEY = "inet4ai-program:count"  # items numbered so far on this page
UNCONFIRMED = "Its place in the running order is not confirmed."


def text_options(*names: str) -> dict[str, Any]:
    return dict.fromkeys(names, directives.unchanged)


ITEM_OPTIONS = {
    **text_options("start", "end", "name", "note"),
    "unconfirmed-position": directives.flag,
}


class ProgramDirective(SphinxDirective):
    """Shared helpers: the page's edition, its workshop, sources, times and ids."""

    def warn(self, kind: Warn, message: str) -> None:
        warn(kind, message, self.get_location())

    @property
    def year(self) -> int:
        """The edition of this page, by its folder (program/2025/index is 2025's)."""
        year = edition_of(self.env.docname)
        if year is None or not series_of(self.env).has(year):
            raise self.error(
                f"{self.name!r} belongs on a page of an edition (program/<year>/, cfp/<year>/), "
                f"not on {self.env.docname!r}, or the data has no edition {year}"
            )
        return year

    @property
    def workshop(self) -> Workshop:
        return self.dates.workshop

    @property
    def dates(self) -> Dates:
        year, series = self.year, series_of(self.env)
        note_data(self.env, [year], volume=False)
        return dates_of(series, series.edition(year))

    def source(self) -> Source:
        docname = self.env.docname
        file = self.env.doc2path(docname).relative_to(self.env.srcdir).as_posix()
        return Source(docname, self.lineno, file)

    def span(self) -> Span | None:
        try:
            return parse_span(self.options.get("start"), self.options.get("end"), self.workshop)
        except BadTimeError as exc:
            self.warn(Warn.BAD_TIME, f"{exc}; the time is left out")
            return None

    def anchor(self, default: str) -> str:
        """The HTML id: ':name:' if given, else ``default``; made unique on the page."""
        ids = self.state.document.ids
        explicit = self.options.get("name")
        base = anchor = nodes.make_id(explicit or default) or "item"
        if explicit and anchor in ids:
            self.warn(Warn.DUPLICATE_ANCHOR, f"the id {anchor!r} is already used on this page")
        n = 1
        while anchor in ids:
            n += 1
            anchor = f"{base}-{n}"
        return anchor

    def register(self, node: nodes.Element) -> nodes.Element:
        """The node's ids in the page's table, so that later ids avoid them."""
        self.state.document.set_id(node)
        return node


class SessionDirective(ProgramDirective):
    """``{session} [title]``: items held one after the other in one room."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = text_options("start", "end", "room", "chair", "name")

    def run(self) -> list[nodes.Node]:
        doc = self.env.current_document
        if SESSION_KEY in doc:
            self.warn(Warn.STRUCTURE, "a session cannot hold another session")
            return []
        title = self.arguments[0].strip() if self.arguments else None
        anchor = self.anchor(f"session-{title}") if title else None
        items: list[Item] = []
        doc[SESSION_KEY] = items
        try:
            body = self.parse_content_to_nodes()
        finally:
            del doc[SESSION_KEY]
        session = Session(
            tuple(items),
            self.source(),
            title,
            anchor,
            self.span(),
            self.options.get("room") or None,
            self.options.get("chair") or None,
        )
        domain(self.env).add_session(self.env.docname, session)
        box = render.session_nodes(session, body)
        return [self.register(box) if anchor else box]


class ItemDirective(ProgramDirective, abc.ABC):
    """Base of the items of a session: numbered in page order, recorded, rendered."""

    option_spec: ClassVar[dict[str, Any]] = ITEM_OPTIONS

    @abc.abstractmethod
    def make_item(self, number: int) -> Item:
        """The item this directive describes, at ``number`` in the running order."""

    def paper(self, item: Item) -> Paper | None:
        return None

    def item(self, kind: ItemKind, number: int, anchor: str, **fields: Any) -> Item:
        """An item here, with its id (``anchor`` by default), times and note."""
        return Item(
            kind,
            number,
            self.anchor(anchor),
            self.source(),
            when=self.span(),
            note=self.options.get("note") or "",
            **fields,
        )

    def run(self) -> list[nodes.Node]:
        doc = self.env.current_document
        items: list[Item] | None = doc.get(SESSION_KEY)
        if items is None:
            self.warn(Warn.STRUCTURE, "a program item must stand inside a {session} directive")
            return []
        number = int(doc.get(COUNT_KEY) or 0) + 1
        doc[COUNT_KEY] = number
        item = self.make_item(number)
        if "unconfirmed-position" in self.options:
            item = replace(item, position_confirmed=False, note=item.note or UNCONFIRMED)
        items.append(item)
        body = self.parse_content_to_nodes() if self.content else []
        return [self.register(render.item_node(item, self.paper(item), body))]


class PaperTalk(ItemDirective):
    """``{paper-talk} <paper id>``: the title and authors come from the proceedings data."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {
        **ITEM_OPTIONS,
        **text_options("presenter", "affiliation"),
    }

    def make_item(self, number: int) -> Item:
        paper_id = self.arguments[0]
        presenter = self.options.get("presenter")
        people = (self.presenter(presenter),) if presenter else ()
        return self.item(ItemKind.PAPER, number, f"paper-{paper_id}", paper=paper_id, people=people)

    def paper(self, item: Item) -> Paper | None:
        return find_paper(self, item.paper or "")

    def presenter(self, name: str) -> Person:
        """The presenter; an author's affiliations come from the paper unless given here."""
        affiliation = self.options.get("affiliation")
        paper = find_paper(self, self.arguments[0], report=False)
        if affiliation is None and paper:
            key = normalize_name(name)
            author = next((a for a in paper.authors if normalize_name(a.display_name) == key), None)
            affiliation = "; ".join(author.affiliations) if author else None
        return Person(name, affiliation or "")


class InvitedTalk(ItemDirective):
    """``{invited-talk} <title>``; the content, if any, is the abstract or the speaker's bio."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        **ITEM_OPTIONS,
        **text_options("affiliation", "doi", "slides", "video"),
        "speaker": directives.unchanged_required,
    }

    def make_item(self, number: int) -> Item:
        title = self.arguments[0].strip()
        speaker = self.options.get("speaker")
        people = (Person(speaker, self.options.get("affiliation") or ""),) if speaker else ()
        anchor = f"talk-{speaker or title}"
        item = self.item(ItemKind.INVITED, number, anchor, title=title, people=people)
        return replace(item, links=self.links())  # its warnings after those of the time

    def links(self) -> tuple[Link, ...]:
        out: list[Link] = []
        doi = self.options.get("doi")
        if doi and DOI_RE.match(doi):
            out.append(Link(f"Related paper: DOI {doi}", f"https://doi.org/{doi}"))
        elif doi:
            self.warn(Warn.BAD_LINK, f"{doi!r} is not a DOI (10.NNNN/...)")
        for key, label in (("slides", "Slides"), ("video", "Video")):
            url = self.options.get(key)
            if url and is_safe_url(url):
                out.append(Link(label, url))
            elif url:
                self.warn(Warn.BAD_LINK, f"':{key}:' must be an http(s) URL, not {url!r}")
        return tuple(out)


SLOT_KINDS = tuple(k.value for k in ItemKind if k not in (ItemKind.PAPER, ItemKind.INVITED))


def slot_kind(argument: str) -> str:
    return str(directives.choice(argument, SLOT_KINDS))


class ProgramSlot(ItemDirective):
    """``{program-slot} <title>`` with ``:kind:`` opening, break, wrap-up or other."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {**ITEM_OPTIONS, "kind": slot_kind}

    def make_item(self, number: int) -> Item:
        title = self.arguments[0].strip()
        kind = ItemKind(self.options.get("kind", ItemKind.OTHER.value))
        return self.item(kind, number, title, title=title)


def find_paper(
    where: SphinxDirective | SphinxRole, paper_id: str, *, report: bool = True
) -> Paper | None:
    """The paper of the page's edition (whose data the page then depends on), else a warning."""
    year, series = edition_of(where.env.docname), series_of(where.env)
    edition = series.edition(year) if year is not None and series.has(year) else None
    if year is not None:
        note_data(where.env, [year])
    proceedings = edition.proceedings if edition else None
    if proceedings is not None and proceedings.has(paper_id):
        return proceedings.paper(paper_id)
    if report:
        message = f"unknown paper id {paper_id!r} (not in the data of the page's edition)"
        warn(Warn.UNKNOWN_PAPER, message, where.get_location())
    return None


class PaperRole(SphinxRole):
    """``{paper}`<id>```: a paper's title linked to its page, and its authors."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        paper = find_paper(self, self.text.strip())
        if paper is None:
            return [nodes.inline(self.text, self.text, classes=["missing"])], []
        year = edition_of(self.env.docname)
        assert year is not None  # find_paper finds papers of an edition only
        return render.paper_mention(paper, year), []


class ProgramCalendar(ProgramDirective):
    """``{program-calendar}``: the workshop's day and place, its calendar once the day is known."""

    def run(self) -> list[nodes.Node]:
        workshop = self.workshop
        out: list[nodes.Node] = [render.workshop_line(workshop)]
        if workshop.day is not None:
            target = program_calendar(workshop.year)
            out.append(render.calendar_button(self.env.docname, target, "Add to calendar (.ics)"))
        # What the page's program does not give, once it is read (fill_parts).
        return [*from_data(out), program_part(year=workshop.year, part="notes")]


class CfpCalendar(ProgramDirective):
    """``{cfp-calendar}``: the call's deadlines as a calendar file."""

    def run(self) -> list[nodes.Node]:
        dates = self.dates
        if not dates.deadlines:
            return []
        label = "Add the call's dates to your calendar (.ics)"
        target = cfp_calendar(dates.workshop.year)
        return from_data([render.calendar_button(self.env.docname, target, label)])


class InvitedTalks(ProgramDirective):
    """``{invited-talks} YEAR``: an edition's invited talks, filled in once its program is read."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        text = self.arguments[0]
        year = parse_whole(text, YEAR)
        if year is None or not series_of(self.env).has(year):
            raise self.error(f"{text!r}: the data has no such edition (give its year)")
        return [program_part(year=year, part="list")]
