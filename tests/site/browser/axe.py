"""axe-core in the page: run its rules and describe the violations found."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from playwright.sync_api import Page

# axe-core as vendored by the axe-playwright-python package (only the script is used).
AXE_PACKAGE = "axe_playwright_python"
BLOCKING = ("serious", "critical")


@functools.cache
def axe_source() -> str:
    return (files(AXE_PACKAGE) / "axe.min.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Violation:
    """One axe rule broken on a page, with the elements that break it."""

    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]
    snippets: tuple[str, ...]

    @property
    def blocking(self) -> bool:
        return self.impact in BLOCKING

    def describe(self) -> str:
        where = "\n".join(
            f"      {target}: {snippet[:160]}"
            for target, snippet in zip(self.targets[:4], self.snippets[:4], strict=True)
        )
        more = f"\n      ... and {len(self.targets) - 4} more" if len(self.targets) > 4 else ""
        return f"  [{self.impact}] {self.rule}: {self.help}\n{where}{more}"


def run_axe(page: Page, *, rules: list[str] | None = None) -> list[Violation]:
    """Inject axe-core (once per document) and return the violations on the current page."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the site's Content-Security-Policy forbids inline
        # scripts (and must stay in force for the other checks).
        page.evaluate(axe_source())
    # No preload of the stylesheets: axe fetches the theme's @import "../basic.css" from the
    # page's folder (a 404) and parses what it got in an inline <style> that the site's CSP
    # blocks, two console errors of its own; the one rule needing it, css-orientation-lock,
    # is left "incomplete" under the CSP with or without it.
    options: dict[str, Any] = {"resultTypes": ["violations"], "preload": False}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    results = page.evaluate("options => axe.run(document, options)", options)
    return [_violation(raw) for raw in results["violations"]]


def _violation(raw: dict[str, Any]) -> Violation:
    nodes = raw["nodes"]
    return Violation(
        rule=raw["id"],
        impact=raw.get("impact") or "unknown",
        help=raw["help"],
        targets=tuple(" ".join(map(str, node["target"])) for node in nodes),
        snippets=tuple(" ".join(node["html"].split()) for node in nodes),
    )


def describe(violations: list[Violation]) -> str:
    return "\n".join(v.describe() for v in violations)
