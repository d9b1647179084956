"""A run's figures as Markdown tables, and each target checked PASS or FAIL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .importing import ImportFigures
from .measure import RUNS, BuildRun

# Targets are ratios of figures measured in the same run: these machines differ by 2x from one
# day to the next, so a limit in seconds would say more about the machine than the code.
FLOOR_LIMIT = 1.8  # full build of the series / the stack's floor of as many trivial pages
ONE_CHANGE_LIMIT = 0.15  # one title changed, rebuilt / the full build
NO_CHANGE_LIMIT = 0.08  # a rebuild with nothing changed / the full build
SCALING_LIMIT = 0.7  # pages/s that the papers add, at 1,000 (or 2,600) papers / at 50
IMPORT_LIMIT = 10.0  # import + validate / a bare bibtexparser parse of the same file
MEMORY_LIMIT_MIB = 1024.0
LIVE_GOAL_S = 2.0  # the organizer's edit loop (`make live`): a goal, not a target
BUSY = 0.1  # a kept build whose wall time exceeds its CPU time by more was disturbed


@dataclass(frozen=True)
class EditLoop:
    """Rebuilds of the real site as `make live` runs them after each save."""

    no_change: BuildRun
    page_edited: BuildRun  # a sentence added to a page
    paper_edited: BuildRun  # a title changed in papers.yaml


def site_name(editions: int, papers_each: int) -> str:
    return f"the site + {editions} x {papers_each} papers" if editions else "the real site"


@dataclass(frozen=True)
class Series:
    """Full builds of the site with ``editions`` synthetic editions of ``papers_each`` papers."""

    editions: int
    papers_each: int
    full: BuildRun

    @property
    def name(self) -> str:
        return site_name(self.editions, self.papers_each)

    def added_rate(self, real: Series) -> float:
        """Pages per second that the synthetic editions add to the real site's full build:
        the pages and seconds beyond it (start-up, the real site's pages) are what grows with
        the series."""
        extra_seconds = self.full.seconds - real.full.seconds
        return (self.full.written - real.full.written) / extra_seconds


@dataclass(frozen=True)
class Results:
    imports: ImportFigures
    real: Series  # the real site, as it is
    small: Series  # 1 edition of 50 papers
    series: Series  # 20 editions of 50 papers
    floor: BuildRun  # the real site and as many trivial pages as the series adds
    no_change: BuildRun  # of the series
    one_change: BuildRun  # one title changed in one edition of the series
    shown: dict[str, bool]  # where each edit must show -> whether it did after every rebuild
    large: Series | None  # optional: 52 editions of 50 papers
    loop: EditLoop

    @property
    def sites(self) -> list[Series]:
        return [s for s in (self.real, self.small, self.series, self.large) if s is not None]

    def builds(self) -> list[BuildRun]:
        loop = [self.loop.no_change, self.loop.page_edited, self.loop.paper_edited]
        fulls = [s.full for s in self.sites]
        return [*fulls, self.floor, self.no_change, self.one_change, *loop]

    @property
    def peak_rss_mib(self) -> float:
        return max(run.peak_rss_mib for run in self.builds())


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    limit: str
    ok: bool

    @property
    def verdict(self) -> str:
        return "PASS" if self.ok else "FAIL"


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def loop_table(loop: EditLoop, full: BuildRun) -> str:
    def goal(run: BuildRun) -> str:
        return "met" if run.seconds <= LIVE_GOAL_S else "NOT met"

    rows = [
        ("full build (for scale)", full.summary(), ""),
        ("nothing changed", loop.no_change.summary(), ""),
        ("a sentence added to cfp/2026/index.md", loop.page_edited.summary(),
         goal(loop.page_edited)),
        ("a title changed in proceedings/data/2025/papers.yaml", loop.paper_edited.summary(),
         goal(loop.paper_edited)),
    ]  # fmt: skip
    return table(("edit", "rebuild, wall (s)", f"goal <= {LIVE_GOAL_S:.0f} s"), rows)


def import_table(imports: ImportFigures) -> str:
    row = (
        f"{imports.entries:,}",
        f"{imports.parse_s:.3f}",
        f"{imports.import_s:.3f}",
        f"{imports.ratio:.1f}x",
    )
    return table(("entries", "bare parse (s)", "import, validation included (s)", "ratio"), [row])


def builds_table(r: Results) -> str:
    def row(name: str, run: BuildRun, added: str) -> tuple[object, ...]:
        return (
            name, run.written, f"{run.seconds:.2f}", f"{run.cpu_seconds:.2f}",
            f"{run.pages_per_second:.1f}", added, f"{run.peak_rss_mib:.0f}",
        )  # fmt: skip

    rows = [
        row(s.name, s.full, f"{s.added_rate(r.real):.1f}" if s.editions else "") for s in r.sites
    ]
    floor = f"the floor: the real site + {r.floor.written - r.real.full.written:,} trivial pages"
    rows.append(row(floor, r.floor, ""))
    header = (
        "site", "pages", "full build, wall (s)", "CPU (s)", "pages/s",
        "pages/s the editions add", "peak RSS (MiB)",
    )  # fmt: skip
    return table(header, rows)


def rebuilds_table(r: Results) -> str:
    rows = [
        (what, run.summary(), f"{run.share_of(r.series.full):.1%}")
        for what, run in (("nothing changed", r.no_change), ("one title changed", r.one_change))
    ]
    return table(("rebuild", "wall (s)", "of the full build"), rows)


def shown_table(shown: dict[str, bool]) -> str:
    rows = [(place, "yes" if ok else "NO") for place, ok in shown.items()]
    return table(("place", "shows the edit"), rows)


def targets(r: Results) -> list[Target]:
    full = r.series.full
    floor = full.seconds / r.floor.seconds
    no_change, one_change = r.no_change.share_of(full), r.one_change.share_of(full)
    out = [
        Target(
            f"full build of {r.series.name} / the floor",
            f"{floor:.2f}x ({full.seconds:.1f} s / {r.floor.seconds:.1f} s)",
            f"<= {FLOOR_LIMIT}x",
            floor <= FLOOR_LIMIT,
        ),
        Target(
            "one title changed in one edition, rebuilt / full build",
            f"{one_change:.1%} ({r.one_change.seconds:.2f} s)",
            f"<= {ONE_CHANGE_LIMIT:.0%}",
            one_change <= ONE_CHANGE_LIMIT,
        ),
        Target(
            "no-change rebuild / full build",
            f"{no_change:.1%} ({r.no_change.seconds:.2f} s)",
            f"<= {NO_CHANGE_LIMIT:.0%}",
            no_change <= NO_CHANGE_LIMIT,
        ),
    ]
    small = r.small.added_rate(r.real)
    for large in (r.series, r.large):
        if large is None:
            continue
        ratio = large.added_rate(r.real) / small
        whole = large.full.pages_per_second / r.small.full.pages_per_second
        out.append(
            Target(
                f"pages/s the editions add, {large.name} / {r.small.name}",
                f"{ratio:.2f}x ({large.added_rate(r.real):.1f} / {small:.1f}; "
                f"whole builds: {whole:.2f}x)",
                f">= {SCALING_LIMIT}x",
                ratio >= SCALING_LIMIT,
            )
        )
    shown = all(r.shown.values())
    out += [
        Target(
            f"import + validate of {r.imports.entries:,} entries / bare parse",
            f"{r.imports.ratio:.1f}x ({r.imports.import_s:.2f} s)",
            f"<= {IMPORT_LIMIT:.0f}x",
            r.imports.ratio <= IMPORT_LIMIT,
        ),
        Target(
            "peak memory of any build",
            f"{r.peak_rss_mib:.0f} MiB",
            "< 1 GiB",
            r.peak_rss_mib < MEMORY_LIMIT_MIB,
        ),
        Target(
            "every edit shows where it should",
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


def disturbance(r: Results) -> str:
    """A build uses one core and waits for little: wall time well above CPU time means that
    other work took the core."""
    worst = max(r.builds(), key=lambda run: run.seconds / run.cpu_seconds)
    excess = worst.seconds / worst.cpu_seconds - 1
    verdict = "the machine was busy: run again" if excess > BUSY else "quiet enough"
    return f"Wall time over CPU time, at most: {excess:+.0%} ({verdict})."


def sections(r: Results) -> list[str]:
    """Every figure of the run, then the targets."""
    return [
        f"Every figure is the fastest of {RUNS} rounds; each round imports the file, builds each "
        "site from a fresh copy of its sources (the real site and the smallest three times) and "
        "rebuilds it after each change. " + disturbance(r),
        "## The organizer's edit loop on the real site (sphinx-build as `make live` runs it)",
        loop_table(r.loop, r.real.full),
        "## Import of a volume's BibTeX (in this process)",
        import_table(r.imports),
        "## Full builds",
        builds_table(r),
        f"## Rebuilds of {r.series.name}",
        rebuilds_table(r),
        "## Where the edits show after their rebuilds",
        shown_table(r.shown),
        "## Targets",
        targets_table(targets(r)),
    ]
