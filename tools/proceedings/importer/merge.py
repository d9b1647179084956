"""The merge policy: imported records into papers.yaml without losing fields edited by hand."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Location, Problems
from ..model import Paper, PaperType, Status, Volume
from .yamltext import ORDER

STATE_FILE = ".import-state.json"
STATE_VERSION = 1
_RESET = "delete it to treat every value in papers.yaml as edited by hand"

# json.dumps with options builds a new encoder at every call: one, made once, writes the same.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))

Plain = dict[str, Any]  # a record as papers.yaml holds it: JSON-able, empty fields left out
_AUTHOR_KEYS = ("given", "family", "name", "affiliations", "orcid")
_EVENT_KEYS = ("name", "short_name", "start", "end", "city", "country", "url")
_VOLUME_KEYS = (
    "title", "short_title", "year", "month", "publisher", "publisher_address", "editors", "isbn",
    "doi_prefix", "url", "event",
)  # fmt: skip


def fingerprint(value: Any) -> str:
    """What the state file keeps of an imported value: enough to tell whether it changed."""
    return hashlib.sha256(_CANONICAL.encode(value).encode("utf-8")).hexdigest()[:16]


# How a field's value is written when it is not as the model holds it (dates: ISO); a default
# is left out.
_PLAIN: dict[str, Any] = {
    "authors": (people := lambda authors: [_as_plain(a, _AUTHOR_KEYS) for a in authors]),
    "editors": people,
    "affiliations": list,
    "keywords": list,
    "type": lambda kind: None if kind is PaperType.FULL else kind.value,
    "links": lambda links: dict(links.items()),
    "status": lambda status: None if status is Status.PUBLISHED else status.value,
    "event": lambda event: event and _as_plain(event, _EVENT_KEYS),
}


def _as_plain(record: object, keys: Sequence[str]) -> Plain:
    """The ``keys`` of ``record`` as the data files write them, in order; empty ones left out."""
    out: Plain = {}
    for key in keys:
        value = getattr(record, key)
        value = _PLAIN[key](value) if key in _PLAIN else value
        value = value.isoformat() if isinstance(value, dt.date) else value
        if _filled(value):
            out[key] = value
    return out


def paper_plain(paper: Paper) -> Plain:
    """A paper as papers.yaml writes it (model.PAPER_FIELDS, in their order)."""
    return _as_plain(paper, ORDER)


def volume_plain(volume: Volume) -> Plain:
    """volume.yaml's fields for a volume read from a source (only when there is none yet)."""
    return _as_plain(volume, _VOLUME_KEYS)


def _filled(value: object) -> bool:
    return value is not None and value not in ("", [], {})


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
    """What .import-state.json keeps of a record: its last source, a fingerprint of each value."""

    source: str
    fields: dict[str, str]


@dataclass
class ImportState:
    """The contents of .import-state.json: the last import's values, by paper id."""

    papers: dict[str, Record] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str | None, *, label: str, problems: Problems) -> ImportState:
        """The state in ``text``; empty for no file, and for a bad one (the problem recorded)."""
        if text is None:
            return cls()
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.error(Location(label, exc.lineno), f"not valid JSON: {exc.msg}; {_RESET}")
            return cls()
        papers = data.get("papers") if isinstance(data, dict) else None
        if isinstance(papers, dict) and data.get("version") == STATE_VERSION:
            records = {str(k): r for k, v in papers.items() if (r := _record(v)) is not None}
            if len(records) == len(papers):
                return cls(records)
        problems.error(Location(label), f"not an import state of version {STATE_VERSION}; {_RESET}")
        return cls()


def _record(value: object) -> Record | None:
    if not isinstance(value, dict):
        return None
    fields, source = value.get("fields"), value.get("source", "")
    if not isinstance(fields, dict) or not isinstance(source, str):
        return None
    texts = all(isinstance(v, str) for v in fields.values())
    return Record(source, dict(fields)) if texts else None


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
    """Three-way merge per field, the base being what the last import wrote (the state file): a
    field still equal to its base (or absent with no base) follows the source; one that differs
    was edited by hand and is kept. Records are never removed."""
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


def state_text(state: ImportState) -> str:
    papers = {k: {"source": v.source, "fields": v.fields} for k, v in state.papers.items()}
    data = {"version": STATE_VERSION, "papers": papers}
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
