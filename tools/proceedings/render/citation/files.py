"""Every citation file: each paper's, the volume's (its papers'), the series' (its volumes')."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...model import Paper, Proceedings, Volume
from ...paths import SERIES_STEM, VOLUME_STEM
from .formats import FORMATS


def render_paper(paper: Paper, volume: Volume) -> dict[str, str]:
    """File name inside the edition's papers folder -> content (none unless published)."""
    if not paper.is_published:
        return {}
    return {f"{paper.id}{f.suffix}": f.render(paper, volume) for f in FORMATS}


def join_volume(proceedings: Proceedings, papers: Mapping[str, str]) -> dict[str, str]:
    """File name inside the volume's folder -> content, from ``papers`` (render_paper's)."""
    return {
        f"{VOLUME_STEM}{f.suffix}": f.join(
            [papers[f"{p.id}{f.suffix}"] for p in proceedings.published]
        )
        for f in FORMATS
    }


def join_series(volumes: Sequence[Mapping[str, str]]) -> dict[str, str]:
    """File name inside the series' folder -> content, from each volume's files in order."""
    return {
        f"{SERIES_STEM.rpartition('/')[2]}{f.suffix}": f.join(
            [v[f"{VOLUME_STEM}{f.suffix}"] for v in volumes]
        )
        for f in FORMATS
    }
