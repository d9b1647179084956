"""Checks on the model: safe and unique ids, well-formed identifiers, links, completeness."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from urllib.parse import urlsplit

from ..errors import Problems
from ..model import DOI_RE, ID_RE, ORCID_RE, Author, Paper, Volume
from ..numbers import pages_problem
from .characters import check_characters

SAFE_SCHEMES = {"http", "https"}


def is_safe_url(url: str) -> bool:
    """Only absolute http(s) URLs with a host: no javascript:, data:, or relative paths."""
    if any(c.isspace() or unicodedata.category(c).startswith("C") for c in url):
        return False
    parts = urlsplit(url)
    return parts.scheme.lower() in SAFE_SCHEMES and bool(parts.netloc)


def orcid_checksum_ok(orcid: str) -> bool:
    """ISO 7064 11,2 check digit, as ORCID defines it."""
    digits = orcid.replace("-", "")
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def validate(volume: Volume | None, papers: Sequence[Paper], problems: Problems) -> None:
    if volume is not None:
        _check_volume(volume, problems)
        check_characters(volume, volume.source, problems)
    seen: dict[str, Paper] = {}
    for paper in papers:
        _check_paper(paper, problems)
        check_characters(paper, paper.source, problems)
        key = unicodedata.normalize("NFKC", paper.id).casefold().replace("_", "-")
        if paper.id and key in seen:
            first, at = seen[key], paper.source.at(paper.source.pointer + "/id")
            message = f"id {paper.id!r} collides with {first.id!r} ({first.source})"
            problems.error(at, message, field="id")
        seen.setdefault(key, paper)
    dois: dict[str, Paper] = {}
    for paper in papers:
        if paper.doi and paper.doi.lower() in dois:
            other = dois[paper.doi.lower()]
            problems.error(
                paper.source, f"DOI {paper.doi} is also given to {other.id!r}", field="doi"
            )
        elif paper.doi:
            dois[paper.doi.lower()] = paper


def _check_volume(volume: Volume, problems: Problems) -> None:
    loc = volume.source  # year and month: checked as they are read (numbers.py)
    if volume.doi_prefix and not DOI_RE.match(volume.doi_prefix + "/x"):
        message = f"'doi_prefix' {volume.doi_prefix!r} is not a DOI prefix"
        problems.error(loc, message, field="doi_prefix")
    for url in (volume.url, volume.event.url if volume.event else None):
        if url and not is_safe_url(url):
            problems.error(loc, f"URL {url!r} must be an absolute http(s) URL", field="url")
    for i, editor in enumerate(volume.editors):
        _check_author(editor, problems, volume, f"/editors/{i}")


def _check_author(author: Author, problems: Problems, owner: Paper | Volume, pointer: str) -> None:
    if author.orcid and not (ORCID_RE.match(author.orcid) and orcid_checksum_ok(author.orcid)):
        message = f"ORCID {author.orcid!r} is not a valid ORCID iD (0000-0002-1825-0097)"
        problems.error(owner.source.at(owner.source.pointer + pointer), message, field="orcid")


def _check_paper(paper: Paper, problems: Problems) -> None:
    loc = paper.source
    if paper.id and not (ID_RE.match(paper.id) and ".." not in paper.id):
        problems.error(
            loc,
            f"id {paper.id!r} is not safe as a file name and URL "
            "(use lower-case letters, digits, '-', '_' and '.')",
            field="id",
        )
    if paper.doi and not DOI_RE.match(paper.doi):
        problems.error(loc, f"DOI {paper.doi!r} is not a DOI (10.NNNN/suffix)", field="doi")
    for kind, url in paper.links.items():
        if not is_safe_url(url):
            problems.error(
                loc, f"link {kind!r} {url!r} must be an absolute http(s) URL", field=kind
            )
    # numpages is checked as it is read; pages stay text, checked here for every source.
    if paper.pages and (reason := pages_problem(paper.pages)) is not None:
        problems.error(loc, reason, field="pages")
    if paper.status.value != "published" and not paper.notice:
        problems.error(loc, f"a {paper.status.value} paper needs a 'notice'", field="notice")
    for i, author in enumerate(paper.authors):
        _check_author(author, problems, paper, f"/authors/{i}")
    if paper.is_published:
        if not paper.authors:
            problems.incomplete(loc, "author list not known", field="authors")
        if not paper.abstract:
            problems.incomplete(loc, "abstract not known", field="abstract")
        if not paper.links.pdf and not paper.doi:
            problems.incomplete(loc, "neither a PDF nor a DOI", field="pdf")
