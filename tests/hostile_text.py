"""Hostile text for the tests: fragments of every syntax the data passes through, and hypothesis
strategies that mix them with arbitrary Unicode the validation keeps."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from tools.proceedings.check.characters import reason

# No example database: the tests never write into the repository (.hypothesis/).
PURE = settings(
    database=None, deadline=None, max_examples=120, suppress_health_check=[HealthCheck.too_slow]
)
# Whole-site builds: each example costs seconds, so a handful, each carrying many records; no
# shrinking (dozens of builds): a failure reports the volume as drawn.
BUILDS = settings(
    database=None,
    deadline=None,
    max_examples=3,
    phases=[Phase.explicit, Phase.generate],
    # A whole volume is one draw: some draws outgrow hypothesis's size cap and are drawn again.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)

FRAGMENTS = (
    # HTML and the places it ends up in (attributes, <title>, <script>, <style>, comments)
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>',
    "'><iframe src=javascript:alert(1)>", "</title><script>alert(1)</script>", "</script>",
    "</style>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&lt;b&gt;", "&#x3C;i&#x3E;",
    "&nbsp;", "<b>bold</b>", "<a href='https://evil.example'>x</a>", "<math><mi>x</mi></math>",
    "<base href=//evil.example>", '<meta http-equiv="refresh" content="0;url=//evil.example">',
    # MyST and CommonMark
    "```{raw} html\n<b>raw</b>\n```", "{raw}`html <i>x</i>`", ":::{note}\nfenced\n:::",
    "[link](javascript:alert(1))", "<https://evil.example>", "![img](https://evil.example/x)",
    "{{ 7 * 7 }}", "(target)=", "---\norphan: true\n---", "{#anchor .cls}", "# Heading",
    "* item", "1. item", "> quote", "| a | b |", "**bold** _em_ `code`", "\\*not em\\*",
    "[^note]", "{download}`x`", "{eval-rst}", "```{include} /etc/passwd\n```",
    # reStructuredText
    ".. raw:: html\n\n   <u>rst</u>", "`x <javascript:alert(1)>`_", "|sub|", ":role:`x`",
    ".. include:: /etc/passwd", "__ https://evil.example", "::", ".. _target:",
    # Jinja and Python formatting
    "{% if true %}jinja{% endif %}", "{# comment #}", "{{ config }}", "%s %(title)s", "{0}",
    "{title}",
    # LaTeX, BibTeX, RIS, iCalendar, CSV, JSON, YAML
    "\\input{/etc/passwd}", "\\def\\x{y}", "\\\\", "{", "}", "}{", "{{}}", "%", "#", "&", "~",
    "^", "_", "\\", "\\textbf{x}", "\\url{javascript:alert(1)}", "$x$", "$$", "@comment{",
    "},\n  author = {Mallory}", '" # "', "@string{x = {y}}", "\nER  - \n", "TY  - JOUR",
    "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:evil", ";", ",", "\\n", "\\,", '","', '"},{"',
    ": ", "- ", "&anchor", "*alias", "!!python/object:os.system", "? key", "'", '"', "`",
    # URLs and paths
    "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x",
    "../../etc/passwd", "/tmp/x", "C:\\Windows", "//evil.example",
    # Unicode: right-to-left text and marks, combining characters, emoji, spaces, zero-width
    "שלום עולם", "مرحبا بالعالم", "\u200f", "\u200e", "\u061c", "e\u0301", "Z\u0351\u0354\u0347",
    "👩\u200d💻", "🇭🇰", "🙂", "\u00a0", "\u3000", "\u2028", "\u2029", "\u200b", "\u200d",
    "\u200c", "\ufeff", "ǅ", "ﬁ", "Ⅻ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\U0010fffd", "\ue000", "中文字", "\t",
)  # fmt: skip


def kept(char: str) -> bool:
    """A character the validation lets through (and that hypothesis should therefore try)."""
    return reason(char) is None


# Arbitrary code points the validation keeps; surrogates are not text (hypothesis knows).
KEPT_CHARS = st.characters(blacklist_categories=("Cs",)).filter(kept)
# A character the validation must refuse: controls, noncharacters, bidi overrides, surrogates.
REFUSED_CHARS = st.one_of(
    st.sampled_from([chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"]),
    st.sampled_from(["\x7f", "\x80", "\x85", "\x9b", "\x9f"]),
    st.sampled_from(["\ufdd0", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff"]),
    st.sampled_from(["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069"]),
    st.integers(0xD800, 0xDFFF).map(chr),
)


def hostile_text(
    *,
    max_pieces: int = 6,
    line_breaks: bool = True,
    chars: st.SearchStrategy[str] = KEPT_CHARS,
    fragments: tuple[str, ...] = FRAGMENTS,
) -> st.SearchStrategy[str]:
    """Text mixing syntax fragments with arbitrary kept characters; never blank."""
    piece = st.one_of(st.sampled_from(fragments), st.text(chars, min_size=1, max_size=12))
    text = st.lists(piece, min_size=1, max_size=max_pieces).map("".join)
    if not line_breaks:
        text = text.map(lambda t: " ".join(t.split()))
    return text.filter(lambda t: bool(t.strip()))


def long_text(repeat: int = 400) -> st.SearchStrategy[str]:
    """Very long values (tens of thousands of characters) built from hostile pieces."""
    return hostile_text(max_pieces=3).map(lambda t: (t + " ") * repeat)


def words(text: str) -> str:
    """The comparison form of a value: whitespace runs as one space, as HTML shows it."""
    return " ".join(text.split())


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
