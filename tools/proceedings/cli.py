"""Command line: python -m tools.proceedings {check,import,new-edition}."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from .errors import DataError, Location, Problem, Severity, ToolkitError
from .load import EDITION_FILE, load, load_series
from .numbers import YEAR, parse_date, parse_whole
from .report import console_sink, report, report_failure
from .scaffold import Known, edition_pages, edition_yaml
from .write import write_atomic

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SERIES = ROOT / "proceedings" / "data"


def volume_folder(args: argparse.Namespace) -> Path:
    """--data DIR (a volume's folder), else --edition YEAR (that edition's, in the series)."""
    return Path(args.data) if args.data is not None else Path(args.series) / str(args.edition)


def cmd_check(args: argparse.Namespace, console: Console) -> int:
    if args.data is None and args.edition is None:  # the whole series
        loaded = load_series(args.series)
        report(loaded.problems, console_sink(console), severities=[Severity.INCOMPLETE])
        editions = loaded.series.editions
        papers = sum(len(e.proceedings.papers) for e in editions if e.proceedings)
        console.print(f"{len(editions)} editions, {papers} papers: OK", highlight=False)
        return 0
    result = load(volume_folder(args))
    proceedings = result.proceedings
    report(result.problems, console_sink(console), severities=[Severity.INCOMPLETE])
    incomplete_records = len({p.location.pointer for p in result.incomplete})
    console.print(
        f"{len(proceedings.papers)} papers ({len(proceedings.published)} published), "
        f"{len(proceedings.authors())} authors, {incomplete_records} incomplete records: OK",
        highlight=False,
    )
    return 0


def cmd_import(args: argparse.Namespace, console: Console) -> int:
    from .importer import run_import

    folder = volume_folder(args)
    if args.data is None and not (folder / EDITION_FILE).is_file():
        message = f"no edition {args.edition}: start it with new-edition"
        raise DataError([Problem(Location(str(folder / EDITION_FILE)), message)])
    return run_import(
        args.source, folder, console=console, dry_run=args.dry_run, authors=args.authors
    )


def cmd_new_edition(args: argparse.Namespace, console: Console) -> int:
    """The edition's data file and pages, from what is known; nothing existing is replaced."""
    series = load_series(args.series).series
    year: int = args.year
    if series.has(year):
        raise DataError([Problem(Location(str(args.series / str(year))),
                                 f"edition {year} exists already")])  # fmt: skip
    known = Known(**{f.name: getattr(args, f.name) for f in dataclasses.fields(Known)})
    files = {args.series / str(year) / EDITION_FILE: edition_yaml(series, known)}
    files |= {args.site / path: text for path, text in edition_pages(series, year).items()}
    taken = [Problem(Location(str(path)), "exists already: nothing written") for path in files
             if path.exists()]  # fmt: skip
    if taken:
        raise DataError(taken)
    for path, text in files.items():
        write_atomic(path, text.encode("utf-8"))
        console.print(f"wrote {escape(str(path))}", highlight=False)
    load_series(args.series)  # the new edition reads back without a problem
    console.print(f"{series.short_name} {year}: started; `make html` builds it.", highlight=False)
    return 0


def _year(text: str) -> int:
    year = parse_whole(text, YEAR)
    if year is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a four-digit year")
    return year


def _date(text: str) -> dt.date:
    day = parse_date(text)
    if day is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)")
    return day


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tools.proceedings", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--series", type=Path, default=DEFAULT_SERIES,
                        help="the series' folder (default: %(default)s)")  # fmt: skip
    which = common.add_mutually_exclusive_group()
    which.add_argument("--edition", type=_year, help="an edition of the series, by its year")
    which.add_argument("--data", type=Path, help="a volume's folder (papers.yaml, volume.yaml)")
    check = sub.add_parser(
        "check", parents=[common], help="validate the series (or one volume), print a summary"
    )
    check.set_defaults(func=cmd_check)
    imp = sub.add_parser(
        "import", parents=[common], help="merge a HotCRP JSON, CSV or BibTeX file into papers.yaml"
    )
    imp.add_argument("source", type=Path)
    imp.add_argument("--authors", type=Path, metavar="CSV",
                     help="HotCRP's authors CSV: adds ORCIDs and missing affiliations")  # fmt: skip
    imp.add_argument(
        "--dry-run", action="store_true", help="report what would change, write nothing"
    )
    imp.set_defaults(func=cmd_import)
    new = sub.add_parser("new-edition", help="start an edition: its data file and its pages")
    new.add_argument("year", type=_year)
    new.add_argument("--series", type=Path, default=DEFAULT_SERIES)
    new.add_argument(
        "--site", type=Path, default=ROOT, help="the site's sources (default: %(default)s)"
    )
    new.add_argument("--host", help="the host conference's name, e.g. 'ACM CoNEXT 2027'")
    new.add_argument("--host-short", help="its short name, e.g. 'CoNEXT 2027'")
    new.add_argument("--city")
    new.add_argument("--country")
    new.add_argument("--start", type=_date, help="the host conference's first day")
    new.add_argument("--end", type=_date, help="its last day")
    new.add_argument("--date", type=_date, help="the workshop's day")
    new.add_argument("--timezone", help="the venue's IANA time zone, e.g. Europe/Amsterdam")
    new.add_argument("--venue", help="the building or campus")
    new.set_defaults(func=cmd_new_edition)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "import" and args.data is None and args.edition is None:
        parser().error(f"{args.command} needs --edition YEAR (or --data DIR, a volume's folder)")
    console = Console(stderr=False, highlight=False)
    try:
        code: int = args.func(args, console)
    except DataError as exc:
        return report_failure(console, exc)
    except ToolkitError as exc:
        console.print(f"[red]error[/red] {escape(str(exc))}")
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
