"""The merge policy: imported records into papers.yaml without losing fields edited by hand."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Location, Problems
from ..model import Author, Paper, PaperType, Status, Volume
from .yamltext import ORDER

STATE_FILE = ".import-state.json"
STATE_VERSION = 1


# json.dumps with options builds a new encoder at every call: one, made once, writes the same.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def fingerprint(value: Any) -> str:
    """What the state file keeps of an imported value: enough to tell whether it changed."""
    canonical = _CANONICAL.encode(value)
    return hashlib.sha256(canonical.encode("utf-8")).digest()[:8].hex()  # hexdigest()[:16]


Plain = dict[str, Any]  # a record as papers.yaml holds it: JSON-able, empty fields left out


def _author_plain(author: Author) -> Plain:
    """given, family, name, affiliations, orcid: those set, in this order."""
    out: Plain = {
        "given": author.given,
        "family": author.family,
        "name": author.name,
        "affiliations": list(author.affiliations),
        "orcid": author.orcid,
    }
    return {key: value for key, value in out.items() if value}


# How a field's value is written when it is not as the model holds it; a default is left out.
_PLAIN: dict[str, Any] = {
    "authors": lambda authors: [_author_plain(a) for a in authors],
    "keywords": list,
    "type": lambda kind: None if kind is PaperType.FULL else kind.value,
    "links": lambda links: dict(links.items()),
    "status": lambda status: None if status is Status.PUBLISHED else status.value,
    "published": lambda day: day.isoformat() if day else None,
}


def paper_plain(paper: Paper) -> Plain:
    """The fields of a paper as papers.yaml writes them (model.PAPER_FIELDS, in their order);
    defaults and empty values left out."""
    out: Plain = {}
    for key in ORDER:
        value = getattr(paper, key)
        value = _PLAIN[key](value) if key in _PLAIN else value
        if value or _filled(value):  # a set value: kept
            out[key] = value
    return out


def _filled(value: object) -> bool:
    return value is not None and value not in ("", [], {})


def volume_plain(volume: Volume) -> Plain:
    """volume.yaml's fields for a volume read from a source (only when there is none yet)."""
    event = volume.event
    out: Plain = {
        "title": volume.title,
        "short_title": volume.short_title,
        "year": volume.year,
        "month": volume.month,
        "publisher": volume.publisher,
        "publisher_address": volume.publisher_address,
        "editors": [_author_plain(a) for a in volume.editors],
        "isbn": volume.isbn,
        "doi_prefix": volume.doi_prefix,
        "url": volume.url,
    }
    if event is not None:
        dates = {"start": event.start, "end": event.end}
        out["event"] = {
            "name": event.name,
            "short_name": event.short_name,
            **{k: d.isoformat() for k, d in dates.items() if d},
            "city": event.city,
            "country": event.country,
            "url": event.url,
        }
        out["event"] = {k: v for k, v in out["event"].items() if _filled(v)}
    return {k: v for k, v in out.items() if _filled(v)}


@dataclass
class Change:
    """What the merge did to one record."""

    id: str
    added: bool = False
    updated: list[str] = field(default_factory=list)  # fields set from the source
    kept: list[str] = field(default_factory=list)  # fields edited by hand, left as they are
    conflicts: list[str] = field(default_factory=list)  # kept, though the source changed too


@dataclass(frozen=True, slots=True)
class Record:
    """What .import-state.json remembers of one record: the source it last came from, and a
    fingerprint of each value that import wrote."""

    source: str
    fields: dict[str, str]


@dataclass
class ImportState:
    """The contents of .import-state.json: the last import's values, by paper id."""

    papers: dict[str, Record] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str | None, *, label: str, problems: Problems) -> ImportState:
        """The state in ``text``; an empty one for no file (no import happened yet), and for a
        file that cannot be read, with the problem recorded."""
        if text is None:
            return cls()
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.error(Location(label, exc.lineno), f"not valid JSON: {exc.msg}; {_RESET}")
            return cls()
        papers = data.get("papers") if isinstance(data, dict) else None
        if not isinstance(papers, dict) or data.get("version") != STATE_VERSION:
            problems.error(
                Location(label), f"not an import state of version {STATE_VERSION}; {_RESET}"
            )
            return cls()
        out = cls()
        for paper_id, record in papers.items():
            fields = record.get("fields") if isinstance(record, dict) else None
            source = record.get("source", "") if isinstance(record, dict) else ""
            if (
                not isinstance(fields, dict)
                or not isinstance(source, str)
                or not all(isinstance(v, str) for v in fields.values())
            ):
                message = f"not an import state of version {STATE_VERSION}; {_RESET}"
                problems.error(Location(label), message)
                return cls()
            out.papers[str(paper_id)] = Record(source, dict(fields))
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "papers": {k: {"source": v.source, "fields": v.fields} for k, v in self.papers.items()},
        }


@dataclass
class Merged:
    changes: list[Change]
    added: list[Plain]  # new records, in source order
    updates: dict[str, tuple[dict[str, Any | None], Plain]]  # id -> (field -> new or None, record)
    state: ImportState  # the next .import-state.json
    gone: list[str]  # imported from this source before, missing now (kept in papers.yaml)


def merge(
    imported: Sequence[Paper], current: Mapping[str, Plain], state: ImportState, source: str
) -> Merged:
    """Three-way merge per field: base = what the last import wrote (from the state file).

    A field still equal to its base (or absent with no base) follows the source; a field that
    differs from its base was edited by hand and is kept. Records are never removed.
    """
    records = dict(state.papers)
    out = Merged([], [], {}, ImportState(records), [])
    for paper in imported:
        new = paper_plain(paper)
        if paper.id not in current:
            out.added.append(new)
            out.changes.append(Change(paper.id, added=True))
        else:
            base = records[paper.id].fields if paper.id in records else {}
            change, fields = _merge_record(paper.id, current[paper.id], base, new)
            out.changes.append(change)
            if fields:
                merged = {**current[paper.id], **fields}
                whole = {k: merged[k] for k in ORDER if _filled(merged.get(k))}
                out.updates[paper.id] = (fields, whole)
        fields_seen = {k: fingerprint(v) for k, v in new.items() if k != "id"}
        records[paper.id] = Record(source, fields_seen)
    seen = {p.id for p in imported}
    out.gone = sorted(k for k, v in records.items() if v.source == source and k not in seen)
    return out


def _merge_record(
    paper_id: str, current: Plain, base: Mapping[str, str], new: Plain
) -> tuple[Change, dict[str, Any | None]]:
    """``base`` holds the fingerprints of the values the last import wrote."""
    change, fields = Change(paper_id), {}
    for key in ORDER[1:]:
        if key not in new and key not in base:
            continue
        cur, value = current.get(key), new.get(key)
        if cur == value:
            continue
        if base.get(key) == (fingerprint(cur) if cur is not None else None):
            fields[key] = value
            change.updated.append(key)
        else:
            change.kept.append(key)
            if fingerprint(value) != base.get(key):
                change.conflicts.append(key)
    return change, fields


_RESET = "delete it to treat every value in papers.yaml as edited by hand"


def state_text(state: ImportState) -> str:
    return json.dumps(state.as_json(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
