"""READ: the build's clock: SOURCE_DATE_EPOCH, else the commit's date, else the system clock."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from ..errors import DataError, Location, Problem

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def build_clock(folder: Path, environ: Mapping[str, str] | None = None) -> dt.datetime:
    """The build's 'now', in UTC; DataError when SOURCE_DATE_EPOCH is not a time."""
    env = os.environ if environ is None else environ
    value = env.get(EPOCH_VARIABLE, "").strip()
    if value:
        if not (value.isascii() and value.isdigit() and len(value) <= 11):
            message = f"{value!r} is not a time: give whole seconds since 1970 (date +%s)"
            raise DataError([Problem(Location(f"${EPOCH_VARIABLE}"), message)],
                            what="the build's clock")  # fmt: skip
        return dt.datetime.fromtimestamp(int(value), dt.UTC)
    return _commit_time(folder) or dt.datetime.now(dt.UTC)


def _commit_time(folder: Path) -> dt.datetime | None:
    """The committer date of HEAD of the repository holding ``folder``; None outside one."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%ct"],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
    except OSError:  # no git on this machine
        return None
    seconds = done.stdout.strip()
    if done.returncode != 0 or not seconds.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(seconds), dt.UTC)
