"""Where the site puts what the proceedings make: folders and names, relative to the Sphinx
source folder and, the same, to the output folder. Published URLs: never change them."""

from __future__ import annotations

import posixpath

PAPERS_DIR = "proceedings/papers"  # a generated page and the citation files of each paper
AUTHORS_DIR = "proceedings/authors"  # the author index's letter pages, for large volumes
GENERATED_DIRS = (PAPERS_DIR, AUTHORS_DIR)
PROCEEDINGS_INDEX = "proceedings/index"
AUTHOR_INDEX = "proceedings/authors"
VOLUME_DIR = "proceedings"  # the volume's citation files: volume.bib, .ris, .json
VOLUME_STEM = "volume"


def paper_docname(paper_id: str) -> str:
    return f"{PAPERS_DIR}/{paper_id}"


def relative(from_doc: str, target: str) -> str:
    """URI of an output file ``target`` (relative to the site root) as seen from a page."""
    return posixpath.relpath(target, posixpath.dirname(from_doc) or ".")
