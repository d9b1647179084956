"""python -m bench [--large] [--keep]: build the site as it grows, print every figure and each
target PASS or FAIL (exit 1 if one fails)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import sphinx
from rich.console import Console

from . import report
from .importing import CommandFailedError, ImportFigures, fastest_import, time_import
from .measure import RUNS, BuildFailedError, BuildRun, Site, build, fastest
from .sites import (
    FIRST_YEAR,
    add_sentence,
    all_shown,
    copy_of,
    edit_title,
    floor_site,
    sentence_shown,
    series_site,
    title_shown,
)
from .volumes import Corpus, CorpusError, write_volume

PAPERS_EACH = 50  # papers an edition
EDITIONS = 20  # the series the targets are set for: 1,000 papers
SMALL, LARGE = 1, 52  # editions of the small size (50 papers) and of the optional 2,600
SMALL_COPIES = 3  # full builds a round of the real site and of the small one
REAL_PAGE = "cfp/2026/index"  # the page the edit loop edits
REAL_YEAR, REAL_PAPER = 2025, 1  # the paper whose title it changes (one with authors)

Shown = list[dict[str, bool]]  # where each edit must show -> whether it did


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument(
        "--large",
        action="store_true",
        help=f"also build {LARGE} editions ({LARGE * PAPERS_EACH:,} papers): linear scaling",
    )
    p.add_argument("--keep", action="store_true", help="keep the work folder and print its path")
    return p


@contextlib.contextmanager
def work_folder(keep: bool) -> Iterator[Path]:
    if keep:
        yield Path(tempfile.mkdtemp(prefix="inet4ai-bench-"))
        return
    with tempfile.TemporaryDirectory(prefix="inet4ai-bench-") as tmp:
        yield Path(tmp)


def title_changed(site: Site, year: int, index: int, name: str, shown: Shown) -> BuildRun:
    """Change one title, rebuild, and note where the new title shows."""
    edit = edit_title(site, year, index, f"A title the bench changed ({name})")
    run = build(site, name)
    shown.append({f"{year}, {place}": ok for place, ok in title_shown(site, edit).items()})
    return run


def page_edited(site: Site, name: str, shown: Shown) -> BuildRun:
    """Add a sentence to a page, rebuild, and note whether it shows."""
    sentence = f"A sentence the bench added ({name})."
    add_sentence(site, f"{REAL_PAGE}.md", sentence)
    run = build(site, name)
    shown.append({REAL_PAGE: sentence_shown(site, f"{REAL_PAGE}.html", sentence)})
    return run


def one_round(
    i: int, sources: dict[int, Site], work: Path, shown: Shown, log: Console
) -> dict[str, list[BuildRun]]:
    """Every build of the run, each site from a fresh copy of its sources: the full build of
    each (`full N`, N synthetic editions), then the rebuilds on the real site (the edit loop, as
    `make live` runs sphinx-build after each save) and on the EDITIONS series."""
    runs: dict[str, list[BuildRun]] = defaultdict(list)
    for n, source in sources.items():
        log.log(f"round {i + 1} of {RUNS}: {report.site_name(n, PAPERS_EACH)}")
        # The real site and the small one take a second or two, and the scaling target rests
        # on their difference (under a second): more of them, for a steadier fastest.
        for copy in range(SMALL_COPIES if n in (0, SMALL) else 1):
            site = copy_of(source, work / f"{n}-{copy}")
            runs[f"full {n}"].append(build(site, "full"))
        if n == 0:
            runs["live no change"].append(build(site, "no-change"))
            runs["live page"].append(page_edited(site, "page-edited", shown))
            edit = title_changed(site, REAL_YEAR, REAL_PAPER, "paper-edited", shown)
            runs["live paper"].append(edit)
        if n == EDITIONS:
            runs["no change"].append(build(site, "no-change"))
            year, paper = FIRST_YEAR + EDITIONS // 2, PAPERS_EACH // 2 + i
            runs["one title"].append(title_changed(site, year, paper, f"one-title-{i}", shown))
    return runs


def measure(
    corpus: Corpus, work: Path, sizes: Sequence[int], shown: Shown, log: Console
) -> tuple[dict[str, BuildRun], ImportFigures]:
    """RUNS rounds of every measurement (so that a busy moment of the machine falls on all
    alike): the import, each site's builds, and the floor right after the EDITIONS series (the
    last of ``sizes``). The fastest of each."""
    entries = EDITIONS * PAPERS_EACH
    bib = write_volume(corpus, entries, work / "import")
    sources = {n: series_site(corpus, work / f"sources-{n}", n, PAPERS_EACH) for n in sizes}
    runs: dict[str, list[BuildRun]] = defaultdict(list)
    imports: list[ImportFigures] = []
    floor: Site | None = None
    for i in range(RUNS):
        log.log(f"round {i + 1} of {RUNS}: import of {entries:,} entries")
        imports.append(time_import(bib, entries, work / f"round-{i}" / "import"))
        for kind, of_kind in one_round(i, sources, work / f"round-{i}", shown, log).items():
            runs[kind] += of_kind
        if floor is None:  # as many pages as the series adds to the real site
            pages = runs[f"full {EDITIONS}"][0].written - runs["full 0"][0].written
            floor = floor_site(work / "sources-floor", pages)
        log.log(f"round {i + 1} of {RUNS}: the floor")
        runs["floor"].append(build(copy_of(floor, work / f"round-{i}" / "floor"), "full"))
    return {kind: fastest(of_kind) for kind, of_kind in runs.items()}, fastest_import(imports)


def run(corpus: Corpus, work: Path, *, large: bool, log: Console) -> report.Results:
    # The large series first, so that each round's floor comes right after its series.
    sizes = ([LARGE] if large else []) + [0, SMALL, EDITIONS]
    shown: Shown = []
    best, imports = measure(corpus, work, sizes, shown, log)
    series = {n: report.Series(n, PAPERS_EACH, best[f"full {n}"]) for n in sizes}
    loop = report.EditLoop(best["live no change"], best["live page"], best["live paper"])
    return report.Results(
        imports=imports, real=series[0], small=series[SMALL], series=series[EDITIONS],
        large=series.get(LARGE), floor=best["floor"], no_change=best["no change"],
        one_change=best["one title"], loop=loop, shown=all_shown(shown),
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    log = Console(stderr=True, highlight=False)
    started, load_before = dt.datetime.now().astimezone(), os.getloadavg()
    try:
        corpus = Corpus.read()
        with work_folder(args.keep) as work:
            if args.keep:
                log.log(f"work folder: {work}")
            results = run(corpus, work, large=args.large, log=log)
    except (CorpusError, CommandFailedError, BuildFailedError) as exc:
        log.print(f"[red]error[/red] {exc}", markup=True, highlight=False)
        return 2
    minutes = (dt.datetime.now().astimezone() - started).total_seconds() / 60
    header = (
        f"# Benchmark, {started:%Y-%m-%d %H:%M %Z} ({minutes:.0f} min): Python "
        f"{platform.python_version()}, Sphinx {sphinx.__version__}, {os.cpu_count()} CPUs; "
        f"load average (1, 5, 15 min) {_load(load_before)} at the start, "
        f"{_load(os.getloadavg())} at the end"
    )
    sys.stdout.write("\n\n".join([header, *report.sections(results)]) + "\n")
    return 0 if all(t.ok for t in report.targets(results)) else 1


def _load(load: tuple[float, float, float]) -> str:
    return ", ".join(f"{x:.2f}" for x in load)


if __name__ == "__main__":
    sys.exit(main())
