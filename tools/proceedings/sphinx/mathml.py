"""A math renderer that needs no network: LaTeX -> MathML with docutils' own converter."""

from __future__ import annotations

from functools import partial

from docutils import nodes
from docutils.utils.math import latex2mathml
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)
# What docutils' converter raises on LaTeX it cannot convert: MathError (a ValueError) for
# unknown commands or unbalanced braces, AttributeError for '&' or '\\' outside an
# environment, IndexError for a lone '_' or '^' ("from $5 & $10" in an abstract), and others.
MATH_ERRORS = (ValueError, SyntaxError, AttributeError, IndexError, KeyError, TypeError)


def _mathml(latex: str, *, block: bool, node: nodes.Node) -> str | None:
    try:
        rendered: str = latex2mathml.tex2mathml(latex, as_block=block)
    except MATH_ERRORS as exc:
        # The page shows the source instead: a reader still reads it, and the build goes on.
        logger.info("[proceedings] math shown as its source (%s): %r", exc, latex, location=node)
        return None
    return rendered


def visit(self: HTML5Translator, node: nodes.Element, *, block: bool) -> None:
    rendered = _mathml(node.astext(), block=block, node=node)
    if rendered is None:  # keep unparseable math readable as its source
        tag, rendered = ("pre" if block else "code"), self.encode(node.astext())
    else:
        tag = "div" if block else "span"
    self.body.append(self.starttag(node, tag, "", CLASS="math") + rendered + f"</{tag}>")
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    inline, display = partial(visit, block=False), partial(visit, block=True)
    app.add_html_math_renderer("mathml", (inline, None), (display, None))
