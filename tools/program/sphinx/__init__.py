"""The program as a Sphinx extension: directives, checks, papers' slots, people, calendars."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from ...proceedings import (
    edition_of,
    env_version,
    paper_docname,
    program_part,
    split_plain_name,
    write_if_changed,
)
from ...proceedings.paths import papers_dir
from ...proceedings.people import Credit, Mention, Role
from ...proceedings.sphinx import Doctree, series_of
from ...proceedings.sphinx.logs import log
from ..check import check_program
from ..model import ItemKind, dates_of
from ..render import nodes as render
from ..render.calendar import Site, calendar_files
from . import directives
from .domain import ProgramDomain, domain

STATIC_DIR = Path(__file__).parent.parent / "static"
PROGRAM_CLASS = re.compile(r'class="(?:[^"]* )?program-')  # an element of a program


def add_static_path(app: Sphinx, config: Config) -> None:
    """config-inited: before Sphinx compares configurations: never a change (every page anew)."""
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path.append(str(STATIC_DIR))


def report_problems(app: Sphinx, env: BuildEnvironment) -> None:
    """env-check-consistency: the checks that need an edition's whole program and papers."""
    series = series_of(env)
    for year, program in domain(env).programs.items():
        if series.has(year):
            edition = series.edition(year)
            workshop = dates_of(series, edition).workshop
            for problem in check_program(program, workshop, edition.proceedings):
                log(problem, problem.message)


def program_mentions(app: Sphinx, env: BuildEnvironment) -> list[Mention]:
    """people-mentions: the presenters and invited speakers every program page names."""
    out: list[Mention] = []
    for year, program in domain(env).programs.items():
        for item in program.items:
            target = f"{item.source.docname}#{item.anchor}"
            if item.kind is ItemKind.PAPER and item.paper:
                role, target = Role.PRESENTER, paper_docname(year, item.paper)
            elif item.kind is ItemKind.INVITED:
                role = Role.SPEAKER
            else:
                continue
            what = item.title or _paper_title(env, year, item.paper)
            for person in item.people:
                where = (person.affiliation,) if person.affiliation else ()
                name = replace(split_plain_name(person.name), affiliations=where)
                out.append(Mention(name, Credit(year, role, what, target)))
    return out


def _paper_title(env: BuildEnvironment, year: int, paper_id: str | None) -> str:
    series = series_of(env)
    proceedings = series.edition(year).proceedings if series.has(year) else None
    if proceedings is None or not paper_id or not proceedings.has(paper_id):
        return paper_id or ""
    return proceedings.paper(paper_id).title


def note_program_pages(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: a page that shows a part of a program depends on the program's pages."""
    env, docname, year = app.env, app.env.docname, edition_of(app.env.docname)
    years = {node["year"] for node in doctree.findall(program_part)}
    if year is not None and docname.startswith(papers_dir(year) + "/"):
        years.add(year)
    for doc in (doc for y in years for doc in domain(env).pages(y)):
        env.note_dependency(str(env.doc2path(doc)))


def add_slots(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: a paper's page gains its place in the program, linked to the item."""
    year = edition_of(docname)
    if year is None or not docname.startswith(papers_dir(year) + "/"):
        return
    page = next((s for s in doctree.findall(nodes.section) if "paper" in s["ids"]), None)
    if page is None:
        return
    series = series_of(app.env)
    day = series.edition(year).date if series.has(year) else None
    for slot in domain(app.env).program(year).slots(day).get(docname.rpartition("/")[2], ()):
        uri = f"{app.builder.get_relative_uri(docname, slot.docname)}#{slot.anchor}"
        # Before the first subsection (the abstract): body text must precede subsections.
        children = page.children
        first = next((i for i, n in enumerate(children) if isinstance(n, nodes.section)), None)
        page.insert(len(children) if first is None else first, render.slot_paragraph(slot, uri))


def fill_parts(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: what each program says where a page shows it."""
    series = series_of(app.env)
    for node in list(doctree.findall(program_part)):
        year, part = node["year"], node["part"]
        program = domain(app.env).program(year)
        if part == "list":  # {invited-talks} YEAR
            talks = [i for i in program.items if i.kind is ItemKind.INVITED]
            node.replace_self(render.invited_talks(talks))
        elif part == "talks":
            node.replace_self(render.talks_part(program))
        elif part == "summary":
            node.replace_self(render.program_summary(program))
        else:  # notes
            node.replace_self(render.program_notes(program, series.label(series.edition(year))))


def add_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Doctree
) -> None:
    """html-page-context: the styles where a program shows, the local-time script where times do,
    found in the page's HTML (the data cannot write markup: its < and quotes are escaped)."""
    body: str = context.get("body", "")
    if PROGRAM_CLASS.search(body):
        app.add_css_file("program.css")
    if "<time " in body:  # render.program_time
        app.add_js_file("program-time.js", loading_method="defer")


def site_for(app: Sphinx) -> Site:
    base: str = app.config.html_baseurl or ""
    found = app.env.found_docs

    def url_for(docname: str, anchor: str) -> str | None:
        if not base or docname not in found:
            return None
        url = urljoin(base.rstrip("/") + "/", app.builder.get_target_uri(docname))
        return f"{url}#{anchor}" if anchor else url

    return Site(url_for, urlsplit(base).hostname or "localhost")


def write_calendars(app: Sphinx, env: BuildEnvironment) -> None:
    """env-updated: each edition's calendars and the series', from the data and programs."""
    if app.builder.format != "html":
        return
    out, state, series = Path(app.outdir), domain(env), series_of(env)
    editions = [
        (dates_of(series, e), state.program(e.year), e.proceedings) for e in series.editions
    ]
    for name, data in calendar_files(series.short_name, editions, site_for(app)).items():
        write_if_changed(out / name, data)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("tools.proceedings.sphinx")
    app.add_domain(ProgramDomain)
    app.add_node(render.program_time, html=(render.visit_time_html, render.depart_time_html))
    app.add_directive("session", directives.SessionDirective)
    app.add_directive("paper-talk", directives.PaperTalk)
    app.add_directive("invited-talk", directives.InvitedTalk)
    app.add_directive("program-slot", directives.ProgramSlot)
    app.add_directive("program-calendar", directives.ProgramCalendar)
    app.add_directive("cfp-calendar", directives.CfpCalendar)
    app.add_directive("invited-talks", directives.InvitedTalks)
    app.add_role("paper", directives.PaperRole())
    app.connect("config-inited", add_static_path)
    app.connect("env-updated", write_calendars)
    app.connect("env-check-consistency", report_problems)
    app.connect("people-mentions", program_mentions)
    app.connect("doctree-resolved", add_slots)
    app.connect("doctree-read", note_program_pages)
    app.connect("doctree-resolved", fill_parts, priority=400)  # before links are made
    app.connect("html-page-context", add_assets)
    return {
        "version": "3.0",
        "env_version": env_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
