"""papers.yaml as text: emit records in its style, patch fields in place (comments stay)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..model import PAPER_FIELDS
from ..sources.located_yaml import Node

ORDER = PAPER_FIELDS  # a record's fields in the order papers.yaml writes them
HEADER = (
    "# Accepted papers, one record each (see tools/README.md, 'papers.yaml'). Edit freely: a\n"
    "# re-import keeps every field edited by hand (.import-state.json remembers what it wrote).\n"
)
_RESOLVER = yaml.resolver.Resolver()  # PyYAML's YAML 1.1 rules: what the reader will read back
_STR = "tag:yaml.org,2002:str"
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")  # a plain scalar cannot start with these
_CONTROLS = r"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff"
_CONTROL = re.compile(f"[{_CONTROLS}]")
_COLON = re.compile(r": |:$")
# PyYAML is strict inside [...]: none of these, nor a control.
_NOT_PLAIN_IN_FLOW = re.compile(rf"[,\[\]{{}}?:#{_CONTROLS}]")
_ESCAPE = re.compile(r'[\\"]|' + _CONTROL.pattern)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}
_BLOCK_KEYS = {"abstract", "notice", "erratum"}  # prose: a block reads (and diffs) best
_DATE_KEYS = {"published", "start", "end"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _plain(value: str, *, flow: bool) -> bool:
    """Whether a value may be written without quotes."""
    if not value or value[0] in _INDICATORS or value[0].isspace() or value[-1].isspace():
        return False
    if flow:  # any ':' or '#' is refused there, ': ' and ' #' with them
        if _NOT_PLAIN_IN_FLOW.search(value):
            return False
    elif (":" in value and _COLON.search(value)) or " #" in value or _CONTROL.search(value):
        return False
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag == _STR


def scalar(value: str, *, flow: bool = False) -> str:
    """A scalar that PyYAML reads back as exactly this string: plain when safe, else quoted."""
    if _plain(value, flow=flow):
        return value
    escaped = _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), value)
    return f'"{escaped}"'


def _has_control(text: str) -> bool:
    # Every control is unprintable: printable text (most) needs no search.
    return not text.isprintable() and _CONTROL.search(text) is not None


def _literal(key: str, value: str, pad: str) -> list[str] | None:
    """A '|-' block for text whose every line survives an editor unchanged."""
    if "\n" not in value and key not in _BLOCK_KEYS:  # a title, a name: one line, no block
        return None
    lines = value.split("\n")
    if lines[0][:1] in ("", " ") or not lines[-1]:
        return None
    if any(line != line.rstrip() or _has_control(line) for line in lines):
        return None
    return [f"{pad}{key}: |-", *(f"{pad}  {line}" if line else "" for line in lines)]


def _flow(value: Any) -> str:
    if type(value) is str:  # most values: no other test
        return scalar(value, flow=True)
    if type(value) is dict or isinstance(value, Mapping):
        return "{" + ", ".join([f"{k}: {_flow(v)}" for k, v in value.items()]) + "}"
    if isinstance(value, list):
        return "[" + ", ".join([_flow(v) for v in value]) + "]"
    return str(value) if isinstance(value, int) else scalar(str(value), flow=True)


def field_lines(key: str, value: Any, indent: int) -> list[str]:
    """One field at ``indent``: a list of mappings one a line (flow), prose as a block."""
    pad = " " * indent
    if isinstance(value, str):  # most values: skip the checks below
        if key in _DATE_KEYS and _DATE.fullmatch(value):  # unquoted: the reader reads a date
            return [f"{pad}{key}: {value}"]
        return _literal(key, value, pad) or [f"{pad}{key}: {scalar(value)}"]
    if isinstance(value, list) and value and isinstance(value[0], Mapping):
        return [f"{pad}{key}:", *(f"{pad}  - {_flow(item)}" for item in value)]
    if isinstance(value, Mapping):
        lines = (line for k, v in value.items() for line in field_lines(k, v, indent + 2))
        return [f"{pad}{key}:", *lines]
    return [f"{pad}{key}: {_flow(value)}"]  # a list of text, or a whole number


def record_lines(plain: Mapping[str, Any], dash: int) -> list[str]:
    """One record of the papers list, its '-' at column ``dash``."""
    lines = [line for key, value in plain.items() for line in field_lines(key, value, dash + 2)]
    if not lines:  # a record with no value at all: the reader refuses it
        return [" " * dash + "- {}"]
    lines[0] = " " * dash + "- " + lines[0][dash + 2 :]
    return lines


def new_document(records: Sequence[Mapping[str, Any]]) -> str:
    body = [line for plain in records for line in ["", *record_lines(plain, 2)]]
    return HEADER + "papers:\n" + "\n".join(body[1:]) + "\n"


@dataclass
class _Record:
    start: int  # 0-based line of the record's first key
    end: int  # 0-based line after the record (trailing blank and comment lines excluded)
    keys: dict[str, int]  # field -> 0-based line of its key
    block: bool  # one key a line: fields can be patched line by line


@dataclass
class Document:
    """The text of papers.yaml with where each record and field stands, for in-place edits."""

    lines: list[str]
    records: dict[str, _Record] = field(default_factory=dict)
    dash: int = 2
    _edits: list[tuple[int, int, list[str]]] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str, papers: Node) -> Document:
        doc = cls(text.split("\n"))
        items = papers.value if isinstance(papers.value, list) else []
        starts = [(item.loc.line or 1) - 1 for item in items] + [len(doc.lines)]
        for i, item in enumerate(items):
            keys = {k: (n.loc.line or 1) - 1 for k, n in item.value.items()}
            flow = re.match(r"\s*-\s*\{", doc.lines[starts[i]]) is not None
            block = not flow and len(set(keys.values())) == len(keys)
            record = _Record(starts[i], doc._trim(starts[i], starts[i + 1]), keys, block)
            if "id" in item.value:
                doc.records[str(item.value["id"].value)] = record
        dash = re.match(r"(\s*)-\s", doc.lines[starts[0]]) if items else None
        doc.dash = len(dash.group(1)) if dash else 2
        return doc

    def _trim(self, start: int, end: int) -> int:
        """Leave out trailing blank lines, comments and a lone '-' (they belong to what follows)."""
        while end > start + 1 and re.fullmatch(r"\s*(?:#.*|-)?\s*", self.lines[end - 1]):
            end -= 1
        return end

    def _span(self, record: _Record, key: str) -> tuple[int, int]:
        start = record.keys[key]
        later = [line for line in record.keys.values() if line > start]
        return start, self._trim(start, min(later, default=record.end))

    def update(
        self, record_id: str, changes: Mapping[str, Any | None], merged: Mapping[str, Any]
    ) -> None:
        """Set (or, for None, remove) fields of one record; ``merged`` is the whole new record."""
        record = self.records[record_id]
        removes_first = any(
            v is None and record.keys[k] == record.start for k, v in changes.items()
        )
        if not record.block or removes_first:
            self._edits.append((record.start, record.end, record_lines(merged, self.dash)))
            return
        inserts: dict[int, list[str]] = {}
        for key, value in changes.items():
            if key in record.keys:
                start, end = self._span(record, key)
                prefix = self.lines[start][: self._column(start)]
                lines = [] if value is None else field_lines(key, value, len(prefix))
                if lines:
                    lines[0] = prefix + lines[0][len(prefix) :]
                self._edits.append((start, end, lines))
            elif value is not None:  # after the field that comes before it in ORDER
                order = ORDER.index
                anchor = max((k for k in record.keys if order(k) < order(key)), key=order)
                column, at = self._column(record.keys[anchor]), self._span(record, anchor)[1]
                inserts.setdefault(at, []).extend(field_lines(key, value, column))
        self._edits.extend((at, at, lines) for at, lines in inserts.items())

    def _column(self, line: int) -> int:
        text = self.lines[line]
        return len(text) - len(text.lstrip(" -"))

    def append(self, records: Sequence[Mapping[str, Any]]) -> None:
        while self.lines and not self.lines[-1].strip():
            self.lines.pop()
        for i, plain in enumerate(records):
            gap = [""] if self.records or i else []  # a blank line between records
            self.lines.extend([*gap, *record_lines(plain, self.dash)])
        self.lines.append("")

    def text(self) -> str:
        for start, end, lines in sorted(self._edits, key=lambda e: (e[0], e[1]), reverse=True):
            self.lines[start:end] = lines
        self._edits.clear()
        return "\n".join(self.lines)
