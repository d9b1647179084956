"""Citation files against their real consumers: bibtex, biber, bibtexparser, pybtex, rispy,
jsonschema and citeproc-py, on the real volume and on a fabricated complete one."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string as pybtex_parse
from pylatexenc.latex2text import LatexNodes2Text

from tests.conftest import SERIES_DATA
from tests.support import require_tool
from tests.volumes import (
    CSL_SCHEMA,
    REAL_KEYS,
    acm_reference_in_facts,
    citation_files,
    real_2025,
    volume_files,
    write_complete,
)
from tools.proceedings.errors import Location, Problems
from tools.proceedings.load import Loaded, load, load_series
from tools.proceedings.model import Paper, Proceedings, Volume
from tools.proceedings.render.citation.acm import acm_reference
from tools.proceedings.render.citation.bibtex import (
    FIELD_ORDER,
    MONTH_MACROS,
    balanced,
    bib_name,
    bibtex_entry,
    entry,
    format_entry,
    needs_protection,
    protected,
)
from tools.proceedings.render.citation.csl import csl_item, csl_json, csl_text, paper_csl
from tools.proceedings.render.citation.files import render_paper
from tools.proceedings.render.citation.head import highwire_tags, json_ld
from tools.proceedings.render.citation.record import facts
from tools.proceedings.render.citation.ris import paper_ris
from tools.proceedings.render.dates import MONTHS
from tools.proceedings.sources.bibtex import PublisherEntry, attach_publisher_fields

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@pytest.fixture(scope="module")
def real() -> Loaded:
    """The 2025 volume as the site builds it, with what its reading found incomplete."""
    return Loaded(real_2025(), load_series(SERIES_DATA).problems, ())


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory) -> Proceedings:
    return load(write_complete(tmp_path_factory.mktemp("complete"))).proceedings


def bib_files(proceedings: Proceedings) -> dict[str, str]:
    files = {n: c for n, c in citation_files(proceedings).items() if n.endswith(".bib")}
    return {**files, "volume.bib": volume_files(proceedings)["volume.bib"]}


# BibTeX: keys, fields, encoding ----------------------------------------------------------------


def test_keys_are_pinned_valid_and_unique(real: Loaded, complete: Proceedings) -> None:
    volume = real.proceedings.volume
    assert [entry(p, volume).key for p in real.proceedings.papers] == REAL_KEYS
    keys = [entry(p, complete.volume).key for p in complete.papers]
    assert keys == ["testcite25-scale-gpu", "testcite25-specials", "testcite25-gone"]
    for key in [*REAL_KEYS, *keys]:
        assert KEY_RE.match(key) and key.isascii(), key


def test_complete_entry_has_every_field_in_the_fixed_order(complete: Proceedings) -> None:
    paper = complete.paper("scale-gpu")
    names = [name for name, _ in entry(paper, complete.volume).fields]
    assert names == list(FIELD_ORDER)
    text = bibtex_entry(paper, complete.volume)
    assert text.startswith("@inproceedings{testcite25-scale-gpu,\n")
    assert "  month     = nov,\n" in text  # a macro, unquoted: the paper's own date
    assert "  pages     = {1--6},\n" in text
    assert "  numpages  = {6},\n" in text
    assert (
        "  booktitle = {Proceedings of the 1st Workshop on Testing Citations for {AI} "
        "({TESTCITE} '25), {December 1--4, 2025, Hong Kong, Hong Kong}},\n"
    ) in text
    assert "  isbn      = {978-1-4503-1234-9},\n" in text
    assert "  url       = {https://doi.org/10.5555/1234567.0001}\n}\n" in text


def test_real_entries_follow_the_order_and_leave_unknowns_out(real: Loaded) -> None:
    volume = real.proceedings.volume
    for paper in real.proceedings.papers:
        names = [name for name, _ in entry(paper, volume).fields]
        assert names == [n for n in FIELD_ORDER if n in names]
        assert ("author" in names) == bool(paper.authors)  # never invented
        assert "key" not in names  # ACM's style would print it where the authors go
        assert "isbn" not in names and "pages" not in names  # not known
    moe = entry(real.proceedings.paper("moe-load-balancing"), volume)
    assert moe.value("numpages") == "7"
    # What ACM prints after "In": proceedings (series), the conference's dates and place.
    assert moe.value("booktitle") == (
        "Proceedings of the 1st Workshop on Inter-networking challenges for {AI} "
        "({INET4AI} '25), {December 1--4, 2025, Hong Kong, Hong Kong}"
    )
    assert moe.value("series") is None and moe.value("location") is None
    assert moe.value("publisher") == "ACM"
    assert moe.value("address") == "New York, NY, USA"  # the publisher's place


@pytest.mark.parametrize(
    ("word", "protect"),
    [
        ("MoE", True), ("GPU", True), ("GPUs", True), ("SCALE-CCL", True), ("INET4AI", True),
        ("5G", True), ("eBPF", True), ("AI", True), ("KV-cache", True), ("Latency-Optimal", False),
        ("Wide-Area", False), ("A", False), ("Self-supervised", False), ("You've", False),
    ],
)  # fmt: skip
def test_which_words_are_protected(word: str, protect: bool) -> None:
    assert needs_protection(word) is protect


def test_titles_protect_acronyms_and_encode_names(real: Loaded) -> None:
    volume = real.proceedings.volume
    titles = {p.id: entry(p, volume).value("title") for p in real.proceedings.papers}
    assert titles["moe-load-balancing"] == (
        "Latency-Optimal Load Balancing for Distributed {MoE} Inference"
    )
    assert titles["scale-ccl"] == (
        "{SCALE-CCL}: A Scalable Collective Communication Library for Wide-Area Distributed "
        "Training"
    )
    assert titles["nano-cluster"] == (  # '--' as written: LaTeX would join it into a dash
        "You've got a few {GPUs}, now what?! -{}- Experimenting with a Nano-Cluster for "
        "Distributed Training of {AI} Models"
    )
    authors = entry(real.proceedings.paper("scale-ccl"), volume).value("author") or ""
    assert 'Ibrahimi, M{\\"e}m{\\"e}dhe' in authors
    assert "Di Cicco, Nicola" in authors
    assert volume_files(real.proceedings)["volume.bib"].isascii()


def test_specials_are_escaped_and_names_grouped(complete: Proceedings) -> None:
    specials = entry(complete.paper("specials"), complete.volume)
    assert specials.value("title") == (
        r"{Q{\&}A} on 100{\%} of {\$}5 {\#}1 a{\_}b {\textbraceleft}x{\textbraceright} "
        r"{\textasciitilde} {\textasciicircum} {\textbackslash} costs: what?!"
    )
    assert specials.value("author") == "{The INET Consortium} and O'Neil, Ann"
    names = entry(complete.paper("scale-gpu"), complete.volume).value("author")
    assert names == (
        'Ibrahimi, M{\\"e}m{\\"e}dhe and Di Cicco, Nicola and van der Berg, Zo{\\"e} and '
        "N{\\'u}{\\~n}ez-{\\L}ukasiewicz, Jos{\\'e} {\\~N}."
    )
    assert volume_files(complete)["volume.bib"].isascii()


# Characters whose LaTeX form pylatexenc decodes back exactly (it turns '--' into a dash, '~'
# into a space, '^' into a modifier letter and braces into groups, so those are left out).
DECODABLE = "abcXYZ019 &%$#_:?!(),.'/ëéñüçàîõŁØßÆœÅøİ"
# Every character from space to the end of Latin Extended-B, then samples of other scripts,
# combining marks, symbols and emoji: deterministic, so no example database is written.
EVERY_KIND = "".join(map(chr, range(0x20, 0x250))) + (
    "ΑΒΓαβγ АБВабв 中文字 日本語 한국어 עברית العربية e\u0301 ǅ ½ ∑ → ™ 🙂 \u2028x\u00a0y"
)


@pytest.mark.parametrize(
    "text",
    [DECODABLE, DECODABLE[::-1], *(DECODABLE[i:] + DECODABLE[:i] for i in range(1, 40, 3))],
)
def test_encoded_text_decodes_to_the_original(text: str) -> None:
    decoded = LatexNodes2Text().latex_to_text(protected(text))
    assert " ".join(decoded.split()) == " ".join(text.split())


@pytest.mark.parametrize(
    ("text", "encoded"),
    [
        ("now what?! -- Experimenting", "now what?! -{}- Experimenting"),
        ("a---b", "a-{}-{}-b"),
        ("''q'' ``q``", "'{}'q'{}' `{}`q`{}`"),
        ("Why?` Yes!`", "Why?{}` Yes!{}`"),
        (",,q", ",{},q"),
        ("December 1\u20134 \u2014 x", "December 1--4 --- x"),  # dashes as LaTeX writes them
    ],
)
def test_characters_latex_would_join_stay_apart(text: str, encoded: str) -> None:
    # LaTeX's fonts join '--' into a dash, "''" into a quote, '?`' into '¿': the text holds
    # the characters themselves (a dash is written as one, U+2013).
    assert protected(text) == encoded
    assert " ".join(LatexNodes2Text().latex_to_text(encoded).split()) == text


@pytest.mark.parametrize("start", range(0, len(EVERY_KIND), 37))
def test_any_title_gives_a_well_formed_entry(start: int) -> None:
    title = EVERY_KIND[start : start + 60]
    value = protected(title)
    assert balanced(value)
    assert "\n" not in value
    text = bibtex_entry(
        Paper(id="p", title=title), Volume(title="Proceedings", short_title="P '25", year=2025)
    )
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert library.entries[0]["title"] == value
    assert pybtex_parse(text, "bibtex").entries["p25-p"].fields["title"] == value


def published(paper: Paper, fields: tuple[tuple[str, str], ...]) -> Paper:
    """The paper as its volume loads it with a papers.bib entry of ``fields``."""
    problems = Problems()
    entry = PublisherEntry(paper.id, "inproceedings", fields, Location("papers.bib"))
    (out,) = attach_publisher_fields([paper], [entry], problems)
    assert problems.errors == []
    return out


def test_publisher_fields_win(real: Loaded) -> None:
    volume = real.proceedings.volume
    paper = published(
        real.proceedings.paper("moe-load-balancing"),
        (
            ("doi", "10.1145/3769695.3771675"),
            ("pages", "21--27"),
            ("isbn", "979-8-4007-0000-0"),
            ("url", "https://example.org/paper%20one.pdf"),  # '%' is no LaTeX comment here
            ("month", "December"),
            ("articleno", "4"),
            ("abstract", r"We balance {MoE} load \& more."),
            ("keywords", "broken {value"),  # unbalanced: written as escaped text instead
        ),
    )
    e = entry(paper, volume)
    assert e.value("pages") == "21--27"
    assert e.value("isbn") == "979-8-4007-0000-0"
    assert e.value("month") == "dec"
    assert e.value("numpages") == "7"
    assert [n for n, _ in e.fields][-3:] == ["abstract", "articleno", "keywords"]
    assert e.value("abstract") == r"We balance {MoE} load \& more."
    assert e.value("keywords") == r"broken {\textbraceleft}value"
    f = facts(paper, volume)
    assert (f.first_page, f.last_page, f.isbn) == ("21", "27", "979-8-4007-0000-0")
    assert f.url == "https://example.org/paper%20one.pdf"
    assert "UR  - https://example.org/paper%20one.pdf\n" in paper_ris(paper, volume)
    assert "SP  - 21\n" in paper_ris(paper, volume)
    assert json.loads(paper_csl(paper, volume))[0]["page"] == "21-27"
    library = bibtexparser.parse_string(format_entry(e))
    assert library.failed_blocks == []
    unknown = real.proceedings.paper("traffic-inversion")
    named = published(unknown, (("author", r"Example, Ada and others"),))
    assert entry(named, volume).value("author") == "Example, Ada and others"
    # ACM's export of the proceedings line (series and location, which ACM's style prints
    # out of place) gives way to ours, made of the same facts.
    exported = published(
        unknown,
        (
            ("booktitle", "Proceedings of the 1st Workshop on Inter-networking challenges for AI"),
            ("series", "INET4AI '25"),
            ("location", "Hong Kong, Hong Kong"),
        ),
    )
    assert entry(exported, volume).fields == entry(unknown, volume).fields


def test_a_publisher_papers_bib_in_the_data_folder_wins(tmp_path: Path) -> None:
    data = write_complete(tmp_path / "data")
    (data / "papers.bib").write_text(
        "@inproceedings{10.5555/1234567.0002,\n"
        "  author = {{The INET Consortium} and O'Neil, Ann},\n"
        "  title = {{Q\\&A} on 100\\% of \\$5},\n"
        "  year = {2025},\n"
        "  isbn = {9781450312349},\n"
        "  doi = {10.5555/1234567.0002},\n"
        "  pages = {101--106},\n"
        "  numpages = {6},\n"
        "  articleno = {2},\n"
        "  month = dec,\n"
        "}\n",
        encoding="utf-8",
    )
    proceedings = load(data).proceedings
    paper = proceedings.paper("specials")
    e = entry(paper, proceedings.volume)
    assert e.value("pages") == "101--106" and e.value("isbn") == "9781450312349"
    assert e.value("title") == r"{Q\&A} on 100\% of \$5"
    assert e.value("month") == "dec" and e.value("articleno") == "2"
    record = rispy.loads(paper_ris(paper, proceedings.volume))[0]
    assert (record["start_page"], record["end_page"]) == ("101", "106")
    assert acm_reference(paper, proceedings.volume).endswith(  # as ACM's style prints it
        "ACM, New York, NY, USA, Article 2, 6 pages. https://doi.org/10.5555/1234567.0002"
    )
    assert bibtexparser.parse_string(volume_files(proceedings)["volume.bib"]).failed_blocks == []


@pytest.mark.parametrize(
    ("pages", "first", "last", "count"),
    [
        ("12--18", "12", "18", 7), ("12-18", "12", "18", 7), ("12–18", "12", "18", 7),
        ("2:1--2:7", "2:1", "2:7", None), ("e5--e9", "e5", "e9", None), ("7", "7", "7", 1),
    ],
)  # fmt: skip
def test_page_ranges_in_every_spelling(
    pages: str, first: str, last: str, count: int | None, real: Loaded
) -> None:
    """One parser reads a range, wherever it is written: papers.yaml and papers.bib alike."""
    own = replace(real.proceedings.paper("scale-ccl"), pages=pages)
    assert (own.first_page, own.last_page, own.page_count) == (first, last, count)
    paper = published(real.proceedings.paper("scale-ccl"), (("pages", pages),))
    f = facts(paper, real.proceedings.volume)
    assert (f.first_page, f.last_page, f.page_count) == (first, last, count)
    assert entry(paper, real.proceedings.volume).value("pages") == pages  # the publisher's own
    ris = paper_ris(paper, real.proceedings.volume)
    assert f"SP  - {first}\n" in ris and (f"EP  - {last}\n" in ris) == (first != last)


def test_withdrawn_papers_get_no_citation_files(complete: Proceedings) -> None:
    gone = complete.paper("gone")
    assert render_paper(gone, complete.volume) == {}
    assert not [name for name in citation_files(complete) if name.startswith("gone.")]
    assert sorted(citation_files(complete)) == sorted(
        f"{pid}{suffix}"
        for pid in ("scale-gpu", "specials")
        for suffix in (".bib", ".json", ".ris")
    )
    for name, text in volume_files(complete).items():
        assert "Withdrawn Paper" not in text, name
        assert "gone" not in text, name


@pytest.mark.parametrize("which", ["real", "complete"])
def test_volume_files_joined_from_paper_files_equal_whole_volume_renders(
    which: str, real: Loaded, complete: Proceedings
) -> None:
    # The build joins the papers' files (reusing unchanged ones) instead of rendering again:
    # the same text as rendering the whole volume at once.
    proceedings = real.proceedings if which == "real" else complete
    volume, published = proceedings.volume, proceedings.published
    assert volume_files(proceedings) == {
        "volume.bib": "\n".join(bibtex_entry(p, volume) for p in published),
        "volume.ris": "\n".join(paper_ris(p, volume) for p in published),
        "volume.json": csl_json([csl_item(facts(p, volume)) for p in published]),
    }


# BibTeX: parsed back by bibtexparser v2 and pybtex ---------------------------------------------


@pytest.mark.parametrize("which", ["real", "complete"])
def test_every_bib_parses_back_to_the_same_fields(
    which: str, real: Loaded, complete: Proceedings
) -> None:
    proceedings = real.proceedings if which == "real" else complete
    expected = {p.id: entry(p, proceedings.volume) for p in proceedings.published}
    by_key = {e.key: e for e in expected.values()}
    for name, text in bib_files(proceedings).items():
        library = bibtexparser.parse_string(text)
        assert library.failed_blocks == [], name
        keys = [e.key for e in library.entries]
        stem = name.removesuffix(".bib")
        assert keys == (list(by_key) if stem == "volume" else [expected[stem].key]), name
        for parsed in library.entries:
            assert [(f.key, f.value) for f in parsed.fields] == list(by_key[parsed.key].fields)
        database = pybtex_parse(text, "bibtex")
        assert list(database.entries) == keys
        for key, parsed_entry in database.entries.items():
            ours = dict(by_key[key].fields)
            month = ours.pop("month", None)
            authors = ours.pop("author", None)
            named = {"month": MONTHS[MONTH_MACROS.index(month)]} if month else {}
            assert dict(parsed_entry.fields) == {**ours, **named}  # pybtex expands the macro
            people = [str(p) for p in parsed_entry.persons.get("author", [])]
            paper = next(p for p in proceedings.published if expected[p.id].key == key)
            assert people == [bib_name(a) for a in paper.authors]
            assert (authors is None) == (not paper.authors)


def test_pybtex_sees_von_parts_and_corporate_names(complete: Proceedings) -> None:
    database = pybtex_parse(volume_files(complete)["volume.bib"], "bibtex")
    people = database.entries["testcite25-scale-gpu"].persons["author"]
    assert [p.last_names for p in people][1:3] == [["Di", "Cicco"], ["Berg"]]
    assert people[2].prelast_names == ["van", "der"]
    corporate = database.entries["testcite25-specials"].persons["author"][0]
    assert corporate.last_names == ["{The INET Consortium}"] and corporate.first_names == []


# BibTeX: classic bibtex (plain.bst) and biber --------------------------------------------------


def run_bibtex(folder: Path, bib: str) -> tuple[list[str], str]:
    """Run classic bibtex with plain.bst on ``bib``; its warnings and the .bbl it wrote."""
    require_tool("bibtex")
    (folder / "volume.bib").write_text(bib, encoding="ascii")
    (folder / "cite.aux").write_text(
        "\\citation{*}\n\\bibstyle{plain}\n\\bibdata{volume}\n", encoding="ascii"
    )
    done = subprocess.run(
        ["bibtex", "cite"], cwd=folder, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 2 and more: errors
    log = (folder / "cite.blg").read_text(encoding="ascii")
    assert "error message" not in log, log
    warnings = [line for line in log.splitlines() if line.startswith("Warning--")]
    count = re.search(r"\(There (?:was|were) (\d+) warnings?\)", log)
    assert (int(count.group(1)) if count else 0) == len(warnings), log
    return warnings, (folder / "cite.bbl").read_text(encoding="ascii")


def test_classic_bibtex_accepts_the_complete_volume_without_warning(
    tmp_path: Path, complete: Proceedings
) -> None:
    warnings, bbl = run_bibtex(tmp_path, volume_files(complete)["volume.bib"])
    assert warnings == []
    assert re.findall(r"\\bibitem\{([^}]+)\}", bbl) == [
        "testcite25-scale-gpu",
        "testcite25-specials",
    ]
    assert "{GPU} collectives for {MoE} over the wide-area network" in bbl  # plain lower-cases
    assert "pages 1--6" in bbl and "November 2025" in bbl  # published online 2025-11-30
    assert "pages 7--12" in bbl and "December 2025" in bbl  # the volume's month


def test_classic_bibtex_on_the_real_volume_warns_only_of_unknown_author_lists(
    tmp_path: Path, real: Loaded
) -> None:
    warnings, bbl = run_bibtex(tmp_path, volume_files(real.proceedings)["volume.bib"])
    unknown = [
        entry(p, real.proceedings.volume).key
        for p in real.proceedings.published
        if any(i.field == "authors" and i.location == p.source for i in real.incomplete)
    ]
    assert unknown == ["inet4ai25-traffic-inversion", "inet4ai25-nano-cluster"]
    assert sorted(warnings) == sorted(
        f"Warning--{what} in {key}"
        for key in unknown
        for what in ("empty author", "to sort, need author or key")
    )
    assert len(re.findall(r"\\bibitem\{", bbl)) == len(REAL_KEYS)


def run_biber(folder: Path, bib: str, *options: str) -> tuple[list[str], str]:
    """biber in tool mode (no LaTeX run needed); its WARN lines and the .bib it wrote back."""
    require_tool("biber")
    (folder / "volume.bib").write_text(bib, encoding="ascii")
    done = subprocess.run(
        ["biber", "--tool", *options, "volume.bib"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    log = (folder / "volume.bib.blg").read_text(encoding="utf-8")
    assert " ERROR - " not in log, log
    warnings = [line.split(" WARN - ", 1)[1] for line in log.splitlines() if " WARN - " in line]
    return warnings, (folder / "volume_bibertool.bib").read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["real", "complete"])
def test_biber_reads_the_volume_without_warning(
    which: str, tmp_path: Path, real: Loaded, complete: Proceedings
) -> None:
    proceedings = real.proceedings if which == "real" else complete
    warnings, output = run_biber(tmp_path, volume_files(proceedings)["volume.bib"])
    assert warnings == []
    # What biber understood, written back as UTF-8: the same people, in the same order.
    written = {e.key: e for e in bibtexparser.parse_string(output).entries}
    for paper in proceedings.published:
        record = written[entry(paper, proceedings.volume).key]
        fields = {f.key.lower(): f.value for f in record.fields}
        issued = facts(paper, proceedings.volume).issued[:2]  # biber keeps year and month
        assert fields["date"] == "-".join(f"{n:02d}" for n in issued)
        people = fields.get("author", "").replace("{", "").replace("}", "")
        assert people == " and ".join(f"{a.family}, {a.given}" if a.family else a.display_name
                                      for a in paper.authors)  # fmt: skip


def test_biber_datamodel_flags_only_acm_fields(tmp_path: Path, complete: Proceedings) -> None:
    """Validated against biblatex's data model, the only finding is ACM's own 'numpages'
    (biblatex: pagetotal), which ACM's style prints and biblatex ignores; 'address' is read
    as the publisher's place (biblatex's 'location')."""
    warnings, _ = run_biber(tmp_path, volume_files(complete)["volume.bib"], "--validate-datamodel")
    expected = {
        f"Datamodel: Entry '{key}' (volume.bib): Field 'numpages' invalid in data model - ignoring"
        for key in ("testcite25-scale-gpu", "testcite25-specials")
    }
    assert set(warnings) == expected and len(warnings) == len(expected)


# RIS -------------------------------------------------------------------------------------------

RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - .*$")


@pytest.mark.parametrize("which", ["real", "complete"])
def test_ris_parses_back_one_record_per_paper(
    which: str, real: Loaded, complete: Proceedings
) -> None:
    proceedings = real.proceedings if which == "real" else complete
    text = volume_files(proceedings)["volume.ris"]
    for line in text.splitlines():
        assert line == "" or RIS_LINE.match(line), line
    records = rispy.loads(text)
    assert len(records) == len(proceedings.published) == text.count("\nER  - \n")
    for paper, record in zip(proceedings.published, records, strict=True):
        assert record["type_of_reference"] == "CONF"
        assert record["title"] == paper.title
        # rispy names tags, not their CONF meanings: T2 conference name, C3 proceedings title,
        # T3 series, C1 place published, CY conference location.
        event = proceedings.volume.event
        assert event is not None
        assert record["secondary_title"] == event.name
        assert record["custom3"] == proceedings.volume.title
        assert record["tertiary_title"] == proceedings.volume.short_title
        assert record["year"] == str(proceedings.volume.year)
        assert record["publisher"] == "ACM"
        assert record["custom1"] == "New York, NY, USA"
        assert record["place_published"] == "Hong Kong, Hong Kong"  # as ACM prints it
        assert record["doi"] == paper.doi
        assert record["urls"] == [f"https://doi.org/{paper.doi}"]
        assert record.get("authors", []) == [
            f"{a.family}, {a.given}" if a.family else a.display_name for a in paper.authors
        ]
        assert rispy.loads(paper_ris(paper, proceedings.volume)) == [record]


def test_ris_carries_pages_dates_isbn_pdf_and_one_line_values(complete: Proceedings) -> None:
    (record,) = rispy.loads(paper_ris(complete.paper("scale-gpu"), complete.volume))
    assert (record["start_page"], record["end_page"]) == ("1", "6")
    assert record["date"] == "2025/11/30/"
    assert record["issn"] == "978-1-4503-1234-9"  # rispy names SN 'issn'; it holds the ISBN
    assert record["file_attachments1"] == "https://example.org/papers/scale-gpu.pdf"
    assert record["keywords"] == ["collectives", "GPU"]
    assert record["abstract"].endswith('"utilization". A second paragraph, with </script> in it.')


def test_ris_date_is_as_precise_as_the_data(real: Loaded, complete: Proceedings) -> None:
    text = paper_ris(real.proceedings.paper("scale-ccl"), real.proceedings.volume)
    assert "DA  - " not in text and "PY  - 2025\n" in text  # only the year is known
    assert "DA  - 2025/11/30/\n" in paper_ris(
        real.proceedings.paper("moe-load-balancing"), real.proceedings.volume
    )
    assert "DA  - 2025/12//\n" in paper_ris(complete.paper("specials"), complete.volume)


def test_every_format_gives_one_date_as_precise_as_known(
    real: Loaded, complete: Proceedings
) -> None:
    """The paper's day when the data gives it, else the volume's month, else its year alone,
    alike in BibTeX, RIS, CSL-JSON and the head tags; never a month no source gives."""
    cases = [
        (real.proceedings, "moe-load-balancing", "nov", "2025/11/30/", [2025, 11, 30]),
        (real.proceedings, "scale-ccl", None, None, [2025]),
        (complete, "specials", "dec", "2025/12//", [2025, 12]),
    ]
    for proceedings, paper_id, month, ris, csl in cases:
        paper, volume = proceedings.paper(paper_id), proceedings.volume
        assert entry(paper, volume).value("month") == month, paper_id
        dates = [line[6:] for line in paper_ris(paper, volume).splitlines() if line[:2] == "DA"]
        assert dates == ([ris] if ris else []), paper_id
        (item,) = json.loads(paper_csl(paper, volume))
        assert item["issued"] == {"date-parts": [csl]}, paper_id
        record = facts(paper, volume)
        assert json_ld(record, page_url=None, pdf_url=None)["datePublished"] == "-".join(
            f"{n:02d}" for n in csl
        )
        scholar = dict(highwire_tags(record, pdf_url=None))["citation_publication_date"]
        assert scholar == ("/".join(f"{n:02d}" for n in csl) if len(csl) == 3 else "2025")


# CSL-JSON --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def csl_validator() -> jsonschema.Draft7Validator:
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize("which", ["real", "complete"])
def test_csl_json_validates_against_the_schema(
    which: str, real: Loaded, complete: Proceedings, csl_validator: jsonschema.Draft7Validator
) -> None:
    proceedings = real.proceedings if which == "real" else complete
    files = {n: c for n, c in citation_files(proceedings).items() if n.endswith(".json")}
    files["volume.json"] = volume_files(proceedings)["volume.json"]
    for name, text in files.items():
        errors = [e.message for e in csl_validator.iter_errors(json.loads(text))]
        assert errors == [], name
    items = json.loads(files["volume.json"])
    assert [i["id"] for i in items] == [
        entry(p, proceedings.volume).key for p in proceedings.published
    ]
    assert {i["type"] for i in items} == {"paper-conference"}


def test_csl_json_values(complete: Proceedings, real: Loaded) -> None:
    (item,) = json.loads(paper_csl(complete.paper("scale-gpu"), complete.volume))
    assert item["author"][0] == {"family": "Ibrahimi", "given": "Mëmëdhe"}
    assert item["issued"] == {"date-parts": [[2025, 11, 30]]}
    assert item["event-date"] == {"date-parts": [[2025, 12, 1], [2025, 12, 4]]}
    assert (item["page"], item["page-first"], item["number-of-pages"]) == ("1-6", "1", "6")
    assert (item["ISBN"], item["event-place"]) == ("978-1-4503-1234-9", "Hong Kong, Hong Kong")
    (corporate,) = json.loads(paper_csl(complete.paper("specials"), complete.volume))
    assert corporate["author"][0] == {"literal": "The INET Consortium"}
    (unknown,) = json.loads(paper_csl(real.proceedings.paper("scale-ccl"), real.proceedings.volume))
    assert unknown["issued"] == {"date-parts": [[2025]]}  # no month is known: none is guessed
    assert "page" not in unknown and "ISBN" not in unknown


NOCASE = '<span class="nocase">{}</span>'.format


def test_csl_json_protects_the_case_of_every_field_styles_re_case(real: Loaded) -> None:
    (item,) = json.loads(
        paper_csl(real.proceedings.paper("moe-load-balancing"), real.proceedings.volume)
    )
    moe = NOCASE("MoE")
    assert item["title"] == f"Latency-Optimal Load Balancing for Distributed {moe} Inference"
    assert item["container-title"] == (
        f"Proceedings of the 1st Workshop on Inter-networking challenges for {NOCASE('AI')}"
    )
    assert item["collection-title"] == f"{NOCASE('INET4AI')} '25"
    assert item["event"] == (
        f"{NOCASE('ACM')} {NOCASE('CoNEXT')} 2025, the 21st International Conference on "
        f"emerging Networking {NOCASE('EXperiments')} and Technologies"
    )
    assert csl_text("SCALE-CCL: a KV-cache (GPUs),  for AI") == (
        f"{NOCASE('SCALE-CCL')}: a {NOCASE('KV-cache')} ({NOCASE('GPUs')}),  for {NOCASE('AI')}"
    )
    # Unchanged elsewhere: the plain facts, and fields no style re-cases.
    assert item["publisher"] == "ACM" and item["event-place"] == "Hong Kong, Hong Kong"


@pytest.mark.parametrize(
    ("text", "rich"),
    [
        ("a < b & c > d", "a < b & c > d"),
        ("&lt;i&gt; &amp;", "&lt;i&gt; &amp;"),
        ("<i>x</i>", f"{NOCASE('<i')}>x{NOCASE('</i')}>"),
        ('<span class="nocase">', f'{NOCASE("<span")} class="nocase">'),
        ("a </span> b </ c", f"a {NOCASE('</span')}> b {NOCASE('</')} c"),
        ("<MoE>", NOCASE("<MoE") + NOCASE(">")),  # side by side: citeproc-py does not nest
    ],
)
def test_csl_json_text_is_never_read_as_markup(text: str, rich: str) -> None:
    # citeproc-js and pandoc read only the literal tags and decode no entities, so '&' and a
    # '<' that starts no tag stay as they are.
    assert csl_text(text) == rich


@pytest.mark.parametrize("which", ["real", "complete"])
def test_citeproc_renders_every_item(which: str, real: Loaded, complete: Proceedings) -> None:
    proceedings = real.proceedings if which == "real" else complete
    items = json.loads(volume_files(proceedings)["volume.json"])
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), citeproc_formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = sorted(str(e) for e in bibliography.bibliography())
    assert len(rendered) == len(proceedings.published)
    for paper in proceedings.published:
        (line,) = [r for r in rendered if paper.title in r]
        assert f"https://doi.org/{paper.doi}" in line
        assert "(2025)" in line and proceedings.volume.title in line
        if paper.authors and paper.authors[0].family:
            assert line.startswith(paper.authors[0].family)


# ACM Reference Format --------------------------------------------------------------------------


def test_acm_reference_matches_the_one_printed_in_the_paper(real: Loaded) -> None:
    paper = real.proceedings.paper("moe-load-balancing")
    assert acm_reference(paper, real.proceedings.volume) == acm_reference_in_facts()


def test_acm_reference_keeps_its_format_for_the_others(real: Loaded, complete: Proceedings) -> None:
    volume = real.proceedings.volume
    # Without an author list, what ACM's style prints for such an entry: the year first, the
    # title once, nothing a reader would paste as if it were a name.
    assert acm_reference(real.proceedings.paper("traffic-inversion"), volume) == (
        "2025. Self-supervised Application-level Network Traffic Inversion. In Proceedings of "
        "the 1st Workshop on Inter-networking challenges for AI (INET4AI '25), December "
        "1\u20134, 2025, Hong Kong, Hong Kong. ACM, New York, NY, USA. "
        "https://doi.org/10.1145/3769695.3771674"
    )
    assert acm_reference(real.proceedings.paper("nano-cluster"), volume).startswith(
        "2025. You've got a few GPUs, now what?! -- Experimenting with a Nano-Cluster for "
        "Distributed Training of AI Models. In Proceedings"
    )
    # A period after the title whatever it ends with, as acmart prints it ("what?!."); the
    # page range when the pages are known.
    assert acm_reference(complete.paper("specials"), complete.volume).startswith(
        "The INET Consortium and Ann O'Neil. 2025. Q&A on 100% of $5 #1 a_b {x} ~ ^ \\ costs: "
        "what?!. In Proceedings of the 1st Workshop on Testing Citations for AI (TESTCITE '25)"
    )
    assert acm_reference(complete.paper("specials"), complete.volume).endswith(
        "ACM, New York, NY, USA, 7\u201312. https://doi.org/10.5555/1234567.0002"
    )
