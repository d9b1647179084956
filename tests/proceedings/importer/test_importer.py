"""python -m tools.proceedings import: round trips of each importer and the merge policy."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import replace
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from bibtexparser.entrypoint import parse_string
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from tests.conftest import ROOT, VOLUME_2025
from tools.proceedings import importer
from tools.proceedings.cli import main
from tools.proceedings.errors import DataError, Problems
from tools.proceedings.importer import _compare as compare
from tools.proceedings.importer import plan_import, run_import
from tools.proceedings.importer.merge import (
    STATE_FILE,
    fingerprint,
    paper_plain,
)
from tools.proceedings.importer.read import Imported, Kind, read_source, sniff
from tools.proceedings.importer.yamltext import field_lines, new_document, record_lines, scalar
from tools.proceedings.load import load
from tools.proceedings.model import PAPER_FIELDS, Author, Paper, PaperType, Status
from tools.proceedings.sources.common import untracked
from tools.proceedings.sources.data_files import read_papers_text

DATA = ROOT / "tests" / "data"
CORPORA = ROOT / "tests" / "data" / "corpora"
SITE_DATA = VOLUME_2025


def run(source: Path, data: Path, **options: object) -> tuple[int, str]:
    out = StringIO()
    console = Console(file=out, width=300, force_terminal=bool(options.pop("terminal", False)))
    code = run_import(
        source, data, console=console, dry_run=bool(options.pop("dry_run", False)), **options
    )  # type: ignore[arg-type]
    return code, out.getvalue()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with a volume and no papers yet."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(DATA / "volume.yaml", folder / "volume.yaml")
    return folder


@pytest.mark.parametrize(
    ("source", "kind", "count"),
    [
        ("hotcrp-export-example.json", "HotCRP JSON", 2),
        ("miniconf-iclr2020-papers.csv", "CSV", 687),
        ("pmlr-cpal26.bib", "PMLR-style BibTeX", 54),
        ("pmlr-acml25-original.bib", "PMLR-style BibTeX", 79),
        ("pmlr-clean-volume.bib", "PMLR-style BibTeX", 2),
    ],
)
def test_corpora_import_and_load_back(source: str, kind: str, count: int, data: Path) -> None:
    # A terminal console: the ICLR table (687 rows) shows the progress bar on the way.
    code, out = run(CORPORA / source, data, terminal=True)
    assert code == 0, out
    assert f"{count} papers from {kind}: {count} added, 0 updated, 0 unchanged" in out
    assert len(load(data).proceedings.papers) == count


@pytest.mark.parametrize(
    ("source", "authors"),
    [("papers.csv", None), ("hotcrp.json", "hotcrp-authors.csv"), ("volume.bib", None)],
)
def test_fixtures_round_trip_exactly(source: str, authors: str | None, data: Path) -> None:
    """What a reader produced is what load() reads back from the written papers.yaml."""
    authors_path = DATA / authors if authors else None
    problems = Problems()
    imported = read_source(DATA / source, problems=problems, track=untracked, authors=authors_path)
    assert imported is not None and problems.errors == []
    code, out = run(DATA / source, data, authors=authors_path)
    assert code == 0, out
    assert load(data).proceedings.papers == imported.papers  # every field, in order


def test_hotcrp_example(data: Path) -> None:
    code, out = run(CORPORA / "hotcrp-export-example.json", data)
    assert code == 0
    assert "left out 1 not accepted (1 reject)" in out
    first, second = load(data).proceedings.papers
    assert (first.id, first.title, first.keywords) == (
        "12",
        "An Example Accepted Paper",
        ("Federated learning",),
    )
    assert [a.display_name for a in first.authors] == ["Ada Example", "Bo Sample"]
    assert second.authors == (Author("Di", "Older", affiliations=("Example Institute",)),)
    assert "example.org" not in (data / "papers.yaml").read_text(encoding="utf-8")


def test_cpal26_with_its_volume(tmp_path: Path) -> None:
    code, out = run(CORPORA / "pmlr-cpal26.bib", tmp_path)
    assert code == 0
    assert "new volume.yaml from the @proceedings entry" in out
    proceedings = load(tmp_path).proceedings
    assert proceedings.volume.short_title == "CPAL 2026"
    assert proceedings.volume.event is not None
    assert proceedings.volume.event.city == "Tübingen"
    paper = proceedings.paper("schrodter26")
    assert paper.title == "Trainable Bitwise Soft Quantization for Input Feature Compression"
    assert paper.authors[0] == Author("Karsten", "Schrödter")
    assert paper.pages == "896--920"
    assert "$5\\times$ to $16\\times$" in (paper.abstract or "")
    assert len(proceedings.paper("yang26").paragraphs) == 2
    assert "semantically homogeneous batches" in (proceedings.paper("chen26a").abstract or "")


def test_existing_hand_written_file_keeps_every_byte(data: Path) -> None:
    shutil.copy(SITE_DATA / "papers.yaml", data / "papers.yaml")
    before = (data / "papers.yaml").read_text(encoding="utf-8")
    code, _ = run(CORPORA / "hotcrp-export-example.json", data)
    assert code == 0
    after = (data / "papers.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # comments, quotes and layout of the organizers' records
    assert [p.id for p in load(data).proceedings.papers][-2:] == ["12", "14"]


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("id,title,abstract\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_hand_edit_survives_and_untouched_record_follows_the_source(
    data: Path, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "v1.csv", ["p1,First title,", "p2,Second title,"])
    assert run(source, data)[0] == 0
    papers_yaml = data / "papers.yaml"
    text = papers_yaml.read_text(encoding="utf-8")
    papers_yaml.write_text(text.replace("First title", "First title, edited"), encoding="utf-8")
    write_csv(source, ["p1,First title v2,", "p2,Second title v2,Now an abstract."])
    code, out = run(source, data)
    assert code == 0
    assert "updated p2: title, abstract" in out
    assert "kept p1: title, edited by hand (the source has a new value)" in out
    assert (
        "2 papers from CSV: 0 added, 1 updated, 1 unchanged; 1 hand edits kept "
        "(1 where the source changed too); wrote papers.yaml, .import-state.json"
    ) in out
    p1, p2 = load(data).proceedings.papers
    assert (p1.title, p2.title, p2.abstract) == (
        "First title, edited",
        "Second title v2",
        "Now an abstract.",
    )


def test_same_import_twice_writes_nothing(data: Path) -> None:
    source = DATA / "papers.csv"
    assert run(source, data)[0] == 0
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data.iterdir()}
    code, out = run(source, data)
    assert code == 0
    assert "0 added, 0 updated, 2 unchanged" in out and "wrote nothing" in out
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data.iterdir()} == before


def test_a_field_removed_by_hand_stays_removed(data: Path, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "v1.csv", ["p1,Title,An abstract."])
    assert run(source, data)[0] == 0
    papers_yaml = data / "papers.yaml"
    text = papers_yaml.read_text(encoding="utf-8")
    papers_yaml.write_text(text.replace("    abstract: |-\n      An abstract.\n", ""))
    code, out = run(source, data)
    assert code == 0
    assert "kept p1: abstract, edited by hand" in out
    assert load(data).proceedings.papers[0].abstract is None


def test_records_written_by_hand_are_completed_not_overwritten(data: Path, tmp_path: Path) -> None:
    shutil.copy(SITE_DATA / "papers.yaml", data / "papers.yaml")
    source = tmp_path / "source.csv"
    source.write_text(
        "id,title,abstract,keywords\nscale-ccl,Another title,Fresh abstract.,collectives|WAN\n",
        encoding="utf-8",
    )
    code, out = run(source, data)
    assert code == 0, out
    assert "updated scale-ccl: abstract, keywords" in out
    assert "kept scale-ccl: title, edited by hand (the source has a new value)" in out
    text = (data / "papers.yaml").read_text(encoding="utf-8")
    assert "    # Per-author affiliations are not known" in text  # the comment stays in place
    paper = load(data).proceedings.paper("scale-ccl")
    assert paper.title.startswith("SCALE-CCL: A Scalable Collective Communication Library")
    assert (paper.abstract, paper.keywords) == ("Fresh abstract.", ("collectives", "WAN"))
    assert len(paper.authors) == 11


def test_papers_gone_from_the_source_are_kept_and_reported(data: Path, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "v1.csv", ["p1,One,", "p2,Two,"])
    assert run(source, data)[0] == 0
    write_csv(source, ["p1,One,"])
    code, out = run(source, data)
    assert code == 0
    assert "no longer in the source, kept: p2" in out
    assert [p.id for p in load(data).proceedings.papers] == ["p1", "p2"]


def test_dry_run_writes_nothing(data: Path) -> None:
    before = sorted(p.name for p in data.iterdir())
    code, out = run(DATA / "papers.csv", data, dry_run=True)
    assert code == 0
    assert "added 2: p1, p2" in out and "dry run: nothing written" in out
    assert sorted(p.name for p in data.iterdir()) == before


def test_bom_and_crlf_in_papers_yaml_are_accepted(data: Path) -> None:
    text = (SITE_DATA / "papers.yaml").read_text(encoding="utf-8")
    (data / "papers.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    code, out = run(DATA / "papers.csv", data)
    assert code == 0, out
    assert [p.id for p in load(data).proceedings.papers][-2:] == ["p1", "p2"]


@pytest.mark.parametrize(
    "start", ["", "papers:\n", "papers: []\n", "papers: [] # none yet\n", "# to do\n"]
)
def test_an_empty_papers_yaml_is_filled_below_its_comments(start: str, data: Path) -> None:
    (data / "papers.yaml").write_text("# Our papers.\n" + start, encoding="utf-8")
    code, out = run(DATA / "papers.csv", data)
    assert code == 0, out
    assert (data / "papers.yaml").read_text(encoding="utf-8").startswith("# Our papers.\n")
    assert [p.id for p in load(data).proceedings.papers] == ["p1", "p2"]


def test_a_flow_list_of_records_is_refused(data: Path) -> None:
    (data / "papers.yaml").write_text("papers: [{id: a, title: A}]\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        plan_import(DATA / "papers.csv", data)
    assert [str(p) for p in caught.value.problems] == [
        f"{data / 'papers.yaml'}:1 /papers: write 'papers' as a block list (one '- id:' a record)"
    ]


def test_a_broken_state_file_stops_the_import(data: Path) -> None:
    (data / STATE_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        plan_import(DATA / "papers.csv", data)
    assert [str(p) for p in caught.value.problems] == [
        f"{data / STATE_FILE}:1: not valid JSON: Expecting property name enclosed in double "
        "quotes; delete it to treat every value in papers.yaml as edited by hand"
    ]
    assert not (data / "papers.yaml").exists()


def test_authors_option_needs_a_hotcrp_export(data: Path) -> None:
    with pytest.raises(DataError) as caught:
        plan_import(DATA / "papers.csv", data, authors=DATA / "hotcrp-authors.csv")
    assert [str(p) for p in caught.value.problems] == [
        f"{DATA / 'hotcrp-authors.csv'}: --authors goes with a HotCRP export, not CSV"
    ]


def test_command_line(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = str(DATA / "papers.csv")
    assert main(["import", source, "--data", str(data), "--dry-run"]) == 0
    assert "dry run: nothing written" in capsys.readouterr().out
    assert main(["import", source, "--data", str(data)]) == 0
    assert "wrote papers.yaml, .import-state.json" in capsys.readouterr().out
    assert main(["import", str(DATA / "bad" / "csv" / "empty.csv"), "--data", str(data)]) == 1
    assert "1 error(s); nothing written." in capsys.readouterr().out


def test_an_imported_id_colliding_with_a_record_there_is_refused(data: Path) -> None:
    """Each record is validated once, where it came from: what only the merged file can show
    (an id that folds to one already there) is still checked, as load() would report it."""
    (data / "papers.yaml").write_text("papers:\n  - id: p_1\n    title: There\n", "utf-8")
    source = write_csv(data.parent / "new.csv", ["p-1,New,"])
    with pytest.raises(DataError) as caught:
        plan_import(source, data)
    yaml_path = data / "papers.yaml"
    assert [str(p) for p in caught.value.problems] == [
        f"{yaml_path}:5 /papers/1/id [id]: id 'p-1' collides with 'p_1' ({yaml_path}:2 /papers/0)"
    ]


JSON_VALUES = st.recursive(
    st.text() | st.integers(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=8,
)


@settings(database=None, deadline=None)
@given(JSON_VALUES)
def test_fingerprints_are_what_the_state_file_has_always_kept(value: object) -> None:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert fingerprint(value) == hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _sabotage(monkeypatch: pytest.MonkeyPatch, name: str, change: Callable[[str], str]) -> None:
    """Make the importer's writer ``name`` (a function of its module) change what it writes."""
    original = getattr(importer, name)
    monkeypatch.setattr(importer, name, lambda *args: change(original(*args)))


def test_a_writer_that_changes_a_value_is_caught_before_writing(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sabotage(monkeypatch, "new_document", lambda text: text.replace("title: ", "title: X", 1))
    before = sorted(p.name for p in data.iterdir())
    code, out = run(DATA / "papers.csv", data)
    assert code == 1
    assert re.search(
        r"papers\.yaml:\d+ /papers/0: would read back with a different title than the import "
        r"meant \(an importer bug\): nothing written",
        out,
    ), out
    assert sorted(p.name for p in data.iterdir()) == before  # nothing written


def test_a_writer_that_loses_a_record_is_caught(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def drop_last(text: str) -> str:
        return text[: text.rindex("\n  - id:")] + "\n"

    _sabotage(monkeypatch, "new_document", drop_last)
    with pytest.raises(DataError) as caught:
        plan_import(DATA / "papers.csv", data)
    assert [str(p) for p in caught.value.problems] == [
        f"{data / 'papers.yaml'}: would read back as 1 papers, not the 2 meant (an importer bug): "
        "nothing written"
    ]


def test_a_patch_that_misses_its_field_is_caught(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An update patches papers.yaml in place: a patch that fails is caught like a new record."""
    source = write_csv(tmp_path / "v1.csv", ["p1,First,", "p2,Second,"])
    assert run(source, data)[0] == 0
    write_csv(source, ["p1,First,", "p2,Second title,"])
    monkeypatch.setattr(importer.Document, "update", lambda *args: None)
    with pytest.raises(DataError) as caught:
        plan_import(source, data)
    assert [str(p) for p in caught.value.problems] == [
        f"{data / 'papers.yaml'}:7 /papers/1: would read back with a different title than the "
        "import meant (an importer bug): nothing written"
    ]


def test_a_first_import_reads_its_file_back_once_before_writing(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new papers.yaml is read back by load()'s own reader (once), then compared."""
    original, texts = importer.read_papers_text, []

    def counted(text: str, *args: Any, **options: Any) -> list[Paper]:
        texts.append(text)
        return original(text, *args, **options)

    monkeypatch.setattr(importer, "read_papers_text", counted)
    problems = Problems()
    imported = read_source(DATA / "volume.bib", problems=problems, track=untracked)
    assert imported is not None
    assert run(DATA / "volume.bib", data)[0] == 0
    assert texts == [(data / "papers.yaml").read_text(encoding="utf-8")]
    assert load(data).proceedings.papers == imported.papers


def test_a_value_the_reader_would_change_is_caught(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """YAML keeps a title's trailing space, load()'s reader does not: the file would hold the
    imported value exactly, yet read back as another paper."""
    original = importer.read_source

    def padded(*args: Any, **options: Any) -> Imported | None:
        imported = original(*args, **options)
        assert imported is not None
        first = replace(imported.papers[0], title=imported.papers[0].title + " ")
        return replace(imported, papers=(first, *imported.papers[1:]))

    monkeypatch.setattr(importer, "read_source", padded)
    with pytest.raises(DataError) as caught:
        plan_import(DATA / "papers.csv", data)
    assert [str(p) for p in caught.value.problems] == [
        f"{data / 'papers.yaml'}:4 /papers/0: would read back with a different title than the "
        "import meant (an importer bug): nothing written"
    ]


# Texts the reader keeps, and texts it would strip or leave out (blank).
KEPT_TEXTS = st.sampled_from(["Ada", "van der Berg", "A: b", "x\u00a0y", "- 1", "2025-01-01"])
CHANGED_TEXTS = st.sampled_from(["", " ", " Ada", "Ada ", "A\u00a0", "\tb"])
SHORT_TEXTS = st.one_of(KEPT_TEXTS, KEPT_TEXTS, KEPT_TEXTS, CHANGED_TEXTS)
PAPER_TEXTS = st.text(alphabet=" :#-\n\t\u00a0\u2028a\u00e9", max_size=10)
LONG_TEXTS = st.one_of(KEPT_TEXTS, PAPER_TEXTS.map(str.strip).filter(bool), PAPER_TEXTS)
AUTHORS = st.builds(
    Author,
    given=SHORT_TEXTS,
    family=SHORT_TEXTS,
    name=st.just("") | SHORT_TEXTS,
    affiliations=st.lists(SHORT_TEXTS, max_size=2).map(tuple),
    orcid=st.none() | SHORT_TEXTS,
)
PAPERS = st.builds(
    Paper,
    id=st.sampled_from(["p1", "p1", "p1", "", " p1"]),
    title=LONG_TEXTS,
    authors=st.lists(AUTHORS, max_size=2).map(tuple),
    abstract=st.none() | LONG_TEXTS,
    keywords=st.lists(SHORT_TEXTS, max_size=2).map(tuple),
    type=st.sampled_from(PaperType),
    pages=st.none() | SHORT_TEXTS,
    numpages=st.none() | st.integers(0, 9),
    published=st.none() | st.dates(),
    status=st.sampled_from(Status),
)


@settings(database=None, deadline=None, max_examples=500)
@given(PAPERS)
def test_what_the_writer_writes_reads_back_or_is_refused(paper: Paper) -> None:
    """The import reads its new papers.yaml back with load()'s reader before writing: either
    every value comes back as meant, or the import reports the difference (nothing written)."""
    plain = paper_plain(paper)
    problems = Problems()
    read = read_papers_text(new_document([plain]), problems, label="papers.yaml")
    if not problems.errors:
        compare(read, [plain], "papers.yaml", problems)
    assert [paper_plain(p) for p in read] == [plain] or problems.errors


def test_what_the_sources_make_reads_back_as_written() -> None:
    problems = Problems()
    for source in ("papers.csv", "volume.bib", "hotcrp.json"):
        imported = read_source(DATA / source, problems=problems, track=untracked)
        assert imported is not None and imported.papers
        plains = [paper_plain(p) for p in imported.papers]
        found = Problems()
        read = read_papers_text(new_document(plains), found, label="papers.yaml")
        assert found.items == [] and [paper_plain(p) for p in read] == plains, source


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('[{"pid": 1}]', Kind.HOTCRP),
        ("  \n{}", Kind.HOTCRP),
        ("% a comment\n@InProceedings{a,\n title={T}}\n", Kind.BIBTEX),
        ("This file lists our papers.\n\n@inproceedings{a, title={T}}\n", Kind.BIBTEX),
        ("id,title\nx,@misc{not bibtex}\n", Kind.CSV),
        ('"UID","title"\nx,T\n', Kind.CSV),
        ("whatever,else\n", Kind.CSV),
    ],
)
def test_sniffing_by_content(text: str, kind: Kind) -> None:
    assert sniff(text) is kind


LOADERS = [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)]  # yaml_.py: C


def _load(text: str) -> object:
    results = [yaml.load(text, Loader=loader) for loader in LOADERS]
    assert results[0] == results[1]
    return results[0]


TRICKY = " :#?-,[]{}'\"!&*|>%@`\\\n\t\r~0123456789aeyNn.\u2028\x85\ufeff"
TEXTS = st.text(alphabet=st.characters(exclude_categories=("Cs",))) | st.text(alphabet=TRICKY)


@settings(database=None, deadline=None)  # no .hypothesis/ folder written into the repository
@given(TEXTS)
def test_any_text_survives_the_yaml_emitter(value: str) -> None:
    assert _load(f"k: {scalar(value)}") == {"k": value}
    assert _load(f"k: [{scalar(value, flow=True)}]") == {"k": [value]}
    assert _load("\n".join(field_lines("abstract", value, 0))) == {"abstract": value}
    record = {"id": "x", "title": value, "authors": [{"given": value, "family": value}]}
    record["keywords"] = [value, value]
    assert _load("papers:\n" + "\n".join(record_lines(record, 2))) == {"papers": [record]}


@pytest.mark.parametrize(
    "value",
    ["No", "yes", "12:30", "2025-01-01", "~", "null", "012", "a: b", "#x", "- y", "[x]", "@x",
     "'q'", '"q"', "trailing ", " leading", "x\u2028y", "\x85", "\ufeff", "\\"],
)  # fmt: skip
def test_yaml_traps_are_quoted(value: str) -> None:
    assert _load(f"k: {scalar(value)}") == {"k": value}


def synthetic_volume(size: int) -> str:
    """CPAL'26 repeated under fresh keys, each title and abstract made distinct (no cache hits)."""
    text = (CORPORA / "pmlr-cpal26.bib").read_text(encoding="utf-8")
    head, *papers = re.split(r"(?m)^(?=@InProceedings)", text)
    out = [head]
    for i in range(size):
        entry = re.sub(r"\{([^,]+),", rf"{{\g<1>x{i},", papers[i % len(papers)], count=1)
        entry = entry.replace("title = {", f"title = {{T{i} ", 1)
        out.append(entry.replace("abstract = {", f"abstract = {{Copy {i}. ", 1))
    return "".join(out)


@pytest.mark.slow
def test_reading_2600_papers_reads_every_one(tmp_path: Path) -> None:
    """A volume of 2,600 distinct papers reads whole and clean. How long it takes against a
    bare parse is a figure of `make bench` (bench/importing.py), not a timed test: these
    machines differ by 2x between days."""
    text = synthetic_volume(2600)
    source = tmp_path / "volume.bib"
    source.write_text(text, encoding="utf-8")
    problems = Problems()
    imported = read_source(source, problems=problems, track=untracked)
    assert imported is not None and len(imported.papers) == 2600 and problems.errors == []
    assert len({p.id for p in imported.papers}) == 2600
    assert len(parse_string(text).entries) == 2601  # the papers and the volume's @proceedings


# A value for every field of a papers.yaml record (model.PAPER_FIELDS): a field added to the
# model needs one here, and is then carried through a whole-record rewrite below.
EVERY_FIELD = {
    "id": "a",
    "title": "Old title",
    "authors": [{"given": "Ada", "family": "Example"}],
    "abstract": "An abstract.",
    "keywords": ["k1"],
    "type": "short",
    "pages": "1--4",
    "numpages": 4,
    "doi": "10.5555/1",
    "links": {"pdf": "https://example.org/a.pdf"},
    "status": "withdrawn",
    "notice": "Withdrawn by the authors.",
    "erratum": "An erratum.",
    "published": "2026-01-02",
    "session": "Morning",
}


def test_every_field_of_the_model_survives_a_whole_record_rewrite(data: Path) -> None:
    """A record written on one line is rewritten whole when an import changes it: every field
    the model declares is written back, in the model's order (the order, the reader and the
    writer all come from model.PAPER_FIELDS)."""
    assert list(EVERY_FIELD) == list(PAPER_FIELDS)
    source = data / "new.csv"
    source.write_text("id,title\na,Old title\n", encoding="utf-8")
    assert run(source, data)[0] == 0
    # Then every field filled in by hand, the record on one line (JSON is YAML's flow style).
    record = json.dumps(EVERY_FIELD)
    (data / "papers.yaml").write_text(f"papers:\n  - {record}\n", encoding="utf-8")
    source.write_text("id,title\na,New title\n", encoding="utf-8")
    code, said = run(source, data)
    assert code == 0, said
    problems = Problems()
    (read,) = read_papers_text((data / "papers.yaml").read_text("utf-8"), problems, label="p")
    assert problems.items == []
    assert paper_plain(read) == {**EVERY_FIELD, "title": "New title"}
