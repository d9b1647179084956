"""A math renderer that needs no network: LaTeX -> MathML with docutils' own converter."""

from __future__ import annotations

from docutils import nodes
from docutils.utils.math import latex2mathml
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


def _mathml(latex: str, *, block: bool) -> str | None:
    try:
        rendered: str = latex2mathml.tex2mathml(latex, as_block=block)
        return rendered
    # MathError for unknown commands and unbalanced braces, SyntaxError for some input; but
    # the converter also fails with AttributeError on '&' or '\\' outside an environment and
    # IndexError on a lone '_' or '^' ("from $5 & $10" in an abstract): any failure of it
    # shows the source instead of stopping the build.
    except Exception:
        return None


def visit_math(self: HTML5Translator, node: nodes.math) -> None:
    rendered = _mathml(node.astext(), block=False)
    if rendered is None:  # keep unparseable math readable as its source
        self.body.append(
            self.starttag(node, "code", "", CLASS="math") + self.encode(node.astext()) + "</code>"
        )
    else:
        self.body.append(self.starttag(node, "span", "", CLASS="math") + rendered + "</span>")
    raise nodes.SkipNode


def visit_displaymath(self: HTML5Translator, node: nodes.math_block) -> None:
    rendered = _mathml(node.astext(), block=True)
    if rendered is None:
        self.body.append(
            self.starttag(node, "pre", "", CLASS="math") + self.encode(node.astext()) + "</pre>"
        )
    else:
        self.body.append(self.starttag(node, "div", "", CLASS="math") + rendered + "</div>")
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_html_math_renderer("mathml", (visit_math, None), (visit_displaymath, None))
