"""Every citation file the site offers, by its path under the site root."""

from __future__ import annotations

from ..model import Proceedings
from .bibtex import bibtex_entry, volume_bibtex
from .pages import PAPERS_DIR

VOLUME_DIR = "proceedings"
VOLUME_STEM = "volume"
# Suffixes of the files this module owns in PAPERS_DIR and VOLUME_DIR (stale ones are removed).
PAPER_SUFFIXES = (".bib",)


def paper_downloads(proceedings: Proceedings) -> dict[str, str]:
    """File name inside PAPERS_DIR -> content, for every paper that can be cited."""
    volume = proceedings.volume
    return {f"{p.id}.bib": bibtex_entry(p, volume) for p in proceedings.published}


def volume_downloads(proceedings: Proceedings) -> dict[str, str]:
    """File name inside VOLUME_DIR -> content, for the whole volume."""
    return {f"{VOLUME_STEM}.bib": volume_bibtex(proceedings)}


__all__ = ["PAPERS_DIR", "VOLUME_DIR", "paper_downloads", "volume_downloads"]
