"""builder-inited: validate the series, then (re)write the generated page of each paper of each
edition and, for a large series, of each letter of the people index; build-finished: remove
the HTML of generated pages that left the data (Sphinx leaves a removed document's HTML)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import CONFIG_OK, BuildEnvironment
from sphinx.util import logging

from ..errors import DataError, Severity
from ..load import LoadedSeries, edition_folders, fingerprint, is_volume, load_series, series_files
from ..paths import PEOPLE_DIR, papers_dir
from ..people import data_mentions, people
from ..render.page.people import is_split
from ..render.page.stubs import OWNED_SUFFIXES, editions_digest, letter_stubs, paper_stubs
from ..write import remove_unlisted, sync_folder
from .domain import DataBuildError, DataRef, domain
from .logs import log_all

logger = logging.getLogger(__name__)
ORGANIZERS = "organizers"  # the page of every edition's chairs and committee


def data_root(app: Sphinx) -> Path:
    configured: str = app.config.series_data
    return (Path(app.confdir) / configured).resolve()


def override(app: Sphinx, root: Path) -> tuple[int, Path] | None:
    """``-D proceedings_data=DIR``: a volume folder read in place of the volume of edition
    ``proceedings_edition`` (0: the latest edition that has one, else the latest)."""
    configured: str = app.config.proceedings_data
    if not configured:
        return None
    year: int = app.config.proceedings_edition
    if not year:
        years = [y for y, folder in edition_folders(root)]
        with_volume = [y for y, folder in edition_folders(root) if is_volume(folder)]
        year = (with_volume or years or [0])[-1]
    return year, (Path(app.confdir) / configured).resolve()


def generate(app: Sphinx) -> None:
    root, state = data_root(app), domain(app.env)
    replaced = override(app, root)
    previous, site = state.previous, Path(app.srcdir)
    if (
        previous is not None
        and app.env.config_status == CONFIG_OK  # e.g. proceedings_people_pages_from
        and previous.fingerprint == fingerprint(series_files(root, override=replaced))
        and previous.override == replaced
    ):
        # Unchanged data and settings: nothing to parse or write, unless stubs went missing.
        kept = previous.generated
        if all((site / name).is_file() for name in kept):
            logger.info("[proceedings] data unchanged: %d generated pages", len(kept))
            return
    try:
        loaded = load_series(root, override=replaced)
    except DataError as exc:
        raise DataBuildError(f"{exc}\nNothing was written.") from None
    log_all(loaded.problems, Severity.INCOMPLETE)
    if previous is not None:  # an edition that gained (or lost) its papers, volume or BibTeX
        years = previous.files.keys() | loaded.files.keys()
        state.files_changed = {
            y for y in years if set(previous.files.get(y, ())) != set(loaded.files.get(y, ()))
        }
    generated = write_stubs(app, loaded)
    ref = DataRef(
        root,
        replaced,
        loaded.fingerprint,
        loaded.files,
        frozenset(generated),
        editions_digest(loaded.series),
    )
    state.store(ref, loaded)


def write_stubs(app: Sphinx, loaded: LoadedSeries) -> list[str]:
    """Every generated page source; returns their names (relative to the source folder)."""
    site, series = Path(app.srcdir), loaded.series
    generated: list[str] = []
    years = set()
    for edition in series.editions:
        if edition.proceedings is None:
            continue
        years.add(edition.year)
        folder = papers_dir(edition.year)
        stubs = paper_stubs(edition.proceedings, editions_digest(series))
        report = sync_folder(site / folder, stubs, owned_suffixes=OWNED_SUFFIXES)
        generated += [f"{folder}/{name}" for name in stubs]
        logger.info("[proceedings] %s: %s", series.label(edition), report.summary())
    for year, _ in edition_folders(site / "proceedings"):  # editions gone, or without papers
        if year not in years:
            sync_folder(site / papers_dir(year), {}, owned_suffixes=OWNED_SUFFIXES)
    known = people(data_mentions(series, ORGANIZERS))
    split_from: int = app.config.proceedings_people_pages_from
    entries = sum(len(p.credits) for p in known)
    letters = letter_stubs(known, series) if is_split(entries, split_from) else {}
    sync_folder(site / PEOPLE_DIR, letters, owned_suffixes=OWNED_SUFFIXES)
    return generated + [f"{PEOPLE_DIR}/{name}" for name in letters]


def editions_changed(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                     removed: set[str]) -> list[str]:  # fmt: skip
    """env-get-outdated: when the editions change (one added, one renamed), every page shows
    it in its way to the other editions: read them all again. When an edition gains a file
    (its papers.yaml, a volume.yaml), the pages that show the edition depend on the files it
    had (Sphinx tracks those): read them again too."""
    state = domain(env)
    before: str | None = state.data.get("editions_shown")
    now = state.ref.editions
    state.data["editions_shown"] = now
    if before is not None and before != now:
        return sorted(env.found_docs)
    shown = {str(state.ref.files[y][0]) for y in state.files_changed if y in state.ref.files}
    return sorted(
        doc for doc, deps in env.dependencies.items()
        if doc in env.found_docs and any(str(dep) in shown for dep in deps)
    )  # fmt: skip


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    folders = [papers_dir(y) for y, _ in edition_folders(out / "proceedings")] + [PEOPLE_DIR]
    pages: dict[str, set[str]] = {folder: set() for folder in folders}
    for name in app.env.found_docs:
        folder, _, page = name.rpartition("/")
        if folder in pages:
            pages[folder].add(f"{page}.html")
    for folder in folders:
        remove_unlisted(out / folder, pages[folder], suffixes=(".html",))
