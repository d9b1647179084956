"""The series case: editions of synthetic papers added to a copy of the site as an organizer adds
them (`new-edition`, then `import --edition`), built as one site, then one title changed in one
edition."""

from __future__ import annotations

import dataclasses
import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import copy_site
from tools.proceedings.paths import papers_dir

from .importing import cli_or_fail
from .measure import (
    FULL_RUNS,
    REBUILD_RUNS,
    BuildRun,
    Site,
    build,
    fastest,
    fastest_of,
    pages_written_since,
)
from .site import all_shown, check_title, edit_title
from .volumes import Corpus, write_volume

EDITIONS = 10
CORPUS_YEAR = 2026  # of the corpus' volume
FIRST_YEAR = 2027  # after the real editions, which stay in the site as they are


@dataclass(frozen=True)
class SeriesResult:
    editions: int
    papers_each: int
    full: BuildRun
    no_change: BuildRun
    one_change: BuildRun
    edited_year: int
    title_shown: dict[str, bool]
    # Paper pages of the other synthetic editions that the one-title rebuilds wrote: 0 when a
    # change in one edition rebuilds only what shows it.
    others_rewritten: int

    @property
    def peak_rss_mib(self) -> float:
        return max(r.peak_rss_mib for r in (self.full, self.no_change, self.one_change))


def series_site(corpus: Corpus, work: Path, editions: int, papers_each: int) -> Site:
    """A copy of the site with ``editions`` more editions of ``papers_each`` papers each."""
    src = copy_site(work / "src")
    series = src / "proceedings" / "data"
    for year in range(FIRST_YEAR, FIRST_YEAR + editions):
        cli_or_fail("new-edition", str(year), "--series", str(series), "--site", str(src))
        # Each edition's own volume: its year, so its own short title and citation keys.
        volume = dataclasses.replace(corpus, proceedings=corpus.proceedings.replace(
            str(CORPUS_YEAR), str(year)))  # fmt: skip
        bib = write_volume(volume, papers_each, work / "bib" / str(year))
        cli_or_fail("import", str(bib), "--edition", str(year), "--series", str(series))
    return Site(src, work / "html", work / "doctrees", None, work / "logs")


def run_series(corpus: Corpus, work: Path, papers: int) -> SeriesResult:
    """``papers`` papers as EDITIONS editions: full builds (of copies of the same sources),
    no-change and one-title rebuilds, the fastest of each."""
    each = max(3, papers // EDITIONS)
    sites = [series_site(corpus, work, EDITIONS, each)]
    for i in range(1, FULL_RUNS):
        shutil.copytree(sites[0].src, work / f"src-{i}")
        sites.append(Site(work / f"src-{i}", work / f"html-{i}", work / f"doctrees-{i}",
                          None, work / "logs"))  # fmt: skip
    full = fastest([build(s, f"series-full-{i}") for i, s in enumerate(sites)])
    site = sites[0]
    no_change = fastest_of(REBUILD_RUNS, lambda i: build(site, f"series-no-change-{i}"))
    year = FIRST_YEAR + EDITIONS // 2
    checks: list[dict[str, bool]] = []
    rewritten: list[int] = []  # other editions' paper pages, counted right after each rebuild

    def one_title(i: int) -> BuildRun:
        new_title = f"Benchmark edit {i}: a title of {year} changed by the bench"
        data = site.src / "proceedings" / "data" / str(year)
        edit = edit_title(data, (each // 2 + i) % each, new_title)
        run = build(site, f"series-one-change-{i}")
        rewritten.append(
            sum(
                pages_written_since(site.out / papers_dir(other), run.started_ns)
                for other in range(FIRST_YEAR, FIRST_YEAR + EDITIONS)
                if other != year
            )
        )
        checks.append(check_title(site, edit, year))
        return run

    one_change = fastest_of(REBUILD_RUNS, one_title)
    return SeriesResult(
        EDITIONS, each, full, no_change, one_change, year, all_shown(checks), sum(rewritten)
    )
