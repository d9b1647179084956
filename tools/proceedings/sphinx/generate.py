"""The data read and checked when the build starts, and each paper's page source written."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from ..errors import DataError, Severity
from ..load import LoadedSeries, edition_folders, is_volume, load_series
from ..paths import papers_dir
from ..render.page.stubs import OWNED_SUFFIXES, editions_digest, paper_stubs
from ..write import remove_unlisted, sync_folder, write_if_changed
from .domain import DataBuildError, DataRef, domain
from .logs import log_all

logger = logging.getLogger(__name__)
ORGANIZERS = "organizers"  # the page of every edition's chairs and committee
MANIFEST = "proceedings-files.txt"  # in the doctree folder: every data file, a line each


def data_root(app: Sphinx) -> Path:
    configured: str = app.config.series_data
    return (Path(app.confdir) / configured).resolve()


def override(app: Sphinx, root: Path) -> tuple[int, Path] | None:
    """``-D proceedings_data=DIR``: a volume read in place of ``proceedings_edition``'s."""
    configured: str = app.config.proceedings_data
    if not configured:
        return None
    year: int = app.config.proceedings_edition
    if not year:
        folders = edition_folders(root)
        with_volume = [y for y, folder in folders if is_volume(folder)]
        year = (with_volume or [y for y, _ in folders] or [0])[-1]
    return year, (Path(app.confdir) / configured).resolve()


def generate(app: Sphinx) -> None:
    root = data_root(app)
    replaced = override(app, root)
    try:
        loaded = load_series(root, override=replaced)
    except DataError as exc:
        raise DataBuildError(f"{exc}\nNothing was written.") from None
    log_all(loaded.problems, Severity.INCOMPLETE)
    write_stubs(app, loaded)
    manifest = Path(app.doctreedir) / MANIFEST
    listed = "".join(f"{year} {path}\n" for year, paths in sorted(loaded.files.items())
                     for path in paths)  # fmt: skip
    write_if_changed(manifest, listed.encode("utf-8"))
    domain(app.env).store(DataRef(loaded.files, manifest), loaded.series)


def write_stubs(app: Sphinx, loaded: LoadedSeries) -> None:
    """Every paper's page source, written only if it changed (Sphinx then reads it again)."""
    site, series = Path(app.srcdir), loaded.series
    years = set()
    for edition in series.editions:
        if edition.proceedings is None:
            continue
        years.add(edition.year)
        folder = papers_dir(edition.year)
        stubs = paper_stubs(edition.proceedings, editions_digest(series))
        report = sync_folder(site / folder, stubs, owned_suffixes=OWNED_SUFFIXES)
        logger.info("[proceedings] %s: %s", series.label(edition), report.summary())
    for year, _ in edition_folders(site / "proceedings"):  # editions gone, or without papers
        if year not in years:
            sync_folder(site / papers_dir(year), {}, owned_suffixes=OWNED_SUFFIXES)


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: Sphinx leaves the HTML of a removed document; generated pages go."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    found = [doc.rpartition("/") for doc in app.env.found_docs]
    for year, _ in edition_folders(out / "proceedings"):
        folder = papers_dir(year)
        pages = {f"{page}.html" for parent, _, page in found if parent == folder}
        remove_unlisted(out / folder, pages, suffixes=(".html",))
