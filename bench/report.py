"""The figures of a run as Markdown tables, and each target checked PASS or FAIL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .importing import ImportFigures
from .measure import BuildRun
from .series import SeriesResult

# Targets are ratios of figures measured in the same run: these machines differ by 2x and more
# from one day to the next, so a limit in seconds would say more about the machine than the code.
FLOOR_RATIO_LIMIT = 1.3  # full build of N papers / the stack's floor of N trivial pages
IMPORT_RATIO_LIMIT = 5.0  # import + validate / a bare bibtexparser parse of the same file
SCALING_LIMIT = 0.7  # pages/s at the largest size / pages/s at the smallest
NO_CHANGE_LIMIT, ONE_CHANGE_LIMIT = 0.06, 0.09  # of the full build of the same size
MEMORY_LIMIT_MIB = 1024.0
SERIES_SPEED_LIMIT = 1.0  # pages/s of the series / pages/s of one volume of as many papers


@dataclass(frozen=True)
class SizeResult:
    size: int
    imports: ImportFigures
    full: BuildRun
    no_change: BuildRun
    one_change: BuildRun
    title_shown: dict[str, bool]  # where the changed title must appear -> whether it does
    line_added: BuildRun  # one paper gains a line (a DOI): the lines of later papers move
    floor: BuildRun  # the stack's floor: as many trivial orphan pages, same theme and extensions
    full_parallel: BuildRun | None = None  # the same full build with -j auto

    @property
    def builds(self) -> list[BuildRun]:
        runs = [self.full, self.no_change, self.one_change, self.line_added, self.full_parallel]
        runs.append(self.floor)
        return [r for r in runs if r is not None]


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    limit: str
    ok: bool | None  # None: not measured in this run (e.g. a size left out)

    @property
    def verdict(self) -> str:
        return "not run" if self.ok is None else "PASS" if self.ok else "FAIL"


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def import_table(results: Sequence[SizeResult]) -> str:
    rows = [
        (
            f"{r.size:,}",
            f"{r.imports.parse_s:.3f}",
            f"{r.imports.import_s:.3f}",
            f"{r.imports.ratio:.1f}x",
            f"{r.imports.load_s:.3f}",
            f"{r.imports.with_load_ratio:.1f}x",
            f"{r.imports.check_s:.3f}",
        )
        for r in results
    ]
    header = (
        "papers", "bare parse (s)", "import, validation included (s)", "import/parse",
        "load of the written data, what a build runs (s)", "(import+load)/parse",
        "`check` (s)",
    )  # fmt: skip
    return table(header, rows)


def _rebuild(run: BuildRun) -> str:
    return f"{run.seconds:.2f} / {run.cpu_seconds:.2f} ({run.read} read, {run.written} written)"


def build_table(results: Sequence[SizeResult]) -> str:
    rows = [
        (
            f"{r.size:,}",
            r.full.written,
            f"{r.full.seconds:.1f} / {r.full.cpu_seconds:.1f}",
            f"{r.floor.seconds:.1f} ({r.full.seconds / r.floor.seconds:.2f}x)",
            f"{r.full.pages_per_second:.1f}",
            _rebuild(r.no_change),
            _rebuild(r.one_change),
            _rebuild(r.line_added),
            f"{max(b.peak_rss_mib for b in r.builds):.0f}",
            len(r.full.warnings),
        )
        for r in results
    ]
    header = (
        "papers", "pages", "full build (s)", "floor (s; full/floor)", "pages/s",
        "no-change rebuild (s)",
        "one-title change (s)", "one paper gains a line (s)", "peak RSS (MiB)", "warnings",
    )  # fmt: skip
    return table(header, rows)


def jobs_table(results: Sequence[SizeResult]) -> str:
    rows = []
    for r in results:
        if r.full_parallel is None:
            continue
        one, auto = r.full.seconds, r.full_parallel.seconds
        rows.append(
            (
                f"{r.size:,}",
                f"{one:.1f}",
                f"{auto:.1f}",
                f"{(one - auto) / one:+.0%}",
                f"{r.full_parallel.peak_rss_mib:.0f}",
            )
        )
    header = ("papers", "-j 1 (s)", "-j auto (s)", "time saved", "-j auto peak RSS (MiB)")
    return table(header, rows) if rows else ""


def title_table(results: Sequence[SizeResult]) -> str:
    rows = [
        (f"{r.size:,}", place, "yes" if shown else "NO")
        for r in results
        for place, shown in r.title_shown.items()
    ]
    return table(("papers", "page", "shows the new title"), rows)


def _share(run: BuildRun, full: BuildRun) -> float:
    return run.seconds / full.seconds


def targets(results: Sequence[SizeResult]) -> list[Target]:
    by_size = {r.size: r for r in results}
    smallest, largest = by_size[min(by_size)], by_size[max(by_size)]
    n = f"{largest.size:,}"
    floor = largest.full.seconds / largest.floor.seconds
    out = [
        Target(
            f"full build of {n} papers / the floor of {n} trivial pages",
            f"{floor:.2f}x ({largest.full.seconds:.1f} s / {largest.floor.seconds:.1f} s)",
            f"<= {FLOOR_RATIO_LIMIT}x",
            floor <= FLOOR_RATIO_LIMIT,
        ),
        Target(
            f"import + validate of {n} entries (the import command) / bare parse",
            f"{largest.imports.ratio:.2f}x ({largest.imports.import_s:.2f} s)",
            f"<= {IMPORT_RATIO_LIMIT:.0f}x",
            largest.imports.ratio <= IMPORT_RATIO_LIMIT,
        ),
    ]
    if len(by_size) > 1:
        ratio = largest.full.pages_per_second / smallest.full.pages_per_second
        out.append(
            Target(
                f"pages/s at {n} vs at {smallest.size:,}",
                f"{ratio:.2f}x",
                f">= {SCALING_LIMIT}x",
                ratio >= SCALING_LIMIT,
            )
        )
    full = largest.full
    for name, run, limit in (
        ("no-change rebuild", largest.no_change, NO_CHANGE_LIMIT),
        ("one title changed, rebuilt", largest.one_change, ONE_CHANGE_LIMIT),
        ("one paper gains a line, rebuilt", largest.line_added, ONE_CHANGE_LIMIT),
    ):
        share = _share(run, full)
        out.append(
            Target(
                f"{name} / full build, at {n}",
                f"{share:.1%} ({run.seconds:.2f} s)",
                f"<= {limit:.0%}",
                share <= limit,
            )
        )
    peak = max(b.peak_rss_mib for r in results for b in r.builds)
    shown = all(all(r.title_shown.values()) for r in results)
    out += [
        Target("peak memory of any build", f"{peak:.0f} MiB", "< 1 GiB", peak < MEMORY_LIMIT_MIB),
        Target(
            "changed title on its page, the index and its neighbours",
            "all shown" if shown else "missing somewhere",
            "all shown",
            shown,
        ),
    ]
    return out


def targets_table(items: Sequence[Target]) -> str:
    return table(
        ("target", "measured", "limit", "result"),
        [(t.name, t.measured, t.limit, t.verdict) for t in items],
    )


def series_table(series: SeriesResult, volume: SizeResult) -> str:
    rows = [
        (
            f"{series.editions} editions of {series.papers_each:,}",
            series.full.written,
            f"{series.full.seconds:.1f} / {series.full.cpu_seconds:.1f}",
            f"{series.full.pages_per_second:.1f}",
            _rebuild(series.no_change),
            _rebuild(series.one_change),
            series.others_rewritten,
            f"{series.peak_rss_mib:.0f}",
        ),
        (
            f"one volume of {volume.size:,}",
            volume.full.written,
            f"{volume.full.seconds:.1f} / {volume.full.cpu_seconds:.1f}",
            f"{volume.full.pages_per_second:.1f}",
            _rebuild(volume.no_change),
            _rebuild(volume.one_change),
            "",
            f"{max(b.peak_rss_mib for b in volume.builds):.0f}",
        ),
    ]
    header = (
        "papers", "pages", "full build (s)", "pages/s", "no-change rebuild (s)",
        f"one title changed in {series.edited_year} (s)",
        "paper pages of other editions rewritten", "peak RSS (MiB)",
    )  # fmt: skip
    return table(header, rows)


def series_targets(series: SeriesResult, volume: SizeResult) -> list[Target]:
    speed = series.full.pages_per_second / volume.full.pages_per_second
    share = _share(series.one_change, series.full)
    shown = all(series.title_shown.values())
    name = f"{series.editions} editions of {series.papers_each:,}"
    return [
        Target(
            f"pages/s of {name} / of one volume of {volume.size:,}",
            f"{speed:.2f}x ({series.full.pages_per_second:.1f} / "
            f"{volume.full.pages_per_second:.1f})",
            f">= {SERIES_SPEED_LIMIT}x",
            speed >= SERIES_SPEED_LIMIT,
        ),
        Target(
            f"one title changed in one edition, rebuilt / full build of {name}",
            f"{share:.1%} ({series.one_change.seconds:.2f} s)",
            f"<= {ONE_CHANGE_LIMIT:.0%}",
            share <= ONE_CHANGE_LIMIT,
        ),
        Target(
            "paper pages of the other editions that the one-title rebuilds rewrote",
            str(series.others_rewritten),
            "0",
            series.others_rewritten == 0,
        ),
        Target(
            f"peak memory of any build of {name}",
            f"{series.peak_rss_mib:.0f} MiB",
            "< 1 GiB",
            series.peak_rss_mib < MEMORY_LIMIT_MIB,
        ),
        Target(
            f"changed title shown where it shows, in {name}",
            "all shown" if shown else "missing somewhere",
            "all shown",
            shown,
        ),
    ]
