"""Where the site puts what it makes, from the source (and output) folder's root."""

from __future__ import annotations

import posixpath
import re

# Published URLs: never change them (a URL that moves gets a line in moved.yaml).
SECTIONS = ("cfp", "program", "proceedings")  # each has a folder an edition: cfp/2026/, ...
PEOPLE_INDEX = "proceedings/people"  # everyone of every edition, with their roles
SERIES_STEM = "proceedings/series"  # the series' citation files: series.bib, .ris, .json
SERIES_CALENDAR = "calendar.ics"  # every deadline and workshop day of every edition
FEED = "atom.xml"  # the news of every edition
VOLUME_STEM = "volume"
_EDITION_DOC = re.compile(rf"^(?:{'|'.join(SECTIONS)})/([0-9]{{4}})(?:/|$)")


def edition_doc(section: str, year: int) -> str:
    """The page of an edition in a section: 'cfp/2026/index'."""
    return f"{section}/{year}/index"


def edition_of(docname: str) -> int | None:
    """The year of the edition a page belongs to ('program/2025/index' -> 2025), else None."""
    return int(match.group(1)) if (match := _EDITION_DOC.match(docname)) else None


def volume_dir(year: int) -> str:
    """The volume's page and citation files (volume.bib, .ris, .json)."""
    return f"proceedings/{year}"


def papers_dir(year: int) -> str:
    """A generated page and the citation files of each paper of the edition."""
    return f"proceedings/{year}/papers"


def paper_docname(year: int, paper_id: str) -> str:
    return f"{papers_dir(year)}/{paper_id}"


def program_calendar(year: int) -> str:
    return f"program/{year}/program.ics"


def cfp_calendar(year: int) -> str:
    return f"cfp/{year}/cfp-dates.ics"


def relative(from_doc: str, target: str) -> str:
    """URI of an output file ``target`` (relative to the site root) as seen from a page."""
    return posixpath.relpath(target, posixpath.dirname(from_doc) or ".")
