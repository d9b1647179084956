"""The series case: editions of synthetic papers added to a copy of the site as an organizer adds
them (`new-edition`, then `import --edition`), built as one site, then one title changed in one
edition."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import copy_site
from tools.proceedings.paths import papers_dir

from .importing import cli_or_fail
from .measure import BuildRun, Site, build, pages_written_since
from .site import check_title, edit_title
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
    # Paper pages of the other synthetic editions that the one-title rebuild wrote: 0 when a
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
    """``papers`` papers as EDITIONS editions: full build, no-change and one-title rebuilds."""
    each = max(3, papers // EDITIONS)
    site = series_site(corpus, work, EDITIONS, each)
    full = build(site, "series-full")
    no_change = build(site, "series-no-change")
    year = FIRST_YEAR + EDITIONS // 2
    edit = edit_title(site.src / "proceedings" / "data" / str(year), each // 2,
                      f"Benchmark edit: a title of {year} changed by the bench")  # fmt: skip
    one_change = build(site, "series-one-change")
    others = sum(
        pages_written_since(site.out / papers_dir(other), one_change.started_ns)
        for other in range(FIRST_YEAR, FIRST_YEAR + EDITIONS)
        if other != year
    )
    shown = check_title(site, edit, year)
    return SeriesResult(EDITIONS, each, full, no_change, one_change, year, shown, others)
