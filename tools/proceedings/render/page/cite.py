"""The "Cite" section of a paper page: the ACM reference, then each format in a <details>."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from docutils import nodes

from ...model import Paper, Volume
from ...paths import relative
from ..citation.acm import acm_reference
from ..citation.formats import FORMATS
from .nodes import Translator, button, download_link, section

NO_AUTHORS_NOTE = (
    "The author list is not known, so this reference starts with the year, as ACM's "
    "BibTeX style prints it."
)
# Each part keeps the id its tab had when the block had tabs (published in 2025): links to it
# still lead there. The ACM reference's tab was the first.
ACM_TAB = 0


class disclosure(nodes.container):  # type: ignore[misc]  # docutils is untyped
    """HTML's <details> (no script, every browser), its first child a ``summary``; other writers
    fall back to the container and rubric they derive from."""


class summary(nodes.rubric):  # type: ignore[misc]
    """A disclosure's label: HTML's <summary>."""


def visit_disclosure(self: Translator, node: disclosure) -> None:
    self.body.append(self.starttag(node, "details"))


def depart_disclosure(self: Translator, node: disclosure) -> None:
    self.body.append("</details>\n")


class wbr(nodes.inline):  # type: ignore[misc]
    """Where a line may break (HTML's <wbr>); nothing for other writers."""


def visit_wbr(self: Translator, node: wbr) -> None:
    self.body.append("<wbr>")
    raise nodes.SkipNode


class file_text(nodes.literal_block):  # type: ignore[misc]
    """A citation file's text, plain as the ACL Anthology and PMLR show it (Pygments: 1.7 s of a
    1,000-paper build, a stylesheet a page); other writers fall back to the literal block."""


def visit_file_text(self: Translator, node: file_text) -> None:
    self.body.append(self.starttag(node, "div", CLASS="cite-text"))
    self.body.append(f"<pre>{self.encode(node.astext())}</pre></div>\n")
    raise nodes.SkipNode


def visit_summary(self: Translator, node: summary) -> None:
    self.body.append(self.starttag(node, "summary", ""))


def depart_summary(self: Translator, node: summary) -> None:
    self.body.append("</summary>\n")


def tab_ids(tab: int | None) -> list[str]:
    """The ids a part's tab had (its label, its panel)."""
    return [] if tab is None else [f"sd-tab-item-{tab}", f"sd-tab-item-{tab}-content"]


def download_button(docname: str, target: str, label: str) -> download_link:
    """A button that saves ``target`` (a path from the site root) under its own file name."""
    styled = button(relative(docname, target), label, primary=False)  # the site's button look
    classes = [*styled["classes"], "cite-download"]
    filename = posixpath.basename(target)
    return download_link(label, label, refuri=styled["refuri"], filename=filename, classes=classes)


def acm_part(paper: Paper, volume: Volume) -> nodes.container:
    """The ACM reference as text (no code box: it wraps like prose on a phone), copied by
    sphinx-copybutton (copybutton_selector in conf.py). Without authors, a note says so."""
    label = "ACM Reference Format"
    part = nodes.container(ids=["cite-acm", *tab_ids(ACM_TAB)], classes=["cite-acm"])
    part += nodes.rubric(label, label)
    if not paper.authors:
        part += nodes.paragraph(NO_AUTHORS_NOTE, NO_AUTHORS_NOTE, classes=["cite-note"])
    text = acm_reference(paper, volume)
    para = nodes.paragraph(text, classes=["cite-acm-text"])
    # Its DOI link may break after 'doi.org/' on a phone, and nowhere else.
    url = paper.doi_url if paper.doi_url and text.endswith(paper.doi_url) else None
    para += nodes.Text(text.removesuffix(url or ""))
    if url:
        host, _, doi = url.rpartition("/10.")
        para += nodes.reference("", "", nodes.Text(host + "/"), wbr(), nodes.Text("10." + doi),
                                refuri=url)  # fmt: skip
    part += para
    return part


def cite_section(
    paper: Paper, volume: Volume, docname: str, files: Mapping[str, str]
) -> nodes.section:
    """``files``: the paper's citation files' texts, by name, as the downloads hold them."""
    parts: list[nodes.Node] = [acm_part(paper, volume)]
    folder = posixpath.dirname(docname)
    for f in FORMATS:
        name = f"{paper.id}{f.suffix}"
        part = disclosure(ids=[f"cite-{f.key}"], classes=["cite-format", f"cite-{f.key}"])
        part += summary(f.label, f.label)
        # The tab's ids inside the <details>: a link to them opens it.
        part += file_text(files[name], files[name], ids=tab_ids(f.tab))
        save = download_button(docname, f"{folder}/{name}", f.download_label)
        part += nodes.paragraph("", "", save)
        parts.append(part)
    cite = section("Cite", "cite", *parts)
    # no-search: the formats repeat the page's facts, and their words would match every paper.
    cite["classes"].append("no-search")
    return cite
