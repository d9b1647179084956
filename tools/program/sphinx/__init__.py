"""The program as a Sphinx extension (``tools.program.sphinx`` in conf.py): directives, the
checks of the whole program, each paper's slot on its page, and the calendar files."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from ...proceedings import (
    PAPERS_DIR,
    DataError,
    Severity,
    code_stamp,
    digest,
    env_version,
    paper_docname,
    sync_folder,
)
from ...proceedings.sphinx import DataBuildError, Doctree, data_fingerprint, proceedings_of
from ...proceedings.sphinx.logs import log, log_all
from ..check import check_program
from ..read import read_dates
from ..render.calendar import CFP_ICS, PROGRAM_ICS, Site, calendar_files
from ..render.nodes import depart_time_html, program_time, slot_paragraph, visit_time_html
from . import directives
from .domain import ProgramDomain, domain

STATIC_DIR = Path(__file__).parent.parent / "static"
CALENDAR_FILES = (PROGRAM_ICS, CFP_ICS)


def load_dates(app: Sphinx) -> None:
    """builder-inited: read the dates file (every page with times needs it)."""
    configured: str = app.config.program_dates
    path = (Path(app.confdir) / configured).resolve()
    try:
        dates = read_dates(path, label=configured)
    except DataError as exc:
        log_all(exc.problems, Severity.ERROR)
        raise DataBuildError(str(exc)) from None
    domain(app.env).store_dates(dates, path)


def add_static_path(app: Sphinx, config: Config) -> None:
    """config-inited: serve the page script and styles from _static/ like the theme's own.
    Added before Sphinx compares the configuration with the last build's, so that it does not
    count as a change (which would rewrite every page)."""
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path.append(str(STATIC_DIR))


def report_problems(app: Sphinx, env: BuildEnvironment) -> None:
    """env-check-consistency: the checks that need the whole program and the proceedings."""
    state = domain(env)
    for problem in check_program(state.program, state.dates.workshop, proceedings_of(env)):
        log(problem, problem.message)


def outdated_paper_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-get-updated: the paper pages whose slot in the program changed, to be written again
    although their own source did not change."""
    state = domain(env)
    now = state.program.slots(state.dates.workshop.day)
    before = state.shown_slots
    state.store_shown_slots(now)
    changed = {p for p in now.keys() | before.keys() if now.get(p) != before.get(p)}
    return sorted(d for p in changed if (d := paper_docname(p)) in env.found_docs)


def add_slots(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: a paper's page gains its place in the program, linked to the item."""
    prefix = PAPERS_DIR + "/"
    if not docname.startswith(prefix):
        return
    state = domain(app.env)
    slots = state.program.slots(state.dates.workshop.day)
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
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Doctree
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


def calendars_stamp(app: Sphinx, env: BuildEnvironment) -> str:
    """What the calendar files are made from: the program, the dates, the proceedings data,
    the site's pages and address, and the code."""
    state = domain(env)
    return digest(
        (
            state.program,
            state.dates,
            data_fingerprint(env),
            app.config.html_baseurl,
            sorted(env.found_docs),
            code_stamp(),
        )
    )


def write_calendars(app: Sphinx, env: BuildEnvironment) -> None:
    """env-updated: the calendar files at stable URLs, written only when they changed."""
    if app.builder.format != "html":
        return
    out, state = Path(app.outdir), domain(env)
    stamp = calendars_stamp(app, env)
    if state.calendars == stamp and all((out / name).is_file() for name in CALENDAR_FILES):
        return  # nothing they are made from changed (and the proceedings need not be read)
    files = calendar_files(state.program, state.dates, proceedings_of(env), site_for(app))
    for name, data in files.items():
        folder, _, filename = name.rpartition("/")
        # swap=False: the folder is Sphinx's output, shared with the pages; one file replaced.
        sync_folder(out / folder, {filename: data}, owned_suffixes=[filename], swap=False)
    state.store_calendars(stamp)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("tools.proceedings.sphinx")
    app.add_config_value("program_dates", "program/dates.yaml", "env", types=[str])
    app.add_domain(ProgramDomain)
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
    app.connect("env-get-updated", outdated_paper_pages)
    app.connect("env-updated", write_calendars)
    app.connect("env-check-consistency", report_problems)
    app.connect("doctree-resolved", add_slots)
    app.connect("html-page-context", add_assets)
    return {
        "version": "2.0",
        "env_version": env_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
