"""HotCRP's paper export (JSON) -> Papers of the accepted papers; its authors CSV adds ORCIDs."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from ..errors import Location, Problems
from ..model import Author, Paper, PaperType, normalize_name
from ..numbers import NUMPAGES, PID, Whole
from . import common
from .common import TOO_DEEP, Track, clean_text, derive_id, one_line, split_plain_name, untracked
from .csv_table import read_table

LEFT_OUT = ("reject", "desk_reject", "withdrawn", "draft")
STATUSES = ("accept", "submitted", *LEFT_OUT)
_TYPES = (("extended abstract", PaperType.EXTENDED_ABSTRACT), ("poster", PaperType.POSTER),
          ("short", PaperType.SHORT), ("demo", PaperType.DEMO))  # fmt: skip

_ACCEPT, _NOT = re.compile(r"\baccept", re.I), re.compile(r"\b(?:not|reject)", re.I)
Record = tuple[int, int, Any]  # (index, line, parsed JSON value)
_AUTHOR_COLUMNS = ("given_name", "family_name", "email", "affiliation", "orcid")  # AuthorRow's


class _Object(dict[str, Any]):
    """A JSON object that remembers keys given twice (json keeps the last one silently)."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object(pairs)
    if len(obj) < len(pairs):
        keys = [k for k, _ in pairs]
        obj.duplicates = tuple(sorted({k for k in keys if keys.count(k) > 1}))
    return obj


@dataclass(frozen=True, slots=True)
class AuthorRow:
    line: int
    given: str
    family: str
    email: str
    affiliation: str
    orcid: str


def parse_records(text: str, *, label: str, problems: Problems) -> list[Record] | None:
    """The top-level JSON list, each item with its 1-based line (json gives no positions)."""
    decoder = json.JSONDecoder(object_pairs_hook=_object)
    start = len(text) - len(text.lstrip())
    if text[start : start + 1] != "[":
        problems.error(Location(label, 1), "not a HotCRP export: expected a JSON list of papers")
        return None
    records: list[Record] = []
    pos, after_comma = _skip(text, start + 1), False
    try:
        while after_comma or not text.startswith("]", pos):  # no trailing comma: JSON has none
            value, end = decoder.raw_decode(text, pos)
            records.append((len(records), text.count("\n", 0, pos) + 1, value))
            pos = _skip(text, end)
            after_comma = text.startswith(",", pos)
            if after_comma:
                pos = _skip(text, pos + 1)
            elif not text.startswith("]", pos):
                raise json.JSONDecodeError("expected ',' or ']'", text, pos)
    except json.JSONDecodeError as exc:
        message = f"JSON syntax error: {exc.msg} (column {exc.colno})"
        problems.error(Location(label, exc.lineno), message)
        return None
    except RecursionError:  # lists in lists a thousand deep
        message = TOO_DEEP
    except ValueError:  # json refuses integers of more than sys.get_int_max_str_digits()
        message = "a number too long to read: this is not a paper"
    else:
        if not text[pos + 1 :].strip():
            return records
        message = "text after the end of the JSON list"
    problems.error(Location(label, text.count("\n", 0, pos) + 1), message)
    return None


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos


def read_hotcrp(
    text: str,
    *,
    label: str,
    problems: Problems,
    notes: list[str],
    authors: dict[str, list[AuthorRow]] | None = None,
    track: Track = untracked,
) -> list[Paper]:
    """Accepted papers of a HotCRP JSON export, in the export's order."""
    records = parse_records(text, label=label, problems=problems)
    if records is None:
        return []
    left_out: dict[str, int] = {}
    read = [
        _record(value, Location(label, line, f"/{i}"), problems, notes, left_out, authors or {})
        for i, line, value in track(records)
    ]
    if left_out:
        counts = ", ".join(f"{n} {status}" for status, n in sorted(left_out.items()))
        notes.append(f"{label}: left out {sum(left_out.values())} not accepted ({counts})")
    return [p for p in read if p is not None]


def _record(
    value: Any,
    loc: Location,
    problems: Problems,
    notes: list[str],
    left_out: dict[str, int],
    orcids: dict[str, list[AuthorRow]],
) -> Paper | None:
    if not isinstance(value, dict):
        problems.error(loc, "a paper must be a JSON object")
        return None
    _duplicates(value, loc, problems)
    pid = _pid(value.get("pid"), loc, problems)
    status = _status(value, loc, problems)
    if status != "accept":
        left_out[status or "error"] = left_out.get(status or "error", 0) + 1
        return None
    title = one_line(_text(value, "title", loc, problems) or "")
    paper_id = derive_id(pid, loc, problems, notes) if pid else None
    if not title and value.get("title") is None:
        problems.error(loc, "missing 'title'", field="title")
    authors = _authors(value.get("authors"), loc, problems)
    if pid and orcids.get(pid):
        authors = [_complete(a, e, orcids[pid]) for a, e in authors]
    if not (paper_id and title):
        return None
    return Paper(
        id=paper_id,
        title=title,
        authors=tuple(a for a, _ in authors),
        abstract=_text(value, "abstract", loc, problems),
        keywords=_topics(value.get("topics"), loc, problems),
        type=_type(value.get("decision")),
        numpages=_pages(value.get("final"), loc, problems),
        source=loc,
    )


def _duplicates(value: dict[str, Any], loc: Location, problems: Problems) -> None:
    for key in getattr(value, "duplicates", ()):
        problems.error(loc.at(f"{loc.pointer}/{key}"), f"key {key!r} given twice", field=key)


def _pid(value: object, loc: Location, problems: Problems) -> str | None:
    """The pid as the export writes it (it becomes the id: '007' stays '007'), if it is a number."""
    if value is None:
        problems.error(loc, "missing 'pid'", field="pid")
        return None
    return _number(value, PID, loc, problems, "pid")


def _number(
    value: object, kind: Whole, loc: Location, problems: Problems, field: str
) -> str | None:
    """A JSON integer (ASCII digits only) or string, as written, if it is ``kind``; else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        text, spelled = str(value), str(value)
    elif isinstance(value, str):
        text, spelled = value, None
    else:
        problems.error(loc, common.refusal(field, kind.what, "", json.dumps(value)), field=field)
        return None
    number = common.whole(text, kind, loc, problems, field, spelled=spelled)
    return None if number is None else text


def _status(value: dict[str, Any], loc: Location, problems: Problems) -> str | None:
    """'accept' for a paper to keep; older exports show accepted papers as 'submitted'."""
    status, decision = value.get("status", "submitted"), value.get("decision") or ""
    if not isinstance(status, str) or status not in STATUSES:
        message = f"'status' must be one of {', '.join(STATUSES)}, not {json.dumps(status)}"
        problems.error(loc, message, field="status")
        return None
    if not isinstance(decision, str):
        message = f"'decision' must be text, not {json.dumps(decision)}"
        problems.error(loc, message, field="decision")
        return None
    if status == "submitted" and _ACCEPT.search(decision) and not _NOT.search(decision):
        return "accept"
    return status


def _type(decision: object) -> PaperType:
    text = decision.lower() if isinstance(decision, str) else ""
    return next((t for word, t in _TYPES if word in text), PaperType.FULL)


def _pages(final: object, loc: Location, problems: Problems) -> int | None:
    """The final version's page count: HotCRP's 'final': {'pages': 6, ...}."""
    pages = final.get("pages") if isinstance(final, dict) else None
    if pages is None:
        return None
    text = _number(pages, NUMPAGES, loc.at(f"{loc.pointer}/final"), problems, "pages")
    return None if text is None else int(text)


def _text(value: dict[str, Any], key: str, loc: Location, problems: Problems) -> str | None:
    item = value.get(key)
    if item is None:
        return None
    if not isinstance(item, str):
        problems.error(loc, f"{key!r} must be text, not {type(item).__name__}", field=key)
        return None
    return clean_text(item) or None


def _topics(value: object, loc: Location, problems: Problems) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        problems.error(loc, "'topics' must be a list of names", field="topics")
        return ()
    return tuple(one_line(t) for t in value if t.strip())


def _authors(value: object, loc: Location, problems: Problems) -> list[tuple[Author, str]]:
    """Authors with their e-mail (used only to match the authors CSV; never stored)."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.error(loc, "'authors' must be a list", field="authors")
        return []
    found = [
        _author(a, loc.at(f"{loc.pointer}/authors/{i}"), problems) for i, a in enumerate(value)
    ]
    return [a for a in found if a is not None]


def _author(value: object, loc: Location, problems: Problems) -> tuple[Author, str] | None:
    if not isinstance(value, dict):
        problems.error(loc, "an author must be a JSON object", field="authors")
        return None
    _duplicates(value, loc, problems)
    fields = {}
    for key in ("given_name", "family_name", "first", "last", "name", "affiliation", "email"):
        item = value.get(key)
        if item is not None and not isinstance(item, str):
            problems.error(loc, f"{key!r} must be text, not {type(item).__name__}", field=key)
        fields[key] = one_line(item) if isinstance(item, str) else ""
    given = fields["given_name"] or fields["first"]
    family = fields["family_name"] or fields["last"]
    if given or family:
        author = Author(given=given, family=family)
    elif fields["name"]:
        author = split_plain_name(fields["name"])
    else:
        message = "an author needs given_name/family_name, first/last or name"
        problems.error(loc, message, field="name")
        return None
    affiliation = (fields["affiliation"],) if fields["affiliation"] else ()
    return replace(author, affiliations=affiliation), fields["email"]


def _complete(author: Author, email: str, rows: list[AuthorRow]) -> tuple[Author, str]:
    """Add the ORCID (and a missing affiliation) from the authors CSV row of the same person."""
    key = normalize_name(author.display_name)
    row = next((r for r in rows if email and r.email.casefold() == email.casefold()), None)
    row = row or next((r for r in rows if normalize_name(f"{r.given} {r.family}") == key), None)
    if row is None:
        return author, email
    orcid = re.sub(r"^https?://orcid\.org/", "", row.orcid) or author.orcid
    affiliations = author.affiliations or ((row.affiliation,) if row.affiliation else ())
    return replace(author, orcid=orcid or None, affiliations=affiliations), email


def read_authors_csv(text: str, *, label: str, problems: Problems) -> dict[str, list[AuthorRow]]:
    """HotCRP's authors CSV (paper, given_name, family_name, email, affiliation, orcid, ...)."""
    table = read_table(text, label=label, problems=problems)
    if table is None:
        return {}
    header = [h.lower() for h in table.header]
    missing = [c for c in ("paper", "orcid") if c not in header]
    for column in missing:
        problems.error(Location(label, 1), f"missing column {column!r}", field=column)
    if missing:
        return {}
    rows: dict[str, list[AuthorRow]] = {}
    for line, cells in table.rows:
        cell = dict(zip(header, (clean_text(c) for c in cells), strict=True))
        row = AuthorRow(line, *(cell.get(c, "") for c in _AUTHOR_COLUMNS))
        rows.setdefault(cell["paper"], []).append(row)
    return rows
