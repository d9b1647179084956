"""The sites a run builds (the real one, a series of synthetic editions, the stack's floor), the
edits an organizer makes to them, and where those edits must show in the HTML.

Paths of the data and the pages are written out here, as the README documents them and the
site publishes them, rather than imported from tools/: those URLs never change, and the bench
measures the toolkit from outside."""

from __future__ import annotations

import json
import posixpath
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.conftest import copy_site

from .importing import cli_or_fail
from .measure import Site
from .volumes import Corpus, write_volume

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA = "proceedings/data"  # the series: a folder an edition, papers.yaml in each
FIRST_YEAR = 2027  # of the synthetic editions, after the real ones, which stay as they are
PEOPLE_INDEX = "proceedings/people.html"  # and, for a large series, a page a letter in people/


def real_site(work: Path) -> Site:
    """A copy of the site's sources as they are in the repository."""
    return Site(copy_site(work / "src"), work)


def copy_of(site: Site, work: Path) -> Site:
    """A copy of ``site``'s sources, never built, in a folder of its own."""
    shutil.copytree(site.src, work / "src")
    return Site(work / "src", work)


def series_site(corpus: Corpus, work: Path, editions: int, papers_each: int) -> Site:
    """The site with ``editions`` more editions of ``papers_each`` papers, added as an organizer
    adds them: `new-edition YEAR`, then `import FILE --edition YEAR` of a volume's BibTeX."""
    site = real_site(work)
    series = str(site.src / DATA)
    for year in range(FIRST_YEAR, FIRST_YEAR + editions):
        cli_or_fail("new-edition", str(year), "--series", series, "--site", str(site.src))
        bib = write_volume(corpus, papers_each, work / "bib" / str(year), year=year)
        cli_or_fail("import", str(bib), "--edition", str(year), "--series", series)
    return site


def floor_site(work: Path, pages: int) -> Site:
    """The stack's floor: the site as it is, and ``pages`` trivial orphan pages (a title and a
    sentence, read by MyST, same theme and extensions) in a folder of their own."""
    site = real_site(work)
    folder = site.src / "floor"
    folder.mkdir()
    for i in range(pages):
        text = f"---\norphan: true\n---\n\n# Page {i}\n\nA trivial page of the floor.\n"
        (folder / f"p{i:05d}.md").write_text(text, encoding="utf-8")
    return site


def add_sentence(site: Site, page: str, sentence: str) -> None:
    """Add a paragraph at the end of the page source ``page`` (e.g. 'cfp/2026/index.md')."""
    with (site.src / page).open("a", encoding="utf-8") as source:
        source.write(f"\n{sentence}\n")


def sentence_shown(site: Site, page: str, sentence: str) -> bool:
    """Whether the output page ``page`` (e.g. 'cfp/2026/index.html') shows ``sentence``."""
    soup = BeautifulSoup((site.out / page).read_text(encoding="utf-8"), "lxml")
    return sentence in " ".join(soup.get_text().split())


@dataclass(frozen=True)
class TitleEdit:
    year: int
    paper_id: str
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


def edit_title(site: Site, year: int, index: int, new_title: str) -> TitleEdit:
    """Change one paper's title in an edition's papers.yaml as an organizer would: only that
    value changes."""
    path = site.src / DATA / str(year) / "papers.yaml"
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
        year=year,
        paper_id=str(_field(papers[index], "id").value),
        new_title=new_title,
        neighbours=tuple(str(_field(papers[i], "id").value) for i in around),
    )


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


def title_shown(site: Site, edit: TitleEdit) -> dict[str, bool]:
    """Where the new title must show after the rebuild: place -> whether it does."""
    papers = f"proceedings/{edit.year}/papers"
    target = f"{papers}/{edit.paper_id}.html"
    paper = BeautifulSoup((site.out / target).read_text(encoding="utf-8"), "lxml")
    h1 = paper.find("h1")
    volume = f"proceedings/{edit.year}/index.html"
    results = {
        "paper page <h1>": h1 is not None and edit.new_title in h1.get_text(),
        "paper page <title>": paper.title is not None and edit.new_title in paper.title.get_text(),
        "volume page": edit.new_title in _link_texts(site.out, volume, target),
    }
    # The people index: one page, or a page a letter; a link there reads "2025 author: <title>".
    letters = site.out / PEOPLE_INDEX.removesuffix(".html")
    index_pages = [PEOPLE_INDEX] + [
        f"{letters.relative_to(site.out).as_posix()}/{p.name}"
        for p in sorted(letters.glob("*.html"))
    ]
    people = [t for page in index_pages for t in _link_texts(site.out, page, target)]
    results["people index"] = bool(people) and all(t.endswith(edit.new_title) for t in people)
    results["previous/next links of its neighbours"] = all(
        edit.new_title in _link_texts(site.out, f"{papers}/{other}.html", target)
        for other in edit.neighbours
    )
    return results


def all_shown(checks: Iterable[dict[str, bool]]) -> dict[str, bool]:
    """Several edits' checks as one: a place shows its new title if it did after every edit."""
    shown: dict[str, bool] = {}
    for check in checks:
        for place, ok in check.items():
            shown[place] = shown.get(place, True) and ok
    return shown
