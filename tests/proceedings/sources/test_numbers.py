"""Every number and date of every source: ASCII digits in bounds, else a located problem."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from tests.conftest import ROOT, VOLUME_2025, Site
from tools.proceedings import cli, numbers
from tools.proceedings.errors import DataError, Problem, Severity
from tools.proceedings.importer import plan_import, run_import
from tools.proceedings.load import load
from tools.proceedings.numbers import MONTH, NUMPAGES, PID, YEAR, Whole
from tools.proceedings.render.citation.record import facts
from tools.proceedings.sources import common
from tools.proceedings.sphinx import DataBuildError

VOLUME = ROOT / "tests" / "data" / "volume.yaml"
PAPERS = "papers:\n  - id: a\n    title: One\n    doi: 10.5555/0000001.0000001\n"
# Each example is a real import or load of a small folder: some tens of milliseconds.
EXAMPLES = settings(
    database=None,
    deadline=None,
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

ASCII = "0123456789"
# Digits other than 0-9: '٧' (Nd), '７' (Nd), '߇' (Nd), '²' (No), '①' (No); some of them
# str.isdigit(), int() or date.fromisoformat() take, each a different set.
FOREIGN = st.characters(categories=["Nd", "No"]).filter(lambda c: not c.isascii())
SOME_DIGITS = st.text(ASCII, min_size=1, max_size=4)
# Values no whole-number field takes, whatever its bounds.
MALFORMED = st.one_of(
    st.tuples(st.text(ASCII, max_size=3), FOREIGN, st.text(ASCII, max_size=3)).map("".join),
    st.tuples(st.sampled_from("+-"), SOME_DIGITS).map("".join),  # +7, -7
    st.tuples(SOME_DIGITS, st.sampled_from([" ", "\t", "  "]), st.text(ASCII, max_size=2))
    .map("".join)
    .map(lambda t: t if t[-1].isdigit() else " " + t.strip()),  # '7 7', '7\t7', ' 7'
    st.tuples(SOME_DIGITS, st.sampled_from(".,_:eE"), SOME_DIGITS).map("".join),  # 7.0, 1_0, 1:30
    st.integers(10**10, 10**400).map(str),  # a 400-digit number
    st.just("9" * 5000),  # more digits than int() reads (sys.get_int_max_str_digits())
)


def out_of(kind: Whole) -> st.SearchStrategy[str]:
    """ASCII whole numbers just outside the bounds, one with a leading zero (no way in)."""
    low = [str(kind.low - 1)] if kind.low > 0 else []
    return st.sampled_from([*low, str(kind.high + 1), "0" + str(kind.high + 1)])


def bad(kind: Whole, *, empty: bool = True) -> st.SearchStrategy[str]:
    """``empty``: whether the source can give an empty value (a CSV cell cannot: it is none)."""
    return st.one_of(MALFORMED, out_of(kind), *([st.just("")] if empty else []))


@st.composite
def bad_dates(draw: st.DrawFn, *, empty: bool = True) -> str:
    day = draw(st.dates()).isoformat()
    digit = draw(st.sampled_from([i for i, c in enumerate(day) if c.isdigit()]))
    year, month, rest = day[:4], day[5:7], day[8:]
    forms = [
        day[:digit] + draw(FOREIGN) + day[digit + 1 :],  # one digit not 0-9
        draw(FOREIGN.filter(lambda c: c.isdecimal())) * 4 + day[4:],  # '٢٠٢٥-...'
        "+" + day,
        " " + day,
        day + " ",
        day.replace("-", ""),  # 20250102: fromisoformat takes it
        f"{year}-W01-1",  # an ISO week date: so does it
        f"{year}-{int(month)}-{int(rest)}",  # 2025-1-2: YAML does
        day + "T10:00:00",
        day + " 10:00",
        f"{year}-13-{rest}",
        f"{year}-{month}-32",
        "9" * 5000,
        *([""] if empty else []),
    ]
    candidate = draw(st.sampled_from(forms))
    return candidate if numbers.parse_date(candidate) is None else "+" + day


@st.composite
def bad_pages(draw: st.DrawFn) -> str:
    first = draw(st.integers(1, 999))
    return draw(
        st.sampled_from(
            [
                draw(FOREIGN),
                f"{first}--{draw(FOREIGN)}",
                f"{draw(FOREIGN)}{first}",
                f"{first}--{first - 1}" if first > 1 else "2--1",
                "9" * draw(st.sampled_from([8, 400, 5000])),
                f"{first}--{'9' * 400}",
                f"{first}--",
            ]
        )
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}  # fmt: skip


def data_folder(base: Path) -> Path:
    folder = base / "data"
    folder.mkdir()
    shutil.copy(VOLUME, folder / "volume.yaml")
    (folder / "papers.yaml").write_text(PAPERS, encoding="utf-8")
    return folder


def located(problems: tuple[Problem, ...], file: Path, field: str) -> list[Problem]:
    """The errors at ``file`` (with a line) that name ``field``."""
    return [
        p
        for p in problems
        if p.severity is Severity.ERROR
        and p.field == field
        and p.location.file == str(file)
        and p.location.line is not None
    ]


def refuses_import(source: Path, data: Path, field: str, where: Path | None = None) -> None:
    """The import reports a located problem naming ``field``, returns 1 and writes nothing."""
    before = snapshot(data)
    with pytest.raises(DataError) as caught:
        plan_import(source, data)
    assert located(caught.value.problems, where or source, field), caught.value.problems
    out = io.StringIO()
    assert run_import(source, data, console=Console(file=out, width=300), dry_run=False) == 1
    assert out.getvalue().endswith("nothing written.\n")
    assert snapshot(data) == before


def refuses_load(data: Path, file: str, field: str) -> None:
    """load() reports a located problem naming ``field``; `check` returns 1, writes nothing."""
    with pytest.raises(DataError) as caught:
        load(data)
    assert located(caught.value.problems, data / file, field), caught.value.problems
    before = snapshot(data)
    pages = data.parent / "pages"
    with redirect_stdout(io.StringIO()):
        assert cli.main(["check", "--data", str(data)]) == 1
    assert snapshot(data) == before
    assert not pages.exists() or not any(pages.iterdir())


def in_scratch(check: Callable[[Path], None]) -> None:
    """Run ``check`` in a folder of its own (hypothesis runs many examples in one test)."""
    with tempfile.TemporaryDirectory() as scratch:
        check(Path(scratch))


# --- Imported sources ---------------------------------------------------------------------


def csv_text(column: str, value: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([["id", "title", column], ["x1", "One", value]])
    return out.getvalue()


CSV_FIELDS = {
    "numpages": bad(NUMPAGES, empty=False),
    "pages": bad_pages(),
    "published": bad_dates(empty=False),
}


@pytest.mark.parametrize("field", sorted(CSV_FIELDS))
@EXAMPLES
@given(data=st.data())
def test_csv_numbers_are_refused_where_they_stand(field: str, data: st.DataObject) -> None:
    value = data.draw(CSV_FIELDS[field], label=field)

    def check(base: Path) -> None:
        source = base / "papers.csv"
        source.write_text(csv_text(field, value), encoding="utf-8")
        refuses_import(source, data_folder(base), field)

    in_scratch(check)


def hotcrp_text(field: str, literal: str) -> str:
    record = {"pid": "1", "title": "One", "status": "accept"}
    text = json.dumps([record])
    if field == "pid":
        return text.replace('"pid": "1"', f'"pid": {literal}')
    return text.replace('"accept"', f'"accept", "final": {{"pages": {literal}}}')


def json_values(kind: Whole) -> st.SearchStrategy[str]:
    """JSON text: strings, and numbers (json reads them in ASCII digits) out of bounds."""
    numbers_out = st.one_of(
        st.integers(max_value=kind.low - 1, min_value=-(10**400)),
        st.integers(min_value=kind.high + 1, max_value=10**400),
    ).map(str)
    other = st.sampled_from(["7.0", "1e3", "-0", "true", "[7]", '{"n": 7}', "NaN"])
    return st.one_of(bad(kind).map(lambda t: json.dumps(t, ensure_ascii=False)), numbers_out, other)


HOTCRP_FIELDS = {"pid": json_values(PID), "pages": json_values(NUMPAGES)}


@pytest.mark.parametrize("field", sorted(HOTCRP_FIELDS))
@EXAMPLES
@given(data=st.data())
def test_hotcrp_numbers_are_refused_where_they_stand(field: str, data: st.DataObject) -> None:
    literal = data.draw(HOTCRP_FIELDS[field], label=field)

    def check(base: Path) -> None:
        source = base / "hotcrp.json"
        source.write_text(hotcrp_text(field, literal), encoding="utf-8")
        refuses_import(source, data_folder(base), field)

    in_scratch(check)


def pmlr_text(field: str, value: str) -> str:
    volume = {"booktitle": "Proceedings", "year": "2026", "published": "2026-04-20"}
    volume |= {"start": "2026-05-04", "end": "2026-05-05"}
    paper = {"title": "One", "pages": "1--12"}
    (volume if field in volume else paper)[field] = value
    return (
        f"@proceedings{{V,\n{bib_fields(volume)}\n}}\n\n"
        f"@inproceedings{{a26,\n{bib_fields(paper)}\n}}\n"
    )


def bib_fields(values: dict[str, str]) -> str:
    return ",\n".join(f"  {name} = {{{value}}}" for name, value in values.items())


PMLR_FIELDS = {
    "year": bad(YEAR),
    "pages": bad_pages(),
    "published": bad_dates(),
    "start": bad_dates(),
    "end": bad_dates(),
}


@pytest.mark.parametrize("field", sorted(PMLR_FIELDS))
@EXAMPLES
@given(data=st.data())
def test_pmlr_numbers_are_refused_where_they_stand(field: str, data: st.DataObject) -> None:
    value = data.draw(PMLR_FIELDS[field], label=field)

    def check(base: Path) -> None:
        source = base / "volume.bib"
        source.write_text(pmlr_text(field, value), encoding="utf-8")
        refuses_import(source, data_folder(base), field)

    in_scratch(check)


# --- The data folder ----------------------------------------------------------------------


def yaml_scalar(value: str, plain: bool) -> str:
    """``value`` as a plain YAML scalar (as a hand would write 7, +7 or 2025-1-2) when it can be
    one, else double-quoted (JSON's strings are YAML's)."""
    special = set(":#{}[],&*!|>'\"%@`?") & set(value)
    if plain and value and value == value.strip() and "\t" not in value and not special:
        return value
    return json.dumps(value, ensure_ascii=False)


PAPER_FIELDS = {"numpages": bad(NUMPAGES), "published": bad_dates(), "pages": bad_pages()}


@pytest.mark.parametrize("field", sorted(PAPER_FIELDS))
@EXAMPLES
@given(data=st.data(), plain=st.booleans())
def test_papers_yaml_numbers_are_refused_where_they_stand(
    field: str, data: st.DataObject, plain: bool
) -> None:
    value = data.draw(PAPER_FIELDS[field], label=field)

    def check(base: Path) -> None:
        folder = data_folder(base)
        text = PAPERS + f"    {field}: {yaml_scalar(value, plain)}\n"
        (folder / "papers.yaml").write_text(text, encoding="utf-8")
        refuses_load(folder, "papers.yaml", field)
        source = base / "papers.csv"  # an import that is fine meets the bad papers.yaml
        source.write_text("id,title\nb,Two\n", encoding="utf-8")
        refuses_import(source, folder, field, where=folder / "papers.yaml")

    in_scratch(check)


VOLUME_FIELDS = {"year": bad(YEAR), "month": bad(MONTH), "start": bad_dates(), "end": bad_dates()}


@pytest.mark.parametrize("field", sorted(VOLUME_FIELDS))
@EXAMPLES
@given(data=st.data(), plain=st.booleans())
def test_volume_yaml_numbers_are_refused_where_they_stand(
    field: str, data: st.DataObject, plain: bool
) -> None:
    value = data.draw(VOLUME_FIELDS[field], label=field)

    def check(base: Path) -> None:
        folder = data_folder(base)
        text = "title: Proceedings\nshort_title: P '26\nyear: 2026\nmonth: 5\n"
        text += "event:\n  name: Conference\n  start: 2026-05-04\n  end: 2026-05-05\n"
        key = f"{field}: " if field in ("year", "month") else f"  {field}: "
        lines = [
            key + yaml_scalar(value, plain) if line.startswith(key) else line
            for line in text.splitlines()
        ]
        (folder / "volume.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        refuses_load(folder, "volume.yaml", field)

    in_scratch(check)


PUBLISHER_FIELDS = {
    "numpages": bad(NUMPAGES),
    "pages": st.one_of(bad_pages(), st.just("")),
    "year": bad(YEAR),
    "month": st.one_of(MALFORMED, out_of(MONTH)),  # 'dec' and '' are no numbers: not checked
}


def publisher_bib(field: str, value: str) -> str:
    return (
        f"@inproceedings{{a,\n  doi = {{10.5555/0000001.0000001}},\n  {field} = {{{value}}}\n}}\n"
    )


@pytest.mark.parametrize("field", sorted(PUBLISHER_FIELDS))
@EXAMPLES
@given(data=st.data())
def test_papers_bib_numbers_are_refused_when_loaded(field: str, data: st.DataObject) -> None:
    """The renderers read these (render/csl.py, render/bibtex.py): a bad one is an error of
    the load, never a failure while rendering."""
    value = data.draw(PUBLISHER_FIELDS[field], label=field)

    def check(base: Path) -> None:
        folder = data_folder(base)
        (folder / "papers.bib").write_text(publisher_bib(field, value), encoding="utf-8")
        refuses_load(folder, "papers.bib", field)

    in_scratch(check)


# --- What is taken, and the parser itself -------------------------------------------------


@pytest.mark.parametrize(
    ("file", "text"),
    [
        ("papers.yaml", PAPERS + "    numpages: 07\n    published: 2025-01-02\n    pages: 1--7\n"),
        ("papers.yaml", PAPERS + '    numpages: "7"\n    published: "2025-01-02"\n'),
        ("papers.bib", "@inproceedings{a,\n  numpages = {7},\n  year = 2025,\n  month = dec\n}\n"),
        ("papers.bib", "@inproceedings{a,\n  pages = {11--17},\n  month = {012}\n}\n"),
    ],
)
def test_numbers_in_ascii_digits_are_taken(file: str, text: str, tmp_path: Path) -> None:
    folder = data_folder(tmp_path)
    (folder / file).write_text(text, encoding="utf-8")
    proceedings = load(folder).proceedings
    paper = proceedings.papers[0]
    assert facts(paper, proceedings.volume).page_count == 7
    if file == "papers.yaml":
        assert paper.published is not None and paper.published.isoformat() == "2025-01-02"


def test_a_number_in_yaml_is_read_as_written(tmp_path: Path) -> None:
    """YAML 1.1 reads 012 and 010 as octal 10 and 8: the parser reads the text as written."""
    folder = data_folder(tmp_path)
    (folder / "volume.yaml").write_text(
        "title: P\nshort_title: P\nyear: 2026\nmonth: 012\n", encoding="utf-8"
    )
    (folder / "papers.yaml").write_text(PAPERS + "    pages: 010\n", encoding="utf-8")
    loaded = load(folder).proceedings
    assert (loaded.volume.month, loaded.papers[0].pages) == (12, "010")


def test_the_sources_take_what_they_should(tmp_path: Path) -> None:
    """The tests above refuse for the value, not for the files around it."""
    good = {
        "papers.csv": "id,title,numpages,pages,published\nx1,One,7,1-7,2025-01-02\n",
        "hotcrp.json": hotcrp_text("pages", "7"),
        "volume.bib": pmlr_text("pages", "1--7"),
    }
    for name, text in good.items():
        base = tmp_path / name.replace(".", "-")
        base.mkdir()
        source = base / name
        source.write_text(text, encoding="utf-8")
        plan = plan_import(source, data_folder(base))
        assert plan.imported.papers[0].page_count == 7, name


@given(st.integers(NUMPAGES.low, NUMPAGES.high), st.integers(0, 3))
@settings(database=None, deadline=None)
def test_whole_numbers_in_bounds_are_read(number: int, zeros: int) -> None:
    assert numbers.parse_whole("0" * zeros + str(number), NUMPAGES) == number


@given(MALFORMED)
@settings(database=None, deadline=None)
def test_no_malformed_value_is_a_number(text: str) -> None:
    for kind in (NUMPAGES, YEAR, MONTH, PID):
        assert numbers.parse_whole(text, kind) is None


@given(st.dates())
@settings(database=None, deadline=None)
def test_dates_are_read(day: object) -> None:
    assert numbers.parse_date(str(day)) == day


@given(bad_dates())
@settings(database=None, deadline=None)
def test_no_bad_date_is_a_date(text: str) -> None:
    assert numbers.parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("²", "'numpages' must be a whole number from 1 to 100000, not '²' ('²' U+00B2 is not "
         "one of the digits 0-9)"),
        ("+7", "'numpages' must be a whole number from 1 to 100000, not '+7'"),
        (" 7", "'numpages' must be a whole number from 1 to 100000, not ' 7'"),
        ("7.0", "'numpages' must be a whole number from 1 to 100000, not '7.0'"),
        ("", "'numpages' must be a whole number from 1 to 100000, not ''"),
        ("9" * 400, "'numpages' must be a whole number from 1 to 100000, not "
         f"'{'9' * 40}'... (400 characters)"),
    ],
)  # fmt: skip
def test_messages_show_the_value_as_given(text: str, message: str) -> None:
    assert common.refusal("numpages", NUMPAGES.what, text) == message


@pytest.mark.parametrize(
    ("pages", "message"),
    [
        ("12--18", None), ("12", None), ("e5--e9", None), ("2:1--2:7", None), ("iv--x", None),
        ("12–18", None), ("Ⅻ", None),
        ("12--", "pages '12--' must be 'N' or 'N--M'"),
        ("²--³", "pages '²--³': '²' U+00B2 is not one of the digits 0-9"),
        ("18--12", "pages '18--12' end before they start"),
        ("0", "pages '0' is not a page number from 1 to 1000000"),
        ("1--2000000", "pages '1--2000000': page '2000000' is not a page number from 1 to 1000000"),
    ],
)  # fmt: skip
def test_page_ranges(pages: str, message: str | None) -> None:
    assert numbers.pages_problem(pages) == message


@pytest.mark.parametrize(
    ("field", "value"), [("numpages", "²"), ("pages", "²--³"), ("month", "²"), ("year", "٢٠٢٥")]
)
def test_a_bad_number_in_papers_bib_stops_the_build_with_its_place(
    field: str, value: str, build_site: Callable[..., Site], tmp_path: Path
) -> None:
    """The build reports it as it reports any data error (file, line, key, field): before,
    numpages = {²} passed the load and the build failed on it while rendering the citations."""
    data = tmp_path / "data"
    shutil.copytree(VOLUME_2025, data)
    bib = data / "papers.bib"
    bib.write_text(f"@inproceedings{{scale-ccl,\n  {field} = {{{value}}}\n}}\n", encoding="utf-8")
    with pytest.raises(DataBuildError) as caught:
        build_site(data=data)
    assert f"\n  {bib}:2 scale-ccl [{field}]: " in str(caught.value)


@pytest.mark.parametrize("year", ["", "year:\n", "year: ~\n"])
def test_a_volume_needs_its_year(year: str, tmp_path: Path) -> None:
    """Before, validation said so of the 0 that stood for it; now the reader does."""
    folder = data_folder(tmp_path)
    (folder / "volume.yaml").write_text(f"title: P\nshort_title: P\n{year}", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(folder)
    assert [str(p) for p in caught.value.problems if p.severity is Severity.ERROR] == [
        f"{folder / 'volume.yaml'}:1 [year]: missing 'year'"
    ]
