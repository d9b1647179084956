"""Shared test data: the real volume's published citation keys, pinned, and a fabricated
volume (example data, no real paper or person) where everything is known, with the hard cases.
Also the production path to each paper's and the volume's citation files, for the tests."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.conftest import CORPORA, FACTS, SERIES_DATA, Site, build, copy_site
from tools.proceedings.load import load_series
from tools.proceedings.model import Proceedings
from tools.proceedings.render.citation.files import join_volume, render_paper

FACTS_FILE = FACTS / "inet4ai-2025.yaml"
CSL_SCHEMA = CORPORA / "csl-data.json"

# Keys are published: once a volume is out they must never change. Pinned here on purpose.
REAL_KEYS = [
    "inet4ai25-traffic-inversion",
    "inet4ai25-moe-load-balancing",
    "inet4ai25-scale-ccl",
    "inet4ai25-nano-cluster",
]

# A fabricated volume where everything is known (pages, ISBN, PDF, affiliations, ORCID), with
# the hard cases: non-ASCII names, a 'von' part, a corporate author, LaTeX specials, acronyms,
# markup-like text, and a withdrawn paper. The ISBN is a valid ISBN-13 in a range that the
# Business::ISBN data shipped with biber knows (ACM's newer 979-8-4007 range is flagged by the
# older Debian data, a consumer-side limitation noted in the README).
COMPLETE_VOLUME = """\
title: Proceedings of the 1st Workshop on Testing Citations for AI
short_title: TESTCITE '25
year: 2025
month: 12
publisher: ACM
publisher_address: New York, NY, USA
isbn: 978-1-4503-1234-9
doi_prefix: 10.5555/1234567
event:
  name: An Example Conference 2025
  start: 2025-12-01
  end: 2025-12-04
  city: Hong Kong
  country: Hong Kong
"""
COMPLETE_PAPERS = r"""
papers:
  - id: scale-gpu
    title: "SCALE-CCL: GPU Collectives for MoE over the Wide-Area Network"
    authors:
      - given: Mëmëdhe
        family: Ibrahimi
        affiliations: ["Politecnico di Milano", "Huawei Technologies"]
        orcid: 0000-0002-1825-0097
      - given: Nicola
        family: Di Cicco
        affiliations: ["Politecnico di Milano"]
      - given: Zoë
        family: van der Berg
      - given: José Ñ.
        family: Núñez-Łukasiewicz
    abstract: |
      We move tensors of size $O(n^2)$ across <continents> & oceans, at 100% "utilization".

      A second paragraph, with </script> in it.
    keywords: [collectives, GPU]
    pages: 1--6
    doi: 10.5555/1234567.0001
    published: 2025-11-30
    links:
      pdf: https://example.org/papers/scale-gpu.pdf
  - id: specials
    title: "Q&A on 100% of $5 #1 a_b {x} ~ ^ \\ costs: what?!"
    authors:
      - name: The INET Consortium
      - given: Ann
        family: O'Neil
        affiliations: ["R&D <Lab>"]
    abstract: Short.
    pages: 7--12
    doi: 10.5555/1234567.0002
  - id: gone
    title: A Withdrawn Paper on GPUs
    status: withdrawn
    notice: Withdrawn by the authors before publication.
    authors:
      - {given: Wanda, family: Drawn}
    abstract: Never published.
"""


def write_complete(folder: Path) -> Path:
    """The fabricated complete volume as a data folder (papers.yaml, volume.yaml)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "volume.yaml").write_text(COMPLETE_VOLUME, encoding="utf-8")
    (folder / "papers.yaml").write_text(COMPLETE_PAPERS, encoding="utf-8")
    return folder


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def build_warnings(site: Site) -> list[str]:
    lines = ANSI.sub("", site.warnings).splitlines()
    return [line for line in lines if line.strip()]


def build_complete_site(base: Path, *, data: Path | None = None) -> Site:
    """The site built with the fabricated complete volume (and a stub program page, since the
    real program names the real papers); fails on any warning."""
    src = base / "src"
    if not src.exists():
        copy_site(src)
        (src / "program" / "2025" / "index.md").write_text("# Program\n\nExample site.\n", "utf-8")
    data = data or write_complete(base / "data")
    site = build(src, base / "html", overrides={"proceedings_data": str(data)})
    assert build_warnings(site) == []
    return site


def acm_reference_in_facts() -> str:
    """The reference printed in paper 2, as the workshop's facts file quotes it."""
    known = yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8"))
    return str(known["acm_reference_paper2"])


def citation_files(proceedings: Proceedings) -> dict[str, str]:
    """Every paper's citation files, by name, as the build renders them."""
    volume = proceedings.volume
    return {n: t for p in proceedings.published for n, t in render_paper(p, volume).items()}


def volume_files(proceedings: Proceedings) -> dict[str, str]:
    """The volume's citation files (volume.bib, .ris, .json), joined as the build joins them."""
    return join_volume(proceedings, citation_files(proceedings))


def real_2025() -> Proceedings:
    """The proceedings of INET4AI 2025 as the site builds them: read with the series, which
    gives the volume its event (the host conference, written once in edition.yaml)."""
    proceedings = load_series(SERIES_DATA).series.edition(2025).proceedings
    assert proceedings is not None
    return proceedings
