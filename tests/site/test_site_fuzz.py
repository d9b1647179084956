"""Hostile text in every field, through the whole pipeline: data folder -> load -> Sphinx build ->
pages, downloads and calendar. Each example is one build carrying many records; every hostile
paper has a plain twin of the same shape, and the two pages must have the same elements and
attributes: the text may change what a page says, never what it is made of."""

from __future__ import annotations

import json
import posixpath
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import bibtexparser
import rispy
import yaml
from bs4 import BeautifulSoup, Tag
from citeproc.source.json import CiteProcJSON
from hypothesis import example, given
from hypothesis import strategies as st
from icalendar import Calendar

from tests.conftest import SERIES_DATA, VOLUME_2025, Site, build, copy_site
from tests.hostile_text import BUILDS, FRAGMENTS, hostile_text, long_text, words
from tests.proceedings.helpers import write_data
from tools.proceedings import split_plain_name
from tools.proceedings.load import load, load_series
from tools.proceedings.model import Paper, Proceedings
from tools.proceedings.numbers import foreign_digit, pages_problem
from tools.proceedings.paths import (
    PEOPLE_INDEX,
    paper_docname,
    papers_dir,
    program_calendar,
    volume_dir,
)
from tools.proceedings.people import Credit, Mention, Person, Role, data_mentions, people
from tools.proceedings.render.citation.record import facts
from tools.proceedings.render.page.people import credit_links

from .pages import NO_PROGRAM, PAPER, check_page_rules, inline_scripts, pages, skeleton, text

# Small pieces: a whole volume is drawn at once and hypothesis caps the size of one example.
TEXT = hostile_text(max_pieces=3)
LINE = hostile_text(max_pieces=2, line_breaks=False)
NO_SPACE = hostile_text(max_pieces=2).map(lambda t: "".join(t.split()))
# '$...$' is math in abstracts (tested on its own): here abstracts are text only.
ABSTRACT = hostile_text(max_pieces=4).map(lambda t: t.replace("$", "")).filter(str.strip)
# Pages as validation keeps them: one side, no digit other than 0-9 (numbers.pages_problem).
PAGES = (
    LINE.map(lambda t: "".join(c for c in re.sub("-{2,}", "-", t) if not foreign_digit(c)))
    .map(str.strip)
    .filter(lambda t: bool(t) and pages_problem(t) is None)
)


def url_text(text: str) -> str:
    """What validation lets into a URL: no whitespace and no character of category C."""
    return "".join(c for c in text if not unicodedata.category(c).startswith("C"))


@st.composite
def records(draw: st.DrawFn, *, long: bool = False) -> dict[str, Any]:
    """One paper record as papers.yaml holds it, hostile in every text field."""
    authors: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            affiliations = draw(st.lists(LINE, max_size=2))
            authors.append(
                {"given": draw(LINE), "family": draw(LINE), "affiliations": affiliations}
            )
        else:
            authors.append({"name": draw(LINE)})
    record: dict[str, Any] = {
        "title": draw(long_text(40) if long else TEXT),
        "authors": authors,
        "abstract": draw(long_text(200).map(lambda t: t.replace("$", "")) if long else ABSTRACT),
        "keywords": draw(st.lists(LINE, max_size=3)),
    }
    optional = {
        "pages": PAGES,
        "doi": NO_SPACE.map(lambda s: "10.1234/" + s),
        "links": NO_SPACE.map(lambda s: {"pdf": "https://example.org/" + url_text(s)}),
        "session": LINE,
        "erratum": TEXT,
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            record[name] = draw(strategy)
    if draw(st.integers(0, 4)) == 0:
        record.update(status="withdrawn", notice=draw(TEXT))
    return record


def corpus() -> list[dict[str, Any]]:
    """Every fragment in every field, deterministically: the explicit example."""
    out = []
    for i in range(0, len(FRAGMENTS), 3):
        a, b, c = (FRAGMENTS[(i + k) % len(FRAGMENTS)] for k in range(3))
        one_line = " ".join(f"{a} {b} {c}".split())
        out.append(
            {
                "title": f"{a} {b} {c}",
                "authors": [
                    {"given": " ".join(b.split()) or "x", "family": one_line, "affiliations": [c]},
                    {"name": " ".join(a.split()) or "x"},
                ],
                "abstract": f"{a}\n\n{b} {c}".replace("$", ""),
                "keywords": [one_line],
                "session": " ".join(c.split()) or "x",
                "erratum": f"{c} {a}",
            }
        )
    return out


def twin(paper: Paper, proceedings: Proceedings, index: int) -> dict[str, Any]:
    """A plain record of the same shape as ``paper``: same fields, counts and page range."""
    record: dict[str, Any] = {
        "title": f"Plain title {index}",
        "authors": [
            {
                "given": "Given",
                "family": f"Family{index}x{j}",
                "affiliations": ["Aff"] * len(a.affiliations),
            }
            if a.family
            else {"name": f"Name{index}x{j}"}
            for j, a in enumerate(paper.authors)
        ],
        "abstract": "\n\n".join(["Plain abstract."] * len(paper.paragraphs)),
        "keywords": [f"kw{k}" for k in range(len(paper.keywords))],
    }
    cited = facts(paper, proceedings.volume)
    if paper.pages:
        record["pages"] = "1--2" if cited.last_page != cited.first_page else "1"
    if paper.doi:
        record["doi"] = f"10.5555/twin.{index}"
    if paper.links.pdf:
        record["links"] = {"pdf": "https://example.org/twin.pdf"}
    if paper.session:
        record["session"] = "Plain session"
    if paper.erratum:
        record["erratum"] = "Plain erratum."
    if not paper.is_published:
        record.update(status=paper.status.value, notice="Plain notice.")
    return record


PRESENTER = "Ada Example"  # who presents every paper of a fabricated program
PROGRAM_2025 = "program/2025/index.md"
MOVED = "proceedings/data/moved.yaml"  # the series' moved addresses, in the site's sources
REAL_IDS = frozenset(p.id for p in load(VOLUME_2025).proceedings.papers)
ORGANIZERS = "organizers"
# A redirect page's one script (tools/proceedings/sphinx/redirect.html), to a plain path.
REDIRECT_SCRIPT = re.compile(r'location\.replace\("([A-Za-z0-9._/-]+)" \+ location\.hash\);')


def program_page(ids: list[str], presenter: str = PRESENTER) -> str:
    """The program of a fabricated 2025 volume (for PROGRAM_2025): every paper, in order."""
    talks = "".join(f":::{{paper-talk}} {pid}\n:presenter: {presenter}\n:::\n\n" for pid in ids)
    return f"# Program\n\n```{{program-calendar}}\n```\n\n::::{{session}}\n\n{talks}::::\n"


def fabricated_moved() -> str:
    """The series' moved.yaml for a site whose own 2025 data is fabricated (written in place,
    not read with -D proceedings_data, for which the build leaves these lines out itself): the
    same, less the real papers' old addresses (their new pages and files are not made, and the
    build says so). The old author index, the volume's citation files, the calendars and the
    moved parts of pages stay: their redirect pages and copies are made as on the real site."""
    moved = yaml.safe_load((SERIES_DATA / "moved.yaml").read_text(encoding="utf-8"))
    moved["moved"] = {
        old: new
        for old, new in moved["moved"].items()
        if posixpath.dirname(new) != papers_dir(2025)
    }
    moved["fragments"] = {
        old: new
        for old, new in moved["fragments"].items()
        if new.partition("#")[2].removeprefix("paper-") not in REAL_IDS
    }
    assert not [n for n in moved["moved"].values() if any(p in n for p in REAL_IDS)]
    return yaml.safe_dump(moved, sort_keys=False)


# Files= for a site whose 2025 data is fabricated in place (see fabricated_moved).
FABRICATED_MOVED = {MOVED: fabricated_moved()}
# Files= for a site built from a fabricated 2025 volume with -D proceedings_data, with or without
# a program of its own: its moved.yaml is the series' own.
FABRICATED: dict[str, str] = {**NO_PROGRAM}
# Its redirect pages: the moved pages' old addresses but the real papers'.
FABRICATED_REDIRECTS = {
    old for old in yaml.safe_load(FABRICATED_MOVED[MOVED])["moved"] if old.endswith(".html")
}


def expected_people(data: Path, ids: list[str], presenter: str = PRESENTER) -> list[Person]:
    """Everyone the people index of a site with a fabricated 2025 volume lists, by the model:
    the series' organizers and the volume's authors, then the presenter of every paper of the
    program (program_page), in its order."""
    series = load_series(SERIES_DATA, override=(2025, data)).series
    proceedings = series.edition(2025).proceedings
    assert proceedings is not None
    mentions = data_mentions(series, ORGANIZERS)
    for pid in ids:
        credit = Credit(
            2025, Role.PRESENTER, proceedings.paper(pid).title, paper_docname(2025, pid)
        )
        mentions.append(Mention(split_plain_name(presenter), credit))
    return people(mentions)


def check_all_pages(site: Site) -> set[str]:
    """pages.check_site_rules on every page, the redirect pages at moved addresses too: a
    redirect page's one script is the redirect, to the plain path its canonical link names
    (absolute: the site's published address). Returns the redirect pages found."""
    redirects = set()
    home = site.page("index.html").select_one("link[rel=canonical]")
    assert home is not None
    published = str(home["href"]).removesuffix("index.html")
    for path in pages(site.out):
        name = path.relative_to(site.out).as_posix()
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if page.title is not None and page.title.get_text() == "This page moved":
            (script,) = inline_scripts(page)
            match = REDIRECT_SCRIPT.fullmatch(script.get_text())
            canonical = page.select_one("link[rel=canonical]")
            assert match and canonical, name
            assert canonical["href"] == urljoin(published + name, match.group(1)), name
            script.decompose()  # checked: the rest is checked as on any page
            redirects.add(name)
        check_page_rules(page, name)
    return redirects


def build_volume(
    base: Path, hostile: list[dict[str, Any]]
) -> tuple[Site, Proceedings, list[Person]]:
    """Hostile papers h0.., each followed by its twin b0..; plain papers first and last, so that
    every hostile page and its twin both have a previous and a next paper. Returns the site,
    its proceedings and the people its index must list."""
    plain = {"authors": [{"given": "Ada", "family": "Example"}], "abstract": "Plain."}
    ends = [{"id": "first", "title": "First", **plain}, {"id": "last", "title": "Last", **plain}]
    staged = [{"id": f"h{i}", **r} for i, r in enumerate(hostile)]
    for i, record in enumerate(staged):  # DOIs are unique in a volume
        if "doi" in record:
            record["doi"] = record["doi"].replace("10.1234/", f"10.1234/h{i}.", 1)
    draft = load(write_data(base / "draft", [ends[0], *staged, ends[1]])).proceedings
    papers = [ends[0]]
    for i, record in enumerate(staged):
        papers += [record, {"id": f"b{i}", **twin(draft.paper(f"h{i}"), draft, i)}]
    data = write_data(base / "data", [*papers, ends[1]])
    src = copy_site(base / "src")
    ids = [p["id"] for p in [*papers, ends[1]]]
    (src / PROGRAM_2025).write_text(program_page(ids), encoding="utf-8")
    site = build(src, base / "html", overrides={"proceedings_data": str(data)})
    assert site.warnings == ""
    return site, load(data).proceedings, expected_people(data, ids)


def title_of(page: BeautifulSoup) -> str:
    h1 = page.select_one("h1")
    assert isinstance(h1, Tag)
    for link in h1.select("a.headerlink"):
        link.decompose()
    return text(h1)


def check_paper_page(site: Site, paper: Paper) -> None:
    page = site.page(PAPER.format(paper.id))
    assert title_of(page) == words(paper.title)
    names = [text(li.select_one("strong")) for li in page.select("ul.paper-authors > li")]
    assert names == [words(a.display_name) for a in paper.authors]
    affiliations = [text(s) for s in page.select("ul.paper-authors .paper-affiliation")]
    assert affiliations == [
        words("; ".join(a.affiliations)) for a in paper.authors if a.affiliations
    ]
    if paper.paragraphs:
        abstract = [text(p) for p in page.select("#abstract > p")]
        assert abstract == [words(p) for p in paper.paragraphs]
    if paper.keywords:
        assert words(", ".join(paper.keywords)) in text(page.select_one("article"))
    if paper.notice:
        assert words(paper.notice) in text(page.select_one(".admonition.warning"))
    meta = page.select_one('meta[name="citation_title"]')
    if paper.is_published:
        assert meta is not None and meta["content"] == words(paper.title)
        ld = page.select_one('script[type="application/ld+json"]')
        assert ld is not None and json.loads(ld.get_text())["name"] == paper.title
    for block in page.select("div.cite-text"):  # a citation file's text: text only
        assert block.select("pre *") == []


def check_downloads(site: Site, paper: Paper) -> None:
    stem = site.out / papers_dir(2025) / paper.id
    if not paper.is_published:
        assert not stem.with_suffix(".bib").exists()
        return
    library = bibtexparser.parse_string(stem.with_suffix(".bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == [] and len(library.entries) == 1
    (record,) = rispy.loads(stem.with_suffix(".ris").read_text(encoding="utf-8"))
    assert record["title"] == words(paper.title)
    (item,) = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
    # The title is rich text (nocase spans): the text is what a CSL-JSON reader gets from it.
    assert str(CiteProcJSON([]).parse_string(item["title"])) == paper.title


def toc_order(proceedings: Proceedings) -> list[Paper]:
    """The table of contents' order: grouped by session (first seen first) when any is given."""
    if not any(p.session for p in proceedings.papers):
        return list(proceedings.papers)
    groups: dict[str, list[Paper]] = {}
    for paper in proceedings.papers:
        groups.setdefault(paper.session or "Other papers", []).append(paper)
    return [paper for group in groups.values() for paper in group]


def check_indexes(site: Site, proceedings: Proceedings, everyone: list[Person]) -> None:
    toc = site.page(f"{volume_dir(2025)}/index.html")
    entries = toc.select(".proceedings-toc > li")
    listed = toc_order(proceedings)
    assert [text(li.select_one("a")) for li in entries] == [words(p.title) for p in listed]
    shapes = {p.id: skeleton(li) for p, li in zip(listed, entries, strict=True)}
    # The people index: each person once, under their own anchor, a link for each role.
    index = site.page(f"{PEOPLE_INDEX}.html").select("ul.people-index > li")
    assert len(index) == len(everyone)
    for li, person in zip(index, everyone, strict=True):
        assert li.get("id") == person.anchor
        assert text(li.select_one("strong")) == words(person.name.sort_name)
        # A link for each paper or talk, its roles joined ("2025 author and presenter: T").
        assert [text(a) for a in li.select("a")] == [
            words(label) for _, label in credit_links(person.credits)
        ]
    for author, papers in proceedings.authors():  # every author, with each paper, in order
        written = [words(p.title) for p in papers]
        assert written in (
            [
                text(a).partition(": ")[2]
                for a in li.select("a")
                if text(a).startswith(("2025 author: ", "2025 author and "))
            ]
            for li in index
            if text(li.select_one("strong")) == words(author.sort_name)
        ), author
    for i in range(sum(p.id.startswith("h") for p in proceedings.papers)):
        assert shapes[f"h{i}"] == shapes[f"b{i}"]


def check_calendar(site: Site, proceedings: Proceedings) -> None:
    edition = (site.out / program_calendar(2025)).read_bytes()
    (event,) = Calendar.from_ical(edition).walk("VEVENT")
    # The series' calendar has the same day; the edition's calendar at its old address too.
    series = Calendar.from_ical((site.out / "calendar.ics").read_bytes()).walk("VEVENT")
    (day,) = [e for e in series if str(e["UID"]) == str(event["UID"])]
    assert (site.out / "program/program.ics").read_bytes() == edition
    for found in (event, day):
        description = words(str(found["DESCRIPTION"]))
        for paper in proceedings.papers:
            assert words(f"Paper: {paper.title}") in description


@BUILDS
@example(corpus())
@given(st.lists(records(), min_size=5, max_size=5).flatmap(
    lambda rs: records(long=True).map(lambda extra: [*rs, extra])
))  # fmt: skip
def test_hostile_records_build_and_stay_text(hostile: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory(prefix="hostile-site-") as scratch:
        site, proceedings, everyone = build_volume(Path(scratch), hostile)
        for paper in proceedings.papers:
            check_paper_page(site, paper)
            check_downloads(site, paper)
        for i in range(len(hostile)):
            pages = [site.page(PAPER.format(f"{kind}{i}")) for kind in "hb"]
            assert skeleton(pages[0]) == skeleton(pages[1]), f"h{i}"
        check_indexes(site, proceedings, everyone)
        check_calendar(site, proceedings)
        assert check_all_pages(site) == FABRICATED_REDIRECTS
        volume_bib = site.file(f"{volume_dir(2025)}/volume.bib")
        assert site.file("proceedings/volume.bib") == volume_bib  # at its old address too
        volume = bibtexparser.parse_string(volume_bib)
        assert volume.failed_blocks == []
        assert len(volume.entries) == len(proceedings.published)


MATH_ABSTRACTS = [
    r"Unknown command $\href{javascript:alert(1)}{x}$ here.",
    r"Unfinished $x^$ and $\begin{foo} x \end{foo}$.",
    r"Markup $<script>alert(1)</script>$ and $a<b>c$ and $\text{<img src=x onerror=y>}$.",
    r"Fine $\alpha + \beta_{i}^{2}$ and an escaped \$5 price.",
    # docutils' converter fails on these with AttributeError and IndexError, not MathError
    r"Prices went from $5 & $10; a line break $a \\ b$; a lone $_$ and $^$.",
]
MATHML_TAGS = {"math", "mi", "mn", "mo", "mrow", "msub", "msup", "msubsup", "mtext", "mspace"}


def test_math_in_abstracts_is_mathml_or_literal_code(tmp_path: Path) -> None:
    papers = [
        {"id": f"m{i}", "title": f"Math {i}", "abstract": text_}
        for i, text_ in enumerate(MATH_ABSTRACTS)
    ]
    src = copy_site(tmp_path / "src")
    for name, content in FABRICATED.items():
        (src / name).write_text(content, encoding="utf-8")
    data = write_data(tmp_path / "data", papers)
    site = build(src, tmp_path / "html", overrides={"proceedings_data": str(data)})
    assert site.warnings == ""
    for i, _ in enumerate(MATH_ABSTRACTS):
        abstract = site.page(PAPER.format(f"m{i}")).select_one("#abstract")
        assert abstract is not None
        for math in abstract.select(".math"):
            inner = {el.name for el in math.find_all(True)}
            assert inner <= MATHML_TAGS, inner  # MathML, or literal source in <code>
        assert not abstract.select("script, img, a[href^=javascript]")
    assert check_all_pages(site) == FABRICATED_REDIRECTS
