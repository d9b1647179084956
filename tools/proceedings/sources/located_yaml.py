"""The tools' one YAML reader: each value a Node that knows its file, line and record path."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..errors import Location, Problems
from ..numbers import Whole
from . import common
from .common import MAX_DEPTH, MAX_VALUES, TOO_DEEP, TOO_MANY_VALUES, read_text

E = TypeVar("E", bound=enum.StrEnum)

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALARS = yaml.constructor.SafeConstructor()
STR_TAG = "tag:yaml.org,2002:str"
_NUMBER_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("int", "float", "timestamp"))
# What PyYAML's constructors raise on values they cannot build: beyond ValueError (2025-13-45),
# '!!timestamp x' fails with AttributeError and '!!bool x' with KeyError.
_CONSTRUCTION_ERRORS = (ValueError, AttributeError, KeyError, TypeError, yaml.YAMLError)
_KINDS = {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}


@dataclass(slots=True)  # not frozen: a frozen one costs 2.5x as much to make, 10^5 a file
class Node:
    value: Any  # scalars as Python values; mappings as dict[str, Node]; sequences as list[Node]
    loc: Location
    # A scalar YAML read as other than text (7, 2025-01-02, yes), as written: numbers.py parses
    # it, so '+7', '010' (octal 8 to YAML 1.1) and '2025-1-2' are refused, not taken as values.
    text: str | None = None


def load_yaml(path: Path, problems: Problems, *, label: str | None = None) -> Node | None:
    """A YAML file as located nodes; syntax errors and duplicate keys become problems."""
    name = label or str(path)
    text = read_text(path, problems, label=name, empty_ok=True)  # YAML says "empty" itself
    return None if text is None else load_yaml_text(text, problems, label=name)


def load_yaml_text(text: str, problems: Problems, *, label: str) -> Node | None:
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow in a file
        at = text.count("\n", 0, exc.position or 0) + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"YAML syntax error: character U+{char:04X} is not allowed in a YAML file"
        problems.error(Location(label, at), message)
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problems.error(Location(label, line), f"YAML syntax error: {getattr(exc, 'problem', exc)}")
        return None
    if root is None:
        problems.error(Location(label), "the file is empty")
        return None
    budget = _Budget(MAX_VALUES)
    return _convert(root, Location(label, root.start_mark.line + 1, ""), problems, budget)


@dataclass
class _Budget:
    left: int  # values the conversion may still make, aliases expanded (MAX_VALUES)


def _convert(node: yaml.Node, loc: Location, problems: Problems, budget: _Budget) -> Node:
    budget.left -= 1
    if budget.left < 0:
        if budget.left == -1:  # said once
            problems.error(loc, TOO_MANY_VALUES)
        return Node(None, loc)
    if loc.pointer.count("/") > MAX_DEPTH:  # before Python's recursion limit stops us
        problems.error(loc, TOO_DEEP)
        return Node(None, loc)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            child = loc.at(f"{loc.pointer}/{key}", line)
            if key in out:
                problems.error(child, f"duplicate key {key!r}")
                continue
            out[key] = _convert(value_node, child, problems, budget)
        return Node(out, loc)
    if isinstance(node, yaml.SequenceNode):
        items = [
            _convert(item, loc.at(f"{loc.pointer}/{i}", item.start_mark.line + 1), problems, budget)
            for i, item in enumerate(node.value)
        ]
        return Node(items, loc)
    if node.tag == STR_TAG:  # most values: skip the constructor, which costs more than parsing
        return Node(node.value, loc)
    try:
        value = _SCALARS.construct_object(node, deep=True)
    except _CONSTRUCTION_ERRORS as exc:
        if node.tag in _NUMBER_TAGS:  # 2025-13-45, 5,000 digits: the field's reader says why
            return Node(node.value, loc)
        problems.error(loc, f"invalid value {node.value!r}: {exc}")
        return Node(None, loc)
    return Node(value, loc, None if type(value) is str else node.value)


class Reader:
    """Typed accessors over one mapping node; wrong types and unknown keys become problems."""

    __slots__ = ("fields", "node", "problems")  # one per record and author: 10^4 a file

    def __init__(self, node: Node, problems: Problems, allowed: set[str], what: str) -> None:
        self.node, self.problems = node, problems
        self.fields: dict[str, Node] = node.value if isinstance(node.value, dict) else {}
        if not isinstance(node.value, dict):
            problems.error(node.loc, f"{what} must be a mapping, not {_kind(node.value)}")
        if not self.fields.keys() <= allowed:  # nearly always: no set built, nothing to sort
            for key in sorted(set(self.fields) - allowed):
                problems.error(self.fields[key].loc, f"unknown field {key!r} in {what}", field=key)

    def _refuse(self, item: Node, key: str, kind: str) -> None:
        message = f"{key!r} must be {kind}, not {_kind(item.value)}"
        self.problems.error(item.loc, message, field=key)

    def loc(self, key: str) -> Location:
        item = self.fields.get(key)
        return item.loc if item else self.node.loc.at(f"{self.node.loc.pointer}/{key}")

    def text(self, key: str, *, required: bool = False, what: str = "") -> str | None:
        item = self.fields.get(key)
        value = None if item is None else item.value
        if item is not None and value is not None and type(value) is not str:  # most are text
            # A number as written: 'pages: 010' is page 010, not 8 (YAML 1.1 reads it as octal).
            written = type(value) in (int, float) and item.text is not None
            value = item.text if written else _as_text(value)
            if value is None:
                self._refuse(item, key, "text")
        if value is not None:
            value = value.strip() or None
        if value is None and required:
            self.problems.error(self.node.loc, f"missing {key!r}{what}", field=key)
        return value

    def _written(self, key: str, kind: str) -> tuple[str, Location] | None:
        """The value of ``key`` as written (text, or a number or date as YAML read it) and its
        location; None when absent, null, or (with the problem recorded) not a scalar."""
        item = self.fields.get(key)
        if item is None or item.value is None:
            return None
        if type(item.value) is str:  # quoted, or plain that YAML takes for text: '²', '+ 7'
            return item.value, item.loc
        if item.text is not None and type(item.value) is not bool:
            return item.text, item.loc
        self._refuse(item, key, kind)
        return None

    def integer(self, key: str, kind: Whole, *, required: bool = False) -> int | None:
        """A whole number within ``kind``'s bounds, parsed from the value as written."""
        item = self.fields.get(key)
        if required and (item is None or item.value is None):  # 'year:' with no value too
            self.problems.error(self.node.loc, f"missing {key!r}", field=key)
        found = self._written(key, kind.what)
        return None if found is None else common.whole(found[0], kind, found[1], self.problems, key)

    def date(self, key: str) -> dt.date | None:
        """A date written YYYY-MM-DD, parsed from the value as written."""
        found = self._written(key, "a date (YYYY-MM-DD)")
        return None if found is None else common.date(found[0], found[1], self.problems, key)

    def texts(self, key: str) -> tuple[str, ...]:
        out = []
        for item in self.nodes(key):
            value = _as_text(item.value)
            if value is None:
                self.problems.error(item.loc, f"items of {key!r} must be text", field=key)
            elif value.strip():
                out.append(value.strip())
        return tuple(out)

    def nodes(self, key: str) -> list[Node]:
        item = self.fields.get(key)
        if item is None or item.value is None:
            return []
        if not isinstance(item.value, list):
            self._refuse(item, key, "a list")
            return []
        return item.value

    def mapping(self, key: str) -> Node | None:
        item = self.fields.get(key)
        if item is None or item.value is None:
            return None
        if not isinstance(item.value, dict):
            self.problems.error(item.loc, f"{key!r} must be a mapping", field=key)
            return None
        return item

    def choice(self, key: str, enum_type: type[E], default: E) -> E:
        value = self.text(key)
        if value is None:
            return default
        try:
            return enum_type(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum_type)
            message = f"{key!r} must be one of {allowed}, not {value!r}"
            self.problems.error(self.loc(key), message, field=key)
            return default


def _kind(value: object) -> str:
    return _KINDS.get(type(value), type(value).__name__)


def _as_text(value: object) -> str | None:
    ok = isinstance(value, int | float | str) and not isinstance(value, bool)
    return str(value) if ok else None
