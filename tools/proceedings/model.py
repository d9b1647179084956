"""The data model in the middle of the pipeline: frozen dataclasses, built only by sources/."""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from dataclasses import dataclass, field, fields

from .errors import Location
from .numbers import page_number, split_pages

# Ids become file names and URL segments: lower-case ASCII letters, digits, '-', '_', '.'.
ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?$")
DOI_RE = re.compile(r"^10\.\d{4,9}/[^\s]+$")
ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


def normalize_name(name: str) -> str:
    """A key under which two spellings of one person's name compare equal."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(folded.split())


class Status(enum.StrEnum):
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"
    RETRACTED = "retracted"


class PaperType(enum.StrEnum):
    FULL = "full"
    SHORT = "short"
    POSTER = "poster"
    DEMO = "demo"
    EXTENDED_ABSTRACT = "extended-abstract"

    @property
    def label(self) -> str:
        """'Full paper', 'Short paper', 'Poster', 'Demo', 'Extended abstract'."""
        label = self.value.replace("-", " ").capitalize()
        return f"{label} paper" if self in (PaperType.FULL, PaperType.SHORT) else label


@dataclass(frozen=True, slots=True)
class Author:
    given: str
    family: str
    name: str = ""  # display name when it is not "given family" (or for a single-part name)
    affiliations: tuple[str, ...] = ()
    orcid: str | None = None

    @property
    def display_name(self) -> str:
        return self.name or " ".join(p for p in (self.given, self.family) if p)

    @property
    def sort_name(self) -> str:
        """'Family, Given', the form indexes, RIS and Google Scholar take; else the name."""
        if self.family and self.given:
            return f"{self.family}, {self.given}"
        return self.display_name

    @property
    def sort_key(self) -> tuple[str, str]:
        """Family then given name, Unicode-folded: the order of every index of people."""
        return normalize_name(self.family or self.display_name), normalize_name(self.given)

    @property
    def key(self) -> str:
        """Identity for the author index: the ORCID if known, else the normalized name."""
        return f"orcid:{self.orcid}" if self.orcid else normalize_name(self.display_name)

    @property
    def orcid_url(self) -> str | None:
        return f"https://orcid.org/{self.orcid}" if self.orcid else None


@dataclass(frozen=True, slots=True)
class Links:
    pdf: str | None = None
    slides: str | None = None
    video: str | None = None
    code: str | None = None

    def items(self) -> list[tuple[str, str]]:
        """(kind, url) pairs of the links that exist, in display order."""
        return [(k, url) for k in ("pdf", "slides", "video", "code") if (url := getattr(self, k))]


NOT_IN_DATA = {"in_data": False}  # a field of the model that papers.yaml does not hold


@dataclass(frozen=True, slots=True)
class Paper:
    id: str
    title: str
    authors: tuple[Author, ...] = ()
    abstract: str | None = None  # paragraphs separated by blank lines; inline $...$ math
    keywords: tuple[str, ...] = ()
    type: PaperType = PaperType.FULL
    pages: str | None = None  # "12--18" or "12"
    numpages: int | None = None
    doi: str | None = None
    links: Links = field(default_factory=Links)
    status: Status = Status.PUBLISHED
    notice: str | None = None  # why a paper was withdrawn or retracted
    erratum: str | None = None
    published: dt.date | None = None  # first published online
    session: str | None = None  # groups the table of contents when given
    # The matched papers.bib entry's fields (LaTeX source, by lower-case name; they win over
    # ours) and, as plain text, its facts the model has no field for (isbn, url, articleno).
    publisher_fields: tuple[tuple[str, str], ...] = field(default=(), metadata=NOT_IN_DATA)
    publisher_facts: tuple[tuple[str, str], ...] = field(default=(), metadata=NOT_IN_DATA)
    # Where the record came from: for messages only, so not part of equality, repr or digests.
    source: Location = field(
        default_factory=lambda: Location("<memory>"),
        compare=False,
        repr=False,
        metadata=NOT_IN_DATA,
    )

    @property
    def is_published(self) -> bool:
        return self.status is Status.PUBLISHED

    @property
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None

    @property
    def first_page(self) -> str | None:
        return split_pages(self.pages)[0] if self.pages else None

    @property
    def last_page(self) -> str | None:
        return split_pages(self.pages)[1] if self.pages else None

    @property
    def page_count(self) -> int | None:
        """numpages if given, else derived from a numeric page range."""
        if self.numpages is not None:
            return self.numpages
        first, last = page_number(self.first_page), page_number(self.last_page)
        return last - first + 1 if first is not None and last is not None else None

    @property
    def paragraphs(self) -> list[str]:
        if not self.abstract:
            return []
        return [" ".join(p.split()) for p in re.split(r"\n\s*\n", self.abstract) if p.strip()]


# The fields of a papers.yaml record, in the order it is written: the model's, declared once.
PAPER_FIELDS = tuple(f.name for f in fields(Paper) if f.metadata.get("in_data", True))


@dataclass(frozen=True, slots=True)
class Event:
    """The conference the volume belongs to (ACM prints its dates and place in references)."""

    name: str
    short_name: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    city: str = ""
    country: str = ""
    url: str | None = None

    @property
    def place(self) -> str:
        return ", ".join(p for p in (self.city, self.country) if p)


@dataclass(frozen=True, slots=True)
class Volume:
    title: str
    short_title: str
    year: int
    month: int | None = None
    publisher: str = ""
    publisher_address: str = ""
    editors: tuple[Author, ...] = ()
    isbn: str | None = None
    doi_prefix: str | None = None
    event: Event | None = None
    url: str | None = None
    # Where the record came from: for messages only, so not part of equality, repr or digests.
    source: Location = field(
        default_factory=lambda: Location("<memory>"), compare=False, repr=False
    )

    @property
    def key_prefix(self) -> str:
        """Every citation key's start: the short title in lower-case ASCII letters and digits."""
        return re.sub(r"[^a-z0-9]", "", self.short_title.lower()) or f"v{self.year}"


@dataclass(frozen=True, slots=True)
class Proceedings:
    volume: Volume
    papers: tuple[Paper, ...]
    # Position of each id, so that lookups stay O(1) on volumes of thousands of papers.
    _index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {p.id: i for i, p in enumerate(self.papers)})

    @property
    def published(self) -> tuple[Paper, ...]:
        return tuple(p for p in self.papers if p.is_published)

    def paper(self, paper_id: str) -> Paper:
        return self.papers[self._index[paper_id]]

    def has(self, paper_id: str) -> bool:
        return paper_id in self._index

    def neighbours(self, paper_id: str) -> tuple[Paper | None, Paper | None]:
        i = self._index[paper_id]
        prev = self.papers[i - 1] if i > 0 else None
        nxt = self.papers[i + 1] if i + 1 < len(self.papers) else None
        return prev, nxt

    def authors(self) -> list[tuple[Author, list[Paper]]]:
        """Every author with their papers, sorted by family then given name (Unicode-folded)."""
        index: dict[str, tuple[Author, list[Paper]]] = {}
        for paper in self.papers:
            for author in paper.authors:
                entry = index.setdefault(author.key, (author, []))
                if not entry[1] or entry[1][-1].id != paper.id:  # papers come in order
                    entry[1].append(paper)
        return sorted(index.values(), key=lambda e: e[0].sort_key)
