"""The build's clock and what it decides: a call open until its last submission deadline has
passed Anywhere on Earth (extensions included, later milestones not), a workshop to come, held
today or held, and the epoch that tells a rebuild whether any of it changed. Dates fabricated."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from tools.proceedings.errors import DataError, Location
from tools.proceedings.model import Event
from tools.proceedings.series import (
    Call,
    CallStatus,
    DateKind,
    Deadline,
    Edition,
    Phase,
    Series,
)
from tools.proceedings.sources.clock import build_clock

UTC = dt.UTC


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def deadline(key: str, day: str, kind: DateKind, was: str | None = None) -> Deadline:
    return Deadline(
        key,
        key.title(),
        dt.date.fromisoformat(day),
        kind,
        dt.date.fromisoformat(was) if was else None,
    )


CALL = Call(
    "https://example.org/submit",
    deadlines=(
        deadline("abstract", "2031-06-24", DateKind.ABSTRACT),
        deadline("paper", "2031-07-08", DateKind.SUBMISSION, was="2031-07-01"),
        deadline("notification", "2031-08-15", DateKind.NOTIFICATION),
        deadline("camera", "2031-09-15", DateKind.CAMERA_READY),
        deadline("program", "2031-10-01", DateKind.PROGRAM),
    ),
)


def test_a_call_closes_with_its_last_submission_deadline_anywhere_on_earth() -> None:
    assert CALL.closing is not None and CALL.closing.id == "paper"  # not the camera-ready date
    # 8 July, 23:59 in UTC-12 is 9 July, 11:59 UTC: open until then, everywhere.
    assert CALL.status(at(2031, 7, 9, 11, 58)) is CallStatus.OPEN
    assert CALL.status(at(2031, 7, 9, 11, 59, 59)) is CallStatus.OPEN
    assert CALL.status(at(2031, 7, 9, 12, 0)) is CallStatus.CLOSED
    assert CALL.status(at(2031, 9, 30)) is CallStatus.CLOSED
    # Only a notification and a camera-ready date: no date closes submissions.
    later = Call(deadlines=CALL.deadlines[2:])
    assert later.closing is None and later.status(at(2031, 1, 1)) is CallStatus.UNKNOWN
    assert Call().has_data is False and later.has_data is True


def test_only_deadlines_carry_the_end_of_day_anywhere_on_earth() -> None:
    kinds = {k: k.is_deadline for k in DateKind}
    assert [k for k, is_deadline in kinds.items() if is_deadline] == [
        DateKind.ABSTRACT,
        DateKind.SUBMISSION,
        DateKind.CAMERA_READY,
    ]


def edition(day: str | None, zone: str | None = "Europe/Amsterdam") -> Edition:
    return Edition(
        2031,
        1,
        Event("Example Conference 2031"),
        zone,
        date=dt.date.fromisoformat(day) if day else None,
        call=CALL,
    )


def test_a_workshop_is_to_come_held_today_or_held_where_it_is_held() -> None:
    held = edition("2031-12-02")  # Amsterdam, UTC+1 in December
    assert held.phase(at(2031, 12, 1, 22, 59)) is Phase.COMING
    assert held.phase(at(2031, 12, 1, 23, 0)) is Phase.TODAY
    assert held.phase(at(2031, 12, 2, 22, 59)) is Phase.TODAY
    assert held.phase(at(2031, 12, 2, 23, 0)) is Phase.HELD
    # Its zone not known: held once its day has ended everywhere (AoE).
    assert edition("2031-12-02", None).phase(at(2031, 12, 3, 11, 59)) is Phase.TODAY
    assert edition(None).phase(at(2040, 1, 1)) is Phase.UNKNOWN


def test_the_epoch_changes_only_when_a_moment_passes() -> None:
    series = Series("Example Workshop", "EXW", (edition("2031-12-02"),))
    quiet = {series.epoch(at(2031, 7, 10)), series.epoch(at(2031, 8, 1))}
    assert len(quiet) == 1  # nothing passed between the two
    assert series.epoch(at(2031, 7, 9, 11, 59, 59)) != series.epoch(at(2031, 7, 9, 12, 0))


def test_the_clock_is_source_date_epoch_else_the_commit_date(tmp_path: Path) -> None:
    assert build_clock(tmp_path, {"SOURCE_DATE_EPOCH": "1796212800"}) == at(2026, 12, 2, 12)
    with pytest.raises(DataError) as caught:
        build_clock(tmp_path, {"SOURCE_DATE_EPOCH": "2026-12-02"})
    (problem,) = caught.value.errors
    assert problem.location == Location("$SOURCE_DATE_EPOCH")
    assert "not a time" in problem.message
    # Not set: the date of the commit being built (here a repository made for the test).
    git = ["git", "-C", str(tmp_path), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "a").write_text("a", encoding="utf-8")
    subprocess.run([*git, "add", "a"], check=True)
    stamp = {
        "GIT_COMMITTER_DATE": "2030-01-02T03:04:05Z",
        "GIT_AUTHOR_DATE": "2030-01-02T00:00:00Z",
    }
    subprocess.run([*git, "commit", "-q", "-m", "a"], check=True, env={**os.environ, **stamp})
    assert build_clock(tmp_path, {}) == at(2030, 1, 2, 3, 4, 5)
    # Outside a repository: the system clock.
    before = dt.datetime.now(UTC)
    assert before <= build_clock(Path("/"), {}) <= dt.datetime.now(UTC)
