"""Run sphinx-build as a child process and read its wall time, peak memory and what it did."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import CLOCK, epoch

ROOT = Path(__file__).resolve().parent.parent
# The Makefile's SPHINXOPTS, as `make html` and `make live` build: warnings are errors.
SPHINXOPTS = ("-W", "--keep-going", "-n")
# Other work on the machine only ever adds time, and these machines are noisy: each build is
# timed RUNS times (each rebuild with a change of its own) and the fastest kept.
RUNS = 5
UPDATING_RE = re.compile(r"updating environment: (?:\[[^\]]*\] )?(\d+) added, (\d+) changed")


class BuildFailedError(RuntimeError):
    """sphinx-build exited non-zero; the message ends with its last lines of output."""


@dataclass(frozen=True)
class BuildRun:
    seconds: float  # wall time of the whole sphinx-build process, start-up included
    cpu_seconds: float  # user + system time: steadier than wall time on a busy machine
    peak_rss_mib: float  # the process's peak resident memory
    read: int  # documents Sphinx (re-)read
    written: int  # HTML pages written by this build (modified while it ran)

    @property
    def pages_per_second(self) -> float:
        return self.written / self.seconds

    def share_of(self, full: BuildRun) -> float:
        return self.seconds / full.seconds

    def summary(self) -> str:
        return (
            f"{self.seconds:.2f} s (CPU {self.cpu_seconds:.2f} s; "
            f"{self.read} read, {self.written} written)"
        )


@dataclass(frozen=True)
class Site:
    """A copy of the site's sources and the folders its builds write."""

    src: Path
    work: Path  # html/, doctrees/ and logs/ of its builds

    @property
    def out(self) -> Path:
        return self.work / "html"

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "sphinx", "-b", "html", *SPHINXOPTS,
            "-d", str(self.work / "doctrees"), str(self.src), str(self.out),
        ]  # fmt: skip


def pages_written_since(out: Path, since_ns: int) -> int:
    return sum(1 for page in out.rglob("*.html") if page.stat().st_mtime_ns >= since_ns)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SPHINXOPTS", None)
    env["SOURCE_DATE_EPOCH"] = epoch(CLOCK)  # the site's clock: the tests' fixed instant
    env["PYTHONHASHSEED"] = "0"  # the same run twice makes the same files
    # The site's conf.py loads tools.proceedings: take it from this checkout, whatever is installed.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def build(site: Site, name: str) -> BuildRun:
    """One sphinx-build of ``site``, its output in logs/``name``.{out,err}, started and measured
    by bench.usage; raise BuildFailedError if it fails."""
    logs = site.work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    out_log, err_log, figures = (logs / f"{name}.{suffix}" for suffix in ("out", "err", "json"))
    command = [sys.executable, "-m", "bench.usage", str(figures), *site.command()]
    started_ns = time.time_ns()
    with out_log.open("wb") as out, err_log.open("wb") as err:
        code = subprocess.run(command, stdout=out, stderr=err, env=child_env(), check=False)
    stdout = out_log.read_text(encoding="utf-8", errors="replace")
    if code.returncode != 0:
        text = stdout + err_log.read_text(encoding="utf-8", errors="replace")
        tail = "\n".join(text.splitlines()[-25:])
        raise BuildFailedError(f"{name}: sphinx-build exited {code.returncode}\n{tail}")
    used = json.loads(figures.read_text(encoding="utf-8"))
    match = UPDATING_RE.search(stdout)
    return BuildRun(
        seconds=used["seconds"],
        cpu_seconds=used["cpu_seconds"],
        peak_rss_mib=used["peak_rss_mib"],
        read=int(match.group(1)) + int(match.group(2)) if match else 0,
        written=pages_written_since(site.out, started_ns),
    )


def fastest(runs: Sequence[BuildRun]) -> BuildRun:
    """The least disturbed of runs of the same build, with the largest peak memory of them."""
    best = min(runs, key=lambda run: run.seconds)
    return dataclasses.replace(best, peak_rss_mib=max(run.peak_rss_mib for run in runs))
