"""The built .bib files typeset as the people who cite our papers typeset them: an acmart paper
with ACM-Reference-Format.bst, an IEEEtran paper, and biblatex with biber (its data model
checked), each run by pdflatex and read back from the PDF with pdftotext. Each tool missing
locally skips its tests; in CI (CI=true) it fails (.ci/run installs them)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.conftest import Site
from tests.support import require, require_tool
from tests.volumes import acm_reference_in_facts, real_2025, volume_files, write_complete
from tools.proceedings.load import load
from tools.proceedings.model import Proceedings
from tools.proceedings.render.citation.acm import acm_reference

from .pages import PAPER

PAPERS = "proceedings/2025/papers/{}.bib"
VOLUME = "proceedings/2025/volume.bib"
SERIES = "proceedings/series.bib"
# What ACM prints after "In " in paper 2's reference (tests/data/facts): the proceedings, the
# series, the conference's dates and place.
PUBLISHED_IN = acm_reference_in_facts().split(" In ", 1)[1].split(". ACM, ", 1)[0]
# A page so wide that each reference is one line: at a line break pdftotext cannot tell a
# hyphen that LaTeX added from one of the text, and a broken URL gains a space.
WIDE = "\\usepackage{geometry}\n\\geometry{paperwidth=100in,textwidth=96in}\n"
# LaTeX sets an apostrophe as a typographic one (’), as ACM's printed reference does; the
# references we compare with spell it "'".
APOSTROPHE = str.maketrans({"\u2019": "'"})
# What ACM-Reference-Format.bst says of an entry with no author list or no page count: the
# only things missing from our data.
NO_AUTHORS = (
    "no key, author in",
    "no author, editor, organization, or key in",
    "to sort, need author or key in",
    "empty author in",
)
NO_PAGES = ("page numbers missing in both pages and numpages fields in",)
UNKNOWN_AUTHORS = {"inet4ai25-traffic-inversion", "inet4ai25-nano-cluster"}
UNKNOWN_PAGES = UNKNOWN_AUTHORS | {"inet4ai25-scale-ccl"}


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory) -> Proceedings:
    return load(write_complete(tmp_path_factory.mktemp("complete"))).proceedings


def require_tex(*names: str) -> None:
    """Skip (fail in CI) unless TeX finds each file, a class, package or style of Debian's
    texlive packages."""
    kpsewhich = require_tool("kpsewhich")
    for name in names:
        found = subprocess.run([kpsewhich, name], capture_output=True, text=True, check=False)
        require(found.returncode == 0, f"TeX does not find {name} (Debian: see .ci/run)")


def typeset(folder: Path, document: str, bibs: Mapping[str, str], *, biber: bool = False) -> str:
    """pdflatex, then bibtex (or biber with its data model checked), then pdflatex: the PDF's
    text (the logs stay in ``folder``)."""
    pdflatex, pdftotext = require_tool("pdflatex"), require_tool("pdftotext")
    tool = [require_tool("biber"), "--validate-datamodel"] if biber else [require_tool("bibtex")]
    for name, text in bibs.items():
        (folder / name).write_text(text, encoding="ascii")  # our BibTeX is ASCII
    (folder / "paper.tex").write_text(document, encoding="utf-8")
    latex = [pdflatex, "-interaction=nonstopmode", "-halt-on-error", "paper.tex"]
    for command in (latex, [*tool, "paper"], latex):
        done = subprocess.run(
            command, cwd=folder, capture_output=True, text=True, timeout=180, check=False
        )
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    done = subprocess.run(
        [pdftotext, "-raw", "-enc", "UTF-8", "paper.pdf", "-"],
        cwd=folder, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    # pdftotext writes some accented letters as a letter and a combining mark ('N' + U+0303).
    return unicodedata.normalize("NFC", done.stdout).translate(APOSTROPHE)


def references(text: str) -> list[str]:
    """The entries of the reference list, '[n] ...' lines, without their label (empty, '[]',
    after one pass of pdflatex over the bibliography: the numbers come with the next)."""
    return re.findall(r"^\[\d*\] (.+)$", text, flags=re.MULTILINE)


def bibliography(bibs: Mapping[str, str]) -> str:
    return ",".join(name.removesuffix(".bib") for name in bibs)


def bibtex_warnings(folder: Path) -> list[tuple[str, str]]:
    """bibtex's warnings as (what, key)."""
    log = (folder / "paper.blg").read_text(encoding="utf-8")
    found = re.findall(r"^Warning--(.+ in) (\S+)$", log, flags=re.MULTILINE)
    assert len(found) == log.count("Warning--"), log
    return found


# acmart and ACM-Reference-Format.bst --------------------------------------------------------

ACMART = """\\documentclass[sigconf]{{acmart}}
{wide}\\begin{{document}}
\\title{{Citing INET4AI}}
\\maketitle
\\nocite{{*}}
\\bibliographystyle{{ACM-Reference-Format}}
\\bibliography{{{bibliography}}}
\\end{{document}}
"""


def acmart(folder: Path, bibs: Mapping[str, str]) -> list[str]:
    """The references an acmart paper citing every entry of ``bibs`` prints, as an author's
    TeX prints them: with acmart's own fonts (Libertine, Inconsolata, newtx), which it
    otherwise replaces, with another font encoding, by a warning only."""
    require_tex("acmart.cls", "ACM-Reference-Format.bst", "libertine.sty", "zi4.sty")
    text = typeset(folder, ACMART.format(wide=WIDE, bibliography=bibliography(bibs)), bibs)
    log = (folder / "paper.log").read_text(encoding="utf-8", errors="replace")
    assert "You do not have the" not in log, "acmart fell back from its fonts"
    return references(text)


def site_bibs(site: Site, files: str) -> dict[str, str]:
    """The built .bib files of the 2025 volume: each paper's, the volume's or the series'."""
    if files == "papers":
        ids = [paper.id for paper in real_2025().published]
        return {f"{i}.bib": site.file(PAPERS.format(i)) for i in ids}
    return {"cited.bib": site.file(VOLUME if files == "volume" else SERIES)}


@pytest.mark.parametrize("files", ["papers", "volume", "series"])
def test_acmart_typesets_every_paper_as_the_acm_reference_on_its_page(
    site: Site, tmp_path: Path, files: str
) -> None:
    """Each paper's entry, in each file that offers it, typesets as the ACM reference its page
    shows (paper 2's: the one printed in the paper), the title once when no author is known."""
    typeset_refs = acmart(tmp_path, site_bibs(site, files))
    shown = {}
    for paper in real_2025().published:
        page = site.page(PAPER.format(paper.id))
        block = page.select_one("section#cite p.cite-acm-text")
        assert block is not None, paper.id
        shown[paper.id] = block.get_text().strip()
    assert sorted(typeset_refs) == sorted(shown.values())
    assert acm_reference_in_facts() in typeset_refs
    for paper in real_2025().published:
        assert " ".join(typeset_refs).count(paper.title) == 1, paper.id
    # ACM's style says only what our data does not know: two author lists, three page counts.
    for what, key in bibtex_warnings(tmp_path):
        assert (what in NO_AUTHORS and key in UNKNOWN_AUTHORS) or (
            what in NO_PAGES and key in UNKNOWN_PAGES
        ), (what, key)


def test_acmart_typesets_hard_text_and_names_as_their_acm_reference(
    complete: Proceedings, tmp_path: Path
) -> None:
    """LaTeX's specials, braces, accents, a 'von' part, a corporate author and page ranges
    come out as the ACM reference prints them, character for character."""
    typeset_refs = acmart(tmp_path, {"complete.bib": volume_files(complete)["volume.bib"]})
    expected = [acm_reference(paper, complete.volume) for paper in complete.published]
    assert sorted(typeset_refs) == sorted(ref.translate(APOSTROPHE) for ref in expected)
    assert bibtex_warnings(tmp_path) == []


# IEEEtran ----------------------------------------------------------------------------------

IEEETRAN = """\\documentclass[conference]{{IEEEtran}}
{wide}\\begin{{document}}
\\nocite{{*}}
\\bibliographystyle{{IEEEtran}}
\\bibliography{{{bibliography}}}
\\end{{document}}
"""
# IEEEtran abbreviates given names and sentence-cases titles, but for the braced words.
IEEE = {
    "inet4ai25-traffic-inversion": (
        "“Self-supervised application-level network traffic inversion,” in {where}. "
        "New York, NY, USA: ACM, 2025. [Online]. Available: "
        "https://doi.org/10.1145/3769695.3771674"
    ),
    "inet4ai25-moe-load-balancing": (
        "V. P. K. Miriyala, G. Sviridov, B. Chen, and H. Javaid, “Latency-optimal load "
        "balancing for distributed MoE inference,” in {where}. New York, NY, USA: ACM, Nov. "
        "2025. [Online]. Available: https://doi.org/10.1145/3769695.3771675"
    ),
    "inet4ai25-scale-ccl": (
        "J. Xiong, Q. Zhang, P. Medagliani, M. Ferrero, X. Liu, M. Lian, N. Di Cicco, B. Zhao, "
        "M. Ibrahimi, F. Musumeci, and M. Tornatore, “SCALE-CCL: A scalable collective "
        "communication library for wide-area distributed training,” in {where}. New York, NY, "
        "USA: ACM, 2025. [Online]. Available: https://doi.org/10.1145/3769695.3771677"
    ),
    "inet4ai25-nano-cluster": (
        "“You've got a few GPUs, now what?! -- experimenting with a nano-cluster for "
        "distributed training of AI models,” in {where}. New York, NY, USA: ACM, 2025. "
        "[Online]. Available: https://doi.org/10.1145/3769695.3771676"
    ),
}
IEEE_COMPLETE = (
    "M. Ibrahimi, N. Di Cicco, Z. van der Berg, and J. Ñ. Núñez-Łukasiewicz, “SCALE-CCL: GPU "
    "collectives for MoE over the wide-area network,” in Proceedings of the 1st Workshop on "
    "Testing Citations for AI (TESTCITE '25), December 1–4, 2025, Hong Kong, Hong Kong. New "
    "York, NY, USA: ACM, Nov. 2025, pp. 1–6. [Online]. Available: "
    "https://doi.org/10.5555/1234567.0001"
)


def test_ieeetran_keeps_acronyms_names_and_acm_s_proceedings_line(
    site: Site, complete: Proceedings, tmp_path: Path
) -> None:
    require_tex("IEEEtran.cls", "IEEEtran.bst", "ptmr7t.tfm")  # Times: IEEEtran's font
    bibs = {
        "real.bib": site.file(VOLUME),
        "complete.bib": volume_files(complete)["volume.bib"],
    }
    document = IEEETRAN.format(wide=WIDE, bibliography=bibliography(bibs))
    typeset_refs = references(typeset(tmp_path, document, bibs))
    real = [IEEE[key].format(where=PUBLISHED_IN) for key in IEEE]
    assert typeset_refs[: len(real)] == real  # IEEEtran keeps the files' order
    assert typeset_refs[len(real)] == IEEE_COMPLETE
    assert typeset_refs[-1].startswith("The INET Consortium and A. O'Neil, “Q&A on 100% of $5")


# biblatex and biber -------------------------------------------------------------------------

BIBLATEX = """\\documentclass{{article}}
\\usepackage[T1]{{fontenc}}
\\usepackage{{libertine}}  % acmart's font, installed for it
{wide}\\usepackage[backend=biber,style=numeric]{{biblatex}}
{resources}\\begin{{document}}
\\nocite{{*}}
\\printbibliography
\\end{{document}}
"""


def test_biblatex_prints_acm_s_place_as_the_publisher_s_and_biber_finds_only_the_gaps(
    site: Site, tmp_path: Path
) -> None:
    """biber's data model check names only what our data does not know (two author lists)
    and ACM's 'numpages', which biblatex does not know (ACM's style prints it: it stays); the
    publisher's place is ACM's, New York, and the conference's is in the proceedings line."""
    require_tex("biblatex.sty", "libertine.sty")
    bibs = {"volume.bib": site.file(VOLUME)}
    resources = "".join(f"\\addbibresource{{{name}}}\n" for name in bibs)
    document = BIBLATEX.format(wide=WIDE, resources=resources)
    typeset_refs = references(typeset(tmp_path, document, bibs, biber=True))
    log = (tmp_path / "paper.blg").read_text(encoding="utf-8")
    warnings = sorted(
        line.split(" WARN - ", 1)[1] for line in log.splitlines() if " WARN - " in line
    )
    entry = "Datamodel: Entry '{}' (volume.bib): "
    assert warnings == sorted(
        [entry.format(key) + "Missing mandatory field 'author'" for key in UNKNOWN_AUTHORS]
        + [entry.format("inet4ai25-moe-load-balancing")
           + "Field 'numpages' invalid in data model - ignoring"]
    )  # fmt: skip
    assert len(typeset_refs) == len(real_2025().published)
    for reference in typeset_refs:
        assert f"In: {PUBLISHED_IN}. New York, NY, USA: ACM, " in reference, reference
        assert "Hong Kong: ACM" not in reference
