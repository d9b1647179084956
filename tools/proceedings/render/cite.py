"""The "Cite" section of a paper page: reference text, BibTeX, downloads."""

from __future__ import annotations

from docutils import nodes

from ..model import Paper, Proceedings
from .acm import acm_reference
from .bibtex import bibtex_entry
from .nodes_ import button, relative, section
from .pages import PAPERS_DIR


def cite_section(proceedings: Proceedings, paper: Paper, docname: str) -> nodes.section:
    ref = acm_reference(paper, proceedings.volume)
    bib = bibtex_entry(paper, proceedings.volume)
    block = nodes.literal_block(bib, bib, language="bibtex")
    download = nodes.paragraph()
    download += button(
        relative(docname, f"{PAPERS_DIR}/{paper.id}.bib"), f"Download {paper.id}.bib", primary=False
    )
    return section(
        "Cite",
        "cite",
        nodes.paragraph("", "", nodes.strong("ACM Reference Format", "ACM Reference Format")),
        nodes.paragraph(ref, ref, classes=["acm-reference"]),
        nodes.paragraph("", "", nodes.strong("BibTeX", "BibTeX")),
        block,
        download,
    )
