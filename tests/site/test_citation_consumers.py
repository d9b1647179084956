"""The built citation files read by consumers that re-case them or import them: citeproc-js
(through citation.js) and pandoc's citeproc render them in a style that title-cases and
sentence-cases; citation.js's RIS and BibTeX readers and JabRef import them as a reader's
reference manager does. Each tool missing locally skips its tests; in CI (CI=true) it fails."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import bibtexparser
import pytest

from tests.conftest import ROOT, Site
from tests.support import pandoc, require
from tests.volumes import REAL_KEYS, build_complete_site
from tools.proceedings.model import Paper, Volume
from tools.proceedings.render.citation.csl import csl_item, csl_json
from tools.proceedings.render.citation.record import facts

from .pages import PAPER

NODE = ROOT / "tests" / "node"
STYLE = NODE / "recase.csl"
VOLUME = "proceedings/2025/volume{}"  # the volume's citation files: .bib, .ris, .json
EVENT = (
    "ACM CoNEXT 2025, the 21st International Conference on emerging Networking EXperiments "
    "and Technologies"
)
PROCEEDINGS = "Proceedings of the 1st Workshop on Inter-networking challenges for AI"
# Words each rendered entry must show as written, whatever the style did to the rest: the series
# and the acronym of the proceedings title in every entry, then each title's own.
EVERY_ENTRY = ["INET4AI '25", "for AI"]
BY_TITLE = {
    "traffic inversion": [],
    "load balancing": ["MoE"],
    "collective communication": ["SCALE-CCL"],
    "nano-cluster": ["GPUs", "AI"],
}
# Processors print typographic apostrophes; the words are compared as written.
APOSTROPHES = str.maketrans({"’": "'"})


@pytest.fixture(scope="module")
def complete_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_complete_site(tmp_path_factory.mktemp("consumers-complete"))


def citation_js(*args: str) -> str:
    """tests/node/citation-js.js (citation.js 0.8.2 with citeproc-js 2.4.63) run by node."""
    installed = (NODE / "node_modules" / "@citation-js" / "core").is_dir()
    require(
        shutil.which("node") is not None and installed,
        "node and tests/node/node_modules are needed (make test runs npm ci)",
    )
    done = subprocess.run(
        ["node", str(NODE / "citation-js.js"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def pandoc_render(bibliography: Path, folder: Path) -> str:
    """Every entry of ``bibliography`` (.json or .bib) as pandoc 3's citeproc prints it."""
    document = folder / "cite-everything.md"
    document.write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    done = subprocess.run(
        [pandoc(), str(document), "--citeproc", "--bibliography", str(bibliography),
         "--csl", str(STYLE), "-t", "plain", "--wrap=none"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def entries(rendered: str) -> dict[str, tuple[str, str]]:
    """Each entry's title-cased and sentence-cased halves, by the BY_TITLE phrase it holds."""
    found: dict[str, tuple[str, str]] = {}
    for line in rendered.translate(APOSTROPHES).splitlines():
        if not line.strip():
            continue
        (phrase,) = [p for p in BY_TITLE if p in line.lower()]
        title, sentence = line.split(" || ")
        assert title.startswith("title: ") and sentence.startswith("sentence: "), line
        found[phrase] = (title, sentence)
    assert sorted(found) == sorted(BY_TITLE)
    return found


def assert_case_kept(rendered: str, *, extra: tuple[str, ...] = ()) -> None:
    for phrase, parts in entries(rendered).items():
        for part in parts:
            for word in [*EVERY_ENTRY, *BY_TITLE[phrase], *extra]:
                assert re.search(rf"(?<!\w){re.escape(word)}(?!\w)", part), (word, part)


# A: acronyms and mixed case survive the styles that re-case ------------------------------------


def test_citeproc_js_keeps_the_case_of_the_built_volume_json(site: Site) -> None:
    # citeproc-js sentence-cases by lower-casing every word that is not protected.
    rendered = citation_js("render", str(site.out / VOLUME.format(".json")), str(STYLE))
    assert_case_kept(rendered, extra=("ACM CoNEXT 2025", "EXperiments"))


def test_pandoc_keeps_the_case_of_the_built_volume_json(site: Site, tmp_path: Path) -> None:
    # pandoc's citeproc title-cases a field without lower-case letters from lower case, as the
    # CSL specification says: "INET4AI '25" became "Inet4ai '25" before the nocase spans.
    rendered = pandoc_render(site.out / VOLUME.format(".json"), tmp_path)
    assert_case_kept(rendered, extra=("ACM CoNEXT 2025", "EXperiments"))


# The conference's dates and place, which ACM prints after the proceedings and the series: the
# end of the proceedings line of every entry, kept as written by both styles.
CONFERENCE = "(INET4AI '25), December 1–4, 2025, Hong Kong, Hong Kong"


@pytest.mark.parametrize("name", [VOLUME.format(".bib"), "proceedings/series.bib"])
def test_pandoc_keeps_the_case_and_the_proceedings_line_of_the_built_bib(
    site: Site, tmp_path: Path, name: str
) -> None:
    # The proceedings line as ACM prints it, the series and the conference's dates and place
    # after the proceedings, acronyms as written. pandoc 3's BibTeX reader keeps the braced
    # words' case only while it reads (its own step from title case to sentence case): it
    # passes no nocase span on, so a style that sentence-cases the proceedings title lower-cases
    # the braced dates and place too. Capitalized names are all it loses; the CSL-JSON file
    # carries them in event-date and event-place, which styles print as they are.
    rendered = pandoc_render(site.out / name, tmp_path)
    assert_case_kept(rendered)
    for title, sentence in entries(rendered).values():
        assert title.split(" | ")[1] == (
            f"Proceedings of the 1st Workshop on Inter-Networking Challenges for AI {CONFERENCE}"
        )
        assert sentence.split(" | ")[1] == (
            f"Proceedings of the 1st workshop on inter-networking challenges for AI "
            f"{CONFERENCE.replace('December', 'december').replace('Hong Kong', 'hong kong')}"
        )


HOSTILE_TITLE = "Q&A: <i>Not Italic</i> & a < b, </span> <b>nor Bold</b> for <sup>MoE</sup>"


def hostile_csl(folder: Path) -> Path:
    paper = Paper(id="hostile", title=HOSTILE_TITLE)
    volume = Volume(title="Proceedings on <sc>Small</sc> & Co", short_title="P <i>'25", year=2025)
    path = folder / "hostile.json"
    path.write_text(csl_json([csl_item(facts(paper, volume))]), encoding="utf-8")
    return path


def hostile_parts(rendered: str) -> list[str]:
    (line,) = [line for line in rendered.translate(APOSTROPHES).splitlines() if line.strip()]
    return line.split(" || ")


def test_citeproc_js_prints_markup_like_text_as_text(tmp_path: Path) -> None:
    for part in hostile_parts(citation_js("render", str(hostile_csl(tmp_path)), str(STYLE))):
        assert HOSTILE_TITLE.lower() in part.lower(), part
        assert "proceedings on <sc>small</sc> & co" in part.lower(), part
        assert "P <i>'25" in part, part


def test_pandoc_prints_markup_like_text_as_text(tmp_path: Path) -> None:
    for part in hostile_parts(pandoc_render(hostile_csl(tmp_path), tmp_path)):
        assert HOSTILE_TITLE.lower() in part.lower(), part
        assert "proceedings on <sc>small</sc> & co" in part.lower(), part
        assert "P <i>'25" in part, part


def test_our_own_pages_never_show_the_case_markup(site: Site) -> None:
    # The markup is CSL-JSON's only: the ACM reference and the <head> tags show plain text.
    for paper_id in ("moe-load-balancing", "scale-ccl", "nano-cluster"):
        page = site.page(PAPER.format(paper_id))
        head = page.head
        assert head is not None
        assert "nocase" not in str(head)
        acm = page.select_one("section#cite .cite-acm")
        assert acm is not None
        assert "nocase" not in acm.get_text() and "<span" not in acm.get_text()
    moe = site.page(PAPER.format("moe-load-balancing"))
    title = moe.select_one('meta[name="citation_title"]')
    assert title is not None
    assert title["content"] == "Latency-Optimal Load Balancing for Distributed MoE Inference"


# B: the files imported by reference managers ----------------------------------------------------


def csl_items(path: Path) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(citation_js("import", str(path)))
    return items


def names(item: dict[str, Any]) -> list[str]:
    return [f"{a['family']}, {a['given']}" for a in item.get("author", [])]


def test_citation_js_reads_the_built_volume_ris_by_the_spec_table(site: Site) -> None:
    """citation.js maps RIS tags by the 2011 specification's table for each type."""
    items = csl_items(site.out / VOLUME.format(".ris"))
    assert len(items) == len(REAL_KEYS)
    for item in items:
        assert item["type"] == "paper-conference"
        assert item["container-title"] == PROCEEDINGS
        assert item["event-title"] == EVENT  # CSL 1.0.2's name for "event"
        assert item["collection-title"] == "INET4AI '25"
        assert item["event-place"] == "Hong Kong, Hong Kong"  # as ACM prints it, as the .bib
        assert item["publisher-place"] == "New York, NY, USA"
        assert item["publisher"] == "ACM"
        assert item["DOI"].startswith("10.1145/3769695.377167")
    moe = next(i for i in items if "MoE" in i["title"])
    assert names(moe) == [
        "Miriyala, Venkata Pavan Kumar", "Sviridov, German", "Chen, Bingxu", "Javaid, Haris",
    ]  # fmt: skip
    assert moe["DOI"] == "10.1145/3769695.3771675"


def test_citation_js_reads_pages_and_isbn_of_the_complete_ris(complete_site: Site) -> None:
    items = csl_items(complete_site.out / VOLUME.format(".ris"))
    first = items[0]
    assert first["container-title"] == "Proceedings of the 1st Workshop on Testing Citations for AI"
    assert first["event-title"] == "An Example Conference 2025"
    assert (first["page"], first["ISBN"]) == ("1-6", "978-1-4503-1234-9")
    assert names(first)[:2] == ["Ibrahimi, Mëmëdhe", "Di Cicco, Nicola"]


def test_citation_js_reads_the_built_volume_bib(complete_site: Site) -> None:
    items = csl_items(complete_site.out / VOLUME.format(".bib"))
    assert [i["id"] for i in items] == ["testcite25-scale-gpu", "testcite25-specials"]
    first = items[0]
    assert first["type"] == "paper-conference"
    assert first["container-title"] == (
        "Proceedings of the 1st Workshop on Testing Citations for AI (TESTCITE '25), "
        "December 1–4, 2025, Hong Kong, Hong Kong"
    )
    assert first["title"] == "SCALE-CCL: GPU Collectives for MoE over the Wide-Area Network"
    assert names(first) == [
        "Ibrahimi, Mëmëdhe", "Di Cicco, Nicola", "Berg, Zoë", "Núñez-Łukasiewicz, José Ñ.",
    ]  # fmt: skip
    assert (first["DOI"], first["page"]) == ("10.5555/1234567.0001", "1-6")
    assert first["publisher"] == "ACM"


def jabref_import(source: Path, kind: str, folder: Path) -> list[dict[str, str]]:
    """JabRef 3.8 (Debian) importing ``source`` headless, as its own .bib: each entry's key,
    type and fields."""
    require(shutil.which("jabref") is not None, "jabref is not installed (Debian: see .ci/run)")
    out = folder / f"jabref-{kind}.bib"
    # JabRef keeps its preferences under ~/.java: a fresh home, so no earlier run counts.
    env = {**os.environ, "HOME": str(folder / "home")}
    done = subprocess.run(
        # RIS has no key: JabRef leaves imported records without one unless told to make them.
        ["jabref", "--nogui", *(["--generateBibtexKeys"] if kind == "ris" else []),
         "--import", f"{source},{kind}", "--output", str(out)],
        capture_output=True, text=True, timeout=300, check=False, env=env,
    )  # fmt: skip
    assert done.returncode == 0 and out.is_file(), done.stdout + done.stderr
    library = bibtexparser.parse_string(out.read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    return [
        {"key": e.key, "type": e.entry_type.lower(), **{f.key.lower(): f.value for f in e.fields}}
        for e in library.entries
    ]


def test_jabref_imports_the_built_volume_ris(complete_site: Site, tmp_path: Path) -> None:
    records = jabref_import(complete_site.out / VOLUME.format(".ris"), "ris", tmp_path)
    assert len(records) == 2
    (first,) = [r for r in records if r["title"].startswith("SCALE-CCL: GPU Collectives")]
    assert first["type"] == "inproceedings"  # TY CPAPER was an @Other
    assert first["author"] == (
        "Ibrahimi, Mëmëdhe and Di Cicco, Nicola and van der Berg, Zoë and "
        "Núñez-Łukasiewicz, José Ñ."
    )
    assert (first["pages"], first["publisher"]) == ("1--6", "ACM")
    assert first["series"] == "TESTCITE '25"
    # JabRef 3.8 files T2 under 'journal' for every type, reads no C3, and takes a DO value
    # only when it starts with 'doi:': the conference name is its T2, not the proceedings.
    assert first["journal"] == "An Example Conference 2025"


def test_jabref_imports_the_built_volume_bib(complete_site: Site, tmp_path: Path) -> None:
    records = jabref_import(complete_site.out / VOLUME.format(".bib"), "bibtex", tmp_path)
    assert [r["key"] for r in records] == ["testcite25-scale-gpu", "testcite25-specials"]
    first = records[0]
    assert first["type"] == "inproceedings"
    assert first["booktitle"] == (
        "Proceedings of the 1st Workshop on Testing Citations for {AI} ({TESTCITE} '25), "
        "{December 1--4, 2025, Hong Kong, Hong Kong}"
    )
    assert first["author"].startswith('Ibrahimi, M{\\"e}m{\\"e}dhe and Di Cicco, Nicola and ')
    assert (first["doi"], first["pages"]) == ("10.5555/1234567.0001", "1--6")
    assert first["publisher"] == "ACM"
