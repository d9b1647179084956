"""A paper's page. Data only ever becomes Text nodes and links from validated URLs or ids."""

from __future__ import annotations

from collections.abc import Mapping

from docutils import nodes

from ...model import Author, Paper, PaperType, Proceedings
from ...paths import edition_doc, paper_docname
from .. import dates
from .cite import cite_section
from .nodes import BUTTON_CLASSES, button, external, link_line, missing, section, text_with_math

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
    notices = [] if paper.is_published else [(nodes.warning, paper.status.value, paper.notice)]
    if paper.erratum:
        notices.append((nodes.note, "erratum", paper.erratum))
    out = []
    for kind, word, text in notices:
        lead = nodes.strong(word.capitalize(), word.capitalize())
        out.append(kind("", nodes.paragraph("", "", lead, nodes.Text(f": {text}"))))
    return out


def paper_body(
    proceedings: Proceedings, year: int, paper: Paper, docname: str, files: Mapping[str, str]
) -> list[nodes.Node]:
    """Everything on a paper's page, in reading order, as one section titled by the paper;
    ``files``: its citation files' texts, by name (the Cite tabs show them)."""
    volume = proceedings.volume
    page = nodes.section(ids=["paper"], names=["paper"])
    page += nodes.title(paper.title, paper.title)
    page.extend(status_notice(paper))
    if paper.authors:
        page += nodes.bullet_list("", *map(author_item, paper.authors), classes=["paper-authors"])
    else:
        page += missing("The author list is not known; see", paper.doi_url, "the DOI record")
    # The type is only stated when the data says so: "full" is also what an absent type means.
    bits = [] if paper.type is PaperType.FULL else [paper.type.label]
    bits.append(f"In {volume.short_title}")
    if paper.pages:
        first, last = paper.first_page, paper.last_page
        bits.append(f"page {first}" if first == last else f"pages {first}\N{EN DASH}{last}")
    elif paper.page_count:
        bits.append(f"{paper.page_count} pages")
    if paper.published:
        bits.append(f"published online {dates.day(paper.published)}")
    if paper.doi:  # as text: the link is the full text's, below; search finds a paper by it
        bits.append(f"DOI {paper.doi}")
    page += nodes.paragraph("", "", nodes.Text(" · ".join(bits)), classes=["paper-meta"])
    page += links_line(paper, volume.publisher)
    abstract: list[nodes.Node] = [
        nodes.paragraph("", "", *text_with_math(p)) for p in paper.paragraphs
    ]
    if not abstract:
        abstract = [missing("The abstract is not known; see", paper.doi_url, "the DOI record")]
    page += section("Abstract", "abstract", *abstract)
    if paper.keywords:
        lead = nodes.strong("Keywords: ", "Keywords: ")
        page += nodes.paragraph("", "", lead, nodes.Text(", ".join(paper.keywords)))
    if paper.is_published:
        page += cite_section(paper, volume, docname, files)
    page += neighbours_nav(proceedings, year, paper)
    return [page]


def links_line(paper: Paper, publisher: str) -> nodes.paragraph:
    """The full text at the publisher (its DOI's link), the paper's own links, and the way to
    its citation, next to the title as the ACL Anthology has it."""
    buttons = nodes.paragraph(classes=["paper-links"])
    if paper.doi_url:
        label = f"Full text at {publisher}" if publisher else "Full text (DOI)"
        buttons += button(paper.doi_url, label)
    for kind, url in paper.links.items():
        buttons += nodes.Text(" ")
        buttons += button(url, LINK_LABELS[kind], primary=not paper.doi_url and kind == "pdf")
    if paper.is_published:
        buttons += nodes.Text(" ")
        buttons += nodes.reference("Cite", "Cite", refuri="#cite", internal=True,
                                   classes=[*BUTTON_CLASSES, "sd-btn-outline-primary"])  # fmt: skip
    return buttons


def neighbours_nav(proceedings: Proceedings, year: int, paper: Paper) -> nodes.paragraph:
    prev, nxt = proceedings.neighbours(paper.id)
    parts: list[str | tuple[str, str]] = []
    if prev:
        parts += ["← Previous: ", (paper_docname(year, prev.id), prev.title), " · "]
    parts.append((edition_doc("proceedings", year), "All papers"))
    if nxt:
        parts += [" · Next: ", (paper_docname(year, nxt.id), nxt.title), " →"]
    # no-search: the neighbours' titles are theirs, not this page's.
    return link_line(parts, classes=["paper-nav", "no-search"])
