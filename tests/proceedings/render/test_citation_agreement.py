"""Each paper's .bib, RIS and CSL-JSON say the same, read back by their parsers: the authors,
the title, the proceedings and their series, the dates and the places. The .bib says the
proceedings, the conference's dates and its place in one field (where ACM's style prints
them); RIS and CSL-JSON have a field for each."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import bibtexparser
import pytest
import rispy
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from tests.volumes import real_2025, write_complete
from tools.proceedings.load import load
from tools.proceedings.model import Paper, Proceedings
from tools.proceedings.render.citation.bibtex import MONTH_MACROS, bibtex_entry
from tools.proceedings.render.citation.csl import paper_csl
from tools.proceedings.render.citation.ris import paper_ris
from tools.proceedings.render.dates import acm_range


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Proceedings]:
    complete = load(write_complete(tmp_path_factory.mktemp("complete"))).proceedings
    return {"real": real_2025(), "complete": complete}


# pylatexenc's decoder, with the text macros our BibTeX writes that it does not know.
_LATEX = get_default_latex_context_db()
_LATEX.add_context_category(
    "text-symbols",
    prepend=True,
    macros=[
        MacroTextSpec(name, text)
        for name, text in [
            ("textbraceleft", "{"), ("textbraceright", "}"), ("textbackslash", "\\"),
            ("textasciitilde", "~"), ("textasciicircum", "^"),
        ]
    ],
)  # fmt: skip


def decoded(value: str) -> str:
    """A BibTeX value as the text LaTeX prints ('{GPUs}' -> 'GPUs', '1--4' -> '1–4')."""
    return " ".join(LatexNodes2Text(latex_context=_LATEX).latex_to_text(value).split())


def plain(rich: str) -> str:
    """CSL-JSON rich text as the text a processor prints: the nocase spans dropped."""
    return re.sub(r'<span class="nocase">(.*?)</span>', r"\1", rich)


# The .bib's booktitle: 'Proceedings ... (SERIES), Month D–D, YYYY, City, Country'.
PROCEEDINGS_LINE = re.compile(r"(?P<proceedings>.*?\)), (?P<dates>.*?\d{4}), (?P<place>.+)")


def from_bib(paper: Paper, proceedings: Proceedings) -> dict[str, Any]:
    (entry,) = bibtexparser.parse_string(bibtex_entry(paper, proceedings.volume)).entries
    fields = {f.key: f.value for f in entry.fields}
    line = PROCEEDINGS_LINE.fullmatch(decoded(fields["booktitle"]))
    assert line is not None, fields["booktitle"]
    authors = fields["author"].split(" and ") if "author" in fields else []
    return {
        "authors": [decoded(a) for a in authors],
        "title": decoded(fields["title"]),
        **line.groupdict(),
        "issued": [int(fields["year"]), *([fields["month"]] if "month" in fields else [])],
        "publisher": (fields["publisher"], fields["address"]),
    }


def from_ris(paper: Paper, proceedings: Proceedings) -> dict[str, Any]:
    """RIS has no conference dates (the .bib's are checked against CSL-JSON's)."""
    (record,) = rispy.loads(paper_ris(paper, proceedings.volume))
    month = record["date"].split("/")[1] if "date" in record else None
    return {
        "authors": record.get("authors", []),
        "title": record["title"],
        "proceedings": f"{record['custom3']} ({record['tertiary_title']})",  # C3 (T3)
        "place": record["place_published"],  # CY
        "issued": [int(record["year"]), *([MONTH_MACROS[int(month) - 1]] if month else [])],
        "publisher": (record["publisher"], record["custom1"]),  # PB, C1
    }


def from_csl(paper: Paper, proceedings: Proceedings) -> dict[str, Any]:
    (item,) = json.loads(paper_csl(paper, proceedings.volume))
    start, end = (dt.date(*parts) for parts in item["event-date"]["date-parts"])
    (issued,) = item["issued"]["date-parts"]
    return {
        "authors": [
            a["literal"] if "literal" in a else f"{a['family']}, {a['given']}"
            for a in item.get("author", [])
        ],
        "title": plain(item["title"]),
        "proceedings": f"{plain(item['container-title'])} ({plain(item['collection-title'])})",
        "dates": acm_range(start, end),
        "place": item["event-place"],
        "issued": [issued[0], *([MONTH_MACROS[issued[1] - 1]] if len(issued) > 1 else [])],
        "publisher": (item["publisher"], item["publisher-place"]),
    }


@pytest.mark.parametrize("which", ["real", "complete"])
def test_bib_ris_and_csl_json_name_the_same_facts(
    which: str, volumes: dict[str, Proceedings]
) -> None:
    proceedings = volumes[which]
    for paper in proceedings.published:
        bib = from_bib(paper, proceedings)
        assert from_csl(paper, proceedings) == bib, paper.id
        assert from_ris(paper, proceedings) == {k: v for k, v in bib.items() if k != "dates"}
        # The conference's place as ACM prints it: its city and country.
        event = proceedings.volume.event
        assert event is not None
        assert bib["place"] == f"{event.city}, {event.country}", paper.id
