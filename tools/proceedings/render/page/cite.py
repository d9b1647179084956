"""The "Cite" section of a paper page: one sphinx-design tab per format, each copyable.

The tab set is one ``cite_formats`` node holding the tabs as data: as the sphinx-design
components it stands for, a page's tab set is some 40 nodes that every transform walks and
that are pickled and copied, which made a paper page cost half again a trivial one (make
bench: 8 ms of 12 ms a page at 1,000 papers). sphinx/tabs.py writes it straight to HTML; for
other writers (and for the test that compares the two) it becomes the components (``tab_set``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from docutils import nodes

from ...model import Paper, Volume
from ...paths import relative
from ..citation.acm import acm_reference
from .nodes import button, component, download_link, section

# sphinx-design remembers the chosen tab of a sync group across pages (local storage).
SYNC_GROUP = "citation-format"


@dataclass(frozen=True, slots=True)
class Tab:
    sync_id: str
    label: str
    text: str
    language: str  # Pygments lexer: a highlighted block gets sphinx-copybutton's button
    download: str | None = None  # a file name beside the paper's page
    download_label: str = ""
    note: str = ""  # said above the block, out of the text a reader copies


# The ACM reference of a paper whose author list is not known is what ACM's style prints for
# it, ready to paste; what it lacks is said beside it.
NO_AUTHORS_NOTE = (
    "The author list is not known, so this reference starts with the year, as ACM's "
    "BibTeX style prints it."
)


def cite_tabs(paper: Paper, volume: Volume, files: Mapping[str, str]) -> list[Tab]:
    """The tabs of a published paper: its citation files' texts (``files``, by name, as the
    downloads hold them), and the ACM reference."""
    acm = acm_reference(paper, volume) + "\n"
    note = "" if paper.authors else NO_AUTHORS_NOTE
    return [
        Tab("acm", "ACM Reference Format", acm, "text", note=note),
        Tab(
            "bibtex", "BibTeX", files[f"{paper.id}.bib"], "bibtex",
            f"{paper.id}.bib", "Download BibTeX (.bib)",
        ),
        Tab(
            "ris", "RIS", files[f"{paper.id}.ris"], "text",
            f"{paper.id}.ris", "Download RIS (.ris)",
        ),
        Tab(
            "csl-json", "CSL-JSON", files[f"{paper.id}.json"], "json",
            f"{paper.id}.json", "Download CSL-JSON (.json)",
        ),
    ]  # fmt: skip


def download_button(docname: str, target: str, label: str) -> download_link:
    """A button that saves ``target`` (a path from the site root, e.g. 'proceedings/volume.ris')
    under its own file name."""
    styled = button(relative(docname, target), label, primary=False)  # the site's button look
    classes = [*styled["classes"], "cite-download"]
    filename = posixpath.basename(target)
    return download_link(label, label, refuri=styled["refuri"], filename=filename, classes=classes)


class cite_formats(nodes.General, nodes.Element):  # type: ignore[misc]  # docutils is untyped
    """Attributes: ``tabs`` (a tuple of Tab), ``docname`` (the page's), ``classes``."""


def download_target(docname: str, tab: Tab) -> str:
    """The path from the site root of a tab's download, a file beside the page."""
    return f"{posixpath.dirname(docname)}/{tab.download}"


def tab_item(tab: Tab, docname: str) -> nodes.container:
    """The nodes sphinx-design's ``tab-item`` directive builds: a label rubric, then a content
    container; its HTML transform turns them into radio input, label and panel."""
    label = nodes.rubric(tab.label, tab.label, classes=["sd-tab-label"])
    label["sync_group"], label["sync_id"] = SYNC_GROUP, tab.sync_id
    block = nodes.literal_block(tab.text, tab.text, language=tab.language)
    block["classes"].append(f"cite-{tab.sync_id}")
    note = [nodes.paragraph(tab.note, tab.note, classes=["cite-note"])] if tab.note else []
    content = component("tab-content", classes=["sd-tab-content"], children=[*note, block])
    if tab.download:
        button = download_button(docname, download_target(docname, tab), tab.download_label)
        content += nodes.paragraph("", "", button)
    return component("tab-item", classes=["sd-tab-item"], children=[label, content])


def tab_set(node: cite_formats) -> nodes.container:
    """The tab set as sphinx-design's ``tab-set`` directive builds it (its HTML transform
    turns it into radio inputs, labels and panels)."""
    tabs = [tab_item(tab, node["docname"]) for tab in node["tabs"]]
    return component("tab-set", classes=list(node["classes"]), children=tabs)


def cite_section(
    paper: Paper, volume: Volume, docname: str, files: Mapping[str, str]
) -> nodes.section:
    tabs = tuple(cite_tabs(paper, volume, files))
    # no-search: the formats repeat the page's facts, and their words would match every paper.
    classes = ["sd-tab-set", "cite-formats", "no-search"]
    return section("Cite", "cite", cite_formats("", tabs=tabs, docname=docname, classes=classes))
