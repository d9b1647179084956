"""Run sphinx-build as a child process and read its wall time, peak memory and what it did."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Other work on the machine only ever adds time, and these machines are noisy (the same build
# took 37.6 s and 58.2 s on one day): each build is timed more than once and the fastest kept.
FULL_RUNS = 3  # full builds (and floors, alternating with them)
REBUILD_RUNS = 3  # each kind of rebuild, each time with a change of its own
UPDATING_RE = re.compile(r"updating environment: (?:\[[^\]]*\] )?(\d+) added, (\d+) changed")


class BuildFailedError(RuntimeError):
    """sphinx-build exited non-zero; the message ends with its last lines of output."""


@dataclass(frozen=True)
class BuildRun:
    seconds: float  # wall time of the whole sphinx-build process, start-up included
    cpu_seconds: float  # user + system time of it and its workers: steadier on a busy machine
    peak_rss_mib: float  # the process's peak resident memory (its reaped workers included)
    read: int  # documents Sphinx (re-)read
    written: int  # HTML pages written by this build (modified while it ran)
    warnings: tuple[str, ...]
    jobs: str
    started_ns: int  # wall clock at its start: pages modified since were written by it

    @property
    def pages_per_second(self) -> float:
        return self.written / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Site:
    """A copy of the site's sources, its output and doctree folders, and the data it builds."""

    src: Path
    out: Path
    doctrees: Path
    data: Path | None  # a volume folder built in place of 2025's; None: the site's own data
    logs: Path

    def command(self, jobs: str) -> list[str]:
        data = ["-D", f"proceedings_data={self.data}"] if self.data else []
        return [
            sys.executable, "-m", "sphinx", "-b", "html", "-n", "--keep-going",
            "-j", jobs, "-d", str(self.doctrees), *data,
            str(self.src), str(self.out),
        ]  # fmt: skip


def pages_written_since(out: Path, since_ns: int) -> int:
    """HTML files under ``out`` modified at or after ``since_ns`` (works with any -j)."""
    return sum(1 for page in out.rglob("*.html") if page.stat().st_mtime_ns >= since_ns)


@dataclass(frozen=True)
class Usage:
    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    exit_code: int


def run_measured(command: list[str], log: Path) -> Usage:
    """Run ``command`` with its output in ``log``.{out,err}; return what it used.

    os.wait4 gives this child's own resource usage, so each build's peak memory is its own
    (RUSAGE_CHILDREN would give the maximum over every child this process has waited for).
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.with_suffix(".out").open("wb") as out, log.with_suffix(".err").open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, env=_child_env())
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen.wait
    cpu = usage.ru_utime + usage.ru_stime
    return Usage(seconds, cpu, usage.ru_maxrss / 1024, proc.returncode)  # maxrss: KiB on Linux


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SPHINXOPTS", None)
    env["PYTHONHASHSEED"] = "0"  # the same run twice makes the same files
    # The site's conf.py loads tools.proceedings: take it from this checkout, whatever is installed.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def build(site: Site, name: str, *, jobs: str = "1") -> BuildRun:
    """One sphinx-build of ``site``; raise BuildFailedError if it fails."""
    log = site.logs / name
    started_ns = time.time_ns()
    usage = run_measured(site.command(jobs), log)
    stdout = log.with_suffix(".out").read_text(encoding="utf-8", errors="replace")
    stderr = log.with_suffix(".err").read_text(encoding="utf-8", errors="replace")
    if usage.exit_code != 0:
        tail = "\n".join((stdout + stderr).splitlines()[-25:])
        raise BuildFailedError(f"{name}: sphinx-build exited {usage.exit_code}\n{tail}")
    match = UPDATING_RE.search(stdout)
    read = int(match.group(1)) + int(match.group(2)) if match else 0
    warnings = tuple(line for line in stderr.splitlines() if "WARNING" in line)
    written = pages_written_since(site.out, started_ns)
    return BuildRun(
        usage.seconds,
        usage.cpu_seconds,
        usage.peak_rss_mib,
        read,
        written,
        warnings,
        jobs,
        started_ns,
    )


def fastest(runs: Sequence[BuildRun]) -> BuildRun:
    """The least disturbed of runs of the same build (other work on the machine only ever adds
    time), with the largest peak memory of them all."""
    best = min(runs, key=lambda run: run.seconds)
    return dataclasses.replace(best, peak_rss_mib=max(run.peak_rss_mib for run in runs))


def fastest_of(times: int, step: Callable[[int], BuildRun]) -> BuildRun:
    """``step(0)``, ..., ``step(times - 1)``, each a build; the fastest of them."""
    return fastest([step(i) for i in range(times)])
