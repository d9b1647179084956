"""The site under test: a fresh copy built from synthetic data, a title edit, and HTML checks."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.conftest import VOLUME_2025, copy_site
from tools.proceedings.load import PAPERS_FILE
from tools.proceedings.paths import PEOPLE_DIR, PEOPLE_INDEX, edition_doc, papers_dir

from .measure import Site

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YEAR = 2025  # the edition whose volume a synthetic one replaces
SYNTHETIC_PROGRAM = "# Program\n\nSynthetic volume: no program.\n"


def fresh_site(work: Path, data: Path) -> Site:
    """A copy of the site's sources in ``work/src`` that builds ``data`` into ``work/html``."""
    src = copy_site(work / "src")
    # The real program names the real papers; the synthetic volume that stands in for the
    # 2025 one (``-D proceedings_data``) has no program.
    (src / "program" / "2025" / "index.md").write_text(SYNTHETIC_PROGRAM, encoding="utf-8")
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
    return Site(src, work / "html", work / "doctrees", VOLUME_2025, work / "logs")


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


def _link_texts(out: Path, page: str, target: str) -> list[str]:
    """Texts of the links on the output file ``page`` that point to the output file ``target``
    (both relative to ``out``)."""
    soup = BeautifulSoup((out / page).read_text(encoding="utf-8"), "lxml")
    here = posixpath.dirname(page)
    return [
        " ".join(a.get_text().split())
        for a in soup.find_all("a", href=True)
        if posixpath.normpath(posixpath.join(here, str(a["href"]).split("#")[0])) == target
    ]


def check_title(site: Site, edit: TitleEdit, year: int = YEAR) -> dict[str, bool]:
    """Where the new title must show after the rebuild: page name -> whether it does."""
    papers = papers_dir(year)
    target = f"{papers}/{edit.paper_id}.html"
    paper = BeautifulSoup((site.out / target).read_text(encoding="utf-8"), "lxml")
    h1 = paper.find("h1")
    volume = f"{edition_doc('proceedings', year)}.html"
    results = {
        "paper page <h1>": h1 is not None and edit.new_title in h1.get_text(),
        "paper page <title>": paper.title is not None and edit.new_title in paper.title.get_text(),
        "volume page": edit.new_title in _link_texts(site.out, volume, target),
    }
    # The people index: one page, or (for a large series) a page a letter; a link there reads
    # "2025 author: <title>".
    index_pages = [f"{PEOPLE_INDEX}.html"]
    index_pages += [
        f"{PEOPLE_DIR}/{p.name}" for p in sorted((site.out / PEOPLE_DIR).glob("*.html"))
    ]
    people = [t for page in index_pages for t in _link_texts(site.out, page, target)]
    results["people index"] = bool(people) and all(t.endswith(edit.new_title) for t in people)
    for other in edit.neighbours:
        texts = _link_texts(site.out, f"{papers}/{other}.html", target)
        results[f"previous/next on {other}"] = edit.new_title in texts
    return results


def all_shown(checks: Iterable[dict[str, bool]]) -> dict[str, bool]:
    """Several edits' checks as one: a place shows its new title if it did after every edit."""
    shown: dict[str, bool] = {}
    for check in checks:
        for place, ok in check.items():
            shown[place] = shown.get(place, True) and ok
    return shown
