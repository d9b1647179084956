"""A math renderer that needs no network: LaTeX -> MathML with docutils' own converter."""

from __future__ import annotations

from docutils import nodes
from docutils.utils.math import latex2mathml
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)
# What docutils' converter raises on LaTeX it cannot convert: MathError (a ValueError) for
# unknown commands and unbalanced braces, SyntaxError for some input, AttributeError for '&'
# or '\\' outside an environment, IndexError for a lone '_' or '^' ("from $5 & $10" in an
# abstract that never meant math).
MATH_ERRORS = (ValueError, SyntaxError, AttributeError, IndexError, KeyError, TypeError)


def _mathml(latex: str, *, block: bool, node: nodes.Node) -> str | None:
    try:
        rendered: str = latex2mathml.tex2mathml(latex, as_block=block)
    except MATH_ERRORS as exc:
        # The page shows the source instead: a reader still reads it, and the build goes on.
        logger.info("[proceedings] math shown as its source (%s): %r", exc, latex, location=node)
        return None
    return rendered


def visit_math(self: HTML5Translator, node: nodes.math) -> None:
    rendered = _mathml(node.astext(), block=False, node=node)
    if rendered is None:  # keep unparseable math readable as its source
        self.body.append(
            self.starttag(node, "code", "", CLASS="math") + self.encode(node.astext()) + "</code>"
        )
    else:
        self.body.append(self.starttag(node, "span", "", CLASS="math") + rendered + "</span>")
    raise nodes.SkipNode


def visit_displaymath(self: HTML5Translator, node: nodes.math_block) -> None:
    rendered = _mathml(node.astext(), block=True, node=node)
    if rendered is None:
        self.body.append(
            self.starttag(node, "pre", "", CLASS="math") + self.encode(node.astext()) + "</pre>"
        )
    else:
        self.body.append(self.starttag(node, "div", "", CLASS="math") + rendered + "</div>")
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_html_math_renderer("mathml", (visit_math, None), (visit_displaymath, None))
