"""Where the Sphinx extensions find the loaded proceedings.

The build environment (pickled between builds) keeps only a small reference: the data folder,
its files and their fingerprint. The loaded data itself stays in this process. A rebuild whose
data did not change reads it again only if a page that shows it has to be built again, and a
no-change rebuild does not pay for unpickling thousands of papers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import SphinxError

from .load import Loaded, load

ENV_KEY = "inet4ai_proceedings"


class ProceedingsDataError(SphinxError):
    category = "Proceedings data error"


@dataclass(frozen=True)
class DataRef:
    folder: Path
    fingerprint: str  # of the input files' bytes (load.fingerprint)
    files: tuple[Path, ...]  # every input file, for dependency tracking
    generated: frozenset[str]  # the stubs written from it, relative to the source folder


_loaded: dict[str, Loaded] = {}  # fingerprint -> data: this process's last load


def data_dir(app: Sphinx) -> Path:
    configured: str = app.config.proceedings_data
    return (Path(app.confdir) / configured).resolve()


def data_ref(env: BuildEnvironment) -> DataRef:
    value = getattr(env, ENV_KEY, None)
    if not isinstance(value, DataRef):
        raise ProceedingsDataError("the proceedings data was not loaded")
    return value


def previous_ref(env: BuildEnvironment) -> DataRef | None:
    """The reference the last build left in the environment, if any."""
    value = getattr(env, ENV_KEY, None)
    return value if isinstance(value, DataRef) else None


def loaded(env: BuildEnvironment) -> Loaded:
    ref = data_ref(env)
    hit = _loaded.get(ref.fingerprint)
    if hit is not None:
        return hit
    result = load(ref.folder)  # the environment came from disk: read the unchanged data again
    if result.fingerprint != ref.fingerprint:
        raise ProceedingsDataError(f"the data in {ref.folder} changed while the site was built")
    _keep(result)
    return result


def _keep(value: Loaded) -> None:
    _loaded.clear()
    _loaded[value.fingerprint] = value


def store(env: BuildEnvironment, folder: Path, value: Loaded, *, generated: frozenset[str]) -> None:
    _keep(value)
    setattr(env, ENV_KEY, DataRef(folder, value.fingerprint, value.files, generated))
