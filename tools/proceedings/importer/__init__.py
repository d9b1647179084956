"""python -m tools.proceedings import SOURCE: HotCRP, CSV or BibTeX merged into papers.yaml."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.markup import escape
from rich.progress import track as rich_track

from ..check.validate import validate
from ..errors import DataError, Location, Problems
from ..load import PAPERS_FILE, VOLUME_FILE, with_publisher_fields
from ..model import Paper
from ..report import report_failure
from ..sources.common import Track, read_text, untracked
from ..sources.data_files import read_papers_text, read_records, read_volume, read_volume_text
from ..sources.located_yaml import Node, load_yaml_text
from ..write import write_atomic
from .merge import (
    STATE_FILE,
    ImportState,
    Merged,
    Plain,
    merge,
    paper_plain,
    state_text,
    volume_plain,
)
from .read import Imported, read_source
from .yamltext import ORDER, Document, field_lines, new_document

T = TypeVar("T")
PROGRESS_FROM = 200  # records; smaller imports finish before a bar would be read
LISTED = 10  # ids or notes printed per kind of change before "... and N more"


@dataclass(frozen=True)
class Plan:
    imported: Imported
    merged: Merged
    papers_text: str | None  # the new papers.yaml; None when it does not change
    volume_text: str | None  # a new volume.yaml, only when there is none yet
    state_text: str | None  # the new .import-state.json; None when it does not change


def plan_import(
    source: Path, data_dir: Path, *, authors: Path | None = None, track: Track = untracked
) -> Plan:
    """Read, merge and check an import; raise DataError with every problem found."""
    problems = Problems()
    imported = read_source(source, problems=problems, track=track, authors=authors)
    problems.raise_if_errors()
    assert imported is not None  # read_source returns None only with an error recorded
    papers_path, state_path = data_dir / PAPERS_FILE, data_dir / STATE_FILE
    text, papers_node = _existing(papers_path, problems)
    state_before = read_text(state_path, problems, empty_ok=True) if state_path.is_file() else None
    state = ImportState.parse(state_before, label=str(state_path), problems=problems)
    existing = read_records((papers_node.value or []) if papers_node is not None else [], problems)
    problems.raise_if_errors()
    merged = merge(imported.papers, {p.id: paper_plain(p) for p in existing}, state, source.name)
    papers_text = _apply(text, papers_node, merged)
    volume_text = None
    if imported.volume is not None and not (data_dir / VOLUME_FILE).exists():
        fields = volume_plain(imported.volume).items()
        volume_text = "\n".join(line for k, v in fields for line in field_lines(k, v, 0)) + "\n"
    if papers_text is None:
        _check(data_dir, existing, volume_text, problems)
    else:  # read the new papers.yaml back as load() will, before writing it
        read = read_papers_text(papers_text, problems, label=str(papers_path))
        _check(data_dir, read, volume_text, problems)
        if not problems.errors:  # those problems say more than a difference would
            _compare(read, _intended(existing, merged), str(papers_path), problems)
    problems.raise_if_errors()
    new_state = state_text(merged.state)
    changed = new_state != state_before and (state_before is not None or merged.state.papers)
    return Plan(imported, merged, papers_text, volume_text, new_state if changed else None)


def _existing(path: Path, problems: Problems) -> tuple[str | None, Node | None]:
    """The current papers.yaml text and its 'papers' node (None for a new or empty file)."""
    if not path.is_file():
        return None, None
    text = read_text(path, problems, empty_ok=True)
    if text is None:
        return None, None
    # Lines are counted as "\n"; YAML also breaks lines at these, so patching would misplace.
    if re.search("[\x85\u2028\u2029]", text):
        problems.error(Location(str(path)), "holds U+0085/U+2028/U+2029 line breaks: remove them")
        return None, None
    if not re.search(r"^[ \t]*[^#\s]", text, re.M):  # only comments: a new list goes below
        return text, None
    root = load_yaml_text(text, problems, label=str(path))
    if root is None:  # the problem is recorded
        return text, None
    papers = root.value.get("papers") if isinstance(root.value, dict) else None
    if papers is None or not isinstance(papers.value, list | None):
        problems.error(root.loc, "expected a top-level 'papers:' list (one '- id:' a record)")
        return text, None
    for key in sorted(set(root.value) - {"papers"}):  # as load() reports them
        problems.error(root.value[key].loc, f"unknown top-level field {key!r}")
    if papers.value:
        if re.search(r"^papers:[ \t]*\[", text, re.M):
            problems.error(papers.loc, "write 'papers' as a block list (one '- id:' a record)")
    else:  # 'papers:' or 'papers: []': records go below, one a block
        text = re.sub(r"(?m)^papers:[ \t]*(?:\[[ \t]*\])?[ \t]*(#.*)?$", r"papers: \1", text)
        text = re.sub(r"(?m)^papers: $", "papers:", text)
    return text, papers


def _apply(text: str | None, papers: Node | None, merged: Merged) -> str | None:
    """The new papers.yaml text, or None when the merge changes nothing."""
    if not (merged.added or merged.updates):
        return None
    if papers is None:
        body = new_document(merged.added)
        return text.rstrip("\n") + "\n" + body[body.index("papers:") :] if text else body
    doc = Document.parse(text or "", papers)
    for record_id, (fields, whole) in merged.updates.items():
        doc.update(record_id, fields, whole)
    doc.append(merged.added)
    return doc.text()


def _intended(existing: list[Paper], merged: Merged) -> list[Plain]:
    """The records the new papers.yaml should hold: those there (merged), then the new ones."""
    updates = merged.updates
    kept = [updates[p.id][1] if p.id in updates else paper_plain(p) for p in existing]
    return kept + list(merged.added)


def _compare(read: list[Paper], intended: list[Plain], label: str, problems: Problems) -> None:
    """Refuse a papers.yaml that load() would read back other than meant (a bug of the writer)."""
    if len(read) != len(intended):
        problems.error(
            Location(label),
            f"would read back as {len(read)} papers, not the {len(intended)} meant "
            "(an importer bug): nothing written",
        )
        return
    for paper, meant in zip(read, intended, strict=True):
        got = paper_plain(paper)
        if got != meant:
            names = [k for k in ORDER if got.get(k) != meant.get(k)]
            problems.error(
                paper.source,
                f"would read back with a different {', '.join(names)} than the import meant "
                "(an importer bug): nothing written",
            )


def _check(
    data_dir: Path, papers: list[Paper], volume_text: str | None, problems: Problems
) -> None:
    """Validate the papers with the volume and papers.bib, as load() will."""
    volume_path, volume = data_dir / VOLUME_FILE, None
    if volume_text is not None:
        volume = read_volume_text(volume_text, problems, label=str(volume_path))
    elif volume_path.is_file():
        volume = read_volume(volume_path, problems)
    papers = with_publisher_fields(data_dir, papers, problems)
    checks = Problems()
    validate(volume, papers, checks)
    problems.extend(checks.errors)


def _progress(console: Console) -> Track:
    def track(items: Sequence[T]) -> Iterable[T]:
        if len(items) < PROGRESS_FROM:
            return items
        return rich_track(items, description="Importing", console=console, transient=True)

    return track


def run_import(
    source: Path, data_dir: Path, *, console: Console, dry_run: bool, authors: Path | None = None
) -> int:
    """Import ``source`` into ``data_dir``; print what changed; 1 (nothing written) on errors."""
    started = time.perf_counter()
    try:
        plan = plan_import(source, data_dir, authors=authors, track=_progress(console))
    except DataError as exc:
        return report_failure(console, exc)
    _report(console, plan)
    written = [] if dry_run else _write(plan, data_dir)
    done = "dry run: nothing written" if dry_run else f"wrote {', '.join(written) or 'nothing'}"
    elapsed = time.perf_counter() - started
    console.print(f"{_counts(plan)}; {done} ({elapsed:.1f} s)", soft_wrap=True, highlight=False)
    return 0


def _write(plan: Plan, data_dir: Path) -> list[str]:
    """papers.yaml first, the state last: a run killed in between never loses a hand edit."""
    files = [(PAPERS_FILE, plan.papers_text), (VOLUME_FILE, plan.volume_text)]
    files.append((STATE_FILE, plan.state_text))
    written = []
    for name, text in files:
        if text is not None:
            write_atomic(data_dir / name, text.encode("utf-8"))
            written.append(name)
    return written


def _counts(plan: Plan) -> str:
    changes = plan.merged.changes
    added = sum(c.added for c in changes)
    updated = sum(bool(c.updated) for c in changes)
    kept = sum(len(c.kept) for c in changes)
    conflicts = sum(len(c.conflicts) for c in changes)
    return (
        f"{len(changes)} papers from {plan.imported.kind}: {added} added, {updated} updated, "
        f"{len(changes) - added - updated} unchanged; {kept} hand edits kept "
        f"({conflicts} where the source changed too)"
    )


def _listed(items: Sequence[str]) -> str:
    more = f" ... and {len(items) - LISTED} more" if len(items) > LISTED else ""
    return ", ".join(items[:LISTED]) + more


def _report(console: Console, plan: Plan) -> None:
    def say(text: str) -> None:
        console.print(escape(text), soft_wrap=True, highlight=False)

    notes = plan.imported.notes
    for note in notes[:LISTED]:
        say(f"note {note}")
    if len(notes) > LISTED:
        say(f"note ... and {len(notes) - LISTED} more notes")
    added = [c.id for c in plan.merged.changes if c.added]
    if added:
        say(f"added {len(added)}: {_listed(added)}")
    for change in plan.merged.changes:
        if change.updated:
            say(f"updated {change.id}: {', '.join(change.updated)}")
        for key in change.kept:
            also = " (the source has a new value)" if key in change.conflicts else ""
            say(f"kept {change.id}: {key}, edited by hand{also}")
    if plan.merged.gone:
        say(f"no longer in the source, kept: {_listed(plan.merged.gone)}")
    if plan.volume_text is not None:
        say(f"new {VOLUME_FILE} from the @proceedings entry")
    elif plan.imported.volume is not None:
        say(f"{VOLUME_FILE} exists: the source's @proceedings entry was not imported")


__all__ = ["Plan", "plan_import", "run_import"]
