"""Every citation file the site offers, by its path under the site root."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Paper, Proceedings, Volume
from .bibtex import bibtex_entry, volume_bibtex
from .csl import paper_csl, volume_csl
from .pages import PAPERS_DIR
from .ris import paper_ris, volume_ris

VOLUME_DIR = "proceedings"
VOLUME_STEM = "volume"
# One renderer per format, by file suffix: the same formats for a paper and for the volume.
PAPER_FORMATS: dict[str, Callable[[Paper, Volume], str]] = {
    ".bib": bibtex_entry,
    ".ris": paper_ris,
    ".json": paper_csl,
}
VOLUME_FORMATS: dict[str, Callable[[Proceedings], str]] = {
    ".bib": volume_bibtex,
    ".ris": volume_ris,
    ".json": volume_csl,
}
# Suffixes of the files this module owns in PAPERS_DIR (stale ones are removed).
PAPER_SUFFIXES = tuple(PAPER_FORMATS)


def paper_files(paper: Paper) -> list[str]:
    """Names (inside PAPERS_DIR) of the citation files of ``paper``; none unless published."""
    return [f"{paper.id}{suffix}" for suffix in PAPER_FORMATS] if paper.is_published else []


def paper_downloads(proceedings: Proceedings) -> dict[str, str]:
    """File name inside PAPERS_DIR -> content, for every paper that can be cited."""
    volume = proceedings.volume
    return {
        f"{paper.id}{suffix}": render(paper, volume)
        for paper in proceedings.published
        for suffix, render in PAPER_FORMATS.items()
    }


def volume_downloads(proceedings: Proceedings) -> dict[str, str]:
    """File name inside VOLUME_DIR -> content, for the whole volume."""
    return {
        f"{VOLUME_STEM}{suffix}": render(proceedings) for suffix, render in VOLUME_FORMATS.items()
    }


__all__ = [
    "PAPERS_DIR",
    "PAPER_SUFFIXES",
    "VOLUME_DIR",
    "paper_downloads",
    "paper_files",
    "volume_downloads",
]
