"""builder-inited: validate the data, then (re)write the generated page of each paper and of
each letter of a large author index; build-finished: remove the HTML of pages that left the
data (Sphinx leaves a removed document's HTML in place)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import CONFIG_OK
from sphinx.util import logging

from ..errors import DataError, Severity
from ..load import fingerprint, input_files, load
from ..paths import AUTHORS_DIR, GENERATED_DIRS, PAPERS_DIR
from ..render.page.stubs import OWNED_SUFFIXES, letter_stubs, paper_stubs
from ..write import remove_unlisted, sync_folder
from .domain import DataBuildError, domain
from .logs import log_all

logger = logging.getLogger(__name__)


def data_dir(app: Sphinx) -> Path:
    configured: str = app.config.proceedings_data
    return (Path(app.confdir) / configured).resolve()


def generate(app: Sphinx) -> None:
    folder, state = data_dir(app), domain(app.env)
    previous = state.previous
    site = Path(app.srcdir)
    if (
        previous is not None
        and app.env.config_status == CONFIG_OK  # e.g. proceedings_author_pages_from
        and previous.fingerprint == fingerprint(input_files(folder))
    ):
        # Unchanged data and settings: nothing to parse or write, unless stubs went missing.
        kept = previous.generated
        if kept and all((site / name).is_file() for name in kept):
            logger.info("[proceedings] data unchanged: %d generated pages", len(kept))
            return
    try:
        loaded = load(folder)
    except DataError as exc:
        log_all(exc.problems, Severity.ERROR)  # one clear line each, before Sphinx's report
        raise DataBuildError(str(exc)) from None
    log_all(loaded.problems, Severity.INCOMPLETE)
    proceedings = loaded.proceedings
    stubs = paper_stubs(proceedings)
    papers = sync_folder(site / PAPERS_DIR, stubs, owned_suffixes=OWNED_SUFFIXES)
    split_from: int = app.config.proceedings_author_pages_from
    letters = letter_stubs(proceedings, split_from=split_from)
    sync_folder(site / AUTHORS_DIR, letters, owned_suffixes=OWNED_SUFFIXES)
    generated = [f"{PAPERS_DIR}/{name}" for name in stubs]
    generated += [f"{AUTHORS_DIR}/{name}" for name in letters]
    state.store(folder, loaded, generated=generated)
    logger.info("[proceedings] %d papers: %s", len(proceedings.papers), papers.summary())


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for folder in GENERATED_DIRS:
        out = Path(app.outdir) / folder
        pages = {
            f"{name.rpartition('/')[2]}.html"
            for name in app.env.found_docs
            if name.startswith(folder + "/")
        }
        remove_unlisted(out, pages, suffixes=(".html",))
