"""One Pygments formatter per set of options, instead of one per code block.

Sphinx's PygmentsBridge makes a new HtmlFormatter for every literal block, and each one builds
its style table from scratch: with four citation blocks on every paper page that was 5% of a
full build. A formatter keeps no state between blocks, so one per set of options will do.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.highlighting import PygmentsBridge


def share_formatters(bridge: PygmentsBridge) -> None:
    made: dict[str, Any] = {}  # Pygments formatters (Pygments ships no type hints)
    make = bridge.get_formatter

    def get_formatter(**kwargs: Any) -> Any:
        key = repr(sorted(kwargs.items()))
        if key not in made:
            made[key] = make(**kwargs)
        return made[key]

    # An instance attribute: this build's bridge only, Sphinx's class is left alone.
    setattr(bridge, "get_formatter", get_formatter)  # noqa: B010


def on_builder_inited(app: Sphinx) -> None:
    for name in ("highlighter", "dark_highlighter"):
        bridge = getattr(app.builder, name, None)
        if isinstance(bridge, PygmentsBridge):
            share_formatters(bridge)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", on_builder_inited)
