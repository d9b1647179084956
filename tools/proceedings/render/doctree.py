"""Model -> docutils nodes. Text from the data only ever becomes Text nodes (escaped by the
writer), and links only ever come from validated http(s) URLs or ids."""

from __future__ import annotations

from collections import defaultdict

from docutils import nodes

from ..model import Author, Paper, PaperType, Proceedings, Status
from . import dates
from .author_pages import AuthorPapers, by_letter, is_split, letter_label
from .cite import cite_section, download_button
from .csl import unique_place
from .lists import Entry, make_list, paper_list
from .nodes_ import (
    button,
    doc_link,
    external,
    missing,
    paper_docname,
    section,
    text_with_math,
)
from .pages import AUTHORS_DIR

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
        page += missing("The author list is not known; see", paper.doi_url, "the DOI record")
    meta = nodes.paragraph(classes=["paper-meta"])
    # The type is only stated when the data says so: "full" is also what an absent type means.
    bits = [] if paper.type is PaperType.FULL else [paper.type.label]
    bits.append(f"In {volume.short_title}")
    if paper.pages:
        bits.append(f"pages {paper.pages.replace('--', '–')}")
    elif paper.page_count:
        bits.append(f"{paper.page_count} pages")
    if paper.published:
        bits.append(f"published online {dates.day(paper.published)}")
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
        abstract = [missing("The abstract is not known; see", paper.doi_url, "the DOI record")]
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
    return ", ".join(a.display_name for a in paper.authors) or "Authors not known"


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
        entries = [
            Entry(
                links=((paper_docname(paper.id), paper.title),),
                badge=None if paper.is_published else paper.status.value.capitalize(),
                line=authors_inline(paper),
            )
            for paper in papers
        ]
        if len(groups) > 1:
            out.append(nodes.rubric(name, name))
        out.append(
            make_list(
                entries,
                ordered=len(groups) == 1,
                classes=["proceedings-toc"],
                line_class="proceedings-toc-authors",
            )
        )
    return out


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


def author_list(entries: list[AuthorPapers]) -> paper_list:
    items = [
        Entry(
            lead=(
                f"{author.family}, {author.given}"
                if author.family and author.given
                else author.display_name
            ),
            links=tuple((paper_docname(p.id), p.title) for p in papers),
        )
        for author, papers in entries
    ]
    # "simple": the compact spacing docutils gives a list of one-paragraph items.
    return make_list(items, ordered=False, classes=["author-index", "simple"])


def letters_nav(letters: list[str], current: str | None = None) -> nodes.paragraph:
    """Links to the author index's letter pages; the current letter is not a link."""
    nav = nodes.paragraph(classes=["author-letters"])
    for i, letter in enumerate(letters):
        if i:
            nav += nodes.Text(" · ")
        label = letter_label(letter)
        if letter == current:
            nav += nodes.strong(label, label)
        else:
            nav += doc_link(f"{AUTHORS_DIR}/{letter}", label)
    return nav


def author_index(proceedings: Proceedings, *, split_from: int) -> list[nodes.Node]:
    """Everyone on this page, or (for a large index) links to a page a letter."""
    entries = proceedings.authors()
    if not is_split(entries, split_from):
        return [author_list(entries)]
    groups = by_letter(entries)
    intro = nodes.paragraph(
        "",
        f"{len(entries):,} authors of {len(proceedings.papers):,} papers, "
        "by the first letter of their family name:",
    )
    return [intro, letters_nav(list(groups))]


def author_letter_page(proceedings: Proceedings, letter: str) -> list[nodes.Node] | None:
    """The page of one letter of a split author index; None if no author has that letter."""
    groups = by_letter(proceedings.authors())
    if letter not in groups:
        return None
    label = letter_label(letter)
    page = nodes.section(ids=["authors"], names=["authors"])
    title = f"Author index: {label}"
    page += nodes.title(title, title)
    page += letters_nav(list(groups), current=letter)
    page += author_list(groups[letter])
    back = nodes.paragraph(classes=["paper-nav"])
    back += doc_link("proceedings/authors", "Author index")
    back += nodes.Text(" · ")
    back += doc_link("proceedings/index", "All papers")
    page += back
    return [page]
