"""Sphinx extension for the program page."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("tools.proceedings.sphinx_ext")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
