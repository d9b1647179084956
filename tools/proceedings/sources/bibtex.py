"""BibTeX in: a PMLR-style volume (@proceedings + @inproceedings) and the publisher's papers.bib."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bibtexparser.entrypoint import parse_string
from bibtexparser.library import Library
from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ImplicitComment,
    MiddlewareErrorBlock,
    ParsingFailedBlock,
)

from ..errors import Location, Problems
from ..model import Author, Event, Links, Paper, Volume
from ..numbers import MONTH, NUMPAGES, YEAR, foreign_digit, pages_problem, parse_whole
from . import common
from .common import (
    MAX_DEPTH,
    TOO_DEEP,
    Track,
    derive_id,
    normalize_doi,
    normalize_pages,
    read_text,
    untracked,
)
from .latex import decode, unescape_url

PAPER_FIELDS = {"title", "author", "abstract", "pages", "doi", "keywords", "section"}
# BibTeX field -> link; 'code' comes after 'software', so it wins when both are given.
LINK_FIELDS = dict(pdf="pdf", slides="slides", video="video", software="code", code="code")
# Field names that, at the start of a line inside another value, betray a missing comma.
_COMMON_FIELDS = "|".join(
    sorted(PAPER_FIELDS | set(LINK_FIELDS) | {"booktitle", "year", "editor", "url", "publisher"})
)
_SWALLOWED = re.compile(rf"\n\s*({_COMMON_FIELDS})\s*=\s*[{{\"\d]", re.I)
_AND = re.compile(r"\s+and\s+", re.I)
_KEYWORD_SEPARATOR = re.compile(r"\s*[;,]\s*")
_IMPORTED = PAPER_FIELDS | set(LINK_FIELDS)
_NUMBERS = {"numpages": NUMPAGES, "year": YEAR, "month": MONTH}
# The publisher's facts the citations take as plain text besides its DOI and pages.
PUBLISHER_FACTS = ("articleno", "isbn", "url")


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """bibtexparser logs each broken block; we report every one ourselves, with its line."""
    logger = logging.getLogger("bibtexparser.splitter")
    previous, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = previous


def parse_bibtex(text: str, *, label: str, problems: Problems) -> Library:
    """Parse BibTeX; every failed block and every stray '@' or field becomes a problem."""
    with _quiet():
        library = parse_string(text)
    for failed in library.failed_blocks:
        line = (failed.start_line or 0) + 1
        problems.error(Location(label, line, _raw_key(failed.raw or "")), _failure(failed))
    for block in library.blocks:
        if isinstance(block, ImplicitComment) and re.search(r"[@=]", block.comment):
            snippet = " ".join(block.comment.split())[:40]
            message = f"text outside any entry was not read: {snippet!r} (a brace or '{{' missing?)"
            problems.error(Location(label, (block.start_line or 0) + 1), message)
    for entry in library.entries:
        _check_swallowed(entry, label, problems)
        if not _check_raw(entry, label, problems):
            library.remove(entry)
    return library


def _check_raw(entry: Entry, label: str, problems: Problems) -> bool:
    """Refuse what bibtexparser lets through: '#' concatenation (left unresolved: 'venue #
    " Networks"' would be the title) and braces too deep to decode (False: not readable)."""
    raw, depth, deepest, quoted = entry.raw or "", 0, 0, False
    if "#" not in raw and raw.count("{") <= MAX_DEPTH:  # nearly every entry
        return True
    for i, char in enumerate(raw):
        if char == '"' and depth == 1 and raw[i - 1 : i] != "\\":
            quoted = not quoted
        elif char == "{" and not quoted:
            depth += 1
            deepest = max(deepest, depth)
        elif char == "}" and not quoted:
            depth -= 1
        elif char == "#" and depth == 1 and not quoted:
            line = (entry.start_line or 0) + raw.count("\n", 0, i) + 1
            problems.error(
                Location(label, line, entry.key),
                "'#' joins values (BibTeX concatenation), which is not supported: "
                "write the whole value in braces",
            )
    if deepest > MAX_DEPTH:
        problems.error(_loc(label, entry), TOO_DEEP)
        return False
    return True


def _check_swallowed(entry: Entry, label: str, problems: Problems) -> None:
    """bibtexparser reads 'title = {A}\n author = {B}' as one title: find such values."""
    for field in entry.fields:
        value = str(field.value)
        match = _SWALLOWED.search(value) if "\n" in value else None  # it starts a line
        if match:
            at = Location(label, field.start_line + 1, entry.key)
            message = f"field {field.key!r} runs into {match.group(1)!r}: a comma missing?"
            problems.error(at, message, field=field.key)


def _raw_key(raw: str) -> str:
    match = re.match(r"\s*@\s*\w+\s*[{(]\s*([^,\s{}()]+)\s*,", raw)
    return match.group(1) if match else ""


def _failure(block: ParsingFailedBlock) -> str:
    if isinstance(block, DuplicateBlockKeyBlock):
        first = (block.previous_block.start_line or 0) + 1
        return f"duplicate key {block.key!r} (first used at line {first}); the entry was not read"
    if isinstance(block, DuplicateFieldKeyBlock):
        names = ", ".join(sorted(block.duplicate_keys))
        return f"a field is given twice: {names}; the entry was not read"
    if isinstance(block, MiddlewareErrorBlock):
        return f"the entry could not be read: {block.error}"
    reason = getattr(block.error, "abort_reason", str(block.error)).strip()
    return f"the entry could not be parsed (unbalanced braces or a missing comma?): {reason}"


def _fields(entry: Entry) -> dict[str, tuple[str, int]]:
    """Lower-case field name -> (value, 1-based line)."""
    return {f.key.lower(): (str(f.value), f.start_line + 1) for f in entry.fields}


def _loc(label: str, entry: Entry) -> Location:
    return Location(label, (entry.start_line or 0) + 1, entry.key)


def _text(value: str, loc: Location, field: str, notes: list[str], line: int | None = None) -> str:
    """``value`` decoded, each unknown macro noted at ``line`` (the field's own) when known."""
    decoded = decode(value)
    for macro in decoded.unknown:
        where = loc if line is None else loc.at(loc.pointer, line)
        notes.append(f"{where} [{field}]: unknown LaTeX macro {macro} kept as written")
    return decoded.text


def names(value: str, loc: Location, field: str, problems: Problems) -> tuple[Author, ...]:
    """BibTeX's 'A and B' list; names split first (braces matter), then LaTeX decoded."""
    authors = []
    for raw in _split_names(value):
        parts = _name_parts(raw)
        if isinstance(parts, str):
            problems.error(loc, f"cannot read the name {raw!r}: {parts}", field=field)
            continue
        given, family = decode(parts[0]).text, decode(parts[1]).text
        if given or family:
            authors.append(Author(given, family))
    return tuple(authors)


def _split_names(value: str) -> list[str]:
    if "{" in value:  # 'and' inside braces is part of a name: bibtexparser knows the rules
        return split_multiple_persons_names(value)
    return [n for n in _AND.split(value.strip()) if n]


def _name_parts(raw: str) -> tuple[str, str] | str:
    """(given, family) in LaTeX, or why the name cannot be read."""
    if raw.count(",") == 1 and "{" not in raw:  # 'von Last, First': the usual, quick case
        family, given = raw.split(",")
        return " ".join(given.split()), " ".join(family.split())
    try:
        parts = parse_single_name_into_parts(raw)
    except InvalidNameError as exc:
        return str(exc)
    return " ".join(parts.first), " ".join(parts.von + parts.last + parts.jr)


def read_pmlr(
    text: str, *, label: str, problems: Problems, notes: list[str], track: Track = untracked
) -> tuple[Volume | None, list[Paper]]:
    """The volume (from @proceedings) and its papers (from @inproceedings, in file order)."""
    library = parse_bibtex(text, label=label, problems=problems)
    volumes: list[Entry] = []
    entries: list[Entry] = []
    for entry in library.entries:
        kind = entry.entry_type.lower()
        if kind in ("proceedings", "inproceedings"):
            (volumes if kind == "proceedings" else entries).append(entry)
        else:
            problems.error(
                _loc(label, entry),
                f"@{entry.entry_type} is not part of a PMLR-style volume "
                "(@proceedings + @inproceedings)",
            )
    for extra in volumes[1:]:
        problems.error(_loc(label, extra), "a second @proceedings entry")
    if not entries and not problems.errors:
        problems.error(Location(label), "no @inproceedings entry: nothing to import")
    volume = _volume(volumes[0], label, problems, notes) if volumes else None
    skipped: dict[str, int] = {}  # field name -> entries with it, counted as papers are read
    papers = [_paper(e, label, problems, notes, skipped) for e in track(entries)]
    if skipped:
        listed = ", ".join(f"{name} ({n})" for name, n in sorted(skipped.items()))
        notes.append(f"{label}: fields not imported (papers.yaml has no place for them): {listed}")
    return volume, [p for p in papers if p is not None]


def _paper(
    entry: Entry, label: str, problems: Problems, notes: list[str], skipped: dict[str, int]
) -> Paper | None:
    loc, fields = _loc(label, entry), _fields(entry)
    for name in fields.keys() - _IMPORTED:
        skipped[name] = skipped.get(name, 0) + 1

    def text(name: str) -> str | None:
        if name not in fields:
            return None
        value, line = fields[name]
        return _text(value, loc, name, notes, line) or None

    title = text("title")
    if not title:
        problems.error(loc, "missing 'title'", field="title")
    paper_id = derive_id(entry.key, loc, problems, notes)
    authors = names(fields["author"][0], loc, "author", problems) if "author" in fields else ()
    if not (title and paper_id):
        return None
    links = {to: unescape_url(fields[n][0]) for n, to in LINK_FIELDS.items() if n in fields}
    keywords = _KEYWORD_SEPARATOR.split(text("keywords") or "")
    return Paper(
        id=paper_id,
        title=title,
        authors=authors,
        abstract=text("abstract"),
        keywords=tuple(k for k in keywords if k),
        pages=normalize_pages(fields["pages"][0]) if "pages" in fields else None,
        doi=normalize_doi(fields["doi"][0]) if "doi" in fields else None,
        links=Links(**links),
        session=text("section"),
        source=loc,
    )


def _volume(entry: Entry, label: str, problems: Problems, notes: list[str]) -> Volume | None:
    loc, fields = _loc(label, entry), _fields(entry)

    def text(name: str) -> str:
        return _text(fields[name][0], loc, name, notes) if name in fields else ""

    # Numbers and dates as given, not LaTeX-decoded (which trims): {2025 } is refused.
    def day(name: str) -> dt.date | None:  # given empty ({}), a date is refused too
        return common.date(fields[name][0], loc, problems, name) if name in fields else None

    year = common.whole(fields["year"][0] if "year" in fields else "", YEAR, loc, problems, "year")
    if year is None:
        return None
    title = text("booktitle") or text("title")
    if not title:
        problems.error(loc, "missing 'booktitle' (the volume's title)", field="booktitle")
        return None
    short = text("shortname")
    published = day("published")
    place = [p.strip() for p in text("address").rsplit(",", 1)]
    event = Event(
        name=text("name") or title,
        short_name=f"{short} {year}" if short else "",
        start=day("start"),
        end=day("end"),
        city=place[0] if len(place) == 2 else "",
        country=place[-1],
        url=unescape_url(text("conference_url")) or None,
    )
    if "volume" in fields:
        notes.append(f"{loc}: volume number {text('volume')} not stored (no such volume field)")
    return Volume(
        title=title,
        short_title=f"{short} {year}" if short else f"{title} {year}",
        year=year,
        month=published.month if published else None,
        publisher=text("publisher"),
        editors=names(fields["editor"][0], loc, "editor", problems) if "editor" in fields else (),
        event=event,
        url=unescape_url(text("url")) or None,
        source=loc,
    )


@dataclass(frozen=True, slots=True)
class PublisherEntry:
    key: str
    entry_type: str
    fields: tuple[tuple[str, str], ...]  # (lower-case name, value as given)
    source: Location

    @property
    def doi(self) -> str | None:
        value = dict(self.fields).get("doi")
        return normalize_doi(value).lower() if value else None


def read_publisher_bib(path: Path, problems: Problems) -> list[PublisherEntry]:
    """The entries of the publisher's BibTeX (e.g. an ACM Digital Library export)."""
    text = read_text(path, problems)
    if text is None:
        return []
    label, out = str(path), []
    for entry in parse_bibtex(text, label=label, problems=problems).entries:
        _check_numbers(entry, label, problems)
        fields = tuple((f.key.lower(), str(f.value)) for f in entry.fields)
        out.append(PublisherEntry(entry.key, entry.entry_type.lower(), fields, _loc(label, entry)))
    return out


def _check_numbers(entry: Entry, label: str, problems: Problems) -> None:
    """Values the citations read as numbers, checked as given: {²} is reported, not a crash."""
    for field in entry.fields:
        name, value = field.key.lower(), str(field.value)
        at = Location(label, field.start_line + 1, entry.key)
        if name in _NUMBERS and (name != "month" or _has_digit(value)):  # 'dec' is a month too
            common.whole(value, _NUMBERS[name], at, problems, name)
        elif name == "pages" and (reason := pages_problem(value)) is not None:
            problems.error(at, reason, field=name)


def _has_digit(value: str) -> bool:
    return any(c.isdigit() for c in value) or foreign_digit(value) is not None


def attach_publisher_fields(
    papers: Sequence[Paper], entries: Sequence[PublisherEntry], problems: Problems
) -> list[Paper]:
    """Match each entry to the paper with its DOI (any case), else its key, else the one paper
    with its title: a publisher's export knows neither our ids nor, before it, the DOIs."""
    by_doi = {p.doi.lower(): i for i, p in enumerate(papers) if p.doi}
    by_id = {p.id: i for i, p in enumerate(papers)}
    titles = [title_key(p.title) for p in papers]
    counts = Counter(titles)
    by_title = {key: i for i, key in enumerate(titles) if counts[key] == 1}
    matched: dict[int, PublisherEntry] = {}
    for entry in entries:
        title = title_key(decode(dict(entry.fields).get("title", "")).text)
        index = by_doi.get(entry.doi or "", by_id.get(entry.key, by_title.get(title)))
        if index is None:
            doi = f"DOI {entry.doi}, " if entry.doi else ""
            problems.error(entry.source, f"matches no paper (no paper has {doi}id {entry.key!r} "
                                         "or its title)")  # fmt: skip
        elif index in matched:
            other = matched[index].source
            message = f"paper {papers[index].id!r} already matched by the entry at {other}"
            problems.error(entry.source, message)
        else:
            matched[index] = entry
    out = list(papers)
    for index, entry in matched.items():
        out[index] = _completed(out[index], entry, problems)
    return out


def _completed(paper: Paper, entry: PublisherEntry, problems: Problems) -> Paper:
    """The paper with its entry's fields (for the .bib) and facts as plain text: the entry's
    DOI, pages and page count win, so the page says what the citation does."""
    plain = {k: decode(v).text for k, v in entry.fields if v.strip()}
    doi = normalize_doi(plain["doi"]) if "doi" in plain else None
    if paper.doi and doi and paper.doi.lower() != doi.lower():
        problems.error(entry.source, f"DOI {doi} is not the paper's ({paper.doi}, "
                                     f"{paper.source})", field="doi")  # fmt: skip
    numpages = parse_whole(plain.get("numpages", ""), NUMPAGES)
    return replace(
        paper,
        doi=doi or paper.doi,
        pages=normalize_pages(plain["pages"]) if "pages" in plain else paper.pages,
        numpages=numpages if numpages is not None else paper.numpages,
        publisher_fields=entry.fields,
        publisher_facts=tuple((k, plain[k]) for k in PUBLISHER_FACTS if k in plain),
    )


def title_key(title: str) -> str:
    """A title as the matching compares it: words of letters and digits, case folded."""
    return " ".join(re.findall(r"[^\W_]+", title.casefold()))
