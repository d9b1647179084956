"""Problems reported one a line ('error papers.yaml:41 /papers/3 [doi]: ...') to a sink."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.console import Console
from rich.markup import escape

from .errors import DataError, Problem, Severity

Sink = Callable[[Problem, str], None]  # (the problem, its line of text) -> shown somewhere
COLOURS = {Severity.ERROR: "red", Severity.INCOMPLETE: "yellow", Severity.WARNING: "yellow"}


def report(problems: Iterable[Problem], sink: Sink, *, severities: Iterable[Severity]) -> int:
    """Show each problem of the given severities through ``sink``; return how many."""
    wanted = set(severities)
    shown = [p for p in problems if p.severity in wanted]
    for problem in shown:
        sink(problem, f"{problem.severity.value} {problem}")
    return len(shown)


def console_sink(console: Console) -> Sink:
    def show(problem: Problem, text: str) -> None:
        colour = COLOURS[problem.severity]
        markup = f"[{colour}]{problem.severity.value}[/{colour}] {escape(str(problem))}"
        console.print(markup, soft_wrap=True, highlight=False)

    return show


def report_failure(console: Console, exc: DataError) -> int:
    """Every error of a failed run, then the summary; the exit status (1)."""
    count = report(exc.problems, console_sink(console), severities=[Severity.ERROR])
    console.print(f"{count} error(s); nothing written.", highlight=False)
    return 1
