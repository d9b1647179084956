"""Where the Sphinx extensions keep the loaded proceedings: on the build environment."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import SphinxError

from .load import Loaded

ENV_KEY = "inet4ai_proceedings"


class ProceedingsDataError(SphinxError):
    category = "Proceedings data error"


def data_dir(app: Sphinx) -> Path:
    configured: str = app.config.proceedings_data
    return (Path(app.confdir) / configured).resolve()


def loaded(env: BuildEnvironment) -> Loaded:
    value: Loaded | None = getattr(env, ENV_KEY, None)
    if value is None:
        raise ProceedingsDataError("the proceedings data was not loaded")
    return value


def store(env: BuildEnvironment, value: Loaded) -> None:
    setattr(env, ENV_KEY, value)
