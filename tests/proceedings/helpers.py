"""Fabricated data folders for the proceedings tests (example data, not the workshop's)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

VOLUME: dict[str, Any] = {
    "title": "Proceedings of an Example Workshop",
    "short_title": "EXW '25",
    "year": 2025,
    "month": 12,
    "publisher": "ACM",
    "publisher_address": "New York, NY, USA",
    "doi_prefix": "10.5555/0000000",
    "event": {
        "name": "An Example Conference",
        "start": "2025-12-01",
        "end": "2025-12-04",
        "city": "Hong Kong",
        "country": "Hong Kong",
    },
}


def paper(pid: str, title: str, **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": pid,
        "title": title,
        "authors": [{"given": "Ada", "family": "Example", "affiliations": ["Example University"]}],
        "abstract": "An example abstract.",
    }
    record.update(extra)
    return record


def write_data(
    folder: Path, papers: list[dict[str, Any]], volume: dict[str, Any] | None = None
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "volume.yaml").write_text(
        yaml.safe_dump(volume or VOLUME, allow_unicode=True), "utf-8"
    )
    (folder / "papers.yaml").write_text(
        yaml.safe_dump({"papers": papers}, allow_unicode=True, sort_keys=False), "utf-8"
    )
    return folder
