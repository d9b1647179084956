"""LaTeX in BibTeX values -> Unicode text, fast and lossless, with $...$ math kept verbatim."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from pylatexenc import latex2text, latexwalker


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    unknown: tuple[str, ...] = ()  # macros we do not know, kept verbatim in ``text``


# A value needs the tokenizer only when it holds one of these; most abstracts do not.
_NEEDS_WORK = re.compile(r"[\\{}$~`]|--|''")

_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331", "t": "\u0361",
}  # fmt: skip
# \'e, \'{e}, \' e, \'{\i}; the letter accents (\c, \v, ...) need braces or a space, so that
# \cdot or \vec are never taken for an accent.
_ACCENT_RE = re.compile(
    r"\\(['`^\"~=.])\s*(?:\{\s*(\\[ij]|[A-Za-z])\s*\}|(\\[ij])(?![A-Za-z])|([A-Za-z]))"
    r"|\\([uvHckrdbt])(?:\s*\{\s*(\\[ij]|[A-Za-z]{1,2})\s*\}|\s+([A-Za-z]))"
    # Letters inside a word (Stra\ss e, \o{}): like LaTeX, the space or {} after them goes.
    r"|(?<!\\)\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?:\{\}|[ \t]+(?=[A-Za-z]))?"
)
_URL_ESCAPE = re.compile(r"\\([_%#&~$])")
_SPACES = re.compile(r"[ \t\r\n]+")  # not str.split(): a tie (U+00A0) must stay
_PARAGRAPH = re.compile(r"\n[ \t\r]*\n")
_MATH = r"\$\$(?:[^$\\]|\\.)+?\$\$|\$(?:[^$\\]|\\.)+?\$|\\\(.+?\\\)|\\\[.+?\\\]"
_MATH_RE = re.compile(f"(?<!\\\\)({_MATH})", re.S)
_TOKEN_RE = re.compile(
    f"(?P<math>{_MATH})"
    r"|(?P<cs>\\(?:[A-Za-z]+|.))"
    r"|(?P<open>\{)|(?P<close>\})"
    r"|(?P<dash>-{2,3})|(?P<quote>``|''|`)|(?P<tie>~)"
    r"|(?P<text>[^\\{}$`'~-]+|[-'$])",
    re.S,
)
_FORMAT = frozenset({
    "emph", "textit", "textbf", "textsc", "textsl", "textrm", "textsf", "texttt", "textup",
    "textmd", "textnormal", "text", "mbox", "underline", "uline", "textsuperscript",
    "textsubscript"
})  # fmt: skip
_DECLARATIONS = frozenset({
    "em", "it", "bf", "sc", "sl", "rm", "sf", "tt", "normalfont", "itshape", "bfseries", "scshape",
    "upshape", "mdseries", "slshape", "sffamily", "rmfamily", "ttfamily", "small", "footnotesize",
    "scriptsize", "tiny", "large", "Large", "LARGE", "huge", "Huge", "normalsize", "relax",
    "protect", "noindent", "xspace", "nobreak", "ignorespaces", "unskip", "centering"
})  # fmt: skip
_SYMBOL_OVERRIDES = {
    "-": "", "/": "", "@": "", " ": " ", "newline": "\n", "par": "\n\n", "$": "$", "&": "&",
    "%": "%", "#": "#", "_": "_", "{": "{", "}": "}",
}  # fmt: skip
_UNSAFE_SYMBOLS = {"today"}  # pylatexenc prints the current date: never reproducible


@functools.cache
def _symbols() -> dict[str, str]:
    """Argument-less text macros and their Unicode, from pylatexenc's tables (built once)."""
    text_db = latex2text.get_default_latex_context_db()
    walker_db = latexwalker.get_default_latex_context_db()
    table: dict[str, str] = {}
    for spec in text_db.iter_macro_specs():
        walker_spec = walker_db.get_macro_spec(spec.macroname)
        argspec = getattr(getattr(walker_spec, "args_parser", None), "argspec", "")
        repl = spec.simplify_repl
        if isinstance(repl, str) and not argspec and "%" not in repl:
            table[spec.macroname] = repl
    for name in _UNSAFE_SYMBOLS:
        table.pop(name, None)
    table.update(_SYMBOL_OVERRIDES)
    return table


def _accent(match: re.Match[str]) -> str:
    if match.group(8):
        return _symbols()[match.group(8)]
    accent = match.group(1) or match.group(5)
    base = next(g for g in match.group(2, 3, 4, 6, 7) if g)
    base = {"\\i": "i", "\\j": "j"}.get(base, base)
    return unicodedata.normalize("NFC", base[0] + _ACCENTS[accent] + base[1:])


def _letters(value: str) -> str:
    """Accented and special letters -> Unicode, outside math only ($\\dot x$ stays)."""
    parts = _MATH_RE.split(value)  # odd items are math
    parts[::2] = [_ACCENT_RE.sub(_accent, p) if "\\" in p else p for p in parts[::2]]
    return "".join(parts)


def _normalize_space(text: str) -> str:
    """LaTeX spacing: a blank line ends a paragraph; other runs of white space are one space."""
    if "\n" not in text and "  " not in text and "\t" not in text and "\r" not in text:
        return text.strip()
    paragraphs = (_SPACES.sub(" ", p).strip() for p in _PARAGRAPH.split(text))
    return "\n\n".join(p for p in paragraphs if p)


class _Decoder:
    """A small recursive-descent reader over the tokens of one value."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = list(_TOKEN_RE.finditer(source))
        self.pos = 0
        self.unknown: list[str] = []

    def sequence(self, *, in_group: bool) -> str:
        out: list[str] = []
        while self.pos < len(self.tokens):
            token = self.tokens[self.pos]
            self.pos += 1
            kind = token.lastgroup
            if kind == "close" and in_group:
                break
            out.append(self._token(token, kind))
        return "".join(out)

    def _token(self, token: re.Match[str], kind: str | None) -> str:
        value = token.group()
        if kind == "math":
            return _math(value)
        if kind == "cs":
            return self._macro(value[1:], token.end())
        if kind == "open":
            return self.sequence(in_group=True)
        if kind == "dash":
            return "\u2013" if value == "--" else "\u2014"
        if kind == "quote":
            return {"``": "\u201c", "''": "\u201d", "`": "\u2018"}[value]
        if kind == "tie":
            return "\u00a0"
        return value  # text, and a stray '}' (kept: never drop a character)

    def _macro(self, name: str, end: int) -> str:
        if name == "\\":  # an escaped backslash before a word (\\textit): a literal backslash
            nxt = self.source[end : end + 1]
            return "\\" if nxt.isalpha() else "\n"
        if name in _FORMAT:
            return self.argument()
        if name in _DECLARATIONS:
            return ""
        if name in _HANDLERS:
            return _HANDLERS[name](self)
        symbol = _symbols().get(name)
        return symbol if symbol is not None else self.unknown_macro(name)

    def skip_space(self) -> None:
        while self.pos < len(self.tokens) and self.tokens[self.pos].group().isspace():
            self.pos += 1

    def argument(self) -> str:
        """The next argument, decoded: a {group} or one token."""
        self.skip_space()
        if self.pos >= len(self.tokens):
            return ""
        token = self.tokens[self.pos]
        self.pos += 1
        return self._token(token, token.lastgroup)

    def raw_argument(self) -> str:
        """The next {group} as written (for URLs), or '' when there is none."""
        self.skip_space()
        if self.pos >= len(self.tokens) or self.tokens[self.pos].lastgroup != "open":
            return ""
        start, depth = self.tokens[self.pos].end(), 0
        for i in range(self.pos, len(self.tokens)):
            kind = self.tokens[i].lastgroup
            depth += 1 if kind == "open" else -1 if kind == "close" else 0
            if depth == 0:
                self.pos = i + 1
                return self.source[start : self.tokens[i].start()]
        self.pos = len(self.tokens)
        return self.source[start:]

    def optional_argument(self) -> None:
        if self.pos < len(self.tokens) and self.tokens[self.pos].group().startswith("["):
            text = self.tokens[self.pos].group()
            if "]" in text:  # a one-token [model] option, as in \textcolor[rgb]{...}
                self.pos += 1

    def unknown_macro(self, name: str) -> str:
        """Keep an unknown macro and its {arguments} exactly as written: lose nothing."""
        self.unknown.append("\\" + name)
        parts = ["\\" + name]
        while self.pos < len(self.tokens) and self.tokens[self.pos].lastgroup == "open":
            parts.append("{" + self.raw_argument() + "}")
        return "".join(parts)


def _math(value: str) -> str:
    # Pages render $...$ and $$...$$; \(...\) and \[...\] mean the same.
    if value.startswith("\\("):
        return "$" + value[2:-2] + "$"
    if value.startswith("\\["):
        return "$$" + value[2:-2] + "$$"
    return value


def unescape_url(text: str) -> str:
    """A URL as BibTeX writes it (\\_, \\%) -> the URL."""
    return _URL_ESCAPE.sub(r"\1", text.strip())


def _href(d: _Decoder) -> str:
    url = unescape_url(d.raw_argument())
    text = d.argument().strip()
    return url if not text or text == url else f"{text} ({url})"


def _footnote(d: _Decoder) -> str:
    return f" ({d.argument().strip()})"


def _color(d: _Decoder) -> str:
    d.optional_argument()
    d.raw_argument()  # the colour name
    return d.argument()


_HANDLERS: dict[str, Callable[[_Decoder], str]] = {
    "url": lambda d: unescape_url(d.raw_argument()),
    "href": _href,
    "footnote": _footnote,
    "thanks": _footnote,
    "textcolor": _color,
    "colorbox": _color,
    "ensuremath": lambda d: "$" + d.raw_argument() + "$",
}


@functools.lru_cache(maxsize=8192)
def decode(value: str) -> Decoded:
    """Decode one BibTeX value (titles, names, abstracts) into display text."""
    if not _NEEDS_WORK.search(value):
        return Decoded(_normalize_space(value))
    decoder = _Decoder(_letters(value) if "\\" in value else value)
    text = decoder.sequence(in_group=False)
    return Decoded(_normalize_space(text), tuple(dict.fromkeys(decoder.unknown)))
