"""The build's clock; the pages that show it are read again once it passes a moment."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..errors import DataError
from ..sources.clock import build_clock
from .domain import DataBuildError, domain

logger = logging.getLogger(__name__)


def read_clock(app: Sphinx) -> None:
    """builder-inited: SOURCE_DATE_EPOCH, else the commit's date, else the system clock."""
    try:
        now = build_clock(Path(app.confdir))
    except DataError as exc:
        raise DataBuildError(str(exc)) from None
    domain(app.env).now = now
    logger.info("[proceedings] the site's clock: %s UTC", now.strftime("%Y-%m-%d %H:%M"))


def clock_passed(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                 removed: set[str]) -> list[str]:  # fmt: skip
    """env-get-outdated: the clock's pages, when it passed a moment since they were read."""
    state = domain(env)
    epoch = state.series.epoch(state.clock)
    before, state.data["epoch"] = state.data["epoch"], epoch
    if before == epoch:
        return []
    return sorted(state.data["clock_docs"] & env.found_docs)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", read_clock, priority=400)  # before the data is loaded
    app.connect("env-get-outdated", clock_passed)
