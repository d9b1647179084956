"""Command line: python -m tools.proceedings {check,generate,import} [--data DIR]."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from .errors import DataError, Severity, ToolkitError
from .load import load
from .paths import PAPERS_DIR
from .render.page.stubs import OWNED_SUFFIXES, paper_stubs
from .report import console_sink, report, report_failure
from .write import sync_folder

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT / "proceedings" / "data"


def cmd_check(args: argparse.Namespace, console: Console) -> int:
    result = load(args.data)
    proceedings = result.proceedings
    authors = len(proceedings.authors())
    report(result.problems, console_sink(console), severities=[Severity.INCOMPLETE])
    incomplete_records = len({p.location.pointer for p in result.incomplete})
    console.print(
        f"{len(proceedings.papers)} papers ({len(proceedings.published)} published), "
        f"{authors} authors, {incomplete_records} incomplete records: OK",
        highlight=False,
    )
    return 0


def cmd_generate(args: argparse.Namespace, console: Console) -> int:
    result = load(args.data)
    out: Path = args.out
    written = sync_folder(out, paper_stubs(result.proceedings), owned_suffixes=OWNED_SUFFIXES)
    console.print(f"{len(result.proceedings.papers)} papers: {written.summary()} (in {out})")
    return 0


def cmd_import(args: argparse.Namespace, console: Console) -> int:
    from .importer import run_import

    return run_import(
        args.source, args.data, console=console, dry_run=args.dry_run, authors=args.authors
    )


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tools.proceedings", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="data folder (default: %(default)s)"
    )
    check = sub.add_parser("check", parents=[common], help="validate the data and print a summary")
    check.set_defaults(func=cmd_check)
    gen = sub.add_parser("generate", parents=[common], help="write the paper pages")
    gen.add_argument(
        "--out", type=Path, default=ROOT / PAPERS_DIR, help="output folder (default: %(default)s)"
    )
    gen.set_defaults(func=cmd_generate)
    imp = sub.add_parser(
        "import", parents=[common], help="merge a HotCRP JSON, CSV or BibTeX file into papers.yaml"
    )
    imp.add_argument("source", type=Path)
    imp.add_argument(
        "--authors",
        type=Path,
        metavar="CSV",
        help="HotCRP's authors CSV: adds ORCIDs and missing affiliations",
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="report what would change, write nothing"
    )
    imp.set_defaults(func=cmd_import)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
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
