"""The proceedings toolkit; what tools.program may use of it is listed here."""

from __future__ import annotations

from .check.validate import is_safe_url
from .errors import BadTimeError, Location, Problem, Severity, Warn
from .model import DOI_RE, Paper, Proceedings, normalize_name
from .numbers import YEAR, parse_whole
from .paths import cfp_calendar, edition_of, paper_docname, program_calendar, relative
from .render import dates
from .render.page.nodes import Translator, button, external, from_data, page_link, program_part
from .render.page.volume import authors_inline
from .series import Deadline, Edition, Series
from .sources.common import split_plain_name
from .stamp import env_version
from .write import write_if_changed

# fmt: off
__all__ = [
    "DOI_RE", "YEAR", "BadTimeError", "Deadline", "Edition", "Location", "Paper", "Problem",
    "Proceedings", "Series", "Severity", "Translator", "Warn", "authors_inline", "button",
    "cfp_calendar", "dates", "edition_of", "env_version", "external", "from_data",
    "is_safe_url", "normalize_name", "page_link", "paper_docname", "parse_whole",
    "program_calendar", "program_part", "relative", "split_plain_name", "write_if_changed",
]
# fmt: on
