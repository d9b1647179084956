"""python -m bench [--sizes 50,500,2600] [--jobs] [--keep]: measure and print the figures."""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import sphinx
from rich.console import Console

from . import report
from .importing import ImportFailedError, measure_import
from .measure import FULL_RUNS, REBUILD_RUNS, BuildFailedError, BuildRun, build, fastest, fastest_of
from .series import SeriesResult, run_series
from .site import add_line, all_shown, check_title, edit_title, floor_site, fresh_site
from .volumes import Corpus, CorpusError, write_volume

KIND_RE = re.compile(r"\[([\w.-]+)\]\s*$")  # a warning's [type.subtype]
PARALLEL_FROM = 500  # with --jobs, sizes from this many papers also build with -j auto


def _sizes(value: str) -> list[int]:
    try:
        sizes = sorted({int(v.replace("_", "")) for v in value.split(",") if v.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {value!r}") from None
    if not sizes or sizes[0] < 3:
        raise argparse.ArgumentTypeError("sizes must be at least 3 papers")
    return sizes


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument(
        "--sizes", type=_sizes, default=[50, 500, 2600], help="papers per volume (%(default)s)"
    )
    p.add_argument(
        "--jobs",
        action="store_true",
        help=f"also time a full build with -j auto for volumes of {PARALLEL_FROM}+ papers",
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


def run_size(
    corpus: Corpus, size: int, work: Path, *, jobs: bool, log: Console
) -> report.SizeResult:
    """Every measurement for one volume size, in a folder of its own. Full builds and floors
    alternate, FULL_RUNS of each; each kind of rebuild runs REBUILD_RUNS times, each time with a
    change of its own; the fastest of each is reported."""
    folder = work / str(size)
    log.log(f"[{size}] volume, import and validation")
    imports, data = measure_import(write_volume(corpus, size, folder), folder)
    fulls, floors = [], []
    for i in range(FULL_RUNS):
        site = fresh_site(folder / f"site-{i}", data)
        log.log(f"[{size}] full build ({i + 1} of {FULL_RUNS})")
        fulls.append(build(site, f"full-{i}"))
        log.log(f"[{size}] full build {fulls[-1].seconds:.1f} s; the floor: {size} trivial pages")
        floors.append(build(floor_site(folder / f"floor-{i}", size), f"floor-{i}"))
    # The rebuilds run on the site of the last full build.
    log.log(f"[{size}] no-change rebuilds")
    no_change = fastest_of(REBUILD_RUNS, lambda i: build(site, f"no-change-{i}"))
    checks: list[dict[str, bool]] = []

    def one_title(i: int) -> BuildRun:
        new_title = f"Benchmark edit {size}.{i}: a title changed by the bench"
        edit = edit_title(data, (size // 2 + i) % size, new_title)
        log.log(f"[{size}] one-title change ({edit.paper_id})")
        run = build(site, f"one-change-{i}")
        checks.append(check_title(site, edit))
        return run

    def one_line(i: int) -> BuildRun:
        moved = add_line(data, (size // 3 + i) % size, f"doi: 10.5555/bench.{size}.{i}")
        log.log(f"[{size}] one paper gains a line ({moved}): later lines move")
        return build(site, f"line-added-{i}")

    one_change = fastest_of(REBUILD_RUNS, one_title)
    line_added = fastest_of(REBUILD_RUNS, one_line)
    parallel = None
    if jobs and size >= PARALLEL_FROM:
        log.log(f"[{size}] full build with -j auto")
        parallel = build(fresh_site(folder / "site-j-auto", data), "full", jobs="auto")
    return report.SizeResult(
        size, imports, fastest(fulls), no_change, one_change, all_shown(checks), line_added,
        fastest(floors), parallel,
    )  # fmt: skip


def warm_up(corpus: Corpus, work: Path, log: Console) -> None:
    """One small unreported build first, so the first measured size pays no cold caches."""
    log.log("warm-up build")
    _, data = measure_import(write_volume(corpus, 20, work / "warm-up"), work / "warm-up", repeat=1)
    build(fresh_site(work / "warm-up" / "site", data), "full")


def print_report(
    results: Sequence[report.SizeResult],
    series: SeriesResult,
    targets: list[report.Target],
    load_before: float,
) -> None:
    cpus = os.cpu_count()
    sections = [
        f"# Benchmark: python {platform.python_version()}, Sphinx {sphinx.__version__}, "
        f"{cpus} CPUs, {platform.machine()}; load average {load_before:.2f} at the start, "
        f"{os.getloadavg()[0]:.2f} at the end (other work on the machine slows wall times)",
        "## Import and validation (seconds, median of 3)",
        report.import_table(results),
        "## Sphinx builds (sphinx-build -j 1, fresh copy of the site): wall / CPU seconds, "
        f"the fastest of {FULL_RUNS} full builds (and floors), of {REBUILD_RUNS} of each rebuild",
        report.build_table(results),
        "## One title changed in papers.yaml: where the new title shows after the rebuild",
        report.title_table(results),
    ]
    sections += [
        f"## The series: {series.editions} editions of {series.papers_each:,} papers, "
        "added with new-edition and import --edition (wall / CPU seconds, fastest runs as above)",
        report.series_table(series, results[-1]),
    ]
    jobs = report.jobs_table(results)
    if jobs:
        sections += [f"## -j auto against -j 1 (full builds, {cpus} CPUs)", jobs]
    sections += ["## Targets", report.targets_table(targets)]
    for r in results:
        kinds = Counter(
            m.group(1) if (m := KIND_RE.search(w)) else "other" for w in r.full.warnings
        )
        if kinds:
            listed = ", ".join(f"{n} x {kind}" for kind, n in kinds.most_common())
            sections.append(f"Warnings of the full build of {r.size:,} papers: {listed}")
    sys.stdout.write("\n\n".join(sections) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    log = Console(stderr=True, highlight=False)
    load_before = os.getloadavg()[0]
    try:
        corpus = Corpus.read()
        with work_folder(args.keep) as work:
            if args.keep:
                log.log(f"work folder: {work}")
            warm_up(corpus, work, log)
            results = [run_size(corpus, size, work, jobs=args.jobs, log=log) for size in args.sizes]
            log.log(f"series of {args.sizes[-1]:,} papers in editions: builds")
            series = run_series(corpus, work / "series", args.sizes[-1])
    except (CorpusError, ImportFailedError, BuildFailedError) as exc:
        log.print(f"[red]error[/red] {exc}", markup=True, highlight=False)
        return 2
    targets = report.targets(results) + report.series_targets(series, results[-1])
    print_report(results, series, targets, load_before)
    return 1 if any(t.ok is False for t in targets) else 0


if __name__ == "__main__":
    sys.exit(main())
