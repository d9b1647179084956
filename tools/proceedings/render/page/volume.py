"""The volume's page: its front matter (publisher, conference, downloads) and its contents."""

from __future__ import annotations

from collections import defaultdict

from docutils import nodes

from ...model import Paper, Proceedings
from ...paths import SERIES_STEM, VOLUME_STEM, paper_docname, volume_dir
from .. import dates
from ..citation.formats import FORMATS
from ..citation.record import unique_place
from .cite import download_button
from .nodes import BADGE_CLASSES, page_link


def authors_inline(paper: Paper) -> str:
    return ", ".join(a.display_name for a in paper.authors) or "Authors not known"


def contents(proceedings: Proceedings, year: int) -> list[nodes.Node]:
    """The table of contents, grouped by session when sessions are given, else by type."""
    groups: dict[str, list[Paper]] = defaultdict(list)
    use_sessions = any(p.session for p in proceedings.papers)
    use_types = len({p.type for p in proceedings.papers}) > 1
    for paper in proceedings.papers:
        if use_sessions:
            groups[paper.session or "Other papers"].append(paper)
        else:
            groups[paper.type.label + "s" if use_types else "Papers"].append(paper)
    out: list[nodes.Node] = []
    for name, papers in groups.items():
        if len(groups) > 1:
            out.append(nodes.rubric(name, name))
        toc = nodes.enumerated_list() if len(groups) == 1 else nodes.bullet_list()
        toc["classes"] = ["proceedings-toc"]
        toc.extend(contents_item(paper, year) for paper in papers)
        out.append(toc)
    return out


def contents_item(paper: Paper, year: int) -> nodes.list_item:
    """The title linked to its page (a badge unless published), the authors below."""
    title = nodes.paragraph("", "", page_link(paper_docname(year, paper.id), paper.title))
    if not paper.is_published:
        badge = paper.status.value.capitalize()
        title += nodes.Text(" ")
        title += nodes.inline(badge, badge, classes=list(BADGE_CLASSES))
    authors = authors_inline(paper)
    return nodes.list_item(
        "", title, nodes.paragraph(authors, authors, classes=["proceedings-toc-authors"])
    )


def front_matter(proceedings: Proceedings, year: int, docname: str) -> list[nodes.Node]:
    volume = proceedings.volume
    fields = nodes.field_list(classes=["proceedings-front-matter"])

    def add(name: str, *body: nodes.Node) -> None:
        value = nodes.field_body("", nodes.paragraph("", "", *body))
        fields.append(nodes.field("", nodes.field_name(name, name), value))

    add("Title", nodes.Text(f"{volume.title} ({volume.short_title})"))
    if volume.editors:
        add("Editors", nodes.Text(", ".join(e.display_name for e in volume.editors)))
    publisher = ", ".join(filter(None, [volume.publisher, volume.publisher_address]))
    add("Publisher", nodes.Text(publisher or "not known"))
    if volume.event:
        ev = volume.event
        when = dates.day_range(ev.start, ev.end or ev.start) if ev.start else ""
        # Our prose names a place once ("Hong Kong"); ACM's "Hong Kong, Hong Kong" is for
        # references.
        where = unique_place(ev.city, ev.country)
        add("Co-located with", nodes.Text(", ".join(filter(None, [ev.name, when, where]))))
    if volume.doi_prefix:
        add("DOI prefix", nodes.Text(volume.doi_prefix))
    if volume.isbn:
        add("ISBN", nodes.Text(volume.isbn))
    n = len(proceedings.published)
    gone = len(proceedings.papers) - n
    # Papers of a volume whose publisher is not known are accepted, not published.
    papers = f"{n} {'published' if volume.publisher else 'accepted'}"
    add("Papers", nodes.Text(papers + (f", {gone} withdrawn or retracted" if gone else "")))
    stem = f"{volume_dir(year)}/{VOLUME_STEM}"
    return [fields, downloads(docname, stem, "Download the volume")]


def series_downloads(docname: str) -> nodes.paragraph:
    """The citation files of every volume of the series in one."""
    return downloads(docname, SERIES_STEM, "Every volume")


def downloads(docname: str, stem: str, label: str) -> nodes.paragraph:
    """A button for each format's file ``stem`` + suffix (a path from the site root)."""
    para = nodes.paragraph(classes=["volume-downloads"])
    for f in FORMATS:
        para += download_button(docname, f"{stem}{f.suffix}", f"{label} ({f.label})")
        para += nodes.Text(" ")
    return para
