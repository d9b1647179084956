"""LaTeX in BibTeX values -> Unicode text: decoded, math kept verbatim, nothing lost."""

from __future__ import annotations

import pytest

from tools.proceedings.sources.common import ascii_id
from tools.proceedings.sources.latex import decode


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        ("Plain text stays", "Plain text stays"),
        (r"Schr{\"o}dter", "Schrödter"),
        (r"\'{E}cole \c{c}a \v{S}koda Garc\'{\i}a Mar{\'\i}a", "École ça Škoda García María"),
        (r"Stra\ss e {\o}rsted \L{}ukasz", "Straße ørsted Łukasz"),
        (r"{GRAIL}: a {T}itle", "GRAIL: a Title"),
        (r"\emph{very} \textbf{B}IDS {\em emph} \textit{it}", "very BIDS emph it"),
        (r"50\% \$5 a\_b \{x\} R\&D \#1", "50% $5 a_b {x} R&D #1"),
        ("in--out, a---b, ``quoted''", "in\u2013out, a\u2014b, \u201cquoted\u201d"),
        ("Fig.~1", "Fig.\u00a01"),
        (r"\ldots{} and \textendash", "\u2026 and \u2013"),
        (r"\url{https://x.org/a\_b%20}", "https://x.org/a_b%20"),
        (r"\href{https://a.org/b_c}{https://a.org/b}", "https://a.org/b (https://a.org/b_c)"),
        (r"\href{https://a.org}{https://a.org}", "https://a.org"),
        (r"done.\footnote{See X.}", "done. (See X.)"),
        (r"\textcolor{red}{Warning}", "Warning"),
        ("line one\nline two\n\n  second paragraph", "line one line two\n\nsecond paragraph"),
        ("unbalanced } brace", "unbalanced } brace"),
    ],
)
def test_text_is_decoded(latex: str, text: str) -> None:
    assert decode(latex).text == text


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"$\mathcal{L}_2$ loss", r"$\mathcal{L}_2$ loss"),
        (r"a $x--y \cdot \dot{x} \"o$ b", r"a $x--y \cdot \dot{x} \"o$ b"),
        (r"$1\%\sim 3\%$", r"$1\%\sim 3\%$"),
        (r"\(x^2\) and \[y\]", "$x^2$ and $$y$$"),
        (r"$$\sum_i x_i$$", r"$$\sum_i x_i$$"),
        (r"\ensuremath{\alpha}", r"$\alpha$"),
    ],
)
def test_math_is_kept_verbatim(latex: str, text: str) -> None:
    assert decode(latex).text == text


def test_unknown_macros_are_kept_and_named() -> None:
    decoded = decode(r"Federated Averaging (\Algn), and \Custom{arg}{two} works")
    assert decoded.text == r"Federated Averaging (\Algn), and \Custom{arg}{two} works"
    assert decoded.unknown == (r"\Algn", r"\Custom")


def test_double_escaped_export_keeps_the_authors_latex() -> None:
    # A real messy PMLR file escaped its LaTeX once more (\\textit\{...\}, \$...\$): the text
    # comes out as the authors typed it, so math still renders and nothing is lost.
    decoded = decode(r"we propose \\textit\{SPO\} over \$\\mathcal\{D\_\{i\}\}\$")
    assert decoded.text == r"we propose \textit{SPO} over $\mathcal{D_{i}}$"


def test_never_prints_the_date() -> None:
    # pylatexenc's table maps \today to the current date: a build would not be reproducible.
    assert decode(r"\today").text == r"\today"


@pytest.mark.parametrize(
    ("key", "slug"),
    [
        ("schrödter26", "schrodter26"),
        ("miñoza26", "minoza26"),
        ("B1xSperKvH", "b1xsperkvh"),
        ("Łukasz:2020", "lukasz-2020"),
        ("straße26", "strasse26"),
        ("../../etc/passwd", "etc-passwd"),
        ("a..b", "a.b"),
    ],
)
def test_ascii_ids(key: str, slug: str) -> None:
    assert ascii_id(key) == slug


@pytest.mark.parametrize("key", ["張2026", "", "---", "Ωmega"])
def test_no_ascii_id_rather_than_a_partial_one(key: str) -> None:
    assert ascii_id(key) is None
