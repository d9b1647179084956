"""Hostile text through the pure renderers, read back by the programs that consume each format:
bibtexparser and pybtex (.bib), rispy (.ris), json and the CSL schema (.json), icalendar (.ics),
an HTML parser (<meta> tags, JSON-LD) and the MathML renderer. No Sphinx build: many examples."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from functools import cache
from html.parser import HTMLParser

import bibtexparser
import jsonschema
import pytest
import rispy
from citeproc.source.json import CiteProcJSON
from hypothesis import example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pybtex.database import parse_string as pybtex_parse
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from tests.conftest import CORPORA
from tests.hostile_text import FRAGMENTS, KEPT_CHARS, PURE, hostile_text, kept, long_text, words
from tools.proceedings.model import Author, Event, Links, Paper, Proceedings, Volume
from tools.proceedings.render.citation import head
from tools.proceedings.render.citation.bibtex import balanced, bibtex_entry, entry, latex
from tools.proceedings.render.citation.csl import paper_csl
from tools.proceedings.render.citation.record import citation_key, facts
from tools.proceedings.render.citation.ris import paper_ris
from tools.program.model import Dates, Item, ItemKind, Person, Program, Session, Source, Workshop
from tools.program.render.calendar import Site, program_file

TEXT = hostile_text()
LINE = hostile_text(line_breaks=False)
NAME = hostile_text(max_pieces=3, line_breaks=False)
# DOI suffixes and URL paths: anything without whitespace or controls passes validation.
NO_SPACE = hostile_text(max_pieces=3).map(lambda t: "".join(t.split()))


@st.composite
def authors(draw: st.DrawFn) -> tuple[Author, ...]:
    out = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            out.append(Author(given=draw(NAME), family=draw(NAME), affiliations=(draw(LINE),)))
        else:
            out.append(Author(given="", family="", name=draw(NAME)))
    return tuple(out)


@st.composite
def volumes(draw: st.DrawFn) -> Volume:
    event = Event(
        name=draw(LINE),
        start=dt.date(2025, 12, 1),
        end=dt.date(2025, 12, 4),
        city=draw(LINE),
        country=draw(LINE),
    )
    return Volume(
        title=draw(LINE),
        short_title=draw(LINE),
        year=2025,
        month=draw(st.none() | st.integers(1, 12)),
        publisher=draw(LINE),
        publisher_address=draw(LINE),
        isbn=draw(st.none() | NO_SPACE),
        event=event,
    )


@st.composite
def papers(draw: st.DrawFn, title: st.SearchStrategy[str] = TEXT) -> Paper:
    return Paper(
        id="p1",
        title=draw(title),
        authors=draw(authors()),
        abstract=draw(st.none() | TEXT),
        keywords=tuple(draw(st.lists(LINE, max_size=3))),
        pages=draw(st.none() | LINE),
        doi=draw(st.none() | NO_SPACE.map(lambda s: "10.1234/" + s)),
        links=Links(pdf=draw(st.none() | NO_SPACE.map(lambda s: "https://example.org/" + s))),
    )


@cache
def decoder() -> LatexNodes2Text:
    """pylatexenc's LaTeX-to-text, knowing the text-mode macros our encoder writes."""
    db = get_default_latex_context_db()
    macros = {
        "textbraceleft": "{",
        "textbraceright": "}",
        "textasciicircum": "^",
        "textperiodcentered": "·",  # pylatexenc reads it as U+02D9, a dot above
    }
    specs = [MacroTextSpec(name, text) for name, text in macros.items()]
    db.add_context_category("hostile-tests", prepend=True, macros=specs)
    return LatexNodes2Text(latex_context=db)


# What LaTeX makes of plain text by design: '--' is an en dash, '' a closing quote (and our
# encoder writes " as ''), ﬁ is f and i. The decoded text is compared in this form.
LIGATURES = (("---", "—"), ("--", "–"), ("''", '"'), ("``", '"'), ("”", '"'), ("“", '"'))


def canonical(text: str) -> str:
    text = words(unicodedata.normalize("NFKC", text))
    for source, target in LIGATURES:
        text = text.replace(source, target)
    return text


def decoded(latex: str) -> str:
    return canonical(decoder().latex_to_text(latex))


# BibTeX ----------------------------------------------------------------------------------------


# pylatexenc 2.11's table writes these letters as other letters or as macros that LaTeX rejects
# in text: see test_letters_keep_their_identity_in_bibtex, which fails until bibtex.py fixes them.
MISENCODED = {
    "ű": r"\H{u}", "Ű": r"\H{U}",  # double acute, not acute: Hungarian names (Szűcs)
    "Ħ": "Ħ", "ħ": "ħ", "Ŧ": "Ŧ", "ŧ": "ŧ",  # letters with a stroke, not a macron (Maltese)
    "Ŀ": "Ŀ", "ŀ": "ŀ",  # a middle dot, not a dot above (Catalan)
    "ĸ": "ĸ",  # kra, not a small capital k
    "ɛ": "ɛ",  # open e: \varepsilon is math only ("Missing $ inserted")
    "ŉ": "ŉ",  # \nument{149} is no LaTeX macro ("Undefined control sequence")
    "Ѓ": "Ѓ", "ѓ": "ѓ", "Ќ": "Ќ", "ќ": "ќ",  # an acute, not a grave (Macedonian)
}  # fmt: skip


@cache
def decodes_back(char: str) -> bool:
    """Whether pylatexenc can serve as the oracle for ``char``: a Latin letter our encoder is
    right about, or a character the encoder leaves as it is (CJK, Hebrew, emoji)."""
    if char in MISENCODED or not kept(char):
        return False
    return ord(char) < 0x250 or latex(char) == char


TRUSTED_CHARS = KEPT_CHARS.filter(decodes_back)
TRUSTED = hostile_text(
    chars=TRUSTED_CHARS, fragments=tuple(f for f in FRAGMENTS if all(map(decodes_back, f)))
)


@PURE
@given(papers(), volumes())
def test_bibtex_parses_back_to_the_same_fields(paper: Paper, volume: Volume) -> None:
    text = bibtex_entry(paper, volume)
    ours = entry(paper, volume)
    assert all(balanced(value) for _, value in ours.fields)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == [citation_key(paper, volume)]
    assert [(f.key, f.value) for f in library.entries[0].fields] == list(ours.fields)
    database = pybtex_parse(text, "bibtex")
    parsed = database.entries[ours.key]
    expected = {k: v for k, v in ours.fields if k not in ("author", "month")}
    assert {k: v for k, v in parsed.fields.items() if k != "month"} == expected
    assert len(parsed.persons.get("author", [])) == len(paper.authors)


@PURE
@given(TRUSTED, TRUSTED.map(words), hostile_text(chars=TRUSTED_CHARS, max_pieces=2))
@example("T", "P", "Ụ̈")  # a combining mark NFC cannot join: pylatexenc dropped it
def test_bibtex_values_decode_back_to_the_text(title: str, publisher: str, family: str) -> None:
    volume = Volume(title="P", short_title="P '25", year=2025, publisher=publisher)
    paper = Paper(id="p1", title=title, authors=(Author(given="A", family=family),))
    ours = entry(paper, volume)
    assert decoded(ours.value("title") or "") == canonical(title)
    assert decoded(ours.value("publisher") or "") == canonical(publisher)
    person = pybtex_parse(bibtex_entry(paper, volume), "bibtex").entries[ours.key]
    (author,) = person.persons["author"]
    # Lower-case words lead a 'von' part, as in "van der Berg": together they are the family.
    assert decoded(" ".join(author.prelast_names + author.last_names)) == canonical(family)


@settings(parent=PURE, max_examples=15)
@given(long_text(), volumes())
def test_bibtex_of_a_very_long_title_is_one_well_formed_entry(title: str, volume: Volume) -> None:
    text = bibtex_entry(Paper(id="p1", title=title), volume)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == [] and len(library.entries) == 1
    assert "\n" not in library.entries[0]["title"]


@pytest.mark.parametrize("char", sorted(MISENCODED))
def test_letters_keep_their_identity_in_bibtex(char: str) -> None:
    """Fails with pylatexenc's own table (bibtex.py must override these entries)."""
    right = MISENCODED[char]
    assert latex(f"Sz{char}cs") in (f"Sz{{{right}}}cs", f"Sz{right}cs")


# RIS --------------------------------------------------------------------------------------------


@PURE
@given(papers(), volumes())
def test_ris_is_one_record_with_every_value_on_its_line(paper: Paper, volume: Volume) -> None:
    text = paper_ris(paper, volume)
    records = rispy.loads(text)
    assert len(records) == 1
    record = records[0]
    assert record["title"] == words(paper.title)
    assert record["custom3"] == words(volume.title)  # C3, the proceedings title of TY CONF
    assert record.get("authors", []) == [
        words(f"{a.family}, {a.given}" if a.family else a.display_name) for a in paper.authors
    ]
    assert record.get("keywords", []) == [words(k) for k in paper.keywords]
    if paper.abstract:
        assert record["abstract"] == " ".join(words(p) for p in paper.paragraphs)
    assert text.endswith("ER  - \n") and text.count("\nER  - ") == 1


# CSL-JSON ---------------------------------------------------------------------------------------


@cache
def csl_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((CORPORA / "csl-data.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


@PURE
@given(papers(), volumes())
def test_csl_json_keeps_the_text_exactly_and_fits_the_schema(paper: Paper, volume: Volume) -> None:
    items = json.loads(paper_csl(paper, volume))
    csl_validator().validate(items)
    (item,) = items
    # Re-cased fields are rich text (nocase spans): the text is what a CSL-JSON reader gets.
    read = CiteProcJSON([]).parse_string
    assert str(read(item["title"])) == paper.title
    assert str(read(item["container-title"])) == volume.title
    assert str(read(item["collection-title"])) == volume.short_title
    names = item.get("author", [])
    assert [n.get("literal") or n["family"] for n in names] == [
        a.family or a.display_name for a in paper.authors
    ]
    if paper.doi:
        assert item["DOI"] == paper.doi


# <head>: Highwire <meta> tags and JSON-LD -------------------------------------------------------


class HeadReader(HTMLParser):
    """Every element of an HTML fragment, with its attributes and the text of <script>s."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts.append("")

    def handle_data(self, data: str) -> None:
        if self.scripts and self.elements[-1][0] == "script":
            self.scripts[-1] += data


def read_head(html: str) -> HeadReader:
    reader = HeadReader()
    reader.feed(html)
    reader.close()
    return reader


@PURE
@given(papers(), volumes())
def test_meta_tags_and_json_ld_hold_the_text_as_values(paper: Paper, volume: Volume) -> None:
    record = facts(paper, volume)
    tags = head.highwire_tags(record, pdf_url=paper.links.pdf)
    reader = read_head(head.meta_html(tags))
    assert [tag for tag, _ in reader.elements] == ["meta"] * len(tags)
    assert [(a["name"], a["content"]) for _, a in reader.elements] == tags
    assert ("citation_title", words(paper.title)) in tags
    data = head.json_ld(record, page_url="https://example.org/p1.html", pdf_url=paper.links.pdf)
    script = read_head(head.json_ld_script(data))
    assert [tag for tag, _ in script.elements] == ["script"]
    assert json.loads(script.scripts[0]) == data
    assert data["name"] == paper.title


@PURE
@given(TEXT)
def test_description_is_plain_text_within_its_length(abstract: str) -> None:
    paper = Paper(id="p1", title="T", abstract=abstract)
    volume = Volume(title="V", short_title="V '25", year=2025)
    text = head.description(paper, volume)
    assert len(text) <= head.DESCRIPTION_LENGTH
    reader = read_head(head.meta_html([("description", text)]))
    assert reader.elements == [("meta", {"name": "description", "content": text})]


# iCalendar --------------------------------------------------------------------------------------

WORKSHOP = Workshop("EXW 2025", "Example workshop", dt.date(2025, 12, 1), "Asia/Hong_Kong", "Hall")
DATES = Dates(WORKSHOP, ())
SITE = Site(lambda doc, anchor: f"https://example.org/{doc}.html", "example.org")


@PURE
@given(st.lists(papers(), min_size=1, max_size=3), LINE, LINE)
def test_calendar_events_carry_titles_and_names_as_text(
    drawn: list[Paper], presenter: str, note: str
) -> None:
    listed = tuple(Paper(id=f"p{i}", title=p.title, authors=p.authors) for i, p in enumerate(drawn))
    proceedings = Proceedings(Volume("V", "V '25", 2025), listed)
    source = Source("program/index", 1, "program/index.md")
    talks = [
        Item(ItemKind.PAPER, i + 1, f"item-{i}", source, paper=p.id, people=(Person(presenter),))
        for i, p in enumerate(listed)
    ]
    items = (*talks, Item(ItemKind.OTHER, len(listed) + 1, "other", source, title=note))
    program = Program((Session(items, source),))
    calendar = Calendar.from_ical(program_file(program, DATES, proceedings, SITE))
    (event,) = calendar.walk("VEVENT")  # no times yet: one all-day event, the running order
    # A line break in a title breaks its running-order line too (cosmetic: see the report).
    description = words(str(event["DESCRIPTION"]))
    for i, paper in enumerate(listed):
        assert words(f"{i + 1}. Paper: {paper.title} — presented by {presenter}") in description
    assert words(f"{len(listed) + 1}. {note}") in description


# Math: the only place where data becomes elements, and only MathML ------------------------------

MATHML = {
    "math", "mi", "mn", "mo", "ms", "mtext", "mspace", "mrow", "mfrac", "msqrt", "mroot",
    "mstyle", "merror", "mpadded", "mphantom", "menclose", "msub", "msup", "msubsup", "munder",
    "mover", "munderover", "mtable", "mtr", "mtd", "semantics", "annotation", "mmultiscripts",
    "mprescripts", "none",
}  # fmt: skip
MATHML_ATTRIBUTES = {
    "xmlns", "display", "displaystyle", "scriptlevel", "mathvariant", "stretchy", "fence",
    "separator", "accent", "accentunder", "lspace", "rspace", "movablelimits", "largeop",
    "symmetric", "minsize", "maxsize", "width", "height", "depth", "linethickness", "columnalign",
    "rowalign", "columnspacing", "rowspacing", "columnlines", "rowlines", "frame", "class",
    "encoding", "notation", "bevelled", "form", "mathsize",
}  # fmt: skip


def html_of_math(latex: str) -> str:
    from docutils import nodes

    from tools.proceedings.sphinx import mathml

    rendered = mathml._mathml(latex, block=False, node=nodes.math(latex, latex))
    return rendered if rendered is not None else ""


@PURE
@given(hostile_text(max_pieces=4))
def test_math_becomes_mathml_elements_only(latex: str) -> None:
    reader = read_head(html_of_math(latex))
    for tag, attrs in reader.elements:
        assert tag in MATHML, (tag, latex)
        assert set(attrs) <= MATHML_ATTRIBUTES, (attrs, latex)
        assert not any(str(v).lower().lstrip().startswith("javascript") for v in attrs.values())


def test_known_active_latex_stays_inert() -> None:
    for source in (r"\href{javascript:alert(1)}{x}", r"\style{color:red}{x}", r"\class{x}{y}",
                  r"\url{javascript:alert(1)}", r"\text{<script>alert(1)</script>}",
                  r"\input{/etc/passwd}", r"\unicode{x3c}"):  # fmt: skip
        html = html_of_math(source)
        reader = read_head(html)
        assert {tag for tag, _ in reader.elements} <= MATHML, source
        assert "<script" not in html and "href" not in html, source
