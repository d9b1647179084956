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
from collections.abc import Iterator, Sequence
from pathlib import Path

import sphinx
from rich.console import Console

from . import report
from .importing import CommandFailedError, measure_import
from .measure import RUNS, BuildFailedError, BuildRun, Site, build, fastest, fastest_of
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


def full_builds(
    corpus: Corpus, work: Path, sizes: Sequence[int], log: Console
) -> tuple[dict[int, report.Series], BuildRun, dict[int, Site]]:
    """The site with each number of synthetic editions in ``sizes`` (0: the real site as it is),
    and the floor of the EDITIONS series: RUNS rounds, each a full build of every site from a
    fresh copy of its sources, so that a busy moment of the machine falls on all alike. Return
    the fastest of each, the floor's, and the first built copy of each."""
    sources = {n: series_site(corpus, work / f"sources-{n}", n, PAPERS_EACH) for n in sizes}
    runs: dict[int, list[BuildRun]] = {n: [] for n in sizes}
    built: dict[int, Site] = {}
    floors: list[BuildRun] = []
    floor: Site | None = None
    for i in range(RUNS):
        for n, source in sources.items():
            log.log(f"round {i + 1} of {RUNS}: full build of {report.site_name(n, PAPERS_EACH)}")
            site = copy_of(source, work / f"{n}-{i}")
            runs[n].append(build(site, "full"))
            built.setdefault(n, site)
        if floor is None:  # as many pages as the series adds to the real site
            pages = runs[EDITIONS][0].written - runs[0][0].written
            floor = floor_site(work / "sources-floor", pages)
        log.log(f"round {i + 1} of {RUNS}: the floor")
        floors.append(build(copy_of(floor, work / f"floor-{i}"), "full"))
    series = {n: report.Series(n, PAPERS_EACH, fastest(r)) for n, r in runs.items()}
    return series, fastest(floors), built


def title_changed(site: Site, year: int, index: int, name: str, shown: Shown) -> BuildRun:
    """Change one title, rebuild, and note where the new title shows."""
    edit = edit_title(site, year, index, f"A title the bench changed ({name})")
    run = build(site, name)
    shown.append({f"{year}, {place}": ok for place, ok in title_shown(site, edit).items()})
    return run


def series_rebuilds(site: Site, shown: Shown, log: Console) -> tuple[BuildRun, BuildRun]:
    """No-change and one-title rebuilds of the built series, each title in the middle edition."""
    log.log(f"rebuilds of the site + {EDITIONS} x {PAPERS_EACH}")
    no_change = fastest_of(lambda i: build(site, f"no-change-{i}"))
    year = FIRST_YEAR + EDITIONS // 2
    one_change = fastest_of(
        lambda i: title_changed(site, year, PAPERS_EACH // 2 + i, f"one-title-{i}", shown)
    )
    return no_change, one_change


def edit_loop(site: Site, shown: Shown, log: Console) -> report.EditLoop:
    """The real site, built: rebuilds after a page or a paper is edited, as `make live` runs
    sphinx-build after each save."""
    log.log("the edit loop on the real site")
    no_change = fastest_of(lambda i: build(site, f"no-change-{i}"))

    def page_edited(i: int) -> BuildRun:
        sentence = f"A sentence the bench added ({i})."
        add_sentence(site, f"{REAL_PAGE}.md", sentence)
        run = build(site, f"page-edited-{i}")
        shown.append({REAL_PAGE: sentence_shown(site, f"{REAL_PAGE}.html", sentence)})
        return run

    page = fastest_of(page_edited)
    paper = fastest_of(
        lambda i: title_changed(site, REAL_YEAR, REAL_PAPER, f"paper-edited-{i}", shown)
    )
    return report.EditLoop(no_change, page, paper)


def run(corpus: Corpus, work: Path, *, large: bool, log: Console) -> report.Results:
    entries = EDITIONS * PAPERS_EACH
    log.log(f"import of {entries:,} entries")
    imports = measure_import(write_volume(corpus, entries, work / "import"), entries, work)
    sizes = [0, SMALL, EDITIONS] + ([LARGE] if large else [])
    series, floor, built = full_builds(corpus, work, sizes, log)
    shown: Shown = []
    no_change, one_change = series_rebuilds(built[EDITIONS], shown, log)
    loop = edit_loop(built[0], shown, log)
    return report.Results(
        imports=imports, real=series[0], small=series[SMALL], series=series[EDITIONS],
        large=series.get(LARGE), floor=floor, no_change=no_change, one_change=one_change,
        loop=loop, shown=all_shown(shown),
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
