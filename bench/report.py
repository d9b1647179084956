"""The figures of a run as Markdown tables, and each target checked PASS or FAIL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .importing import ImportFigures
from .measure import BuildRun

FULL_BUILD_SIZE, FULL_BUILD_LIMIT_S, FULL_BUILD_AIM_S = 2600, 90.0, 60.0
IMPORT_RATIO_LIMIT = 3.0
SCALING_LIMIT = 0.7
ONE_CHANGE_LIMIT_S, NO_CHANGE_LIMIT_S = 5.0, 3.0
MEMORY_LIMIT_MIB = 1024.0


@dataclass(frozen=True)
class SizeResult:
    size: int
    imports: ImportFigures
    full: BuildRun
    no_change: BuildRun
    one_change: BuildRun
    title_shown: dict[str, bool]  # where the changed title must appear -> whether it does
    line_added: BuildRun  # one paper gains a line (a DOI): the lines of later papers move
    full_parallel: BuildRun | None = None  # the same full build with -j auto

    @property
    def builds(self) -> list[BuildRun]:
        runs = [self.full, self.no_change, self.one_change, self.line_added, self.full_parallel]
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
        "papers", "pages", "full build (s)", "pages/s", "no-change rebuild (s)",
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


def targets(results: Sequence[SizeResult]) -> list[Target]:
    by_size = {r.size: r for r in results}
    smallest, largest = by_size[min(by_size)], by_size[max(by_size)]
    out = [
        Target(
            f"import + validate of {largest.size:,} entries (the import command) / bare parse",
            f"{largest.imports.ratio:.2f}x",
            f"<= {IMPORT_RATIO_LIMIT:.0f}x",
            largest.imports.ratio <= IMPORT_RATIO_LIMIT,
        )
    ]
    if len(by_size) > 1:
        ratio = largest.full.pages_per_second / smallest.full.pages_per_second
        out.append(
            Target(
                f"pages/s at {largest.size:,} vs at {smallest.size:,}",
                f"{ratio:.2f}x",
                f">= {SCALING_LIMIT}x",
                ratio >= SCALING_LIMIT,
            )
        )
    big = by_size.get(FULL_BUILD_SIZE)
    out.append(
        Target(
            f"full build of {FULL_BUILD_SIZE:,} papers (aim {FULL_BUILD_AIM_S:.0f} s"
            + (", met" if big and big.full.seconds <= FULL_BUILD_AIM_S else "")
            + ")",
            f"{big.full.seconds:.1f} s" if big else "-",
            f"<= {FULL_BUILD_LIMIT_S:.0f} s",
            big.full.seconds <= FULL_BUILD_LIMIT_S if big else None,
        )
    )
    worst_one = max(results, key=lambda r: r.one_change.seconds)
    worst_line = max(results, key=lambda r: r.line_added.seconds)
    worst_none = max(results, key=lambda r: r.no_change.seconds)
    peak = max(b.peak_rss_mib for r in results for b in r.builds)
    shown = all(all(r.title_shown.values()) for r in results)
    out += [
        Target(
            "one-title change rebuilt (worst size)",
            f"{worst_one.one_change.seconds:.2f} s at {worst_one.size:,}",
            f"<= {ONE_CHANGE_LIMIT_S:.0f} s",
            worst_one.one_change.seconds <= ONE_CHANGE_LIMIT_S,
        ),
        Target(
            "one paper gains a line, rebuilt (worst size)",
            f"{worst_line.line_added.seconds:.2f} s at {worst_line.size:,}",
            f"<= {ONE_CHANGE_LIMIT_S:.0f} s",
            worst_line.line_added.seconds <= ONE_CHANGE_LIMIT_S,
        ),
        Target(
            "no-change rebuild (worst size)",
            f"{worst_none.no_change.seconds:.2f} s at {worst_none.size:,}",
            f"<= {NO_CHANGE_LIMIT_S:.0f} s",
            worst_none.no_change.seconds <= NO_CHANGE_LIMIT_S,
        ),
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
