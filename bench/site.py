"""The site under test: a fresh copy built from synthetic data, a title edit, and HTML checks."""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, copy_site
from tools.proceedings.load import PAPERS_FILE
from tools.proceedings.paths import AUTHORS_DIR, PAPERS_DIR

from .measure import Site

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def fresh_site(work: Path, data: Path) -> Site:
    """A copy of the site's sources in ``work/src`` that builds ``data`` into ``work/html``."""
    src = copy_site(work / "src")
    # The real program names the real papers; a synthetic volume has no program.
    (src / "program" / "index.md").write_text("# Program\n\nSynthetic volume: no program.\n")
    return Site(src, work / "html", work / "doctrees", data, work / "logs")


def floor_site(work: Path, size: int) -> Site:
    """The stack's floor: the site's sources, theme, extensions and real data, and ``size``
    trivial orphan pages (a title and a sentence, read by MyST) in a folder of their own."""
    src = copy_site(work / "src")
    folder = src / "floor"
    folder.mkdir()
    for i in range(size):
        text = f"---\norphan: true\n---\n\n# Page {i}\n\nA trivial page of the floor.\n"
        (folder / f"p{i:05d}.md").write_text(text, encoding="utf-8")
    return Site(src, work / "html", work / "doctrees", ROOT / "proceedings" / "data", work / "logs")


@dataclass(frozen=True)
class TitleEdit:
    paper_id: str
    old_title: str
    new_title: str
    neighbours: tuple[str, ...]  # ids of the previous and next papers, whose pages link to it


def _papers(text: str) -> list[yaml.Node]:
    root = yaml.compose(text, Loader=Loader)
    for key, value in root.value if root is not None else []:
        if key.value == "papers":
            return list(value.value)
    raise ValueError("no 'papers' list in papers.yaml")


def _field(paper: yaml.Node, name: str) -> yaml.Node:
    found: yaml.Node = next(value for key, value in paper.value if key.value == name)
    return found


def edit_title(data: Path, index: int, new_title: str) -> TitleEdit:
    """Change one paper's title in papers.yaml as an organizer would: only that value changes."""
    path = data / PAPERS_FILE
    text = path.read_text(encoding="utf-8")
    papers = _papers(text)
    node = _field(papers[index], "title")
    span = text[node.start_mark.index : node.end_mark.index]
    trailing = span[len(span.rstrip()) :]  # a block scalar's span ends with its line break
    path.write_text(
        text[: node.start_mark.index] + json.dumps(new_title) + trailing
        + text[node.end_mark.index :],
        encoding="utf-8",
    )  # fmt: skip
    around = [i for i in (index - 1, index + 1) if 0 <= i < len(papers)]
    return TitleEdit(
        paper_id=str(_field(papers[index], "id").value),
        old_title=str(node.value),
        new_title=new_title,
        neighbours=tuple(str(_field(papers[i], "id").value) for i in around),
    )


def add_line(data: Path, index: int, line: str) -> str:
    """Insert ``line`` (a `key: value` of one paper) before that paper's second field, as an
    organizer adding a DOI would: every later line of papers.yaml moves down by one."""
    path = data / PAPERS_FILE
    text = path.read_text(encoding="utf-8")
    paper = _papers(text)[index]
    key = paper.value[1][0]
    start = text.rfind("\n", 0, key.start_mark.index) + 1
    indent = " " * key.start_mark.column
    path.write_text(text[:start] + indent + line + "\n" + text[start:], encoding="utf-8")
    return str(_field(paper, "id").value)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _link_texts(page: BeautifulSoup, paper_id: str) -> list[str]:
    """Texts of the links on ``page`` that point to the paper's page."""
    target = f"{paper_id}.html"
    return [
        " ".join(a.get_text().split())
        for a in page.find_all("a", href=True)
        if posixpath.basename(str(a["href"]).split("#")[0]) == target
    ]


def check_title(site: Site, edit: TitleEdit) -> dict[str, bool]:
    """Where the new title must show after the rebuild: page name -> whether it does."""
    papers = site.out / PAPERS_DIR
    paper = _soup(papers / f"{edit.paper_id}.html")
    h1 = paper.find("h1")
    results = {
        "paper page <h1>": h1 is not None and edit.new_title in h1.get_text(),
        "paper page <title>": paper.title is not None and edit.new_title in paper.title.get_text(),
        "proceedings index": edit.new_title in _link_texts(
            _soup(site.out / "proceedings" / "index.html"), edit.paper_id
        ),
    }  # fmt: skip
    # The author index: one page, or (for a large volume) a page a letter.
    index_pages = [site.out / "proceedings" / "authors.html"]
    index_pages += sorted((site.out / AUTHORS_DIR).glob("*.html"))
    authors = [t for page in index_pages for t in _link_texts(_soup(page), edit.paper_id)]
    if authors:
        results["author index"] = all(text == edit.new_title for text in authors)
    for other in edit.neighbours:
        texts = _link_texts(_soup(papers / f"{other}.html"), edit.paper_id)
        results[f"previous/next on {other}"] = edit.new_title in texts
    return results
