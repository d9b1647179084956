"""Model -> docutils nodes. Text from the data only ever becomes Text nodes (escaped by the
writer), and links only ever come from validated http(s) URLs or ids."""

from __future__ import annotations

from collections import defaultdict

from docutils import nodes

from ..model import Author, Paper, PaperType, Proceedings, Status
from .cite import cite_section, download_button
from .nodes_ import (
    button,
    doc_link,
    external,
    missing,
    paper_docname,
    section,
    text_with_math,
)

LINK_LABELS = {"pdf": "PDF", "slides": "Slides", "video": "Video", "code": "Code"}


def author_item(author: Author) -> nodes.list_item:
    para = nodes.paragraph()
    para += nodes.strong(author.display_name, author.display_name)
    if author.affiliations:
        aff = "; ".join(author.affiliations)
        para += nodes.Text(" ")
        para += nodes.inline(aff, aff, classes=["paper-affiliation"])
    if author.orcid_url:
        para += nodes.Text(" ")
        para += external(author.orcid_url, "ORCID", classes=["orcid-link"])
    return nodes.list_item("", para)


def status_notice(paper: Paper) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    if paper.status is not Status.PUBLISHED:
        word = "Withdrawn" if paper.status is Status.WITHDRAWN else "Retracted"
        note = nodes.warning()
        note += nodes.paragraph("", "", nodes.strong(word, word), nodes.Text(f": {paper.notice}"))
        out.append(note)
    if paper.erratum:
        note = nodes.note()
        note += nodes.paragraph(
            "", "", nodes.strong("Erratum", "Erratum"), nodes.Text(f": {paper.erratum}")
        )
        out.append(note)
    return out


def paper_body(proceedings: Proceedings, paper: Paper, docname: str) -> list[nodes.Node]:
    """Everything on a paper's page, in reading order, as one section titled by the paper."""
    volume = proceedings.volume
    page = nodes.section(ids=["paper"], names=["paper"])
    page += nodes.title(paper.title, paper.title)
    page.extend(status_notice(paper))
    if paper.authors:
        page += nodes.bullet_list("", *map(author_item, paper.authors), classes=["paper-authors"])
    else:
        page += missing(
            "The author list is not available on this site yet; see",
            paper.doi_url,
            "the DOI record",
        )
    meta = nodes.paragraph(classes=["paper-meta"])
    # The type is only stated when the data says so: "full" is also what an absent type means.
    bits = [] if paper.type is PaperType.FULL else [paper.type.label]
    bits.append(f"In {volume.short_title}")
    if paper.pages:
        bits.append(f"pages {paper.pages.replace('--', '–')}")
    elif paper.page_count:
        bits.append(f"{paper.page_count} pages")
    if paper.published:
        bits.append(f"published {paper.published.isoformat()}")
    meta += nodes.Text(" · ".join(bits))
    if paper.doi_url:
        meta += nodes.Text(" · DOI ")
        meta += external(paper.doi_url, paper.doi or "")
    page += meta
    buttons = nodes.paragraph(classes=["paper-links"])
    for kind, url in paper.links.items():
        buttons += button(url, LINK_LABELS[kind])
        buttons += nodes.Text(" ")
    if paper.doi_url:
        buttons += button(paper.doi_url, "DOI", primary=not paper.links.pdf)
    if buttons.children:
        page += buttons
    abstract: list[nodes.Node] = [
        nodes.paragraph("", "", *text_with_math(p)) for p in paper.paragraphs
    ]
    if not abstract:
        abstract = [
            missing(
                "The abstract is not available on this site yet; see",
                paper.doi_url,
                "the DOI record",
            )
        ]
    page += section("Abstract", "abstract", *abstract)
    if paper.keywords:
        kw = nodes.paragraph(
            "", "", nodes.strong("Keywords: ", "Keywords: "), nodes.Text(", ".join(paper.keywords))
        )
        page += kw
    if paper.is_published:
        page += cite_section(proceedings, paper, docname)
    page += neighbours_nav(proceedings, paper)
    return [page]


def neighbours_nav(proceedings: Proceedings, paper: Paper) -> nodes.paragraph:
    prev, nxt = proceedings.neighbours(paper.id)
    nav = nodes.paragraph(classes=["paper-nav"])
    if prev:
        nav += nodes.Text("← Previous: ")
        nav += doc_link(paper_docname(prev.id), prev.title)
        nav += nodes.Text(" · ")
    nav += doc_link("proceedings/index", "All papers")
    if nxt:
        nav += nodes.Text(" · Next: ")
        nav += doc_link(paper_docname(nxt.id), nxt.title)
        nav += nodes.Text(" →")
    return nav


def authors_inline(paper: Paper) -> str:
    return ", ".join(a.display_name for a in paper.authors) or "Authors not yet listed"


def contents(proceedings: Proceedings) -> list[nodes.Node]:
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
        items = (
            nodes.enumerated_list(classes=["proceedings-toc"])
            if len(groups) == 1
            else nodes.bullet_list(classes=["proceedings-toc"])
        )
        for paper in papers:
            para = nodes.paragraph()
            para += doc_link(paper_docname(paper.id), paper.title)
            if not paper.is_published:
                para += nodes.Text(" ")
                label = paper.status.value.capitalize()
                para += nodes.inline(
                    label, label, classes=["sd-badge", "sd-bg-warning", "sd-bg-text-warning"]
                )
            line = nodes.paragraph(classes=["proceedings-toc-authors"])
            line += nodes.Text(authors_inline(paper))
            items += nodes.list_item("", para, line)
        out.append(nodes.rubric(name, name) if len(groups) > 1 else nodes.container())
        out.append(items)
    return [n for n in out if not (isinstance(n, nodes.container) and not n.children)]


def front_matter(proceedings: Proceedings, docname: str) -> list[nodes.Node]:
    volume = proceedings.volume
    fields = nodes.field_list(classes=["proceedings-front-matter"])

    def add(name: str, *body: nodes.Node) -> None:
        fields.append(
            nodes.field(
                "",
                nodes.field_name(name, name),
                nodes.field_body("", nodes.paragraph("", "", *body)),
            )
        )

    add("Title", nodes.Text(f"{volume.title} ({volume.short_title})"))
    if volume.editors:
        add("Editors", nodes.Text(", ".join(e.display_name for e in volume.editors)))
    if volume.publisher:
        add(
            "Publisher",
            nodes.Text(", ".join(filter(None, [volume.publisher, volume.publisher_address]))),
        )
    if volume.event:
        ev = volume.event
        add("Co-located with", nodes.Text(", ".join(filter(None, [ev.name, ev.dates, ev.place]))))
    if volume.doi_prefix:
        add("DOI prefix", nodes.Text(volume.doi_prefix))
    if volume.isbn:
        add("ISBN", nodes.Text(volume.isbn))
    n = len(proceedings.published)
    add(
        "Papers",
        nodes.Text(
            f"{n} published"
            + (
                f", {len(proceedings.papers) - n} withdrawn or retracted"
                if n < len(proceedings.papers)
                else ""
            )
        ),
    )
    download = nodes.paragraph(classes=["volume-downloads"])
    for suffix, label in ((".bib", "BibTeX"), (".ris", "RIS"), (".json", "CSL-JSON")):
        download += download_button(
            docname, f"proceedings/volume{suffix}", f"Download the volume ({label})"
        )
        download += nodes.Text(" ")
    return [fields, download]


def author_index(proceedings: Proceedings) -> list[nodes.Node]:
    items = nodes.bullet_list(classes=["author-index"])
    for author, papers in proceedings.authors():
        para = nodes.paragraph()
        name = (
            f"{author.family}, {author.given}"
            if author.family and author.given
            else author.display_name
        )
        para += nodes.strong(name, name)
        para += nodes.Text(": ")
        for i, paper in enumerate(papers):
            if i:
                para += nodes.Text("; ")
            para += doc_link(paper_docname(paper.id), paper.title)
        items += nodes.list_item("", para)
    return [items]
