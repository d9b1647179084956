"""The citation formats, declared once: every file, Cite block and download iterates FORMATS."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...model import Paper, Volume
from .bibtex import bibtex_entry
from .csl import csl_json, paper_csl
from .ris import paper_ris


def join_csl(texts: Sequence[str]) -> str:
    """Each paper's file is an array of one item: the volume's is one array of them all, each
    item as its file has it (csl_json indents an item alike anywhere in an array)."""
    empty = csl_json([])  # a volume without papers adds nothing
    items = [t.removeprefix("[\n").removesuffix("\n]\n") for t in texts if t != empty]
    return "[\n" + ",\n".join(items) + "\n]\n" if items else empty


@dataclass(frozen=True, slots=True)
class Format:
    key: str  # 'bibtex': its part of the Cite block (#cite-bibtex), its CSS class
    label: str  # 'BibTeX'
    suffix: str  # '.bib': paper and volume files are named <id><suffix>, volume<suffix>
    render: Callable[[Paper, Volume], str]  # one paper's file
    join: Callable[[Sequence[str]], str]  # a volume's file from its papers', in order
    # Its part of a paper page was the tab '#sd-tab-item-N' when the Cite block had tabs
    # (published in 2025): the part keeps that id. None for a format added since.
    tab: int | None = None

    @property
    def download_label(self) -> str:
        return f"Download {self.label} ({self.suffix})"


FORMATS = (
    Format("bibtex", "BibTeX", ".bib", bibtex_entry, "\n".join, tab=1),
    Format("ris", "RIS", ".ris", paper_ris, "\n".join, tab=2),
    Format("csl-json", "CSL-JSON", ".json", paper_csl, join_csl, tab=3),
)
SUFFIXES = tuple(f.suffix for f in FORMATS)
