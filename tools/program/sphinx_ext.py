"""Sphinx extension for the program page: directives, checks, paper slots and calendars."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..proceedings.render.nodes_ import paper_docname
from ..proceedings.render.pages import PAPERS_DIR, digest
from ..proceedings.sphinx_ext_state import data_ref, loaded
from ..proceedings.stamp import code_stamp, env_version
from ..proceedings.write import sync_folder, write_atomic
from . import directives, state
from .checks import check_program
from .dates import read_dates
from .errors import DatesError, ProgramDataError
from .ics import CFP_ICS, PROGRAM_ICS, Site, calendar_files
from .nodes import depart_time_html, program_time, visit_time_html
from .render import slot_paragraph

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
CALENDAR_FILES = (PROGRAM_ICS, CFP_ICS)


def load_dates(app: Sphinx) -> None:
    """builder-inited: read the dates file (every page with times needs it)."""
    configured: str = app.config.program_dates
    path = (Path(app.confdir) / configured).resolve()
    try:
        dates = read_dates(path, label=configured)
    except DatesError as exc:
        raise ProgramDataError(str(exc)) from None
    state.store_dates(app.env, dates, path)


def add_static_path(app: Sphinx, config: Config) -> None:
    """config-inited: serve the page script and styles from _static/ like the theme's own.
    Added before Sphinx compares the configuration with the last build's, so that it does not
    count as a change (which would rewrite every page)."""
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path.append(str(STATIC_DIR))


def report_problems(app: Sphinx, env: BuildEnvironment) -> None:
    """env-check-consistency: the checks that need the whole program and the proceedings."""
    program = state.program(env)
    workshop = state.dates(env).workshop
    for finding in check_program(program, workshop, loaded(env).proceedings):
        logger.warning(
            finding.message,
            location=finding.source.sphinx,
            type="program",
            subtype=finding.check,
        )


def outdated_paper_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-get-updated: the paper pages whose slot in the program changed, to be written again
    although their own source did not change."""
    now = state.program(env).slots(state.dates(env).workshop.day)
    before = state.shown_slots(env)
    state.store_shown_slots(env, now)
    changed = {p for p in now.keys() | before.keys() if now.get(p) != before.get(p)}
    return sorted(d for p in changed if (d := paper_docname(p)) in env.found_docs)


def add_slots(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: a paper's page gains its place in the program, linked to the item."""
    prefix = PAPERS_DIR + "/"
    if not docname.startswith(prefix):
        return
    slots = state.program(app.env).slots(state.dates(app.env).workshop.day)
    page = next((s for s in doctree.findall(nodes.section) if "paper" in s["ids"]), None)
    if page is None:
        return
    for slot in slots.get(docname[len(prefix) :], ()):
        uri = f"{app.builder.get_relative_uri(docname, slot.docname)}#{slot.anchor}"
        para = slot_paragraph(slot, uri)
        # Before the first subsection (the abstract): body text must precede subsections.
        first = next((i for i, n in enumerate(page.children) if isinstance(n, nodes.section)), None)
        page.insert(len(page.children) if first is None else first, para)


def add_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """html-page-context: styles on pages with program content; the local-time script only
    where there are times to convert."""
    if doctree is None:
        return
    if any(doctree.findall(is_program_node)):
        app.add_css_file("program.css")
    if any(doctree.findall(program_time)):
        app.add_js_file("program-time.js", loading_method="defer")


def is_program_node(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and any(
        c.startswith("program-") for c in node.get("classes", [])
    )


def site_for(app: Sphinx) -> Site:
    base: str = app.config.html_baseurl or ""
    found = app.env.found_docs

    def url_for(docname: str, anchor: str) -> str | None:
        if not base or docname not in found:
            return None
        url = urljoin(base.rstrip("/") + "/", app.builder.get_target_uri(docname))
        return f"{url}#{anchor}" if anchor else url

    return Site(url_for, urlsplit(base).hostname or "localhost")


CALENDARS_STAMP = "program-calendars.stamp"  # in the doctree folder


def calendars_stamp(app: Sphinx) -> str:
    """What the calendar files are made from: the program, the dates, the proceedings data,
    the site's pages and address, and the code that writes them."""
    return digest(
        (
            state.program(app.env),
            state.dates(app.env),
            data_ref(app.env).fingerprint,
            app.config.html_baseurl,
            sorted(app.env.found_docs),
            code_stamp(),
        )
    )


def write_calendars(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: the calendar files at stable URLs, written only when they changed."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    stamp_file = Path(app.doctreedir) / CALENDARS_STAMP
    stamp = calendars_stamp(app)
    if (
        stamp_file.is_file()
        and stamp_file.read_text(encoding="utf-8") == stamp
        and all((out / name).is_file() for name in CALENDAR_FILES)
    ):
        return  # nothing they are made from changed (and the proceedings need not be read)
    files = calendar_files(
        state.program(app.env), state.dates(app.env), loaded(app.env).proceedings, site_for(app)
    )
    for name, data in files.items():
        folder, _, filename = name.rpartition("/")
        # swap=False: the folder is Sphinx's output, shared with the pages; one file replaced.
        sync_folder(out / folder, {filename: data}, owned_suffixes=[filename], swap=False)
    write_atomic(stamp_file, stamp.encode("utf-8"), durable=False)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("tools.proceedings.sphinx_ext")
    app.add_config_value("program_dates", "program/dates.yaml", "env", types=[str])
    app.add_node(program_time, html=(visit_time_html, depart_time_html))
    app.add_directive("session", directives.SessionDirective)
    app.add_directive("paper-talk", directives.PaperTalk)
    app.add_directive("invited-talk", directives.InvitedTalk)
    app.add_directive("program-slot", directives.ProgramSlot)
    app.add_directive("program-calendar", directives.ProgramCalendar)
    app.add_directive("cfp-calendar", directives.CfpCalendar)
    app.add_directive("cfp-dates", directives.CfpDates)
    app.add_role("paper", directives.PaperRole())
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", load_dates)
    app.connect("env-purge-doc", state.purge_doc)
    app.connect("env-merge-info", state.merge_info)
    app.connect("env-get-updated", outdated_paper_pages)
    app.connect("env-check-consistency", report_problems)
    app.connect("doctree-resolved", add_slots)
    app.connect("html-page-context", add_assets)
    app.connect("build-finished", write_calendars)
    return {
        "version": "1.0",
        "env_version": env_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
