"""Every generated page passes the Nu HTML Checker, but for errors listed as the theme's."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, Site
from tests.support import redirect_pages, require, site_pages

KNOWN_FILE = Path(__file__).with_name("html_known_theme_errors.txt")
# The current Nu HTML Checker, from npm's vnu-jar (tests/node, installed by `make test`).
VNU_JAR = ROOT / "tests" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Errors of kinds our own markup could have: no known-error pattern may match these.
CANARIES = [
    "Duplicate ID “cite”.",
    "Stray end tag “p”.",
    "Element “div” not allowed as child of element “span” in this context.",
    "Attribute “download” not allowed on element “a” at this point.",
    "Bad value “” for attribute “href” on element “a”: Illegal character in path segment.",
    "Element “head” is missing a required instance of child element “title”.",
]
# A page with one error of our making, checked in the same run: proves errors are seen.
PROBE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>probe</title></head>
<body><p id="twice">one</p><p id="twice">two</p></body></html>"""


@dataclass(frozen=True)
class Known:
    pattern: re.Pattern[str]
    reason: str
    line: int


@dataclass(frozen=True)
class Finding:
    page: str
    line: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message}\n    {' '.join(self.extract.split())}"


def read_known(path: Path) -> list[Known]:
    known = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        pattern, sep, reason = line.partition(" :: ")
        assert sep and pattern.strip() and reason.strip(), f"{path.name}:{number}: no reason"
        known.append(Known(re.compile(pattern.strip()), reason.strip(), number))
    return known


def check(files: dict[str, Path]) -> list[Finding]:
    """Run the checker once over the files (name -> path); return its errors, named."""
    names = {path.resolve().as_uri(): name for name, path in files.items()}
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always",
         *(str(path) for path in files.values())],
        capture_output=True, text=True, encoding="utf-8", timeout=600, check=True,
    )  # fmt: skip
    output = result.stderr  # vnu writes its JSON report to stderr
    report, _ = json.JSONDecoder().raw_decode(output[output.index("{") :])
    return [
        Finding(
            names.get(_file_uri(m.get("url", "")), m.get("url", "?")),
            m.get("lastLine"),
            m["message"],
            m.get("extract", ""),
        )
        for m in report["messages"]
        if m["type"] in ("error", "non-document-error")
    ]


def _file_uri(url: str) -> str:
    """vnu names files 'file:/a/b'; Path.as_uri() says 'file:///a/b'."""
    return Path(url.removeprefix("file:")).resolve().as_uri() if url.startswith("file:") else url


@pytest.fixture(scope="module")
def known() -> list[Known]:
    return read_known(KNOWN_FILE)


@pytest.fixture(scope="module")
def findings(site: Site, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Finding]]:
    """Checker errors of every generated page, of every redirect page at a moved address (not
    themed, but HTML all the same) and of the probe page, by page."""
    require(
        shutil.which("java") is not None, "java not found (apt-get install default-jre-headless)"
    )
    require(VNU_JAR.is_file(), f"{VNU_JAR} not found (make test installs it: npm ci in tests/node)")
    probe = tmp_path_factory.mktemp("vnu") / "probe.html"
    probe.write_text(PROBE, encoding="utf-8")
    files = {page: site.out / page for page in site_pages(site.out, redirects=True)}
    assert site_pages(site.out), "the site has no pages"
    assert redirect_pages(site.out), "the site has no redirect pages (moved.yaml)"
    by_page: dict[str, list[Finding]] = {name: [] for name in [*files, "<probe>"]}
    for finding in check({**files, "<probe>": probe}):
        by_page.setdefault(finding.page, []).append(finding)
    return by_page


def test_the_checker_sees_errors(findings: dict[str, list[Finding]]) -> None:
    assert [f.message for f in findings["<probe>"]] == ["Duplicate ID “twice”."]


def test_generated_pages_have_no_html_errors(
    findings: dict[str, list[Finding]], known: list[Known]
) -> None:
    unexpected = [
        str(f)
        for page, found in findings.items()
        if page != "<probe>"
        for f in found
        if not any(k.pattern.search(f.message) for k in known)
    ]
    assert not unexpected, "Nu HTML Checker errors:\n" + "\n".join(unexpected)


def test_redirect_pages_have_no_html_errors_at_all(
    site: Site, findings: dict[str, list[Finding]]
) -> None:
    """A redirect page is ours alone (tools/proceedings/sphinx/redirect.html), not the theme's:
    no known theme error excuses an error there."""
    redirects = redirect_pages(site.out)
    assert "proceedings/authors.html" in redirects
    assert {page: [str(f) for f in findings[page]] for page in redirects} == {
        page: [] for page in redirects
    }


def test_every_known_theme_error_still_occurs(
    findings: dict[str, list[Finding]], known: list[Known]
) -> None:
    messages = [f.message for page, found in findings.items() if page != "<probe>" for f in found]
    stale = [
        f"{KNOWN_FILE.name}:{k.line}: {k.pattern.pattern}"
        for k in known
        if not any(k.pattern.search(m) for m in messages)
    ]
    assert not stale, "known theme errors that no longer occur (delete them):\n" + "\n".join(stale)


def test_known_theme_errors_are_narrow(known: list[Known]) -> None:
    wide = [
        f"{KNOWN_FILE.name}:{k.line}: {k.pattern.pattern} matches {text!r}"
        for k in known
        for text in ["", *CANARIES]
        if k.pattern.search(text)
    ]
    assert not wide, "entries that would silence errors of ours:\n" + "\n".join(wide)
