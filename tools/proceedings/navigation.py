"""One navigation tree for all paper pages, computed once a build instead of once a page.

The theme renders the site's navigation (the global toctree) on every page, several times
(pydata-sphinx-theme renders each sidebar template once to see whether it is empty). Paper
pages (and the author index's letter pages) are orphans in one folder: the tree, its relative
links and its "current" marks are the same for all of them, so Sphinx's ``toctree()`` template
function is memoized for each folder.
"""

from __future__ import annotations

import posixpath
import weakref
from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from .render.pages import GENERATED_DIRS

# Before the themes' own html-page-context handlers (default priority 500) read `toctree`.
PRIORITY = 100
_trees: weakref.WeakKeyDictionary[Builder, dict[str, str]] = weakref.WeakKeyDictionary()


def share_toctree(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    own: Callable[..., str] | None = context.get("toctree")
    folder = posixpath.dirname(pagename)
    if own is None or folder not in GENERATED_DIRS:
        return
    trees = _trees.setdefault(app.builder, {})

    def toctree(**kwargs: Any) -> str:
        key = repr((folder, sorted(kwargs.items())))
        if key not in trees:
            trees[key] = own(**kwargs)
        return trees[key]

    context["toctree"] = toctree


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", share_toctree, priority=PRIORITY)
