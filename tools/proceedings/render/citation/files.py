"""Every citation file the site offers: each paper's, in each format, and the volume's, joined
from its papers' files."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ...model import Paper, Proceedings, Volume
from ...paths import VOLUME_STEM
from .bibtex import bibtex_entry
from .csl import csl_json, paper_csl
from .ris import paper_ris

CSL_OPEN, CSL_CLOSE = "[\n", "\n]\n"  # around the items of csl_json's arrays
# One renderer per format, by file suffix: the same formats for a paper and for the volume.
PAPER_FORMATS: dict[str, Callable[[Paper, Volume], str]] = {
    ".bib": bibtex_entry,
    ".ris": paper_ris,
    ".json": paper_csl,
}


def _join_csl(texts: Sequence[str]) -> str:
    """Each paper's file is an array of one item: the volume's is one array of them all, as
    csl_json writes it. Its items sit at the same depth as in a paper's file, so their text is
    the same: joined as text (json's indenting encoder is pure Python, and slow)."""
    if not texts:
        return csl_json([])
    items = []
    for text in texts:
        if not (text.startswith(CSL_OPEN) and text.endswith(CSL_CLOSE)):
            raise ValueError(f"not a CSL-JSON array of csl_json: {text[:40]!r}")
        items.append(text[len(CSL_OPEN) : -len(CSL_CLOSE)])
    return CSL_OPEN + ",\n".join(items) + CSL_CLOSE


# How a volume file is made from its papers' files, in the volume's order: BibTeX entries and
# RIS records separated by a blank line, CSL-JSON items in one array. A rebuild can so reuse
# the files of unchanged papers instead of rendering every paper again.
VOLUME_JOINS: dict[str, Callable[[Sequence[str]], str]] = {
    ".bib": "\n".join,
    ".ris": "\n".join,
    ".json": _join_csl,
}
# Suffixes of the files this module owns in PAPERS_DIR (stale ones are removed).
PAPER_SUFFIXES = tuple(PAPER_FORMATS)


def render_paper(paper: Paper, volume: Volume) -> dict[str, str]:
    """File name inside PAPERS_DIR -> content, for one paper (none unless published)."""
    if not paper.is_published:
        return {}
    return {
        f"{paper.id}{suffix}": render(paper, volume) for suffix, render in PAPER_FORMATS.items()
    }


def join_volume(proceedings: Proceedings, papers: Mapping[str, str]) -> dict[str, str]:
    """File name inside VOLUME_DIR -> content, joined from ``papers`` (each published paper's
    files, by name: render_paper's), in the volume's order."""
    return {
        f"{VOLUME_STEM}{suffix}": join([papers[f"{p.id}{suffix}"] for p in proceedings.published])
        for suffix, join in VOLUME_JOINS.items()
    }
