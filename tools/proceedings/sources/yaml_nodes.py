"""YAML text into located nodes: a quick pass over the parser's events for simple files,
compose() and a conversion for the others; both give the same nodes, lines and problems."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import Location, Problems
from ..limits import MAX_DEPTH, MAX_VALUES, TOO_DEEP, TOO_MANY_VALUES, read_input

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALARS = yaml.constructor.SafeConstructor()
STR_TAG = "tag:yaml.org,2002:str"  # builds typed scalars from composed nodes
_NUMBER_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("int", "float", "timestamp"))
# What PyYAML's constructors raise on values they cannot build: beyond ValueError (2025-13-45),
# '!!timestamp x' fails with AttributeError and '!!bool x' with KeyError.
_CONSTRUCTION_ERRORS = (ValueError, AttributeError, KeyError, TypeError, yaml.YAMLError)


@dataclass(slots=True)  # not frozen: a frozen one costs 2.5x as much to make, 10^5 a file
class Node:
    """A YAML value with where it stands, so that every message can name its line."""

    value: Any  # scalars as Python values; mappings as dict[str, Node]; sequences as list[Node]
    loc: Location
    # A scalar YAML read as other than text (7, 2025-01-02, yes), as written: numbers and dates
    # are parsed from it (sources/numbers.py), so that '+7' or '010' (octal 8 to YAML 1.1) and
    # '2025-1-2' are refused rather than taken as 7, 8 and January 2.
    text: str | None = None


def load_yaml(path: Path, problems: Problems, *, label: str | None = None) -> Node | None:
    """Parse a YAML file into located nodes; syntax errors and duplicate keys become problems."""
    name = label or str(path)
    text = read_text(path, problems, label=name)
    return None if text is None else load_yaml_text(text, problems, label=name)


def read_text(path: Path, problems: Problems, *, label: str) -> str | None:
    """A data file's text; None, with the problem recorded, when it cannot be read as UTF-8."""
    data = read_input(path, problems, label=label)  # refuses files over MAX_INPUT_BYTES unread
    if data is None:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.error(Location(label), f"not valid UTF-8 (byte {exc.start})")
        return None


def load_yaml_text(text: str, problems: Problems, *, label: str) -> Node | None:
    """Parse YAML text (already decoded) into located nodes, reported under ``label``."""
    with gc_paused():
        fast = quick_nodes(text, label)
    if fast is not None:
        return fast
    try:
        with gc_paused():
            root = yaml.compose(text, Loader=Loader)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow in a file
        at = text.count("\n", 0, exc.position or 0) + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        problems.error(
            Location(label, at),
            f"YAML syntax error: character U+{char:04X} is not allowed in a YAML file",
        )
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problems.error(Location(label, line), f"YAML syntax error: {getattr(exc, 'problem', exc)}")
        return None
    if root is None:
        problems.error(Location(label), "the file is empty")
        return None
    with gc_paused():
        budget = _Budget(MAX_VALUES)
        return _convert(root, Location(label, root.start_mark.line + 1, ""), problems, budget)


@dataclass
class _Budget:
    """How many more values the conversion may make: aliases are expanded, so ten lines of
    them could stand for millions ("billion laughs")."""

    left: int


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Run a block with the cyclic garbage collector off, then restore its state.

    Reading (or importing) 2,600 papers builds ~10^5 objects and none of them forms a cycle,
    yet each batch of new objects triggers the collector, which goes over every object still
    alive: pausing it makes these steps 1.5 to 2.5x faster.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                # What the block made and kept would all be scanned by the first collection
                # after it: moved to the oldest generation instead, it waits for a full one.
                gc.freeze()
                gc.unfreeze()
            gc.enable()


class _NotSimple(Exception):
    """The text needs the general path (an alias, a complex key, a problem to report)."""


# Plain scalars that start with none of these are strings, whatever follows (YAML 1.1 rules).
_RESOLVED_FIRST = frozenset(k for k in Loader.yaml_implicit_resolvers if k is not None)
_RESOLVE_ALL = None in Loader.yaml_implicit_resolvers or bool(Loader.yaml_path_resolvers)
# The event classes, as names of this module: one lookup less per event (10^5 in a file).
_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAPPING_END, _SEQUENCE_END = yaml.MappingEndEvent, yaml.SequenceEndEvent
_NODES = (_SCALAR, _MAPPING, _SEQUENCE)


def quick_nodes(text: str, label: str, *, located: int | None = None) -> Node | None:
    """The nodes of a simple document (nearly every data file) built from the parser's events:
    about twice as fast as composing yaml nodes and then converting them. None when the text
    needs the general path, which then says what is wrong exactly as before: a syntax error,
    an empty file, an anchor or alias, a key that is not a scalar, a duplicate key, a value
    that cannot be built, or too many or too deeply nested values.

    ``located``: how many levels below the top get a location of their own; deeper nodes
    share their container's (None: every level). Reading papers needs only the records' own
    locations unless there is a problem to report, and each location costs as much as a node.
    """
    loader = Loader(text)
    try:
        if not isinstance(loader.get_event(), yaml.StreamStartEvent) or not isinstance(
            loader.get_event(), yaml.DocumentStartEvent
        ):
            return None  # an empty file
        builder = _Builder(loader, MAX_DEPTH + 1 if located is None else located)
        first = loader.get_event()
        root = builder.node(first, Location(label, _line(first), ""), 0, 0)
        end, stream_end = loader.get_event(), loader.get_event()  # compose() refuses a 2nd document
        if isinstance(end, yaml.DocumentEndEvent) and isinstance(stream_end, yaml.StreamEndEvent):
            return root
        return None
    except (yaml.YAMLError, _NotSimple):
        return None
    finally:
        loader.dispose()


class _Builder:
    """compose() and _convert() in one pass over the events: the same nodes, lines, pointers."""

    def __init__(self, loader: Any, located: int) -> None:
        self.get, self.resolve = loader.get_event, loader.resolve
        self.located = located
        # _convert's budget: it counts every value (not the keys), here a container at a time.
        self.left = MAX_VALUES - 1  # the root

    def spend(self, values: int) -> None:
        self.left -= values
        if self.left < 0:
            raise _NotSimple

    def node(self, event: Any, loc: Location, slashes: int, level: int) -> Node:
        """``slashes``: the '/' in the pointer, as _convert counts the depth (keys' own too)."""
        kind = type(event)
        if slashes > MAX_DEPTH or kind not in _NODES or event.anchor is not None:
            raise _NotSimple  # too deep, an alias, or an anchor
        if kind is _SCALAR:
            value, plain = event.value, event.implicit[0]
            if event.tag is None and not (plain and (_RESOLVE_ALL or value[:1] in _RESOLVED_FIRST)):
                return Node(value, loc)  # text, as most values are: what _scalar would make
            value = _scalar(event, self.resolve)
            return Node(value, loc, None if type(value) is str else event.value)
        if kind is _MAPPING:
            return self.mapping(loc, slashes, level)
        return self.sequence(loc, slashes, level)

    def mapping(self, loc: Location, slashes: int, level: int) -> Node:
        out: dict[str, Node] = {}
        shared = level >= self.located
        get, node = self.get, self.node
        while True:
            event = get()
            if type(event) is not _SCALAR:
                if type(event) is _MAPPING_END:
                    self.spend(len(out))
                    return Node(out, loc)
                raise _NotSimple  # a key that is not a scalar
            key: str = event.value  # as in _convert, keys stay text
            if key in out or event.anchor is not None:
                raise _NotSimple
            at = loc if shared else loc.at(f"{loc.pointer}/{key}", _line(event))
            out[key] = node(get(), at, slashes + 1 + key.count("/"), level + 1)

    def sequence(self, loc: Location, slashes: int, level: int) -> Node:
        out: list[Node] = []
        shared = level >= self.located
        while True:
            event = self.get()
            if type(event) is _SEQUENCE_END:
                self.spend(len(out))
                return Node(out, loc)
            at = loc
            if not shared:
                at = loc.at(f"{loc.pointer}/{len(out)}", _line(event))
            out.append(self.node(event, at, slashes + 1, level + 1))


def reads_as(text: str, expected: Any) -> bool:
    """Whether ``text`` is one YAML document that reads as exactly ``expected``: what the
    general path would make of it, with no problem, value for value (mappings' keys in the
    same order, each value of the same type). Compared event by event, no node built: twice
    as fast as reading. False for anything else (an anchor, a syntax error): the caller then
    reads the text, which says what differs."""
    loader = Loader(text)
    try:
        get = loader.get_event
        if not isinstance(get(), yaml.StreamStartEvent) or not isinstance(
            get(), yaml.DocumentStartEvent
        ):
            return False
        budget = _Budget(MAX_VALUES)
        if not _same(get, loader.resolve, get(), expected, 0, budget):
            return False
        end, stream_end = get(), get()
        return isinstance(end, yaml.DocumentEndEvent) and isinstance(
            stream_end, yaml.StreamEndEvent
        )
    except (yaml.YAMLError, _NotSimple):
        return False
    finally:
        loader.dispose()


def _same(
    get: Callable[[], Any],
    resolve: Callable[..., str],
    event: Any,
    expected: Any,
    slashes: int,
    budget: _Budget,
) -> bool:
    """``slashes`` and ``budget``: the depth and the count of values, as _convert limits them."""
    budget.left -= 1
    if budget.left < 0 or slashes > MAX_DEPTH:
        return False
    if type(expected) is dict:
        if type(event) is not _MAPPING or event.anchor is not None:
            return False
        for key, value in expected.items():
            event = get()
            if type(event) is not _SCALAR or event.value != key or event.anchor is not None:
                return False
            if not _same(get, resolve, get(), value, slashes + 1 + key.count("/"), budget):
                return False
        return type(get()) is _MAPPING_END
    if type(expected) is list:
        if type(event) is not _SEQUENCE or event.anchor is not None:
            return False
        for value in expected:
            if not _same(get, resolve, get(), value, slashes + 1, budget):
                return False
        return type(get()) is _SEQUENCE_END
    if type(event) is not _SCALAR or event.anchor is not None:  # an end, where more was meant
        return False
    value = _scalar(event, resolve)
    return type(value) is type(expected) and value == expected


def _line(event: Any) -> int:
    """The 1-based line an event starts on (the parser always gives marks)."""
    return int(event.start_mark.line) + 1


def _scalar(event: Any, resolve: Callable[..., str]) -> Any:
    """A scalar's value as compose() then _convert() make it."""
    value: str = event.value
    tag = event.tag
    if tag is None or tag == "!":
        # Quoted, a block, or plain text that no YAML 1.1 rule takes for another type.
        if not event.implicit[0] or (not _RESOLVE_ALL and value[:1] not in _RESOLVED_FIRST):
            return value
        tag = resolve(yaml.ScalarNode, value, event.implicit)
    if tag == STR_TAG:
        return value
    node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
    try:
        return _SCALARS.construct_object(node, deep=True)
    except _CONSTRUCTION_ERRORS:
        raise _NotSimple from None


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
