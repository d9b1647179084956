"""Synthetic PMLR-style volumes: the real entries of a corpus file repeated under fresh keys."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from bibtexparser.entrypoint import parse_string

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpora" / "pmlr-cpal26.bib"
CORPUS_YEAR = "2026"  # of the corpus' @proceedings entry
KEY_RE = re.compile(r"^(@\w+\s*\{)\s*([^,\s]+)\s*,")


class CorpusError(RuntimeError):
    """The corpus file is missing or has no entries to repeat."""


@dataclass(frozen=True)
class Corpus:
    """The raw text of one @proceedings entry and of every @inproceedings entry, in file order."""

    proceedings: str
    papers: tuple[tuple[str, str], ...]  # (key, raw entry text)

    @classmethod
    def read(cls, path: Path = CORPUS) -> Corpus:
        if not path.is_file():
            raise CorpusError(f"{path}: corpus file not found")
        library = parse_string(path.read_text(encoding="utf-8"))
        if library.failed_blocks:
            lines = ", ".join(str((b.start_line or 0) + 1) for b in library.failed_blocks)
            raise CorpusError(f"{path}: blocks that do not parse at lines {lines}")
        raw = {e.key: e.raw or "" for e in library.entries}
        proceedings = [e.key for e in library.entries if e.entry_type == "proceedings"]
        papers = tuple(
            (e.key, raw[e.key]) for e in library.entries if e.entry_type == "inproceedings"
        )
        if len(proceedings) != 1 or not papers:
            raise CorpusError(f"{path}: expected one @proceedings and some @inproceedings")
        return cls(raw[proceedings[0]], papers)


def fresh_key(key: str, copy: int) -> str:
    """A new key for the copy-th repetition of an entry: `chen26a` -> `chen26a-r03`."""
    return f"{key}-r{copy:02d}"


def rekey(raw: str, key: str) -> str:
    """The same entry text under another key."""
    renamed, count = KEY_RE.subn(lambda m: f"{m.group(1)}{key},", raw.lstrip(), count=1)
    if count != 1:
        raise CorpusError(f"no key found in entry {raw[:40]!r}")
    return renamed


def synthetic_volume(corpus: Corpus, size: int) -> str:
    """A volume BibTeX of ``size`` papers: the corpus entries in order, repeated as needed."""
    entries = [corpus.proceedings.strip()]
    per_copy = len(corpus.papers)
    for i in range(size):
        key, raw = corpus.papers[i % per_copy]
        entries.append(rekey(raw, fresh_key(key, i // per_copy)).strip())
    return "\n\n".join(entries) + "\n"


def write_volume(corpus: Corpus, size: int, folder: Path, *, year: int | None = None) -> Path:
    """Write the synthetic volume of ``size`` papers as ``folder/volume-<size>.bib``; with
    ``year``, its @proceedings entry is that year's (its own short title and citation keys)."""
    if year is not None:
        corpus = replace(corpus, proceedings=corpus.proceedings.replace(CORPUS_YEAR, str(year)))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"volume-{size}.bib"
    path.write_text(synthetic_volume(corpus, size), encoding="utf-8")
    return path
