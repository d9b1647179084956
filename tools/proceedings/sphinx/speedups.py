"""Speed-ups measured to matter for large volumes (make bench): work shared between pages,
and no collection at exit:

- one navigation tree for all generated pages of a folder, computed once a build instead of
  once a page: the theme renders the site's navigation (the global toctree) on every page,
  several times (pydata-sphinx-theme renders each sidebar template once to see whether it is
  empty), and the paper pages, orphans in one folder, all have the same tree, links and marks;
- one Pygments formatter per set of options instead of one per code block: Sphinx's
  PygmentsBridge makes a new HtmlFormatter, and its style table, for every literal block, and
  the four citation blocks of every paper page made that 5% of a full build;
- one Pygments lexer per language and options likewise: finding a lexer by its name walks
  Pygments' table of every lexer, 1% of a full build;
- no collection at exit: the interpreter's last garbage collection frees the environment (the
  application and its environment refer to each other) object by object, 1.1 s of a 4.7 s
  one-paper rebuild at 2,600 papers; the process is ending, the system takes its memory back.
"""

from __future__ import annotations

import atexit
import gc
import posixpath
from collections.abc import Callable
from typing import Any

from sphinx.application import Sphinx
from sphinx.highlighting import PygmentsBridge

from ..paths import PEOPLE_DIR, edition_of, papers_dir
from .domain import Doctree, domain

# Languages whose lexer Sphinx chooses from the block's text (python or pycon; a guess).
SOURCE_DEPENDENT = frozenset({"py", "python", "py3", "python3", "default", "guess"})
# Before the themes' own html-page-context handlers (default priority 500) read `toctree`.
PRIORITY = 100


def share_toctree(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Doctree
) -> None:
    own: Callable[..., str] | None = context.get("toctree")
    folder = posixpath.dirname(pagename)
    year = edition_of(pagename)
    generated = folder == PEOPLE_DIR or (year is not None and folder == papers_dir(year))
    if own is None or not generated:
        return
    trees = domain(app.env).shared  # this build's, never pickled

    def toctree(**kwargs: Any) -> str:
        key = repr((folder, sorted(kwargs.items())))
        if key not in trees:
            trees[key] = own(**kwargs)
        return trees[key]

    context["toctree"] = toctree


def _share(bridge: PygmentsBridge, name: str, key: Callable[..., str | None]) -> None:
    """The bridge's method ``name``, made once for each ``key`` of its arguments (None: not
    shared). An instance attribute: this build's bridge only, Sphinx's class is left alone."""
    made: dict[str, Any] = {}  # Pygments objects (Pygments ships no type hints)
    make = getattr(bridge, name)

    def shared(*args: Any, **kwargs: Any) -> Any:
        k = key(*args, **kwargs)
        if k is None:
            return make(*args, **kwargs)
        if k not in made:
            made[k] = make(*args, **kwargs)
        return made[k]

    setattr(bridge, name, shared)


def share_formatters(bridge: PygmentsBridge) -> None:
    _share(bridge, "get_formatter", lambda **kwargs: repr(sorted(kwargs.items())))


def _lexer_key(
    source: str, lang: str, opts: dict[str, Any] | None = None, force: bool = False,
    location: Any = None,
) -> str | None:  # fmt: skip
    # PygmentsBridge.get_lexer's arguments; the lexer of some languages depends on the text.
    if lang in SOURCE_DEPENDENT:
        return None
    return repr((lang, sorted((opts or {}).items()), force))


def share_lexers(bridge: PygmentsBridge) -> None:
    _share(bridge, "get_lexer", _lexer_key)


def on_builder_inited(app: Sphinx) -> None:
    for name in ("highlighter", "dark_highlighter"):
        bridge = getattr(app.builder, name, None)
        if isinstance(bridge, PygmentsBridge):
            share_formatters(bridge)
            share_lexers(bridge)


def setup(app: Sphinx) -> None:
    # Frozen objects are left out of every collection. At exit, after the build (and after
    # every build of a process that runs several): registered once.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    app.connect("html-page-context", share_toctree, priority=PRIORITY)
    app.connect("builder-inited", on_builder_inited)
