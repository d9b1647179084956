"""Problems as Sphinx log records; a warning carries its kind, for suppress_warnings."""

from __future__ import annotations

from collections.abc import Iterable

from sphinx.util import logging

from ..errors import Problem, Severity, Warn
from ..report import report

logger = logging.getLogger(__name__)


def log(problem: Problem, text: str) -> None:
    if problem.severity is Severity.ERROR:
        logger.error("%s", text)
    elif problem.severity is Severity.INCOMPLETE:
        logger.info("[proceedings] %s", text)
    else:
        loc = problem.location
        warn(
            problem.kind or Warn.STUB, problem.message, (loc.doc, loc.line) if loc.doc else str(loc)
        )


def warn(kind: Warn, message: str, location: object) -> None:
    """A warning of ``kind``; ``location`` as Sphinx's logger takes it (docname, node, ...)."""
    logger.warning(message, location=location, type=kind.type, subtype=kind.subtype)


def log_all(problems: Iterable[Problem], *severities: Severity) -> int:
    return report(problems, log, severities=severities)
